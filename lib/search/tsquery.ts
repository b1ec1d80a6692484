import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseSearchTerms, type SearchTerm, searchGroups } from "@/lib/search/websearch";

// The search box's terms as one PostgreSQL tsquery that matches the `searchVector` columns, each
// `parley_search_vector(text)` stored when its row is written (see the search_stemming,
// translations and stored_search_vectors migrations): each term matches its English or
// Russian stem or its exact word, all unaccented, and the last word also matches as a prefix,
// so results follow the typing ("guara" finds "guarantees", "expan" finds "expansion").

const CONFIGS = [
  Prisma.sql`'pg_catalog.english'::regconfig`,
  Prisma.sql`'pg_catalog.russian'::regconfig`,
  Prisma.sql`'pg_catalog.simple'::regconfig`,
];
const PREFIXABLE = /^[\p{L}\p{N}]+$/u;

function unaccented(text: Prisma.Sql) {
  return Prisma.sql`public.unaccent('public.unaccent'::regdictionary, ${text})`;
}

function termQuery(term: Exclude<SearchTerm, { kind: "or" }>, prefix: boolean): Prisma.Sql {
  const text = unaccented(Prisma.sql`${term.text}`);
  const each = (config: Prisma.Sql) =>
    term.kind === "phrase"
      ? Prisma.sql`phraseto_tsquery(${config}, ${text})`
      : prefix
        ? Prisma.sql`to_tsquery(${config}, quote_literal(${text}) || ':*')`
        : Prisma.sql`plainto_tsquery(${config}, ${text})`;
  const query = Prisma.sql`(${Prisma.join(CONFIGS.map(each), " || ")})`;
  return term.negated ? Prisma.sql`(!! ${query})` : query;
}

/** The tsquery for a search box's text, or null when it holds no word to search for. */
export function searchTsQuery(q: string): Prisma.Sql | null {
  const groups = searchGroups(parseSearchTerms(q));
  if (!groups.length) return null;
  const last = groups.at(-1)?.at(-1);
  const prefixed = last?.kind === "word" && !last.negated && PREFIXABLE.test(last.text) ? last : null;
  const ands = groups.map((group) => {
    const alternatives = group.map((term) => termQuery(term, term === prefixed));
    return alternatives.length === 1 ? alternatives[0] : Prisma.sql`(${Prisma.join(alternatives, " || ")})`;
  });
  return ands.length === 1 ? (ands[0] ?? null) : Prisma.sql`(${Prisma.join(ands, " && ")})`;
}
