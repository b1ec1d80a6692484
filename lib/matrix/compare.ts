import type { MatrixView } from "@/lib/matrix/schema";

export type CellChange = {
  issueId: string;
  partyId: string;
  before: { id: string; position: string } | null;
  after: { id: string; position: string } | null;
};

/**
 * The cells whose shown statement differs between two views of the same matrix: a new
 * statement (even one restating the same position), a first statement, or one withdrawn.
 */
export function diffMatrices(from: Pick<MatrixView, "cells">, to: Pick<MatrixView, "cells">): CellChange[] {
  const key = (c: { issueId: string; partyId: string }) => `${c.issueId}:${c.partyId}`;
  const shown = (view: Pick<MatrixView, "cells">) =>
    new Map(view.cells.filter((c) => c.statement).map((c) => [key(c), { issueId: c.issueId, partyId: c.partyId, id: c.statement!.id, position: c.statement!.position }]));
  const before = shown(from);
  const after = shown(to);
  const changes: CellChange[] = [];
  for (const k of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(k);
    const a = after.get(k);
    if (b?.id === a?.id) continue;
    const cell = (a ?? b)!;
    changes.push({ issueId: cell.issueId, partyId: cell.partyId, before: b ? { id: b.id, position: b.position } : null, after: a ? { id: a.id, position: a.position } : null });
  }
  return changes.sort((x, y) => (x.issueId + x.partyId < y.issueId + y.partyId ? -1 : 1));
}
