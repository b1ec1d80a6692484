// What the search box's text becomes before PostgreSQL reads it. Its query parsers keep a fixed
// stack of 32 operators, so a query of nothing but dashes or punctuation ("tsquery stack too
// small") would fail the whole search. Keeping the web-search syntax (words, "quoted phrases",
// -negation, or) but only as whole terms, and a bounded number of them, means every query it is
// given parses.

export const MAX_SEARCH_TERMS = 24;

const WORD = /[\p{L}\p{N}]+(?:[-'’._][\p{L}\p{N}]+)*/gu;
const TERM = /(-?)(?:"([^"]*)"?|([^\s"]+))/gu;

/** One searched term: a word or a "quoted phrase", maybe negated; or the word "or" between two terms. */
export type SearchTerm = { kind: "word" | "phrase"; text: string; negated: boolean } | { kind: "or" };

/** The query's terms; an empty list when it holds no word to search for. */
export function parseSearchTerms(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const match of query.matchAll(TERM)) {
    if (terms.length >= MAX_SEARCH_TERMS) break;
    const negated = match[1] === "-";
    const phrase = match[2];
    const chunk = match[3] ?? "";
    if (phrase !== undefined) {
      const words = phrase.match(WORD) ?? [];
      if (words.length) terms.push({ kind: "phrase", text: words.slice(0, MAX_SEARCH_TERMS).join(" "), negated });
    } else if (/^or$/i.test(chunk) && !negated) {
      if (terms.length && terms.at(-1)?.kind !== "or") terms.push({ kind: "or" });
    } else {
      // "-a,b" is two words, the first of them negated; a dash inside a word stays (US-Russia).
      (chunk.match(WORD) ?? []).forEach((word, i) => {
        terms.push({ kind: "word", text: word, negated: i === 0 && negated });
      });
    }
  }
  while (terms.at(-1)?.kind === "or") terms.pop();
  return terms.slice(0, MAX_SEARCH_TERMS);
}

/** The query in websearch syntax, rebuilt from its terms; null when it holds no word to search for. */
export function toWebsearchQuery(query: string): string | null {
  const terms = parseSearchTerms(query);
  if (!terms.length) return null;
  return terms
    .map((term) => {
      if (term.kind === "or") return "or";
      const text = term.kind === "phrase" ? `"${term.text}"` : term.text;
      return term.negated ? `-${text}` : text;
    })
    .join(" ");
}

/**
 * Groups of alternatives, all of which must match: `a b or c -d` is a AND (b OR c) AND NOT d.
 * As in PostgreSQL's websearch syntax, a query of negations alone finds whatever lacks them.
 */
export function searchGroups(terms: SearchTerm[]): Exclude<SearchTerm, { kind: "or" }>[][] {
  const groups: Exclude<SearchTerm, { kind: "or" }>[][] = [];
  let joinNext = false;
  for (const term of terms) {
    if (term.kind === "or") {
      joinNext = groups.length > 0;
      continue;
    }
    const last = groups.at(-1);
    if (joinNext && last) last.push(term);
    else groups.push([term]);
    joinNext = false;
  }
  return groups;
}
