import { isInZone, positionSpread, positionStep } from "@/lib/convergence/scale";
import type { Position } from "@/lib/generated/prisma/enums";
import { toCalendarDate } from "@/lib/matrix/dates";

/** A cell's last statement landing in a column: the first column dated on or after it. */
export type BucketedPosition = { issueId: string; partyId: string; position: Position; bucket: number };

/** placed: how many parties have a position on the scale that day. */
export type HeatMapCell = { date: string; spread: number | null; inZone: boolean; placed: number };

/**
 * Per issue, the spread on every column: each party keeps its position from the column its
 * statement landed in until a later one lands.
 */
export function sweepHeatMap(
  issueIds: readonly string[],
  columns: readonly string[],
  rows: readonly BucketedPosition[],
): Map<string, HeatMapCell[]> {
  const byIssue = new Map<string, Map<string, BucketedPosition[]>>(issueIds.map((id) => [id, new Map()]));
  for (const row of rows) {
    const parties = byIssue.get(row.issueId);
    if (!parties) continue;
    parties.set(row.partyId, [...(parties.get(row.partyId) ?? []), row]);
  }
  const result = new Map<string, HeatMapCell[]>();
  for (const [issueId, parties] of byIssue) {
    const histories = [...parties.values()].map((history) => [...history].sort((a, b) => a.bucket - b.bucket));
    // Per party, how many of its landed positions have taken effect by the current column.
    const taken = histories.map(() => 0);
    const cells: HeatMapCell[] = [];
    for (const [column, date] of columns.entries()) {
      const shown: Position[] = [];
      for (const [h, history] of histories.entries()) {
        let count = taken[h] ?? 0;
        while (count < history.length && (history[count]?.bucket ?? Number.POSITIVE_INFINITY) <= column) count++;
        taken[h] = count;
        const current = history[count - 1];
        if (current) shown.push(current.position);
      }
      cells.push({
        date,
        spread: positionSpread(shown),
        inZone: isInZone(shown),
        placed: shown.filter((p) => positionStep(p) !== null).length,
      });
    }
    result.set(issueId, cells);
  }
  return result;
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
