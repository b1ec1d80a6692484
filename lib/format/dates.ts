// Every date the app writes out goes through these Intl formats, so a day reads the same on the
// matrix, a cell, a document, a quote, a comment, the log, the inbox and in exports: "20 Feb 2022",
// "20 Feb 2022, 16:12". Calendar dates are days, not instants: formatted in UTC so no time zone
// moves them. Instants are shown in the reader's time zone by LocalTime once in the browser.

/** The app's language for dates: English, day before month. */
export const DATE_LOCALE = "en-GB";

const dayMonthYear = new Intl.DateTimeFormat(DATE_LOCALE, {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const monthYear = new Intl.DateTimeFormat(DATE_LOCALE, { month: "short", year: "numeric", timeZone: "UTC" });
const longDay = new Intl.DateTimeFormat(DATE_LOCALE, { dateStyle: "long", timeZone: "UTC" });

/** "2022" stays "2022", "2022-02" → "Feb 2022", "2022-02-20" → "20 Feb 2022"; anything else as given. */
export function formatCalendarDate(value: string): string {
  const [year, month, day] = value.split("-").map(Number);
  if (!year || Number.isNaN(year)) return value;
  if (!month) return String(year);
  const at = new Date(Date.UTC(year, month - 1, day || 1));
  if (Number.isNaN(at.getTime())) return value;
  return (day ? dayMonthYear : monthYear).format(at);
}

/** "2022-02-20" → "20 February 2022": a date input's value written out; "" for no or no real date. */
export function formatLongCalendarDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return "";
  const at = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(at.getTime()) ? "" : longDay.format(at);
}

/** An instant as "20 Feb 2022, 16:12" in `timeZone` (the reader's when left out, in a browser). */
export function formatInstant(at: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat(DATE_LOCALE, { dateStyle: "medium", timeStyle: "short", timeZone }).format(at);
}
