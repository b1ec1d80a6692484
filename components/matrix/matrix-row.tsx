"use client";

import { IssueLinkMarker } from "@/components/matrix/linkage-overlay";
import { type Board, MatrixCell } from "@/components/matrix/matrix-cell";
import type { MatrixView } from "@/lib/matrix/schema";

/** The grid's column headers: the issue column, then each party with its colour. */
export function MatrixHeader({ parties, virtual }: { parties: MatrixView["parties"]; virtual: boolean }) {
  return (
    <thead>
      <tr aria-rowindex={virtual ? 1 : undefined} className="border-b border-slate-200 bg-slate-50">
        <th
          scope="col"
          className="matrix-first bg-slate-50 px-4 py-3 text-xs font-semibold uppercase tracking-wide text-slate-500"
        >
          Issue
        </th>
        {parties.map((party) => (
          <th key={party.id} scope="col" className="px-4 py-3 text-sm font-semibold">
            <span className="inline-flex items-center gap-2">
              <span
                aria-hidden
                className="inline-block h-3 w-1.5 rounded-sm"
                style={{ backgroundColor: party.colour }}
              />
              {party.name}
            </span>
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** One issue's row: its title (with its linkage marker and description), then its cell for each party. */
export function MatrixRow({
  board,
  issue,
  row,
  measure,
}: {
  board: Board;
  issue: MatrixView["issues"][number];
  row: number;
  /** The row window's ref, so it measures the row's real height. */
  measure: (element: HTMLTableRowElement | null) => void;
}) {
  return (
    <tr ref={measure} data-index={row} aria-rowindex={board.virtual ? row + 2 : undefined} className="matrix-row">
      <th scope="row" className="matrix-first matrix-issue">
        {issue.title}
        <IssueLinkMarker issueId={issue.id} links={board.links} expanded={board.showLinkages} />
        {issue.description ? <span className="matrix-issue-description">{issue.description}</span> : null}
      </th>
      {board.matrix.parties.map((party, column) => (
        <MatrixCell key={party.id} board={board} issue={issue} party={party} row={row} column={column} />
      ))}
    </tr>
  );
}

/** Stands in for the rows outside a big matrix's window, at their height. */
export function RowGap({ height, columns }: { height: number; columns: number }) {
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer with nothing focusable in it, not a grid row
    <tr aria-hidden="true" data-testid="matrix-row-gap">
      <td colSpan={columns + 1} className="p-0" style={{ height }} />
    </tr>
  );
}
