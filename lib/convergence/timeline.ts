import type { LandedCell } from "@/lib/convergence/heat-map";
import { positionStep } from "@/lib/convergence/scale";
import type { Position } from "@/lib/generated/prisma/enums";
import { fromCalendarDate, toCalendarDate } from "@/lib/matrix/calendar";

/**
 * A cell's live statements as the cell_timelines table keeps them (migration
 * 20261203090000_cell_timelines, whose triggers write them): newest first, 4 bytes each,
 * big-endian, `day * 256 + red line * 128 + condition * 8 + position`, where the day counts from
 * 1970-01-01, the red line is 1 or 0, the position is its index in TIMELINE_POSITIONS plus one,
 * and the condition 0 for none, 15 for words alone, else the index plus one of the position the
 * condition's cell must reach; a condition on a cell is followed by that cell's issue and party
 * ids, 16 bytes each. `retracted` holds the cell's retracted statements in the same order, 28
 * bytes each: the day, when it was recorded (8 bytes, milliseconds since 1970) and its id.
 */
export type CellTimeline = { issueId: string; partyId: string; timeline: Uint8Array; retracted: Uint8Array };

/** The positions in the order the migration's triggers number them. */
export const TIMELINE_POSITIONS = [
  "DEMANDS",
  "SUPPORTS",
  "OPEN",
  "CONDITIONAL",
  "OPPOSES",
  "REJECTS",
  "NO_POSITION",
] as const satisfies readonly Position[];

const IN_WORDS = 15;
const UUID_BYTES = 16;
const RETRACTED_BYTES = 4 + 8 + UUID_BYTES;
const DAY = 86_400_000;

// LandedCell's codes (heat-map.ts) for each timeline number: a position's step on the scale plus
// one (0 off it), and a condition's (the step its cell must reach plus one, 7 in words alone).
const POSITION_CODE = [0, ...TIMELINE_POSITIONS.map((position) => (positionStep(position) ?? -1) + 1)];
const CONDITION_CODE = Array.from({ length: 16 }, (_, index) =>
  index === IN_WORDS ? 7 * 8 : (POSITION_CODE[index] ?? 0) * 8,
);

/**
 * The timelines laid on the heat map's columns (dates, oldest first): each column gets the newest
 * statement dated on or before it and after the column before, and only that one (the sweep would
 * skip the others); statements after the last column are left out.
 */
export function landTimelines(cells: readonly CellTimeline[], columns: readonly string[]): LandedCell[] {
  const columnDays = Int32Array.from(columns, dayNumber);
  return cells.map((cell) => landTimeline(cell, columnDays));
}

function landTimeline({ issueId, partyId, timeline }: CellTimeline, columnDays: Int32Array): LandedCell {
  const bytes = new DataView(timeline.buffer, timeline.byteOffset, timeline.byteLength);
  const width = columnDays.length;
  // At most one statement lands in each column.
  const landed = new Int32Array(Math.min(width, bytes.byteLength >> 2));
  let count = 0;
  const conditionIssueIds: string[] = [];
  const conditionPartyIds: string[] = [];
  // Statements come newest first, so the column only ever moves left, and the first statement
  // met in a column is the one that lands there.
  let column = width;
  let lastLanded = width;
  for (let at = 0; at < bytes.byteLength; ) {
    const value = bytes.getInt32(at);
    const condition = (value >> 3) & 15;
    const onCell = condition > 0 && condition !== IN_WORDS;
    const day = value >> 8;
    while (column > 0 && (columnDays[column - 1] as number) >= day) column--;
    if (column < lastLanded) {
      lastLanded = column;
      landed[count++] = column * 64 + (POSITION_CODE[value & 7] as number) + (CONDITION_CODE[condition] as number);
      if (onCell) {
        conditionIssueIds.push(uuidAt(timeline, at + 4));
        conditionPartyIds.push(uuidAt(timeline, at + 4 + UUID_BYTES));
      }
    }
    at += entryLength(value);
  }
  return { issueId, partyId, landed: landed.subarray(0, count), conditionIssueIds, conditionPartyIds };
}

/** A cell's statement as a date shows it (the digest compares two dates). */
export type ShownStatement = { position: Position; statedOn: string; redLine: boolean };
export type ShownCell = { issueId: string; partyId: string; statement: ShownStatement | null };

/**
 * What each cell showed as of `from` and as of `to` (its newest live statement dated on or before
 * each), and how many live statements are dated after `from` up to `to`. Cells that showed
 * nothing on either date are left out.
 */
export function readAtTwoDates(
  cells: readonly CellTimeline[],
  from: string,
  to: string,
): { before: ShownCell[]; after: ShownCell[]; statedBetween: number } {
  const [fromDay, toDay] = [dayNumber(from), dayNumber(to)];
  const before: ShownCell[] = [];
  const after: ShownCell[] = [];
  let statedBetween = 0;
  for (const { issueId, partyId, timeline } of cells) {
    const bytes = new DataView(timeline.buffer, timeline.byteOffset, timeline.byteLength);
    let atTo: number | null = null;
    let atFrom: number | null = null;
    for (let at = 0; at < bytes.byteLength && atFrom === null; ) {
      const value = bytes.getInt32(at);
      const day = value >> 8;
      if (day <= toDay) {
        atTo ??= value;
        if (day > fromDay) statedBetween++;
        else atFrom = value;
      }
      at += entryLength(value);
    }
    if (atFrom === null && atTo === null) continue;
    before.push({ issueId, partyId, statement: shownStatement(atFrom) });
    after.push({ issueId, partyId, statement: shownStatement(atTo) });
  }
  return { before, after, statedBetween };
}

/**
 * The retracted statements dated after `from` up to `to`: how many, and the ids of the latest
 * `limit` of them, latest first (by date, then recording, then id, as the statements are ordered).
 */
export function retractedBetween(
  cells: readonly CellTimeline[],
  from: string,
  to: string,
  limit: number,
): { total: number; latestIds: string[] } {
  const [fromDay, toDay] = [dayNumber(from), dayNumber(to)];
  const found: { day: number; recordedAt: bigint; id: string }[] = [];
  for (const { retracted } of cells) {
    const bytes = new DataView(retracted.buffer, retracted.byteOffset, retracted.byteLength);
    for (let at = 0; at < bytes.byteLength; at += RETRACTED_BYTES) {
      const day = bytes.getInt32(at);
      if (day <= fromDay) break;
      if (day <= toDay) found.push({ day, recordedAt: bytes.getBigInt64(at + 4), id: uuidAt(retracted, at + 12) });
    }
  }
  found.sort(
    (a, b) =>
      b.day - a.day ||
      (b.recordedAt > a.recordedAt ? 1 : b.recordedAt < a.recordedAt ? -1 : 0) ||
      (b.id > a.id ? 1 : b.id < a.id ? -1 : 0),
  );
  return { total: found.length, latestIds: found.slice(0, limit).map((entry) => entry.id) };
}

/** Days since 1970-01-01, as the timelines count them. */
function dayNumber(date: string): number {
  return fromCalendarDate(date).getTime() / DAY;
}

/** A timeline entry's length: 4 bytes, and the condition cell's two ids after a condition on a cell. */
function entryLength(value: number): number {
  const condition = (value >> 3) & 15;
  return condition > 0 && condition !== IN_WORDS ? 4 + 2 * UUID_BYTES : 4;
}

function shownStatement(value: number | null): ShownStatement | null {
  if (value === null) return null;
  return {
    position: TIMELINE_POSITIONS[(value & 7) - 1] as Position,
    statedOn: toCalendarDate(new Date((value >> 8) * DAY)),
    redLine: (value & 128) !== 0,
  };
}

function uuidAt(bytes: Uint8Array, at: number): string {
  const hex = Buffer.from(bytes.buffer, bytes.byteOffset + at, UUID_BYTES).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
