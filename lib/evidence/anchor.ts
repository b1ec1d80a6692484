// Quote anchors, after the W3C Web Annotation model: a TextPositionSelector (start/end) and a
// TextQuoteSelector (exact, prefix, suffix). Offsets count Unicode code points, as that model
// specifies and as PostgreSQL's char_length/substr do, so the database can check every anchor.
// Browsers count UTF-16 code units; convert at the boundary with the helpers below.

import { fail, ok, type Result } from "@/lib/platform/errors";

export const ANCHOR_CONTEXT_LENGTH = 32;

export type TextAnchor = {
  startOffset: number;
  endOffset: number;
  exact: string;
  prefix: string;
  suffix: string;
};

/** Why an anchor does not fit its text, as `details.mismatch` of the anchor_mismatch failure. */
export type AnchorMismatch = "out_of_range" | "empty" | "exact_mismatch" | "context_mismatch";

export type AnchorCheck = Result<object, "anchor_mismatch">;

const ANCHOR_MESSAGES: Record<AnchorMismatch, string> = {
  out_of_range: "The selection lies outside the document's text.",
  empty: "The selection is empty.",
  exact_mismatch:
    "The selected words are not the words at that place in the document. Reload the document and select again.",
  context_mismatch: "The text around the selection does not match the document. Reload the document and select again.",
};

const mismatch = (kind: AnchorMismatch) =>
  fail("anchor_mismatch", ANCHOR_MESSAGES[kind], { details: { mismatch: kind } });

export function codePoints(text: string): string[] {
  return Array.from(text);
}

export function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}

/** UTF-16 offset (a DOM or String index) → code point offset. */
export function toCodePointOffset(text: string, utf16Offset: number): number {
  return codePointLength(text.slice(0, utf16Offset));
}

/** Code point offset → UTF-16 offset. */
export function toUtf16Offset(text: string, codePointOffset: number): number {
  let utf16 = 0;
  let seen = 0;
  for (const char of text) {
    if (seen === codePointOffset) return utf16;
    utf16 += char.length;
    seen++;
  }
  if (seen === codePointOffset) return utf16;
  throw new RangeError(`offset ${codePointOffset} is beyond the text (${seen} code points)`);
}

export function anchorAt(text: string, startOffset: number, endOffset: number): TextAnchor {
  const chars = codePoints(text);
  if (
    !(Number.isInteger(startOffset) && Number.isInteger(endOffset)) ||
    startOffset < 0 ||
    endOffset > chars.length ||
    startOffset >= endOffset
  ) {
    throw new RangeError(`range ${startOffset}–${endOffset} is not inside a text of ${chars.length} code points`);
  }
  return {
    startOffset,
    endOffset,
    exact: chars.slice(startOffset, endOffset).join(""),
    prefix: chars.slice(Math.max(0, startOffset - ANCHOR_CONTEXT_LENGTH), startOffset).join(""),
    suffix: chars.slice(endOffset, endOffset + ANCHOR_CONTEXT_LENGTH).join(""),
  };
}

/** Finds the n-th (0-based) verbatim occurrence of `exact` and anchors it, or returns null. */
export function locateQuote(text: string, exact: string, occurrence = 0): TextAnchor | null {
  if (exact.length === 0) return null;
  let from = 0;
  for (let seen = 0; ; seen++) {
    const at = text.indexOf(exact, from);
    if (at < 0) return null;
    if (seen === occurrence) {
      const start = toCodePointOffset(text, at);
      return anchorAt(text, start, start + codePointLength(exact));
    }
    from = at + 1;
  }
}

export function verifyAnchor(text: string, anchor: TextAnchor): AnchorCheck {
  if (anchor.exact.length === 0 || anchor.startOffset >= anchor.endOffset) return mismatch("empty");
  const length = codePointLength(text);
  if (anchor.startOffset < 0 || anchor.endOffset > length) return mismatch("out_of_range");
  const expected = anchorAt(text, anchor.startOffset, anchor.endOffset);
  if (expected.exact !== anchor.exact) return mismatch("exact_mismatch");
  if (!expected.prefix.endsWith(anchor.prefix) || !expected.suffix.startsWith(anchor.suffix)) {
    return mismatch("context_mismatch");
  }
  return ok();
}

export type HighlightRange = { id: string; startOffset: number; endOffset: number };
export type TextSegment = { text: string; startOffset: number; rangeIds: string[] };

/**
 * Cuts a text into segments at every range boundary, each listing the ranges that cover it,
 * so overlapping quotes render without nesting problems. Concatenating the segments' text
 * gives back the original exactly.
 */
export function segmentText(text: string, ranges: readonly HighlightRange[]): TextSegment[] {
  const chars = codePoints(text);
  const cuts = new Set<number>([0, chars.length]);
  for (const range of ranges) {
    cuts.add(Math.max(0, Math.min(chars.length, range.startOffset)));
    cuts.add(Math.max(0, Math.min(chars.length, range.endOffset)));
  }
  const boundaries = [...cuts].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  for (let i = 0; i < boundaries.length - 1; i++) {
    const start = boundaries[i]!;
    const end = boundaries[i + 1]!;
    if (start === end) continue;
    segments.push({
      text: chars.slice(start, end).join(""),
      startOffset: start,
      rangeIds: ranges.filter((r) => r.startOffset <= start && r.endOffset >= end).map((r) => r.id),
    });
  }
  return segments;
}
