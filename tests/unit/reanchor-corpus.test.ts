import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { locateQuote, verifyAnchor } from "@/lib/evidence/anchor";
import { type AnchorStatus, diffTexts, reanchorQuote } from "@/lib/evidence/reanchor";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";

// Corrected versions of the five corpus articles, made by edits an editor really makes: typo
// fixes inside and around quotes, an inserted paragraph, two paragraphs swapped, and deleted
// sentences. Every demo quote is re-anchored from the original into its corrected article.

const corpusDir = path.join(process.cwd(), "prisma", "demo", "corpus");
const paragraphsOf = (text: string) => text.split(/\n\n+/);

type Correction = { text: string; deletedQuoteKeys: Set<string> };

function correct(documentKey: string, original: string): Correction {
  const quotes = securityGuarantees.evidence.filter((e) => e.document === documentKey);
  const deletedQuoteKeys = new Set<string>();
  let text = original;
  // 1. Delete the sentence holding the last quote of the document.
  const victim = quotes.at(-1);
  if (victim) {
    text = text.replace(victim.exact, "");
    deletedQuoteKeys.add(victim.key);
  }
  // 2. A typo fix inside the first quote (one letter doubled then fixed the other way round).
  const first = quotes[0];
  if (first && first.key !== victim?.key) {
    const at = text.indexOf(first.exact) + Math.floor(first.exact.length / 2);
    text = `${text.slice(0, at)}${text[at] === "e" ? "a" : "e"}${text.slice(at + 1)}`;
  }
  // 3. An inserted paragraph near the top, and 4. two later paragraphs swapped.
  const paragraphs = paragraphsOf(text);
  paragraphs.splice(1, 0, "Editor’s note: this article was corrected after publication to fix typographical errors.");
  if (paragraphs.length > 5) [paragraphs[3], paragraphs[4]] = [paragraphs[4]!, paragraphs[3]!];
  // 5. A spelling fix outside the quotes.
  text = paragraphs.join("\n\n").replace(/Anthony Blinken/g, "Antony Blinken");
  return { text, deletedQuoteKeys };
}

describe("re-anchoring the demo quotes in corrected versions of the corpus", () => {
  const counts: Record<AnchorStatus, number> = { ANCHORED: 0, MOVED: 0, CHANGED: 0, ORPHANED: 0 };
  const outcomes: {
    key: string;
    status: AnchorStatus;
    deleted: boolean;
    exactAfter: string | null;
    original: string;
  }[] = [];

  for (const document of securityGuarantees.documents) {
    const original = readFileSync(path.join(corpusDir, document.file), "utf8");
    const { text, deletedQuoteKeys } = correct(document.key, original);
    const diffs = diffTexts(original, text);
    for (const quote of securityGuarantees.evidence.filter((e) => e.document === document.key)) {
      const anchor = locateQuote(original, quote.exact, quote.occurrence ?? 0)!;
      const result = reanchorQuote(original, text, anchor, diffs);
      counts[result.status]++;
      if (result.status !== "ORPHANED") expect(verifyAnchor(text, result.anchor)).toEqual({ ok: true });
      outcomes.push({
        key: quote.key,
        status: result.status,
        deleted: deletedQuoteKeys.has(quote.key),
        exactAfter: result.status === "ORPHANED" ? null : result.anchor.exact,
        original: quote.exact,
      });
    }
  }

  it("orphans every quote whose words were deleted, never attaching it elsewhere", () => {
    const deleted = outcomes.filter((o) => o.deleted);
    expect(deleted.length).toBe(securityGuarantees.documents.length);
    for (const o of deleted) expect(o.status, o.key).toBe("ORPHANED");
  });

  it("keeps every surviving quote attached to its own words", () => {
    for (const o of outcomes.filter((o) => !o.deleted)) {
      expect(o.status, o.key).not.toBe("ORPHANED");
      if (o.status === "CHANGED") expect(o.exactAfter!.length).toBeGreaterThan(o.original.length * 0.8);
      else expect(o.exactAfter).toBe(o.original);
    }
  });

  it("reports the shares", () => {
    const total = outcomes.length;
    const share = (n: number) => `${n} (${((100 * n) / total).toFixed(1)}%)`;
    console.log(
      `re-anchoring ${total} quotes: anchored ${share(counts.ANCHORED)}, moved ${share(counts.MOVED)}, changed ${share(counts.CHANGED)}, orphaned ${share(counts.ORPHANED)}`,
    );
    expect(total).toBe(securityGuarantees.evidence.length);
  });
});
