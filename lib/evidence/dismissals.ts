// Which suggestions an analyst already dismissed in a revision. A dismissal is stored with the
// offsets the suggestion had when it was dismissed, but what was dismissed is the passage: the
// same quote may come back a few characters wider or narrower (a rule now takes the whole clause,
// or trims a dateline), or at another place where the revision repeats it. So a suggestion counts
// as dismissed when its quote text is the dismissed quote's, or when the two spans are mostly the
// same passage (overlapping by at least half of the shorter — the rule by which the evaluation
// also calls two spans one quote).

type Span = { start: number; end: number };

/** The words of a quote without the spacing, quotation marks and punctuation around them. */
export function quoteKey(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\s+/g, " ")
    .replace(/^[\s"'“”‘’«»„,.;:!?…—–-]+|[\s"'“”‘’«»„,.;:!?…—–-]+$/gu, "")
    .toLowerCase();
}

/**
 * The dismissed passages of a revision, read back from their stored offsets (Unicode code points,
 * like every anchor), as a test of whether a suggestion of that same revision was dismissed.
 */
export function dismissedMatcher(
  revisionText: string,
  dismissed: { startOffset: number; endOffset: number }[],
): (suggestion: Span & { text: string }) => boolean {
  const chars = Array.from(revisionText);
  const spans = dismissed.map((d) => ({ start: d.startOffset, end: d.endOffset }));
  const keys = new Set(spans.map((d) => quoteKey(chars.slice(d.start, d.end).join(""))).filter(Boolean));
  return (s) => {
    if (keys.has(quoteKey(s.text))) return true;
    return spans.some((d) => {
      const shorter = Math.min(d.end - d.start, s.end - s.start);
      const overlap = Math.min(d.end, s.end) - Math.max(d.start, s.start);
      return shorter > 0 && overlap >= 0.5 * shorter;
    });
  };
}
