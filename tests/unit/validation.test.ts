import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CalendarDateSchema, latestCalendarDate, PartialDateSchema } from "@/lib/matrix/dates";
import { INT4_MAX, id, int4, line, paragraphs, searchText, secret, text } from "@/lib/platform/validation";

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message) ?? [];

// Code points of each class the text fields refuse, by name (for readable test titles).
const C0 = ["\u0000", "\u0001", "\u0007", "\u0008", "\u000b", "\u000c", "\u000e", "\u001b", "\u001f"];
const DEL_AND_C1 = ["\u007f", "\u0080", "\u0085", "\u009b", "\u009f"];
const LINE_BREAKS = ["\n", "\r", "\r\n", "\u2028", "\u2029"];
const LONE_SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff", "\ude00\ud83d"];
const hex = (s: string) => [...s].map((c) => `U+${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join(" ");

describe("text fields count code points at the limit", () => {
  const field = line({ max: 5 });
  it.each([
    ["ASCII", "a"],
    ["two-byte UTF-8", "é"],
    ["astral (a surrogate pair)", "😀"],
    ["combining mark (two code points)", "e\u0301"],
  ])("%s: the limit passes and one more fails", (_name, unit) => {
    const atLimit = [...unit].length === 1 ? unit.repeat(5) : `${unit}${"a".repeat(5 - [...unit].length)}`;
    expect(field.safeParse(atLimit).success).toBe(true);
    expect(messages(field.safeParse(`${atLimit}a`))).toEqual(["At most 5 characters."]);
  });

  it("refuses a 1 MB string without counting it, with the field's own message", () => {
    const result = line({ max: 200, tooLong: "Keep it short." }).safeParse("x".repeat(1_000_000));
    expect(messages(result)).toEqual(["Keep it short."]);
  });

  it("trims before counting, unless told not to", () => {
    expect(line({ max: 3 }).parse("  abc  ")).toBe("abc");
    expect(text({ max: 3, trim: false }).safeParse(" abc").success).toBe(false);
  });

  it("a required field refuses the empty and the blank", () => {
    const field = line({ min: 1, max: 10, tooShort: "Enter a name." });
    expect(messages(field.safeParse(""))).toEqual(["Enter a name."]);
    expect(messages(field.safeParse("   "))).toEqual(["Enter a name."]);
    expect(field.parse(" a ")).toBe("a");
  });
});

describe("text fields refuse control characters", () => {
  it.each(C0.map((c) => [hex(c), c]))("C0 %s, in one-line and multi-line fields", (_name, c) => {
    for (const field of [line({ max: 50 }), paragraphs({ max: 50 }), text({ max: 50, trim: false, multiline: true })]) {
      const [message] = messages(field.safeParse(`before${c}after`));
      expect(message).toMatch(/control character \(U\+00[01][0-9A-F]\)/);
    }
  });

  it.each(DEL_AND_C1.map((c) => [hex(c), c]))("DEL and C1 %s", (_name, c) => {
    expect(messages(paragraphs({ max: 50 }).safeParse(`a${c}b`))[0]).toMatch(/control character/);
  });

  it.each(LONE_SURROGATES.map((c) => [hex(c), c]))("lone surrogates %s", (_name, c) => {
    expect(messages(paragraphs({ max: 50 }).safeParse(`a${c}b`))[0]).toMatch(/lone UTF-16 surrogate/);
    expect(secret(50).safeParse(`password${c}`).success).toBe(false);
  });

  it.each(LINE_BREAKS.map((c) => [hex(c), c]))("line break %s: refused on one line, kept in paragraphs", (_name, c) => {
    expect(messages(line({ max: 50 }).safeParse(`a${c}b`))).toEqual(["Keep this to one line."]);
    expect(paragraphs({ max: 50 }).parse(`a${c}b`)).toBe(`a${c}b`);
  });

  it("keeps tabs, pairs of surrogates and everything printable", () => {
    const value = "a\tb 😀 «ü» — 中文 \u00a0 \u200d";
    expect(line({ max: 50, trim: false }).parse(value)).toBe(value);
    expect(paragraphs({ max: 50, trim: false }).parse(value)).toBe(value);
  });

  it("NUL is refused in every kind of field, query strings included", () => {
    for (const field of [line({ max: 9 }), paragraphs({ max: 9 }), secret(9), searchText(9)])
      expect(field.safeParse("a\u0000").success).toBe(false);
    expect(id().safeParse("00000000-0000-4000-8000-000000000000\u0000").success).toBe(false);
  });

  it("property: any string with a refused character is refused; any without is accepted", () => {
    const refused = fc.constantFrom(...C0, ...DEL_AND_C1, ...LONE_SURROGATES);
    const allowed = fc.string({ unit: "grapheme", maxLength: 20 }).map((s) => s.replace(/[\p{Cc}\u2028\u2029]/gu, ""));
    fc.assert(
      fc.property(allowed, refused, allowed, (a, bad, b) => {
        expect(paragraphs({ max: 1000, trim: false }).safeParse(`${a}${bad}${b}`).success).toBe(false);
        expect(paragraphs({ max: 1000, trim: false }).safeParse(`${a}\n\t${b}`).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("int4", () => {
  it.each([0, 1, INT4_MAX])("accepts %d", (n) => expect(int4().parse(n)).toBe(n));
  it.each([-1, 2 ** 31, 2 ** 53, 1e308, 0.5, Number.NaN, Number.POSITIVE_INFINITY])("refuses %d", (n) => {
    expect(int4().safeParse(n).success).toBe(false);
  });
  it.each(["1", null, [], {}, true])("refuses %j (not a number)", (value) => {
    expect(int4().safeParse(value).success).toBe(false);
  });
  it("keeps its own minimum", () => {
    expect(int4({ min: 1 }).safeParse(0).success).toBe(false);
    expect(int4({ min: -(2 ** 31) }).parse(-(2 ** 31))).toBe(-(2 ** 31));
  });
});

describe("ids", () => {
  it.each(["00000000-0000-4000-8000-000000000000", "3f2b9c1e-8d4a-4b6e-9c0f-1a2b3c4d5e6f"])("accepts %s", (value) => {
    expect(id().parse(value)).toBe(value);
  });
  it.each([
    "",
    "not-a-uuid",
    "3f2b9c1e-8d4a-4b6e-9c0f-1a2b3c4d5e6",
    "3f2b9c1e8d4a4b6e9c0f1a2b3c4d5e6f",
    "{3f2b9c1e-8d4a-4b6e-9c0f-1a2b3c4d5e6f}",
    42,
    null,
  ])("refuses %j with the field's message", (value) => {
    expect(messages(id("No such issue.").safeParse(value))).toEqual(["No such issue."]);
  });
});

describe("calendar dates: real days from 1900 to a few years ahead", () => {
  it.each(["1900-01-01", "2022-01-27", "2024-02-29", latestCalendarDate()])("accepts %s", (value) => {
    expect(CalendarDateSchema.parse(value)).toBe(value);
  });

  it.each([
    "0000-01-01",
    "0001-01-01",
    "1899-12-31",
    "2022-13-01",
    "2022-00-10",
    "2022-02-30",
    "2023-02-29",
    "2022-04-31",
    "9999-12-31",
    "+275760-09-13",
    "-000001-01-01",
    "2022-01-27\u0000",
  ])("refuses %j with one message", (value) => {
    const result = CalendarDateSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(messages(result)).toHaveLength(1);
    expect(messages(result)[0]).toMatch(/YYYY-MM-DD|before 1900|years ahead/);
  });

  it("refuses the day after the latest", () => {
    const next = new Date(`${latestCalendarDate()}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    expect(CalendarDateSchema.safeParse(next.toISOString().slice(0, 10)).success).toBe(false);
  });

  it.each(["0000", "1899", "0000-01", "2022-13", "9999"])(
    "a published date at any precision keeps the range: refuses %j",
    (value) => {
      expect(PartialDateSchema.safeParse(value).success).toBe(false);
    },
  );

  it("property: every string either is refused or names a real day in range", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 12 }),
          fc
            .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
            .map(
              ([y, m, d]) =>
                `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
            ),
        ),
        (value) => {
          const result = CalendarDateSchema.safeParse(value);
          if (!result.success) return;
          const date = new Date(`${value}T00:00:00Z`);
          expect(date.toISOString().slice(0, 10)).toBe(value);
          expect(value >= "1900-01-01" && value <= latestCalendarDate()).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
