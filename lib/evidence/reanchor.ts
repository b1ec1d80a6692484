import DiffMatchPatch from "diff-match-patch";
import { anchorAt, codePointLength, type TextAnchor, toCodePointOffset, toUtf16Offset } from "@/lib/evidence/anchor";

// Re-anchoring a quote in a corrected text, after Hypothesis's approach: the quote, its prefix
// and suffix and its expected position are weighed together. Exact matches come first; then a
// fuzzy match (diff-match-patch's Bitap) of the quote's two ends near the expected position. A
// candidate that is not close enough to the quote's words is refused: an orphan a person looks
// at is better than a quote attached to the wrong words.

export type AnchorStatus = "ANCHORED" | "MOVED" | "CHANGED" | "ORPHANED";
export type Reanchored =
  | { status: "ORPHANED"; score: number }
  | { status: Exclude<AnchorStatus, "ORPHANED">; score: number; anchor: TextAnchor };

/** Similarity required for a changed quote to stay attached (1 − edit distance / length). */
export const MIN_CHANGED_SIMILARITY = 0.8;

const dmp = new DiffMatchPatch();

function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const distance = dmp.diff_levenshtein(dmp.diff_main(a, b));
  return Math.max(0, 1 - distance / Math.max(a.length, b.length));
}

function contextScore(text: string, at: number, end: number, prefix: string, suffix: string): number {
  const before = text.slice(Math.max(0, at - prefix.length), at);
  const after = text.slice(end, end + suffix.length);
  return (prefix ? similarity(before, prefix) : 1) * 0.5 + (suffix ? similarity(after, suffix) : 1) * 0.5;
}

/** Where the old UTF-16 offset lands in the new text, following the edits between them. */
function expectedPosition(diffs: DiffMatchPatch.Diff[], oldOffset: number): number {
  return dmp.diff_xIndex(diffs, oldOffset);
}

/**
 * Code-point offsets of the old text (a PDF's page starts) carried into the new text along the
 * edits between them, kept in order.
 */
export function carryOffsets(
  oldText: string,
  newText: string,
  offsets: readonly number[],
  diffs: DiffMatchPatch.Diff[],
): number[] {
  let floor = 0;
  return offsets.map((offset) => {
    const moved = toCodePointOffset(newText, dmp.diff_xIndex(diffs, toUtf16Offset(oldText, offset)));
    floor = Math.max(floor, Math.min(moved, codePointLength(newText)));
    return floor;
  });
}

function bitap(text: string, pattern: string, near: number): number {
  const clipped = pattern.slice(0, dmp.Match_MaxBits);
  dmp.Match_Threshold = 0.35;
  dmp.Match_Distance = 2000;
  return dmp.match_main(text, clipped, Math.max(0, Math.min(text.length, near)));
}

/**
 * Re-anchors one quote, anchored in `oldText`, in `newText`. Offsets in and out are code points.
 * `diffs` (from diffTexts) may be shared across the quotes of one document.
 */
export function reanchorQuote(
  oldText: string,
  newText: string,
  quote: TextAnchor,
  diffs = diffTexts(oldText, newText),
): Reanchored {
  const oldStart16 = toUtf16Offset(oldText, quote.startOffset);
  const near = expectedPosition(diffs, oldStart16);

  const exactHits: number[] = [];
  for (
    let at = newText.indexOf(quote.exact);
    at >= 0 && exactHits.length < 1000;
    at = newText.indexOf(quote.exact, at + 1)
  )
    exactHits.push(at);
  if (exactHits.length > 0) {
    const best = exactHits
      .map((at) => ({
        at,
        score:
          contextScore(newText, at, at + quote.exact.length, quote.prefix, quote.suffix) -
          Math.abs(at - near) / Math.max(1, newText.length),
      }))
      .sort((a, b) => b.score - a.score)[0]!;
    const start = toCodePointOffset(newText, best.at);
    const anchor = anchorAt(newText, start, start + codePointLength(quote.exact));
    const unmoved = start === quote.startOffset && anchor.prefix === quote.prefix && anchor.suffix === quote.suffix;
    return { status: unmoved ? "ANCHORED" : "MOVED", score: 1, anchor };
  }

  // Fuzzy: find the quote's head near where it should be, then its tail after the head.
  const head = bitap(newText, quote.exact, near);
  if (head < 0) return { status: "ORPHANED", score: 0 };
  const tailPattern = quote.exact.slice(-dmp.Match_MaxBits);
  const tailNear = head + quote.exact.length - tailPattern.length;
  const tail = bitap(newText, tailPattern, tailNear);
  let end = tail >= head ? tail + tailPattern.length : head + quote.exact.length;
  end = Math.min(newText.length, end);
  if (end - head > quote.exact.length * 1.5 || end <= head) end = Math.min(newText.length, head + quote.exact.length);
  const candidate = newText.slice(head, end);
  const score = similarity(quote.exact, candidate);
  if (score < MIN_CHANGED_SIMILARITY) return { status: "ORPHANED", score };
  const start = toCodePointOffset(newText, head);
  return { status: "CHANGED", score, anchor: anchorAt(newText, start, start + codePointLength(candidate)) };
}

export function diffTexts(oldText: string, newText: string): DiffMatchPatch.Diff[] {
  dmp.Diff_Timeout = 2;
  const diffs = dmp.diff_main(oldText, newText);
  dmp.diff_cleanupSemantic(diffs);
  return diffs;
}
