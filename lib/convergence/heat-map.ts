import { isZone, positionStep } from "@/lib/convergence/scale";
import type { Position } from "@/lib/generated/prisma/enums";
import { toCalendarDate } from "@/lib/matrix/dates";

/**
 * One cell's history as lib/convergence/timeline.ts hands it over. `landed` holds live statements
 * of the cell, newest first, as `column * 64 + code`, where the column is the first one dated on or
 * after the statement; the first statement of each column is the one that lands there (the cell's
 * last one dated after the previous column). The code's low three bits are the position's step on
 * the scale plus one (0 when it has none); the next three, what the statement is conditional on:
 * 0 nothing, 7 words alone (never met), else another cell, which must stand at that value minus
 * one or better. The condition cells of those offers follow in conditionIssueIds /
 * conditionPartyIds, in the order the offers come in `landed`.
 */
export type LandedCell = {
  issueId: string;
  partyId: string;
  landed: ArrayLike<number> & Iterable<number>;
  conditionIssueIds: readonly string[] | null;
  conditionPartyIds: readonly string[] | null;
};

/** A code of LandedCell: the step and condition of one statement. */
export function landedCode(position: Position, condition: { minPosition: Position | null } | null): number {
  const onScale = (positionStep(position) ?? -1) + 1;
  if (!condition) return onScale;
  return onScale + 8 * (condition.minPosition === null ? 7 : (positionStep(condition.minPosition) ?? -1) + 1);
}

const WORDS_ALONE = 7;

/** placed: how many parties count towards the zone that day (on the scale, or a met offer). */
export type HeatMapCell = { date: string; spread: number | null; inZone: boolean; placed: number };

/**
 * Per issue, the spread on every column: each party keeps its position from the column its
 * statement landed in until a later one lands. A conditional offer is judged against the cells
 * standing on the same column, as assessIssue and the zone of possible agreement list do: met, it
 * counts as agreeing without widening the spread; unmet, it is off the scale.
 */
export function sweepHeatMap(
  issueIds: readonly string[],
  columns: readonly string[],
  cells: readonly LandedCell[],
): Map<string, HeatMapCell[]> {
  const width = columns.length;
  const cellCount = cells.length;
  const { landedAt, conditionAt, issueOf } = layOnColumns(issueIds, width, cells);

  const standing = new Int8Array(cellCount).fill(-1);
  const standingCondition = new Int32Array(cellCount).fill(-1);
  const tallies = issueIds.map((issueId) => ({
    issueId,
    low: 0,
    high: 0,
    placed: 0,
    agreeing: 0,
    cells: [] as HeatMapCell[],
  }));
  for (const [column, date] of columns.entries()) {
    for (const tally of tallies) {
      tally.low = Number.POSITIVE_INFINITY;
      tally.high = Number.NEGATIVE_INFINITY;
      tally.placed = 0;
      tally.agreeing = 0;
    }
    for (let k = 0; k < cellCount; k++) {
      const at = k * width + column;
      const landedCode = landedAt[at] ?? -1;
      if (landedCode < 0) continue;
      standing[k] = landedCode;
      standingCondition[k] = conditionAt[at] ?? -1;
    }
    // A second pass: a condition reads the other cell as it stands on this column.
    for (let k = 0; k < cellCount; k++) {
      const code = standing[k] ?? -1;
      const tally = tallies[issueOf[k] ?? -1];
      if (code < 0 || !tally) continue;
      const on = code >> 3;
      const step = (code & 7) - 1;
      if (on === 0 && step >= 0) {
        tally.placed++;
        tally.low = Math.min(tally.low, step);
        tally.high = Math.max(tally.high, step);
      } else if (on > 0 && on !== WORDS_ALONE) {
        // Met when the condition's cell stands at the minimum step or better (on is that step + 1).
        const other = standingCondition[k] ?? -1;
        const otherCode = other < 0 ? -1 : (standing[other] ?? -1);
        if (otherCode >= 0 && (otherCode & 7) >= on) tally.agreeing++;
      }
    }
    for (const tally of tallies) {
      const spread = tally.placed > 0 ? tally.high - tally.low : null;
      const voices = tally.placed + tally.agreeing;
      tally.cells.push({ date, spread, inZone: isZone(voices, spread), placed: voices });
    }
  }
  return new Map(tallies.map((tally) => [tally.issueId, tally.cells]));
}

/**
 * Per cell and column, the code landing there (-1: none) and the cell its condition reads; and
 * each cell's issue index.
 */
function layOnColumns(issueIds: readonly string[], width: number, cells: readonly LandedCell[]) {
  const cellCount = cells.length;
  const issueIndex = new Map(issueIds.map((id, index) => [id, index]));
  const cellIndex = new Map(cells.map((cell, index) => [`${cell.issueId}:${cell.partyId}`, index]));
  const landedAt = new Int8Array(cellCount * width).fill(-1);
  const conditionAt = new Int32Array(cellCount * width).fill(-1);
  const issueOf = new Int32Array(cellCount);
  for (const [k, cell] of cells.entries()) {
    issueOf[k] = issueIndex.get(cell.issueId) ?? -1;
    let conditions = 0;
    for (const value of cell.landed) {
      const column = value >> 6;
      const code = value & 63;
      const on = code >> 3;
      const condition = on > 0 && on !== WORDS_ALONE ? conditions++ : -1;
      const at = k * width + column;
      // Newest first: the first statement seen for a column is the one that lands there.
      if (column >= width || (landedAt[at] ?? -1) >= 0) continue;
      landedAt[at] = code;
      if (condition < 0) continue;
      const key = `${cell.conditionIssueIds?.[condition]}:${cell.conditionPartyIds?.[condition]}`;
      conditionAt[at] = cellIndex.get(key) ?? -1;
    }
  }
  return { landedAt, conditionAt, issueOf };
}

const DAY = 86_400_000;

/**
 * The heat map's columns: every change date when there are few enough to read, else one column a
 * week (each a week after the first change date) ending on the last.
 */
export function heatMapColumns(changeDates: readonly string[], maxColumns = 60): string[] {
  if (changeDates.length <= maxColumns) return [...changeDates];
  const first = Date.parse(`${changeDates[0]}T00:00:00Z`);
  const last = Date.parse(`${changeDates.at(-1)}T00:00:00Z`);
  const columns: string[] = [];
  for (let at = first; at < last; at += 7 * DAY) columns.push(toCalendarDate(new Date(at)));
  columns.push(changeDates.at(-1)!);
  return columns;
}
