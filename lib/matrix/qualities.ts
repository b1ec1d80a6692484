import type { StatementQualities } from "@/lib/matrix/schema";

// Pure readings of a stance's qualities (red line, condition), shared by the cell history, the
// digest and the convergence view.

type Dated = { id: string; statedOn: string; redLine?: boolean };

export type RedLineMark = "drawn" | "redrawn" | "softened";

/**
 * What each statement in force did to the party's red line on the issue, in stated order: the
 * first red line is "drawn", one after a softening "redrawn", and a statement without it after one
 * with it "softened". Statements that change nothing carry no mark. Given newest first, as cell
 * histories list them (so that of two statements of one day the later recorded is the later).
 */
export function redLineMarks(statements: readonly Dated[]): Map<string, RedLineMark> {
  const ordered = [...statements]
    .reverse()
    .sort((a, b) => (a.statedOn < b.statedOn ? -1 : a.statedOn > b.statedOn ? 1 : 0));
  const marks = new Map<string, RedLineMark>();
  let drawnBefore = false;
  let holding = false;
  for (const statement of ordered) {
    const red = statement.redLine ?? false;
    if (red && !holding) marks.set(statement.id, drawnBefore ? "redrawn" : "drawn");
    if (!red && holding) marks.set(statement.id, "softened");
    drawnBefore ||= red;
    holding = red;
  }
  return marks;
}

/** True when the statement names a condition of any kind. */
export function isConditional(qualities: Partial<StatementQualities>): boolean {
  return Boolean(qualities.conditionText || qualities.conditionCell);
}
