// Calendar dates travel as "YYYY-MM-DD" strings and are stored as SQL DATE; JavaScript Date
// objects only appear at the database boundary, always at UTC midnight. The helpers here carry no
// zod, so the browser can use them; dates.ts adds the schemas and re-exports these.

export const EARLIEST_DATE = "1900-01-01";
/** How far past today a date may lie: enough for any time zone and planned event, not year 9999. */
const FUTURE_MARGIN_YEARS = 10;

export function toCalendarDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** The last date any input may name. */
export function latestCalendarDate(now = new Date()): string {
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + FUTURE_MARGIN_YEARS);
  return toCalendarDate(latest);
}

/** A day that exists: month 1–12, and a day the month has (Feb 29 in leap years only). */
export function isRealDay(value: string): boolean {
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && toCalendarDate(date) === value;
}

/**
 * The valid date closest to what someone typed, for a page that refuses it to offer instead:
 * "2022-02-30" → "2022-02-28", "0000-01-01" → EARLIEST_DATE, "2022-1-7" → "2022-01-07"; null when
 * the text holds no year, month and day at all.
 */
export function nearestCalendarDate(raw: string, now = new Date()): string | null {
  const parts = /^\s*(\d{1,4})\D{1,3}(\d{1,2})\D{1,3}(\d{1,2})\s*$/.exec(raw);
  if (!parts) return null;
  const year = Number(parts[1]);
  const month = Math.min(Math.max(Number(parts[2]), 1), 12);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Math.max(Number(parts[3]), 1), lastDay);
  const candidate = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  if (candidate < EARLIEST_DATE) return EARLIEST_DATE;
  const latest = latestCalendarDate(now);
  return candidate > latest ? latest : candidate;
}

export function fromCalendarDate(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`);
}

export function todayCalendarDate(now = new Date()): string {
  return toCalendarDate(now);
}

export { formatCalendarDate } from "@/lib/platform/format/dates";
