"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useMutationState } from "@tanstack/react-query";
import { useMatrix } from "@/components/matrix/use-matrix";
import { PositionBadge } from "@/components/matrix/position-badge";
import { CellEditor } from "@/components/matrix/cell-editor";
import { EditFailure, useCellEdit, type CellEdit } from "@/components/matrix/use-cell-edit";
import { POSITION_STYLES } from "@/lib/matrix/positions";
import { formatCalendarDate } from "@/lib/matrix/dates";
import type { MatrixView } from "@/lib/matrix/schema";
import type { CellChange } from "@/lib/matrix/compare";
import type { CellState } from "@/lib/matrix/mutations";
import type { Position } from "@/lib/generated/prisma/enums";

type Props = {
  initial: MatrixView;
  canEdit: boolean;
  changes: CellChange[] | null;
  compareFrom: string | null;
  selectedCell: string | null;
  /** A shared read-only view: cells lead nowhere, since the visitor may see nothing else. */
  shared?: boolean;
};
type Editing = { issueId: string; partyId: string; draft?: CellEdit; conflict?: CellState; error?: { message: string; fieldErrors?: Record<string, string[] | undefined> } };

const cellKey = (issueId: string, partyId: string) => `${issueId}:${partyId}`;

export function MatrixBoard({ initial, canEdit, changes, compareFrom, selectedCell, shared = false }: Props) {
  const router = useRouter();
  const { data: matrix = initial } = useMatrix(initial.workspace.slug, initial.asOf, initial, !shared);
  const slug = matrix.workspace.slug;
  const cells = new Map(matrix.cells.map((c) => [cellKey(c.issueId, c.partyId), c]));
  const changed = new Map((changes ?? []).map((c) => [cellKey(c.issueId, c.partyId), c]));
  const [editing, setEditing] = useState<Editing | null>(null);
  const [focus, setFocus] = useState<[number, number]>(() => {
    const [issueId, partyId] = (selectedCell ?? "").split(":");
    const row = matrix.issues.findIndex((i) => i.id === issueId);
    const column = matrix.parties.findIndex((p) => p.id === partyId);
    return row >= 0 && column >= 0 ? [row, column] : [0, 0];
  });
  const grid = useRef<HTMLTableElement>(null);
  const edit = useCellEdit(slug, matrix.asOf);
  const pending = new Set(
    useMutationState({ filters: { mutationKey: ["cell-edit", { slug }], status: "pending" }, select: (m) => m.state.variables as CellEdit | undefined })
      .filter((v): v is CellEdit => Boolean(v))
      .map((v) => cellKey(v.issueId, v.partyId)),
  );

  // The selected cell is part of the URL, so a shared link lands on it.
  function select(row: number, column: number) {
    setFocus([row, column]);
    const issue = matrix.issues[row];
    const party = matrix.parties[column];
    if (!issue || !party) return;
    const url = new URL(window.location.href);
    url.searchParams.set("cell", cellKey(issue.id, party.id));
    window.history.replaceState(window.history.state, "", url);
  }

  function focusCell(row: number, column: number) {
    grid.current?.querySelector<HTMLElement>(`[data-row="${row}"][data-column="${column}"]`)?.focus();
  }

  useEffect(() => {
    if (selectedCell) focusCell(focus[0], focus[1]);
    // Only on arrival: a permalink to a cell focuses it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function open(row: number, column: number) {
    if (shared) return;
    const issue = matrix.issues[row]!;
    const party = matrix.parties[column]!;
    if (canEdit) setEditing({ issueId: issue.id, partyId: party.id });
    else router.push(`/w/${slug}/cells/${issue.id}/${party.id}?asOf=${matrix.asOf}`);
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>, row: number, column: number) {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      const next: [number, number] = [Math.min(matrix.issues.length - 1, Math.max(0, row + move[0])), Math.min(matrix.parties.length - 1, Math.max(0, column + move[1]))];
      select(...next);
      focusCell(...next);
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      open(row, column);
    }
  }

  function submit(request: CellEdit) {
    const target = { issueId: request.issueId, partyId: request.partyId };
    setEditing(null);
    focusCell(focus[0], focus[1]);
    edit.mutate(request, {
      onSuccess: (result) => {
        if (result.ok) return;
        if (result.reason === "conflict") setEditing({ ...target, draft: request, conflict: result.current });
        else setEditing({ ...target, draft: request, error: { message: result.message } });
      },
      onError: (error) => setEditing({ ...target, draft: request, error: { message: error.message, fieldErrors: error instanceof EditFailure ? error.fieldErrors : undefined } }),
    });
  }

  const editingIssue = editing && matrix.issues.find((i) => i.id === editing.issueId);
  const editingParty = editing && matrix.parties.find((p) => p.id === editing.partyId);
  const editingCell = editing ? cells.get(cellKey(editing.issueId, editing.partyId)) : undefined;

  return (
    <>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table ref={grid} role="grid" aria-label={`Stance matrix as of ${formatCalendarDate(matrix.asOf)}`} className="w-full min-w-[720px] table-fixed border-collapse text-left">
          <thead>
            <tr className="border-b border-slate-200 bg-slate-50">
              <th scope="col" className="w-72 px-4 py-3 text-xs font-semibold uppercase tracking-wide text-slate-500">Issue</th>
              {matrix.parties.map((party) => (
                <th key={party.id} scope="col" className="px-4 py-3 text-sm font-semibold">
                  <span className="inline-flex items-center gap-2">
                    <span aria-hidden className="inline-block h-3 w-1.5 rounded-sm" style={{ backgroundColor: party.colour }} />
                    {party.name}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.issues.map((issue, row) => (
              <tr key={issue.id} className="border-b border-slate-100 align-top last:border-0">
                <th scope="row" className="px-4 py-3 text-sm font-medium">
                  {issue.title}
                  {issue.description ? <span className="mt-1 block text-xs font-normal text-slate-500">{issue.description}</span> : null}
                </th>
                {matrix.parties.map((party, column) => {
                  const key = cellKey(issue.id, party.id);
                  const statement = cells.get(key)?.statement ?? null;
                  const change = changed.get(key);
                  const isPending = pending.has(key);
                  const position = statement?.position as Position | undefined;
                  const label = `${party.name} on ${issue.title}: ${position ? matrix.positionLabels[position] : "no statement"}${change ? " (changed)" : ""}${isPending ? " (saving)" : ""}`;
                  return (
                    <td
                      key={party.id}
                      tabIndex={focus[0] === row && focus[1] === column ? 0 : -1}
                      data-row={row}
                      data-column={column}
                      data-testid="matrix-cell"
                      data-position={position ?? ""}
                      data-changed={change ? "true" : undefined}
                      data-pending={isPending ? "true" : undefined}
                      aria-label={label}
                      aria-busy={isPending}
                      onFocus={() => (focus[0] !== row || focus[1] !== column) && select(row, column)}
                      onKeyDown={(e) => onKeyDown(e, row, column)}
                      onClick={() => open(row, column)}
                      className={shared ? "matrix-cell" : "matrix-cell cursor-pointer"}
                    >
                      <div
                        className={`matrix-card ${position ? POSITION_STYLES[position].cell : "matrix-card-empty"} ${change ? "matrix-card-changed" : ""} ${isPending ? "opacity-70" : ""}`}
                      >
                        {isPending ? <span className="absolute top-1 right-2 text-[10px] font-semibold uppercase text-slate-500">Saving…</span> : null}
                        {change ? (
                          <span className="mb-1 block text-[11px] font-semibold text-fuchsia-800">
                            {change.before ? matrix.positionLabels[change.before.position] : "—"} → {change.after ? matrix.positionLabels[change.after.position] : "—"}
                          </span>
                        ) : null}
                        {statement && position ? (
                          <>
                            <PositionBadge position={position} label={matrix.positionLabels[position] ?? position} />
                            <span className="matrix-summary">{statement.summary}</span>
                            <span className="matrix-meta">
                              <time dateTime={statement.statedOn}>{formatCalendarDate(statement.statedOn)}</time>
                              {shared ? (
                                <span>{statement.evidenceCount} {statement.evidenceCount === 1 ? "quote" : "quotes"}</span>
                              ) : (
                                <Link href={`/w/${slug}/cells/${issue.id}/${party.id}?asOf=${matrix.asOf}`} onClick={(e) => e.stopPropagation()} tabIndex={-1}>
                                  {statement.evidenceCount} {statement.evidenceCount === 1 ? "quote" : "quotes"}
                                </Link>
                              )}
                            </span>
                          </>
                        ) : (
                          <span className="matrix-empty">No statement yet</span>
                        )}
                      </div>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {compareFrom ? <p className="mt-2 text-sm text-fuchsia-900">{changes?.length ?? 0} cells changed between {formatCalendarDate(compareFrom)} and {formatCalendarDate(matrix.asOf)} (ringed).</p> : null}
      {shared ? null : <p className="mt-2 text-xs text-slate-500">Arrow keys move between cells; Enter {canEdit ? "opens the editor" : "opens the cell’s history"}; Escape closes it.</p>}
      {editing && editingIssue && editingParty ? (
        <CellEditor
          key={`${editing.issueId}:${editing.partyId}:${editing.conflict?.version ?? ""}:${editing.error?.message ?? ""}`}
          slug={slug}
          asOf={matrix.asOf}
          issue={editingIssue}
          party={editingParty}
          version={editingCell?.version ?? 0}
          statement={editingCell?.statement ?? null}
          labels={matrix.positionLabels}
          draft={editing.draft}
          conflict={editing.conflict}
          error={editing.error}
          onSubmit={submit}
          onClose={() => {
            setEditing(null);
            focusCell(focus[0], focus[1]);
          }}
        />
      ) : null}
    </>
  );
}
