import { describe, expect, it } from "vitest";
import {
  CalendarDateSchema,
  formatCalendarDate,
  fromCalendarDate,
  nearestCalendarDate,
  PartialDateSchema,
  toCalendarDate,
} from "@/lib/matrix/dates";
import {
  DATE_LOCALE,
  dateFormats,
  formatInstant,
  formatLongCalendarDate,
  pickDateLocale,
} from "@/lib/platform/format/dates";

describe("CalendarDateSchema", () => {
  it.each(["2022-01-27", "2024-02-29", "1900-01-01"])("accepts %s", (value) => {
    expect(CalendarDateSchema.parse(value)).toBe(value);
  });

  it.each(["2022-13-01", "2022-02-30", "2023-02-29", "22-01-01", "yesterday", "2022-1-27", "2022-01-27T00:00:00Z", ""])(
    "rejects %j with a message that shows the format",
    (value) => {
      const result = CalendarDateSchema.safeParse(value);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toContain("YYYY-MM-DD");
    },
  );
});

describe("PartialDateSchema", () => {
  it.each(["2022", "2022-02", "2022-02-14"])("accepts %s", (value) => {
    expect(PartialDateSchema.parse(value)).toBe(value);
  });

  it.each(["22", "2022-13", "2022-00", "2022-02-30", "2022-2", "2022-02-14T00:00", "February 2022"])(
    "rejects %j",
    (value) => {
      expect(PartialDateSchema.safeParse(value).success).toBe(false);
    },
  );
});

describe("calendar date helpers", () => {
  it("formats each precision", () => {
    expect(formatCalendarDate("2022")).toBe("2022");
    expect(formatCalendarDate("2022-02")).toBe("Feb 2022");
    expect(formatCalendarDate("2022-02-04")).toBe("4 Feb 2022");
  });

  it("writes out a date input's value, and an instant in a given time zone, in the same format", () => {
    expect(formatLongCalendarDate("2022-02-20")).toBe("20 February 2022");
    expect(formatLongCalendarDate("")).toBe("");
    expect(formatLongCalendarDate("20/02/2022")).toBe("");
    expect(formatInstant(new Date("2026-11-30T16:12:00Z"), "UTC")).toBe("30 Nov 2026, 16:12");
    expect(formatInstant(new Date("2026-11-30T23:30:00Z"), "Europe/Moscow")).toBe("1 Dec 2026, 02:30");
  });

  it("round-trips through the UTC midnight Date used at the database boundary", () => {
    expect(fromCalendarDate("2022-01-27").toISOString()).toBe("2022-01-27T00:00:00.000Z");
    expect(toCalendarDate(fromCalendarDate("2022-12-31"))).toBe("2022-12-31");
  });
});

describe("nearestCalendarDate", () => {
  const now = new Date("2026-11-30T12:00:00Z");
  it.each([
    ["2022-02-30", "2022-02-28"],
    ["2024-02-30", "2024-02-29"],
    ["2022-13-01", "2022-12-01"],
    ["2022-1-7", "2022-01-07"],
    ["2022/01/27", "2022-01-27"],
    ["0000-01-01", "1900-01-01"],
    ["9999-12-31", "2036-11-30"],
    ["yesterday", null],
    ["", null],
  ])("%j → %j", (raw, expected) => {
    expect(nearestCalendarDate(raw, now)).toBe(expected);
    if (expected) expect(CalendarDateSchema.safeParse(expected).success).toBe(true);
  });
});

describe("dates in the reader's locale", () => {
  it("picks the first locale of the Accept-Language order that can be formatted, skipping malformed tags", () => {
    expect(pickDateLocale(["en-US", "en-GB"])).toBe("en-US");
    expect(pickDateLocale(["not a tag!", "*", "de-DE"])).toBe("de-DE");
    expect(pickDateLocale([])).toBe(DATE_LOCALE);
  });

  it("writes the same day in each reader's own order", () => {
    expect(dateFormats("en-GB").calendar("2022-02-20")).toBe("20 Feb 2022");
    expect(dateFormats("en-US").calendar("2022-02-20")).toBe("Feb 20, 2022");
    expect(dateFormats("de-DE").calendar("2022-02-20")).toBe("20. Feb. 2022");
    expect(dateFormats("en-US").longCalendar("2022-02-20")).toBe("February 20, 2022");
    expect(dateFormats("en-US").instant(new Date("2022-02-20T16:12:00Z"), "UTC")).toBe("Feb 20, 2022, 4:12 PM");
    // A day is a day everywhere: no time zone moves it.
    expect(dateFormats("ja-JP").calendar("2022-02-20")).toContain("20");
  });
});
