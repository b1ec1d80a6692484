import DiffMatchPatch from "diff-match-patch";
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
    new Map(
      view.cells
        .filter((c) => c.statement)
        .map((c) => [
          key(c),
          { issueId: c.issueId, partyId: c.partyId, id: c.statement!.id, position: c.statement!.position },
        ]),
    );
  const before = shown(from);
  const after = shown(to);
  const changes: CellChange[] = [];
  for (const k of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(k);
    const a = after.get(k);
    if (b?.id === a?.id) continue;
    const cell = (a ?? b)!;
    changes.push({
      issueId: cell.issueId,
      partyId: cell.partyId,
      before: b ? { id: b.id, position: b.position } : null,
      after: a ? { id: a.id, position: a.position } : null,
    });
  }
  return changes.sort((x, y) => (x.issueId + x.partyId < y.issueId + y.partyId ? -1 : 1));
}

export type WordingPart = { change: "same" | "added" | "removed"; text: string };

/**
 * The words that changed between two summaries, whole words at a time (diff-match-patch over
 * word tokens, as its line mode does over lines), so a reader sees "… <del>rejects</del>
 * <ins>is open to</ins> …" rather than scattered letters.
 */
export function diffWording(before: string, after: string): WordingPart[] {
  const tokens: string[] = [];
  const codes = new Map<string, string>();
  const encode = (text: string) =>
    (text.match(/\s+|[^\s]+/g) ?? [])
      .map((token) => {
        let code = codes.get(token);
        if (code === undefined) {
          code = String.fromCharCode(tokens.length);
          tokens.push(token);
          codes.set(token, code);
        }
        return code;
      })
      .join("");
  const dmp = new DiffMatchPatch();
  const diffs = dmp.diff_main(encode(before), encode(after), false);
  dmp.diff_cleanupSemantic(diffs);
  return diffs.map(([op, encoded]) => ({
    change: op === DiffMatchPatch.DIFF_INSERT ? "added" : op === DiffMatchPatch.DIFF_DELETE ? "removed" : "same",
    text: Array.from(encoded, (c) => tokens[c.charCodeAt(0)]).join(""),
  }));
}

/** For each changed cell that shows a statement on both dates: its wording, old against new. */
export function diffCellWording(
  from: Pick<MatrixView, "cells">,
  to: Pick<MatrixView, "cells">,
  changes: CellChange[],
): Record<string, WordingPart[]> {
  const summaries = (view: Pick<MatrixView, "cells">) =>
    new Map(view.cells.flatMap((c) => (c.statement ? [[c.statement.id, c.statement.summary] as const] : [])));
  const before = summaries(from);
  const after = summaries(to);
  const wording: Record<string, WordingPart[]> = {};
  for (const change of changes) {
    const old = change.before && before.get(change.before.id);
    const now = change.after && after.get(change.after.id);
    if (old !== undefined && old !== null && now !== undefined && now !== null)
      wording[`${change.issueId}:${change.partyId}`] = diffWording(old, now);
  }
  return wording;
}
