"use client";

import dynamic from "next/dynamic";
import { type CSSProperties, Fragment, type RefObject, Suspense, useEffect, useMemo, useRef, useState } from "react";
import type { CellEdit } from "@/components/matrix/cell-edit";
import { LinkageToggle, linksHoldingOn } from "@/components/matrix/linkage-overlay";
import { type Board, preloadCellPreview } from "@/components/matrix/matrix-cell";
import { MatrixHeader, MatrixRow, RowGap } from "@/components/matrix/matrix-row";
import { AllRows, VIRTUAL_CELLS } from "@/components/matrix/row-window";
import { useCellCommands } from "@/components/matrix/use-cell-commands";
import { useCellPreview } from "@/components/matrix/use-cell-preview";
import { type Editing, useCellSubmit } from "@/components/matrix/use-cell-submit";
import { useGridEvents } from "@/components/matrix/use-grid-events";
import { useGridFocus } from "@/components/matrix/use-grid-focus";
import { useUnsavedEdits, withUnsavedEdits } from "@/components/matrix/use-unsaved-edits";
import { useDates } from "@/components/ui/date-locale";
import { lazyComponent } from "@/components/ui/lazy-component";
import type { CellCommentCount } from "@/lib/comments/data";
import type { IssueLinkView } from "@/lib/issue-links/labels";
import { cellKey } from "@/lib/matrix/as-of";
import type { CellChange, WordingPart } from "@/lib/matrix/compare";
import { type PackedMatrix, unpackMatrix } from "@/lib/matrix/packed";

type Props = {
  /** The matrix as the server read it (packed for the trip); the page's re-render after an edit is its only update. */
  matrix: PackedMatrix;
  canEdit: boolean;
  changes: CellChange[] | null;
  /** In compare mode, the changed cells' wording, old against new (lib/matrix/compare.ts). */
  wording?: Record<string, WordingPart[]>;
  /** Comments on each cell's statements, keyed `issueId:partyId` (lib/comments/data.ts). */
  commentCounts?: Record<string, CellCommentCount>;
  compareFrom: string | null;
  selectedCell: string | null;
  /** A shared read-only view: cells lead nowhere, since the visitor may see nothing else. */
  shared?: boolean;
  /** A shared view's own address (/s/<token>): its quotes open under it, read-only. */
  shareBase?: string;
  /** Open proposals per cell, keyed `issueId:partyId` (review mode). */
  proposalCounts?: Record<string, number>;
  /** Review mode, for an editor: edits are proposed, not applied. */
  proposing?: boolean;
  /** Linked issues (package deals, sequencing), for the linkage overlay. */
  issueLinks?: readonly IssueLinkView[];
};

// The editor is not needed to show the matrix: it is left out of the page's first load and
// fetched once the page is idle (for an editor) or when a cell is first opened, with the code
// that sends its edits (use-cell-submit.ts).
const { Component: CellEditor, preload: preloadCellEditor } = lazyComponent(() => {
  void import("@/components/matrix/send-cell-edit");
  return import("@/components/matrix/cell-editor").then((m) => m.CellEditor);
});
// The list of linked issues shows only once "Show linkages" is ticked.
const { Component: LinkageList, preload: preloadLinkageList } = lazyComponent(() =>
  import("@/components/matrix/linkage-list").then((m) => m.LinkageList),
);
// The row virtualiser, likewise, is loaded only for a matrix big enough to need it. next/dynamic,
// not React.lazy in a Suspense boundary inside <tbody>: with that, a 60 × 10 matrix came up with
// no rows at all in CI (tests/browser/matrix-reading.test.ts).
const VirtualRows = dynamic(() => import("@/components/matrix/virtual-rows").then((m) => m.VirtualRows));

function useIdlePreload(wanted: boolean, preload: () => Promise<unknown>) {
  useEffect(() => {
    if (!wanted) return;
    const start = () => void preload();
    if (typeof window.requestIdleCallback !== "function") {
      const timer = setTimeout(start, 1000);
      return () => clearTimeout(timer);
    }
    const idle = window.requestIdleCallback(start, { timeout: 3000 });
    return () => window.cancelIdleCallback(idle);
  }, [wanted, preload]);
}

export function MatrixBoard(props: Props) {
  const { canEdit, changes, selectedCell, shared = false, proposing = false } = props;
  const rendered = useMemo(() => unpackMatrix(props.matrix), [props.matrix]);
  const dates = useDates();
  const slug = rendered.workspace.slug;
  const unsaved = useUnsavedEdits(slug, rendered);
  const matrix = withUnsavedEdits(rendered, unsaved);
  const [dimLowConfidence, setDimLowConfidence] = useState(false);
  const [showLinkages, setShowLinkages] = useState(false);
  const links = linksHoldingOn(props.issueLinks ?? [], matrix.asOf);
  const preview = useCellPreview();
  const table = useRef<HTMLTableElement>(null);
  const headerHeight = useHeaderHeight(table);
  const grid = useGridFocus(table, matrix, selectedCell);
  useIdlePreload(canEdit && !shared, preloadCellEditor);
  useIdlePreload(!shared, preloadCellPreview);
  useIdlePreload(links.length > 0, preloadLinkageList);
  const editor = useCellSubmit(slug, matrix, proposing, grid.refocus);
  const { open, onKeyDown } = useCellCommands({
    matrix,
    slug,
    canEdit,
    shared,
    edit: editor.open,
    moveByArrow: grid.moveByArrow,
  });

  const board: Board = {
    matrix,
    slug,
    cells: new Map(matrix.cells.map((c) => [cellKey(c.issueId, c.partyId), c])),
    changed: new Map((changes ?? []).map((c) => [cellKey(c.issueId, c.partyId), c])),
    pending: new Set(unsaved.map((v) => cellKey(v.issueId, v.partyId))),
    wording: props.wording ?? {},
    commentCounts: props.commentCounts ?? {},
    proposalCounts: props.proposalCounts ?? {},
    dimLowConfidence,
    shared,
    shareBase: props.shareBase,
    virtual: matrix.issues.length * matrix.parties.length > VIRTUAL_CELLS,
    links,
    showLinkages,
    calendar: dates.calendar,
    focus: grid.focus,
    preview,
  };
  const events = useGridEvents({ matrix, focus: grid.focus, preview, select: grid.select, onKeyDown, open });
  return (
    <>
      <BoardOptions
        dimLowConfidence={dimLowConfidence}
        onDimLowConfidence={setDimLowConfidence}
        links={links}
        showLinkages={showLinkages}
        onShowLinkages={setShowLinkages}
      />
      <p role="status" className="mb-2 text-sm text-emerald-800 empty:hidden">
        {editor.proposed}
      </p>
      <MatrixGrid board={board} events={events} table={table} headerHeight={headerHeight} revealRow={grid.revealRow} />
      <BoardNotes
        compareFrom={props.compareFrom}
        changes={changes}
        asOf={matrix.asOf}
        canEdit={canEdit}
        shared={shared}
      />
      {editor.editing ? (
        <BoardEditor
          board={board}
          editing={editor.editing}
          proposing={proposing}
          onSubmit={editor.submit}
          onClose={editor.close}
        />
      ) : null}
    </>
  );
}

/** The grid's header height, measured once it is mounted: a big matrix's row window starts below it. */
function useHeaderHeight(table: RefObject<HTMLTableElement | null>) {
  const [headerHeight, setHeaderHeight] = useState(45);
  useEffect(() => setHeaderHeight(table.current?.tHead?.offsetHeight ?? 45), [table]);
  return headerHeight;
}

function BoardOptions({
  dimLowConfidence,
  onDimLowConfidence,
  links,
  showLinkages,
  onShowLinkages,
}: {
  dimLowConfidence: boolean;
  onDimLowConfidence: (dim: boolean) => void;
  links: readonly IssueLinkView[];
  showLinkages: boolean;
  onShowLinkages: (shown: boolean) => void;
}) {
  return (
    <>
      <label className="mb-2 inline-flex items-center gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          checked={dimLowConfidence}
          onChange={(e) => onDimLowConfidence(e.target.checked)}
          className="size-4"
        />
        Dim low-confidence statements
      </label>
      <LinkageToggle shown={showLinkages} onChange={onShowLinkages} count={links.length} listId="matrix-linkages" />
      {showLinkages ? (
        <Suspense>
          <LinkageList links={links} listId="matrix-linkages" />
        </Suspense>
      ) : null}
    </>
  );
}

/** The ARIA grid of issues by parties; a big matrix renders only the rows in view (VirtualRows). */
function MatrixGrid({
  board,
  events,
  table,
  headerHeight,
  revealRow,
}: {
  board: Board;
  events: ReturnType<typeof useGridEvents>;
  table: RefObject<HTMLTableElement | null>;
  headerHeight: number;
  revealRow: RefObject<(row: number) => void>;
}) {
  const { matrix, virtual } = board;
  const scroller = useRef<HTMLDivElement>(null);
  const Rows = virtual ? VirtualRows : AllRows;
  return (
    // Narrow screens scroll the matrix inside this box, with the issue column held in place.
    <div ref={scroller} className="matrix-scroller rounded-lg border border-slate-200 bg-white shadow-sm">
      <table
        ref={table}
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the ARIA grid pattern; arrow keys move between cells
        role="grid"
        aria-label={`Stance matrix as of ${board.calendar(matrix.asOf)}`}
        aria-rowcount={virtual ? matrix.issues.length + 1 : undefined}
        className="matrix-table w-full table-fixed border-collapse text-left"
        style={{ "--matrix-parties": Math.max(1, matrix.parties.length) } as CSSProperties}
        {...events}
      >
        <MatrixHeader parties={matrix.parties} virtual={virtual} />
        <tbody>
          <Rows
            rows={matrix.issues.length}
            columns={matrix.parties.length}
            scroller={scroller}
            headerHeight={headerHeight}
            focusedRow={board.focus[0]}
            revealRef={revealRow}
          >
            {({ slices, gapAfter, measure }) => (
              <>
                {slices.map(({ row, gapBefore }) => {
                  const issue = matrix.issues[row]!;
                  return (
                    <Fragment key={issue.id}>
                      {gapBefore ? <RowGap height={gapBefore} columns={matrix.parties.length} /> : null}
                      <MatrixRow board={board} issue={issue} row={row} measure={measure} />
                    </Fragment>
                  );
                })}
                {gapAfter ? <RowGap height={gapAfter} columns={matrix.parties.length} /> : null}
              </>
            )}
          </Rows>
        </tbody>
      </table>
    </div>
  );
}

/** Under the grid: how many cells changed in compare mode, and the keyboard help. */
function BoardNotes({
  compareFrom,
  changes,
  asOf,
  canEdit,
  shared,
}: {
  compareFrom: string | null;
  changes: CellChange[] | null;
  asOf: string;
  canEdit: boolean;
  shared: boolean;
}) {
  const dates = useDates();
  return (
    <>
      {compareFrom ? (
        <p className="mt-2 text-sm text-fuchsia-900">
          {changes?.length ?? 0} cells changed between {dates.calendar(compareFrom)} and {dates.calendar(asOf)}{" "}
          (ringed).
        </p>
      ) : null}
      {shared ? null : (
        <p className="mt-2 text-xs text-slate-500">
          Arrow keys move between cells; Enter {canEdit ? "opens the editor" : "opens the cell’s history"}; Escape
          closes it; H opens the cell’s history.
        </p>
      )}
    </>
  );
}

/** The editor for the open cell, keyed so that a refused edit reopens it afresh with the user's draft. */
function BoardEditor({
  board: { matrix, slug, cells },
  editing,
  proposing,
  onSubmit,
  onClose,
}: {
  board: Board;
  editing: Editing;
  proposing: boolean;
  onSubmit: (edit: CellEdit) => void;
  onClose: () => void;
}) {
  const issue = matrix.issues.find((i) => i.id === editing.issueId);
  const party = matrix.parties.find((p) => p.id === editing.partyId);
  const cell = cells.get(cellKey(editing.issueId, editing.partyId));
  if (!issue || !party) return null;
  return (
    <Suspense>
      <CellEditor
        key={`${editing.issueId}:${editing.partyId}:${editing.conflict?.version ?? ""}:${editing.error?.message ?? ""}`}
        slug={slug}
        asOf={matrix.asOf}
        issue={issue}
        party={party}
        version={cell?.version ?? 0}
        statement={cell?.statement ?? null}
        labels={matrix.positionLabels}
        issues={matrix.issues}
        parties={matrix.parties}
        draft={editing.draft}
        conflict={editing.conflict}
        error={editing.error}
        onSubmit={onSubmit}
        proposing={proposing}
        onClose={onClose}
      />
    </Suspense>
  );
}
