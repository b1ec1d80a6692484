import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ANCHOR_CONTEXT_LENGTH,
  anchorAt,
  codePointLength,
  codePoints,
  type HighlightRange,
  locateQuote,
  segmentText,
  toCodePointOffset,
  toUtf16Offset,
  verifyAnchor,
} from "@/lib/evidence/anchor";

// Pieces that break code that counts UTF-16 units or graphemes instead of code points, or that
// would be mangled on their way into HTML.
const AWKWARD = [
  "😀", // astral: two UTF-16 units, one code point
  "👩‍👩‍👧", // ZWJ sequence: five code points, one grapheme
  "🇺🇦", // flag: two regional indicators
  "e\u0301", // e + combining acute
  "\u0301", // a combining mark on its own
  "שלום", // Hebrew (RTL)
  "مرحبا", // Arabic (RTL)
  "\u200f", // right-to-left mark
  "𝕏",
  "<",
  "&",
  "&amp;",
  "</mark>",
  "\u00a0",
  "\n",
  " ",
  "a",
];

const unit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...AWKWARD) },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
);
const text = (minLength = 0) => fc.string({ unit, minLength, maxLength: 60 });

/** A text of at least one code point with a valid code-point range inside it. */
const textWithRange = text(1)
  .chain((source) => {
    const length = codePointLength(source);
    return fc.tuple(fc.constant(source), fc.integer({ min: 0, max: length - 1 }), fc.integer({ min: 1, max: length }));
  })
  .map(([source, a, b]) => (a < b ? { source, start: a, end: b } : { source, start: b - 1, end: a + 1 }));

describe("code point offsets", () => {
  it("counts code points, not UTF-16 units or graphemes", () => {
    expect(codePointLength("a😀b")).toBe(3);
    expect("a😀b".length).toBe(4);
    expect(codePointLength("👩‍👩‍👧")).toBe(5);
    expect(codePointLength("e\u0301")).toBe(2);
    expect(toUtf16Offset("a😀b", 2)).toBe(3);
    expect(toCodePointOffset("a😀b", 3)).toBe(2);
    expect(() => toUtf16Offset("a😀b", 4)).toThrow(RangeError);
  });

  it("round-trips between UTF-16 and code point offsets at every code point boundary", () => {
    fc.assert(
      fc.property(text(), (source) => {
        const length = codePointLength(source);
        let utf16 = 0;
        for (let offset = 0; offset <= length; offset++) {
          expect(toUtf16Offset(source, offset)).toBe(utf16);
          expect(toCodePointOffset(source, utf16)).toBe(offset);
          utf16 += codePoints(source)[offset]?.length ?? 0;
        }
        expect(utf16).toBe(source.length);
        expect(() => toUtf16Offset(source, length + 1)).toThrow(RangeError);
      }),
    );
  });
});

describe("anchorAt and verifyAnchor", () => {
  it("anchors a quote after an emoji by code points, with its context", () => {
    const source = "😀 He said “no” & left.";
    const anchor = anchorAt(source, 10, 14);
    expect(anchor).toEqual({
      startOffset: 10,
      endOffset: 14,
      exact: "“no”",
      prefix: "😀 He said ",
      suffix: " & left.",
    });
    expect(source.slice(toUtf16Offset(source, 10), toUtf16Offset(source, 14))).toBe("“no”");
  });

  it("keeps at most ANCHOR_CONTEXT_LENGTH code points of context on each side", () => {
    const source = `${"😀".repeat(40)}QUOTE${"ש".repeat(40)}`;
    const anchor = anchorAt(source, 40, 45);
    expect(anchor.exact).toBe("QUOTE");
    expect(codePointLength(anchor.prefix)).toBe(ANCHOR_CONTEXT_LENGTH);
    expect(codePointLength(anchor.suffix)).toBe(ANCHOR_CONTEXT_LENGTH);
  });

  it.each([
    [0, 0],
    [3, 2],
    [-1, 2],
    [0, 6],
    [0.5, 2],
  ])("refuses the range %d–%d in a five code point text", (start, end) => {
    expect(() => anchorAt("ab😀cd", start, end)).toThrow(RangeError);
  });

  it("verifies every anchor it makes, for any text and range", () => {
    fc.assert(
      fc.property(textWithRange, ({ source, start, end }) => {
        const anchor = anchorAt(source, start, end);
        expect(verifyAnchor(source, anchor)).toEqual({ ok: true });
        expect(anchor.exact).toBe(codePoints(source).slice(start, end).join(""));
        expect(anchor.prefix + anchor.exact + anchor.suffix).toBe(
          codePoints(source)
            .slice(Math.max(0, start - ANCHOR_CONTEXT_LENGTH), end + ANCHOR_CONTEXT_LENGTH)
            .join(""),
        );
        // What a browser would select: the same words by UTF-16 index.
        expect(source.slice(toUtf16Offset(source, start), toUtf16Offset(source, end))).toBe(anchor.exact);
      }),
    );
  });

  it("says why an anchor does not fit the text", () => {
    const source = "Russia demands guarantees 😀 now.";
    const anchor = anchorAt(source, 7, 14);
    expect(anchor.exact).toBe("demands");
    const refused = (mismatch: string) => ({
      ok: false,
      code: "anchor_mismatch",
      message: expect.any(String),
      details: { mismatch },
    });
    expect(verifyAnchor(source, { ...anchor, exact: "Demands" })).toEqual(refused("exact_mismatch"));
    expect(verifyAnchor(source, { ...anchor, prefix: "USA " })).toEqual(refused("context_mismatch"));
    expect(verifyAnchor(source, { ...anchor, suffix: " nothing" })).toEqual(refused("context_mismatch"));
    expect(verifyAnchor(source, { ...anchor, startOffset: 30, endOffset: 40 })).toEqual(refused("out_of_range"));
    expect(verifyAnchor(source, { ...anchor, endOffset: anchor.startOffset })).toEqual(refused("empty"));
    expect(verifyAnchor(source, { ...anchor, exact: "" })).toEqual(refused("empty"));
    expect(verifyAnchor(source, { ...anchor, startOffset: 30, endOffset: 40 })).toMatchObject({
      message: "The selection lies outside the document's text.",
    });
    // Shorter context than stored is still the same place.
    expect(verifyAnchor(source, { ...anchor, prefix: "a ", suffix: " g" })).toEqual({ ok: true });
  });

  it("does not accept an anchor once a word under it changed", () => {
    fc.assert(
      fc.property(textWithRange, ({ source, start, end }) => {
        const anchor = anchorAt(source, start, end);
        const chars = codePoints(source);
        chars[start] = chars[start] === "a" ? "b" : "a";
        expect(verifyAnchor(chars.join(""), anchor)).toMatchObject({
          ok: false,
          code: "anchor_mismatch",
          details: { mismatch: "exact_mismatch" },
        });
      }),
    );
  });
});

describe("locateQuote", () => {
  /** Every code point offset where `needle` starts, overlapping matches included. */
  function occurrences(source: string, needle: string): number[] {
    const chars = codePoints(source);
    const length = codePointLength(needle);
    const found: number[] = [];
    for (let i = 0; i + length <= chars.length; i++) if (chars.slice(i, i + length).join("") === needle) found.push(i);
    return found;
  }

  it("finds the n-th occurrence and anchors it by code points", () => {
    const source = "😀 no, “no” and 👩‍👩‍👧 no.";
    const first = locateQuote(source, "no");
    const third = locateQuote(source, "no", 2);
    expect(first).toMatchObject({ startOffset: 2, endOffset: 4, exact: "no" });
    expect(third?.exact).toBe("no");
    expect(third?.startOffset).toBe(occurrences(source, "no")[2]);
    expect(verifyAnchor(source, third!)).toEqual({ ok: true });
    expect(locateQuote(source, "no", 3)).toBeNull();
    expect(locateQuote(source, "yes")).toBeNull();
    expect(locateQuote(source, "")).toBeNull();
  });

  it("counts overlapping occurrences", () => {
    expect(locateQuote("aaaa", "aa", 1)?.startOffset).toBe(1);
    expect(locateQuote("aaaa", "aa", 2)?.startOffset).toBe(2);
    expect(locateQuote("aaaa", "aa", 3)).toBeNull();
  });

  it("finds the n-th occurrence in any text", () => {
    const needleText = fc.string({ unit, minLength: 1, maxLength: 3 });
    const case_ = needleText.chain((needle) =>
      fc.record({
        needle: fc.constant(needle),
        // Texts that contain the needle a few times, among awkward characters.
        parts: fc.array(text(), { minLength: 1, maxLength: 5 }),
        occurrence: fc.nat({ max: 6 }),
      }),
    );
    fc.assert(
      fc.property(case_, ({ needle, parts, occurrence }) => {
        const source = parts.join(needle);
        const expected = occurrences(source, needle)[occurrence];
        const anchor = locateQuote(source, needle, occurrence);
        if (expected === undefined) {
          expect(anchor).toBeNull();
          return;
        }
        expect(anchor).not.toBeNull();
        expect(anchor!.startOffset).toBe(expected);
        expect(anchor!.endOffset).toBe(expected + codePointLength(needle));
        expect(anchor!.exact).toBe(needle);
        expect(verifyAnchor(source, anchor!)).toEqual({ ok: true });
      }),
    );
  });
});

describe("segmentText", () => {
  const textWithRanges = text().chain((source) => {
    const length = codePointLength(source);
    const range = fc
      .tuple(fc.integer({ min: 0, max: length }), fc.integer({ min: 0, max: length }))
      .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);
    return fc.record({
      source: fc.constant(source),
      ranges: fc
        .array(range, { maxLength: 6 })
        .map((pairs) =>
          pairs.map(([startOffset, endOffset], i): HighlightRange => ({ id: `q${i}`, startOffset, endOffset })),
        ),
    });
  });

  it("cuts overlapping quotes into flat segments", () => {
    const segments = segmentText("ab😀cdef", [
      { id: "x", startOffset: 1, endOffset: 4 },
      { id: "y", startOffset: 2, endOffset: 6 },
    ]);
    expect(segments).toEqual([
      { text: "a", startOffset: 0, rangeIds: [] },
      { text: "b", startOffset: 1, rangeIds: ["x"] },
      { text: "😀c", startOffset: 2, rangeIds: ["x", "y"] },
      { text: "de", startOffset: 4, rangeIds: ["y"] },
      { text: "f", startOffset: 6, rangeIds: [] },
    ]);
  });

  it("clamps ranges that reach past the text", () => {
    const segments = segmentText("abc", [{ id: "x", startOffset: 2, endOffset: 99 }]);
    expect(segments.map((s) => s.text).join("")).toBe("abc");
    expect(segments.at(-1)).toEqual({ text: "c", startOffset: 2, rangeIds: ["x"] });
  });

  it("gives back the text exactly, and covers each range with exactly the segments inside it", () => {
    fc.assert(
      fc.property(textWithRanges, ({ source, ranges }) => {
        const segments = segmentText(source, ranges);
        expect(segments.map((s) => s.text).join("")).toBe(source);

        // Contiguous, non-empty, in order.
        let offset = 0;
        for (const segment of segments) {
          expect(segment.text.length).toBeGreaterThan(0);
          expect(segment.startOffset).toBe(offset);
          offset += codePointLength(segment.text);
        }
        expect(offset).toBe(codePointLength(source));

        for (const range of ranges) {
          const inside = segments.filter(
            (s) => s.startOffset >= range.startOffset && s.startOffset + codePointLength(s.text) <= range.endOffset,
          );
          const covering = segments.filter((s) => s.rangeIds.includes(range.id));
          expect(covering).toEqual(inside);
          expect(covering.map((s) => s.text).join("")).toBe(
            codePoints(source).slice(range.startOffset, range.endOffset).join(""),
          );
        }
      }),
    );
  });
});
