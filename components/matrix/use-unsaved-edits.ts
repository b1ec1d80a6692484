"use client";

import { useMutationState } from "@tanstack/react-query";
import { type CellEdit, cellEditKey, pendingStatement } from "@/components/matrix/cell-edit";
import { cellKey } from "@/lib/matrix/as-of";
import type { EditResult } from "@/lib/matrix/mutations";
import type { MatrixView } from "@/lib/matrix/schema";

/**
 * Edits this tab sent that the rendered matrix does not show yet: in flight, or saved with a
 * version newer than the rendered cell's (the action's re-render is on its way).
 */
export function useUnsavedEdits(slug: string, rendered: MatrixView): CellEdit[] {
  const versions = new Map(rendered.cells.map((c) => [cellKey(c.issueId, c.partyId), c.version]));
  return useMutationState({
    filters: { mutationKey: cellEditKey(slug) },
    select: (m) => ({
      status: m.state.status,
      edit: m.state.variables as CellEdit | undefined,
      result: m.state.data as EditResult | undefined,
    }),
  })
    .filter(
      ({ status, edit, result }) =>
        edit &&
        (status === "pending" ||
          (status === "success" &&
            result?.ok &&
            (versions.get(cellKey(edit.issueId, edit.partyId)) ?? 0) < result.version)),
    )
    .map(({ edit }) => edit!);
}

/** The matrix with unsaved edits shown in their cells (a retraction shows once it is saved). */
export function withUnsavedEdits(rendered: MatrixView, unsaved: CellEdit[]): MatrixView {
  const shown = unsaved.filter(
    (e): e is Exclude<CellEdit, { kind: "retract" }> => e.kind !== "retract" && e.statedOn <= rendered.asOf,
  );
  if (shown.length === 0) return rendered;
  const byCell = new Map(shown.map((e) => [cellKey(e.issueId, e.partyId), e]));
  const cells = rendered.cells.map((c) => {
    const e = byCell.get(cellKey(c.issueId, c.partyId));
    if (!e) return c;
    byCell.delete(cellKey(c.issueId, c.partyId));
    return { ...c, statement: pendingStatement(e) };
  });
  for (const e of byCell.values())
    cells.push({ issueId: e.issueId, partyId: e.partyId, version: e.baseVersion, statement: pendingStatement(e) });
  return { ...rendered, cells };
}
