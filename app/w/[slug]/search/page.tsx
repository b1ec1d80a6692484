import type { Metadata } from "next";
import Link from "next/link";
import { SnippetText } from "@/components/search/snippet-text";
import { DateInput } from "@/components/ui/date-input";
import { FILTER_FIELD, FilterSelect } from "@/components/ui/filter-select";
import { EVIDENCE_KIND_LABELS } from "@/lib/evidence/labels";
import { orderSides } from "@/lib/evidence/pairs";
import { readQuoteOrder } from "@/lib/evidence/quote-order";
import { countOf } from "@/lib/format/count";
import { readerDates } from "@/lib/format/reader-locale";
import { firstValues } from "@/lib/http/search-params";
import { documentUrl, listSearchFilters, quoteUrl, search, statementUrl } from "@/lib/search/data";
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
  const dates = await readerDates();
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
      <search>
        <form
          method="get"
          className="mt-4 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4"
        >
          <label className="col-span-2 text-sm font-medium sm:col-span-4">
            Words
            <input
              name="q"
              type="search"
              defaultValue={query.q}
              placeholder="e.g. moratorium, open door, “legally binding”"
              className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
            />
          </label>
          <FilterSelect
            label="Speaker"
            name="speaker"
            value={query.speaker}
            empty="Anyone"
            options={filters.people.map((p) => ({ value: p.id, label: p.name }))}
          />
          <FilterSelect
            label="Party"
            name="party"
            value={query.party}
            empty="Any"
            options={filters.parties.map((p) => ({ value: p.id, label: p.name }))}
          />
          <FilterSelect
            label="Issue"
            name="issue"
            value={query.issue}
            empty="Any"
            options={filters.issues.map((i) => ({ value: i.id, label: i.name }))}
          />
          <FilterSelect
            label="Kind"
            name="kind"
            value={query.kind}
            empty="Any"
            options={Object.entries(EVIDENCE_KIND_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <label className="text-sm">
            Said from
            <DateInput name="from" defaultValue={query.from ?? ""} className={FILTER_FIELD} />
          </label>
          <label className="text-sm">
            Said until
            <DateInput name="to" defaultValue={query.to ?? ""} className={FILTER_FIELD} />
          </label>
          <div className="flex items-end">
            <button type="submit" className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white">
              Search
            </button>
          </div>
        </form>
      </search>
      {!parsed.success ? (
        <p role="alert" className="mt-4 text-sm text-red-700">
          {parsed.error.issues.map((i) => i.message).join(" ")}
        </p>
      ) : null}
      {query.q || results.counts.evidence > 0 ? (
        <ResultSection label="Quotes" count={countOf(results.counts.evidence, { one: "quote", other: "quotes" })}>
          {results.evidence.map((e) => (
            <li key={e.id} className="rounded-md border border-slate-200 bg-white p-3">
              {e.pair ? (
                orderSides(e.pair, quoteOrder).map((side) => (
                  <p key={side.id} lang={side.document.language} className="font-serif text-slate-900">
                    <span className="mr-2 font-sans text-xs font-semibold uppercase tracking-wide text-slate-500">
                      {side.role === "original" ? "Original" : "Translation"} ({side.document.language})
                    </span>
                    {side.id === e.id ? (
                      <Link href={quoteUrl(slug, e)} className="hover:underline">
                        “<SnippetText snippet={e.snippet} />”
                      </Link>
                    ) : (
                      <Link href={`/w/${slug}/evidence/${side.id}`} className="hover:underline">
                        “{side.exact}”
                      </Link>
                    )}
                  </p>
                ))
              ) : (
                <Link href={quoteUrl(slug, e)} className="font-serif text-slate-900 hover:underline">
                  “<SnippetText snippet={e.snippet} />”
                </Link>
              )}
              <p className="mt-1 text-xs text-slate-500">
                {e.speaker ?? "No speaker"} · {EVIDENCE_KIND_LABELS[e.kind]} · {dates.calendar(e.saidOn)} ·{" "}
                {e.documentTitle}
              </p>
            </li>
          ))}
        </ResultSection>
      ) : null}
      {results.counts.statements > 0 ? (
        <ResultSection label="Stances" count={countOf(results.counts.statements, { one: "stance", other: "stances" })}>
          {results.statements.map((s) => (
            <li key={s.id} className="rounded-md border border-slate-200 bg-white p-3">
              <Link href={statementUrl(slug, s)} className="font-medium text-indigo-800 hover:underline">
                {s.partyName} on {s.issueTitle}: {filters.positionLabels[s.position]}
              </Link>
              <p className="mt-1 text-sm text-slate-700">
                <SnippetText snippet={s.snippet} />
              </p>
              <p className="mt-1 text-xs text-slate-500">Stated {dates.calendar(s.statedOn)}</p>
            </li>
          ))}
        </ResultSection>
      ) : null}
      {results.counts.documents > 0 ? (
        <ResultSection
          label="Documents"
          count={countOf(results.counts.documents, { one: "document", other: "documents" })}
        >
          {results.documents.map((d) => (
            <li key={d.id} className="rounded-md border border-slate-200 bg-white p-3">
              <Link href={documentUrl(slug, d)} className="font-medium text-indigo-800 hover:underline">
                {d.title}
              </Link>
              <p className="mt-1 font-serif text-sm text-slate-700">
                <SnippetText snippet={d.snippet} />
              </p>
            </li>
          ))}
        </ResultSection>
      ) : null}
      {results.counts.comments > 0 ? (
        <ResultSection label="Comments" count={countOf(results.counts.comments, { one: "comment", other: "comments" })}>
          {results.comments.map((c) => (
            <li key={c.id} className="rounded-md border border-slate-200 bg-white p-3">
              <Link href={c.url} className="text-sm text-slate-800 hover:underline">
                <SnippetText snippet={c.snippet} />
              </Link>
              <p className="mt-1 text-xs text-slate-500">{c.author}</p>
            </li>
          ))}
        </ResultSection>
      ) : null}
    </main>
  );
}

function ResultSection({ label, count, children }: { label: string; count: string; children: React.ReactNode }) {
  return (
    <section aria-label={`${label} found`} className="mt-8">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600">{count}</h2>
      <ul className="mt-3 space-y-2">{children}</ul>
    </section>
  );
}
