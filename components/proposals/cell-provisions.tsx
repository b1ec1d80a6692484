import Link from "next/link";
import { CalendarDate } from "@/components/ui/calendar-date";
import type { CellProvision, ProposalRef } from "@/lib/proposals/data";

function ProposalMention({
  slug,
  proposal,
  provision,
}: {
  slug: string;
  proposal: ProposalRef;
  provision: { id: string; label: string };
}) {
  return (
    <>
      <Link
        href={`/w/${slug}/proposals/${proposal.id}#provision-${provision.id}`}
        className="text-indigo-700 underline"
      >
        {proposal.title}
      </Link>{" "}
      ({provision.label},{" "}
      <time dateTime={proposal.proposedOn}>
        <CalendarDate value={proposal.proposedOn} />
      </time>
      )
    </>
  );
}

/** "Proposed in …, answered in …": the provisions on this cell's issue by its party, or answering it. */
export function CellProvisions({ slug, provisions }: { slug: string; provisions: CellProvision[] }) {
  if (provisions.length === 0) return null;
  return (
    <section aria-labelledby="cell-provisions-heading" className="mt-8">
      <h2 id="cell-provisions-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
        Proposals on this issue
      </h2>
      <ul className="mt-2 space-y-1 text-sm text-slate-800">
        {provisions.map((p) => (
          <li key={p.id}>
            {p.answers.length > 0 ? "Answered " : "Proposed in "}
            {p.answers.length > 0 ? (
              <>
                {p.answers.map((a, i) => (
                  <span key={a.id}>
                    {i > 0 ? "; " : ""}
                    <ProposalMention slug={slug} proposal={a.proposal} provision={a} />
                  </span>
                ))}{" "}
                in <ProposalMention slug={slug} proposal={p.proposal} provision={p} />
              </>
            ) : (
              <ProposalMention slug={slug} proposal={p.proposal} provision={p} />
            )}
            {p.answeredBy.length > 0 ? (
              <>
                , answered in{" "}
                {p.answeredBy.map((a, i) => (
                  <span key={a.id}>
                    {i > 0 ? "; " : ""}
                    <ProposalMention slug={slug} proposal={a.proposal} provision={a} />
                  </span>
                ))}
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
