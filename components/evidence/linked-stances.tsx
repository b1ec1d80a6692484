import Link from "next/link";
import { PositionBadge } from "@/components/matrix/position-badge";
import type { EvidenceView } from "@/lib/evidence/data";
import { RELATION_LABELS } from "@/lib/evidence/labels";
import { readerDates } from "@/lib/platform/format/reader-locale";

/** The stances a quote supports or contradicts, each linking to its place in its cell's history. */
export async function LinkedStances({ slug, evidence }: { slug: string; evidence: EvidenceView }) {
  const dates = await readerDates();
  return (
    <>
      <h2 className="mt-8 text-sm font-semibold uppercase tracking-wide text-slate-500">Linked stances</h2>
      {evidence.links.length === 0 ? <p className="mt-2 text-slate-600">Not linked to any stance yet.</p> : null}
      <ul className="mt-3 space-y-3">
        {evidence.links.map(({ relation, statement }) => (
          <li key={statement.id} className="rounded-md border border-slate-200 bg-white p-4">
            <div className="flex flex-wrap items-center gap-3 text-sm">
              <span className="font-semibold">{RELATION_LABELS[relation]}</span>
              <Link
                href={`/w/${slug}/cells/${statement.issue.id}/${statement.party.id}?asOf=${statement.statedOn}#statement-${statement.id}`}
                className="text-indigo-700 underline"
              >
                {statement.party.name} on {statement.issue.title}
              </Link>
              <PositionBadge position={statement.position} label={evidence.positionLabels[statement.position]} />
              <time dateTime={statement.statedOn} className="text-slate-500">
                {dates.calendar(statement.statedOn)}
              </time>
            </div>
            <p className="mt-2 text-slate-800">{statement.summary}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
