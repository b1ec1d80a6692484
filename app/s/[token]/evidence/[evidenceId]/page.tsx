import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { QuoteInContext } from "@/components/evidence/quote-in-context";
import { EVIDENCE_KIND_LABELS, RELATION_LABELS } from "@/lib/evidence/labels";
import { todayCalendarDate } from "@/lib/matrix/dates";
import { AsOfSchema } from "@/lib/matrix/schema";
import { readerDates } from "@/lib/platform/format/reader-locale";
import { getSharedEvidence } from "@/lib/share/data";
import { authorizeShareLink } from "@/lib/workspaces/access";

export const metadata: Metadata = { title: "Shared quote", referrer: "no-referrer", robots: { index: false } };

/** A quote behind a shared cell, read-only, under the share link and only while it shows that cell. */
export default async function SharedEvidencePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string; evidenceId: string }>;
  searchParams: Promise<{ asOf?: string }>;
}) {
  const dates = await readerDates();
  const [{ token, evidenceId }, { asOf: requested }] = await Promise.all([params, searchParams]);
  const share = await authorizeShareLink(token);
  if (!share || !z.uuid().safeParse(evidenceId).success) notFound();
  const asOf = share.asOf ?? AsOfSchema.catch(todayCalendarDate()).parse(requested ?? todayCalendarDate());
  const evidence = await getSharedEvidence(share.workspace, evidenceId, asOf);
  if (!evidence) notFound();
  const query = share.asOf ? "" : `?asOf=${asOf}`;
  return (
    <main className="mx-auto max-w-3xl px-4 sm:px-6 py-8">
      <p className="font-serif text-xl font-semibold">Parley</p>
      <nav aria-label="Breadcrumb" className="mt-4 text-sm">
        <Link href={`/s/${token}${query}`} className="text-indigo-700 underline">
          {share.workspace.title}
        </Link>
      </nav>
      <h1 className="mt-3 font-serif text-2xl font-semibold">
        {evidence.speaker
          ? `${evidence.speaker.name}, ${dates.calendar(evidence.saidOn)}`
          : `Quote of ${dates.calendar(evidence.saidOn)}`}
      </h1>
      <p className="mt-1 text-sm text-slate-600">
        {EVIDENCE_KIND_LABELS[evidence.kind]}
        {evidence.speaker?.description ? ` · ${evidence.speaker.description}` : ""}
      </p>
      <QuoteInContext evidence={evidence} />
      <p className="mt-2 text-xs text-slate-500">
        Source:{" "}
        {[
          evidence.document.title,
          evidence.document.outlet,
          evidence.document.publishedOn ? dates.calendar(evidence.document.publishedOn) : null,
          evidence.pageLabel,
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      <h2 className="mt-8 text-sm font-semibold uppercase tracking-wide text-slate-500">
        Stances it backs, as of {dates.calendar(asOf)}
      </h2>
      <ul className="mt-3 space-y-3">
        {evidence.stances.map((stance) => (
          <li key={stance.id} className="rounded-md border border-slate-200 bg-white p-4 text-sm">
            <p>
              <span className="font-semibold">{RELATION_LABELS[stance.relation]}</span> · {stance.party} on{" "}
              {stance.issue}: {stance.position} ·{" "}
              <time dateTime={stance.statedOn} className="text-slate-500">
                {dates.calendar(stance.statedOn)}
              </time>
            </p>
            <p className="mt-2 text-slate-800">{stance.summary}</p>
            {stance.quoteIds.length > 1 ? (
              <nav aria-label={`Quotes for ${stance.party} on ${stance.issue}`} className="mt-2 flex flex-wrap gap-2">
                {stance.quoteIds.map((id, i) => (
                  <Link
                    key={id}
                    href={`/s/${token}/evidence/${id}${query}`}
                    aria-current={id === evidence.id ? "page" : undefined}
                    className="rounded border border-slate-300 px-2 py-0.5 text-indigo-700 aria-[current=page]:bg-slate-100 aria-[current=page]:text-slate-900"
                  >
                    Quote {i + 1}
                  </Link>
                ))}
              </nav>
            ) : null}
          </li>
        ))}
      </ul>
    </main>
  );
}
