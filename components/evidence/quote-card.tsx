import Link from "next/link";
import { QuotePair } from "@/components/evidence/quote-pair";
import { CalendarDate } from "@/components/ui/calendar-date";
import type { EvidenceKind, EvidenceRelation } from "@/lib/enums";
import { EVIDENCE_KIND_LABELS, RELATION_LABELS } from "@/lib/evidence/labels";
import type { QuoteOrder, QuoteSide } from "@/lib/evidence/pairs";

type Props = {
  slug: string;
  relation?: EvidenceRelation;
  evidence: {
    id: string;
    exact: string;
    saidOn: string;
    kind: EvidenceKind;
    speaker: { name: string } | null;
    document: { id: string; title: string; outlet: string; language?: string };
    /** The quote's original and translations, when it is one side of a pair. */
    pair?: QuoteSide[] | null;
  };
  order?: QuoteOrder;
};

export function QuoteCard({ slug, relation, evidence, order = "original" }: Props) {
  return (
    <figure className="rounded-md border border-slate-200 bg-white p-3">
      {evidence.pair ? (
        <QuotePair slug={slug} sides={evidence.pair} order={order} />
      ) : (
        <blockquote lang={evidence.document.language} className="font-serif text-[15px] leading-relaxed text-slate-900">
          “{evidence.exact}”
        </blockquote>
      )}
      <figcaption className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
        {relation ? (
          <span
            className={`rounded px-1.5 py-0.5 font-semibold ${relation === "CONTRADICTS" ? "bg-red-100 text-red-800" : relation === "SUPPORTS" ? "bg-emerald-100 text-emerald-800" : "bg-slate-100 text-slate-700"}`}
          >
            {RELATION_LABELS[relation]}
          </span>
        ) : null}
        <span>{evidence.speaker?.name ?? "No speaker"}</span>
        <span>{EVIDENCE_KIND_LABELS[evidence.kind]}</span>
        <time dateTime={evidence.saidOn}>
          <CalendarDate value={evidence.saidOn} />
        </time>
        <Link
          href={`/w/${slug}/documents/${evidence.document.id}#quote-${evidence.id}`}
          className="text-indigo-700 underline"
        >
          In the source
        </Link>
        <Link href={`/w/${slug}/evidence/${evidence.id}`} className="text-indigo-700 underline">
          Quote details
        </Link>
      </figcaption>
    </figure>
  );
}
