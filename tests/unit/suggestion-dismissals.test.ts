// A dismissal holds for the passage, not for the exact offsets it was stored with: on a real
// tuning article (tests/fixtures/suggestions/heldout), the suggestion that comes back a few
// characters wider or narrower after re-anchoring stays dismissed; the other suggestions do not.

import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { codePoints, locateQuote } from "@/lib/evidence/anchor";
import { dismissedMatcher, quoteKey } from "@/lib/evidence/dismissals";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const text = readFileSync(
  path.join(root, "tests", "fixtures", "suggestions", "heldout", "r-larouche-ryabkov-results.txt"),
  "utf8",
);

function spanOf(exact: string) {
  const anchor = locateQuote(text, exact, 0);
  if (!anchor) throw new Error(`not in the article: ${exact}`);
  return { start: anchor.startOffset, end: anchor.endOffset, text: exact };
}

const FRAGMENT = "has not specifically indicated what exactly";
const CLAUSE =
  "the U.S. “has not specifically indicated what exactly” from Russian proposals on security guarantees is unacceptable for them and their European allies";

describe("dismissedMatcher", () => {
  it("keeps a suggestion dismissed when its span shifts to the whole clause around the dismissed quote", () => {
    const fragment = spanOf(FRAGMENT);
    const isDismissed = dismissedMatcher(text, [{ startOffset: fragment.start, endOffset: fragment.end }]);
    expect(isDismissed(fragment)).toBe(true);
    // The clause is four times the fragment: the overlap is the whole shorter span.
    expect(isDismissed(spanOf(CLAUSE))).toBe(true);
  });

  it("keeps it dismissed when the span moved by a few characters (a mark or a space more or less)", () => {
    const quote = spanOf("I hope this is just a negotiating tactic.");
    const isDismissed = dismissedMatcher(text, [{ startOffset: quote.start - 1, endOffset: quote.end + 1 }]);
    expect(isDismissed(quote)).toBe(true);
  });

  it("matches the dismissed quote's words wherever the revision repeats them", () => {
    const quote = spanOf("I hope this is just a negotiating tactic.");
    const repeated = `${text}\n\nHe said again: “I hope this is just a negotiating tactic.”\n`;
    const at = codePoints(repeated).length - "I hope this is just a negotiating tactic.”\n".length;
    const isDismissed = dismissedMatcher(repeated, [{ startOffset: quote.start, endOffset: quote.end }]);
    expect(isDismissed({ start: at, end: at + quote.text.length, text: quote.text })).toBe(true);
  });

  it("leaves the other suggestions of the revision alone", () => {
    const fragment = spanOf(FRAGMENT);
    const isDismissed = dismissedMatcher(text, [{ startOffset: fragment.start, endOffset: fragment.end }]);
    expect(isDismissed(spanOf("I hope this is just a negotiating tactic."))).toBe(false);
    expect(isDismissed(spanOf("But that doesn’t mean I will agree with their choice."))).toBe(false);
    expect(dismissedMatcher(text, [])(fragment)).toBe(false);
  });

  it("compares quotes without their spacing, marks and closing punctuation", () => {
    expect(quoteKey(" “I hope this is  just a negotiating tactic.” ")).toBe(
      quoteKey("I hope this is just a negotiating tactic"),
    );
  });
});
