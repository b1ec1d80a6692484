import { assessIssue, type PartyPosition, positionStep } from "@/lib/convergence/scale";
import type { Position } from "@/lib/generated/prisma/enums";
import { toCalendarDate } from "@/lib/matrix/dates";

/**
 * A cell's last statement landing in a column: the first column dated on or after it. A
 * conditional offer carries its condition (in words and/or as another cell at a minimum step).
 */
export type BucketedPosition = {
  issueId: string;
  partyId: string;
  position: Position;
  bucket: number;
  conditionText?: string | null;
  conditionIssueId?: string | null;
  conditionPartyId?: string | null;
  conditionMinPosition?: Position | null;
};

/** placed: how many parties count towards the zone that day (on the scale, or a met offer). */
export type HeatMapCell = { date: string; spread: number | null; inZone: boolean; placed: number };

const cellKey = (issueId: string, partyId: string) => `${issueId}:${partyId}`;

/** Whether a standing statement's condition is met by the standing cells, as convergenceOf reads it. */
function conditionMetOn(row: BucketedPosition, standing: ReadonlyMap<string, BucketedPosition>): boolean | undefined {
  if (!row.conditionText && !row.conditionIssueId) return undefined;
  if (!row.conditionIssueId || !row.conditionPartyId) return false;
  const step = positionStep(standing.get(cellKey(row.conditionIssueId, row.conditionPartyId))?.position);
  return step !== null && step >= (positionStep(row.conditionMinPosition) ?? Number.POSITIVE_INFINITY);
}

/** Per cell, its landed statements in column order. */
function historiesByCell(rows: readonly BucketedPosition[]): Map<string, BucketedPosition[]> {
  const histories = new Map<string, BucketedPosition[]>();
  for (const row of rows) {
    const key = cellKey(row.issueId, row.partyId);
    histories.set(key, [...(histories.get(key) ?? []), row]);
  }
  for (const history of histories.values()) history.sort((a, b) => a.bucket - b.bucket);
  return histories;
}

/**
 * Per issue, the spread on every column: each party keeps its position from the column its
 * statement landed in until a later one lands. A conditional offer is judged against the cells
 * standing on the same column (assessIssue), as the zone of possible agreement list does.
 */
export function sweepHeatMap(
  issueIds: readonly string[],
  columns: readonly string[],
  rows: readonly BucketedPosition[],
): Map<string, HeatMapCell[]> {
  const histories = [...historiesByCell(rows).values()];
  // Per cell, how many of its landed positions have taken effect by the current column.
  const taken = histories.map(() => 0);
  const result = new Map<string, HeatMapCell[]>(issueIds.map((id) => [id, []]));
  for (const [column, date] of columns.entries()) {
    const standing = new Map<string, BucketedPosition>();
    for (const [h, history] of histories.entries()) {
      let count = taken[h] ?? 0;
      while (count < history.length && (history[count]?.bucket ?? Number.POSITIVE_INFINITY) <= column) count++;
      taken[h] = count;
      const current = history[count - 1];
      if (current) standing.set(cellKey(current.issueId, current.partyId), current);
    }
    const byIssue = new Map<string, PartyPosition[]>();
    for (const row of standing.values()) {
      const met = conditionMetOn(row, standing);
      const position: PartyPosition = {
        partyId: row.partyId,
        position: row.position,
        ...(met === undefined ? {} : { conditionMet: met }),
      };
      byIssue.set(row.issueId, [...(byIssue.get(row.issueId) ?? []), position]);
    }
    for (const [issueId, cells] of result) {
      const positions = byIssue.get(issueId) ?? [];
      const assessed = assessIssue(positions);
      const placed = positions.filter((p) => p.conditionMet === undefined && positionStep(p.position) !== null).length;
      cells.push({
        date,
        spread: assessed.spread,
        inZone: assessed.inZone,
        placed: placed + assessed.agreeingPartyIds.length,
      });
    }
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
