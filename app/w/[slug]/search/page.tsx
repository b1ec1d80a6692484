import type { Metadata } from "next";
import { SearchForm } from "@/components/search/search-form";
import { CommentResults, DocumentResults, QuoteResults, StatementResults } from "@/components/search/search-results";
import { readQuoteOrder } from "@/lib/evidence/quote-order";
import { firstValues } from "@/lib/platform/http/search-params";
import { listSearchFilters, search } from "@/lib/search/data";
import { SearchQuerySchema } from "@/lib/search/schema";
import { authorizePage } from "@/lib/workspaces/page-access";

export const metadata: Metadata = { title: "Search" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SearchPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: SearchParams;
}) {
  const [{ slug }, raw] = await Promise.all([params, searchParams]);
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}/search`);
  const single = firstValues(raw);
  const parsed = SearchQuerySchema.safeParse(single);
  const query = parsed.success ? parsed.data : SearchQuerySchema.parse({});
  const [results, filters, quoteOrder] = await Promise.all([
    search(workspace, query),
    listSearchFilters(workspace),
    readQuoteOrder(),
  ]);
  return (
    <main className="mx-auto max-w-5xl px-4 sm:px-6 py-8">
      <h1 className="font-serif text-2xl font-semibold">Search</h1>
      <SearchForm query={query} filters={filters} />
      {!parsed.success ? (
        <p role="alert" className="mt-4 text-sm text-red-700">
          {parsed.error.issues.map((i) => i.message).join(" ")}
        </p>
      ) : null}
      {query.q || results.counts.evidence > 0 ? (
        <QuoteResults slug={slug} results={results} order={quoteOrder} />
      ) : null}
      {results.counts.statements > 0 ? (
        <StatementResults slug={slug} results={results} positionLabels={filters.positionLabels} />
      ) : null}
      {results.counts.documents > 0 ? <DocumentResults slug={slug} results={results} /> : null}
      {results.counts.comments > 0 ? <CommentResults results={results} /> : null}
    </main>
  );
}
