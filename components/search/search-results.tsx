import Link from "next/link";
import { SnippetText } from "@/components/search/snippet-text";
import { EVIDENCE_KIND_LABELS } from "@/lib/evidence/labels";
import { orderSides, type QuoteOrder } from "@/lib/evidence/pairs";
import type { PositionLabels } from "@/lib/matrix/positions";
import { countOf } from "@/lib/platform/format/count";
import { readerDates } from "@/lib/platform/format/reader-locale";
import { documentUrl, quoteUrl, type SearchResults, statementUrl } from "@/lib/search/data";

/** The quotes found, each beside its pair in the reader's order when it has one. */
export async function QuoteResults({
  slug,
  results,
  order,
}: {
  slug: string;
  results: SearchResults;
  order: QuoteOrder;
}) {
  const dates = await readerDates();
  return (
    <ResultSection label="Quotes" count={countOf(results.counts.evidence, { one: "quote", other: "quotes" })}>
      {results.evidence.map((e) => (
        <li key={e.id} className="rounded-md border border-slate-200 bg-white p-3">
          {e.pair ? (
            orderSides(e.pair, order).map((side) => (
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
  );
}

export async function StatementResults({
  slug,
  results,
  positionLabels,
}: {
  slug: string;
  results: SearchResults;
  positionLabels: PositionLabels;
}) {
  const dates = await readerDates();
  return (
    <ResultSection label="Stances" count={countOf(results.counts.statements, { one: "stance", other: "stances" })}>
      {results.statements.map((s) => (
        <li key={s.id} className="rounded-md border border-slate-200 bg-white p-3">
          <Link href={statementUrl(slug, s)} className="font-medium text-indigo-800 hover:underline">
            {s.partyName} on {s.issueTitle}: {positionLabels[s.position]}
          </Link>
          <p className="mt-1 text-sm text-slate-700">
            <SnippetText snippet={s.snippet} />
          </p>
          <p className="mt-1 text-xs text-slate-500">Stated {dates.calendar(s.statedOn)}</p>
        </li>
      ))}
    </ResultSection>
  );
}

export function DocumentResults({ slug, results }: { slug: string; results: SearchResults }) {
  return (
    <ResultSection label="Documents" count={countOf(results.counts.documents, { one: "document", other: "documents" })}>
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
  );
}

export function CommentResults({ results }: { results: SearchResults }) {
  return (
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
