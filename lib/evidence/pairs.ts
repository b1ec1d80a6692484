// A quote of an original and the passages that render it in translations, shown together
// wherever either is shown, in the order the reader chose (original first by default).

export const QUOTE_ORDER_COOKIE = "parley-quote-order";
export type QuoteOrder = "original" | "translation";

export function parseQuoteOrder(value: string | undefined): QuoteOrder {
  return value === "translation" ? "translation" : "original";
}

const PAIRED_DOCUMENT = { select: { id: true, title: true, language: true } } as const;
const PAIRED_QUOTE = { select: { id: true, exact: true, document: PAIRED_DOCUMENT } } as const;

/** Selected beside a quote's own id, exact words and document (with its language). */
export const PAIR_SELECT = {
  translationOf: PAIRED_QUOTE,
  translations: { orderBy: { createdAt: "asc" }, ...PAIRED_QUOTE },
} as const;

export type PairedQuote = {
  id: string;
  exact: string;
  document: { id: string; title: string; language: string };
};

export type QuoteSide = PairedQuote & { role: "original" | "translation" };

type WithPair = PairedQuote & { translationOf: PairedQuote | null; translations: PairedQuote[] };

const side = (quote: PairedQuote, role: QuoteSide["role"]): QuoteSide => ({
  id: quote.id,
  exact: quote.exact,
  document: quote.document,
  role,
});

/** The original and its translations, or null for a quote that is not paired. */
export function quotePair(quote: WithPair): QuoteSide[] | null {
  if (quote.translationOf) return [side(quote.translationOf, "original"), side(quote, "translation")];
  if (quote.translations.length > 0)
    return [side(quote, "original"), ...quote.translations.map((t) => side(t, "translation"))];
  return null;
}

/** The sides in the reader's order; translations keep their own order among themselves. */
export function orderSides<T extends { role: QuoteSide["role"] }>(sides: readonly T[], order: QuoteOrder): T[] {
  const first = order === "original" ? "original" : "translation";
  return [...sides.filter((s) => s.role === first), ...sides.filter((s) => s.role !== first)];
}
