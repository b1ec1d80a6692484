import Link from "next/link";
import { CalendarDate } from "@/components/ui/calendar-date";
import type { NegotiationProposalView, ProposalRef } from "@/lib/proposals/data";

/** A proposal's title, linked, with its party and date. */
export function ProposalLink({ slug, proposal }: { slug: string; proposal: ProposalRef }) {
  return (
    <>
      <Link href={`/w/${slug}/proposals/${proposal.id}`} className="text-indigo-700 underline">
        {proposal.title}
      </Link>{" "}
      <span className="text-slate-600">
        ({proposal.party.name},{" "}
        <time dateTime={proposal.proposedOn}>
          <CalendarDate value={proposal.proposedOn} />
        </time>
        )
      </span>
    </>
  );
}

/** The document a proposal is in, the proposal it answers and those that answer it. */
export function ProposalFacts({ slug, proposal }: { slug: string; proposal: NegotiationProposalView }) {
  return (
    <dl className="mt-3 grid gap-1 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-4">
      {proposal.document ? (
        <>
          <dt className="font-medium text-slate-700">Document</dt>
          <dd>
            <Link href={`/w/${slug}/documents/${proposal.document.id}`} className="text-indigo-700 underline">
              {proposal.document.title}
            </Link>
            {proposal.documentPart ? ` — ${proposal.documentPart}` : ""}
          </dd>
        </>
      ) : null}
      {proposal.answers ? (
        <>
          <dt className="font-medium text-slate-700">Answers</dt>
          <dd>
            <ProposalLink slug={slug} proposal={proposal.answers} />
          </dd>
        </>
      ) : null}
      {proposal.answeredBy.length > 0 ? (
        <>
          <dt className="font-medium text-slate-700">Answered by</dt>
          <dd>
            <ul>
              {proposal.answeredBy.map((a) => (
                <li key={a.id}>
                  <ProposalLink slug={slug} proposal={a} />
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
    </dl>
  );
}
