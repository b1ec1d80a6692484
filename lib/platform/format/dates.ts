// Every date the app writes out goes through these Intl formats, so a day reads the same on the
// matrix, a cell, a document, a quote, a comment, the log and the inbox: in the reader's locale
// ("20 Feb 2022" in en-GB, "Feb 20, 2022" in en-US, "20.02.2022" in de), the order their browser's
// date fields use too. Pages get the locale from the request (lib/platform/format/reader-locale.ts) and
// client components from DateLocaleProvider. Files shared with others (exports) use DATE_LOCALE.
// Calendar dates are days, not instants: formatted in UTC so no time zone moves them. Instants are
// shown in the reader's time zone by LocalTime once in the browser.

/** The locale for dates when the reader's is unknown, and in exported files: day before month. */
export const DATE_LOCALE = "en-GB";

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, kind: "day" | "month" | "long"): Intl.DateTimeFormat {
  const key = `${locale}|${kind}`;
  let format = formatters.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      kind === "day"
        ? { day: "numeric", month: "short", year: "numeric" }
        : kind === "month"
          ? { month: "short", year: "numeric" }
          : { dateStyle: "long" };
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" });
    formatters.set(key, format);
  }
  return format;
}

// A matrix page writes out a date twice for each of its hundreds of cells, most of them the same
// few days, and Intl formatting showed in its profile. Days and locales are few: the cache is only
// emptied if something writes out an unusual number of them.
const formatted = new Map<string, string>();
const FORMATTED_MAX = 20_000;

/** "2022" stays "2022", "2022-02" → "Feb 2022", "2022-02-20" → "20 Feb 2022"; anything else as given. */
export function formatCalendarDate(value: string, locale: string = DATE_LOCALE): string {
  const key = `${locale}|${value}`;
  let text = formatted.get(key);
  if (text === undefined) {
    if (formatted.size >= FORMATTED_MAX) formatted.clear();
    text = formatCalendarDateOnce(value, locale);
    formatted.set(key, text);
  }
  return text;
}

function formatCalendarDateOnce(value: string, locale: string): string {
  const [year, month, day] = value.split("-").map(Number);
  if (!year || Number.isNaN(year)) return value;
  if (!month) return String(year);
  const at = new Date(Date.UTC(year, month - 1, day || 1));
  if (Number.isNaN(at.getTime())) return value;
  return formatter(locale, day ? "day" : "month").format(at);
}

/** "2022-02-20" → "20 February 2022": a date input's value written out; "" for no or no real date. */
export function formatLongCalendarDate(value: string, locale: string = DATE_LOCALE): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return "";
  const at = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(at.getTime()) ? "" : formatter(locale, "long").format(at);
}

/** An instant as "20 Feb 2022, 16:12" in `timeZone` (the reader's when left out, in a browser). */
export function formatInstant(at: Date, timeZone?: string, locale: string = DATE_LOCALE): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(at);
}

/** The time of day to the second, as "16:12:05" (in `timeZone`, the reader's when left out, in a browser). */
export function formatClockTime(at: Date, timeZone?: string, locale: string = DATE_LOCALE): string {
  return new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone }).format(
    at,
  );
}

/** The formats above bound to one reader's locale. */
export type DateFormats = {
  locale: string;
  calendar: (value: string) => string;
  longCalendar: (value: string) => string;
  instant: (at: Date, timeZone?: string) => string;
  clock: (at: Date, timeZone?: string) => string;
};

export function dateFormats(locale: string): DateFormats {
  return {
    locale,
    calendar: (value) => formatCalendarDate(value, locale),
    longCalendar: (value) => formatLongCalendarDate(value, locale),
    instant: (at, timeZone) => formatInstant(at, timeZone, locale),
    clock: (at, timeZone) => formatClockTime(at, timeZone, locale),
  };
}

/**
 * The reader's locale for dates from an Accept-Language list in order of preference: the first
 * that this runtime can format, else DATE_LOCALE. Malformed tags are skipped, not fatal.
 */
export function pickDateLocale(preferred: readonly string[]): string {
  for (const tag of preferred) {
    if (tag === "*") continue;
    try {
      const [supported] = Intl.DateTimeFormat.supportedLocalesOf([tag], { localeMatcher: "lookup" });
      if (supported) return supported;
    } catch {
      // not a well-formed language tag
    }
  }
  return DATE_LOCALE;
}
