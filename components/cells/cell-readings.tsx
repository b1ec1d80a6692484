import { FoldedComments } from "@/components/comments/statement-comments";
import { OwnReadingForm } from "@/components/review/own-reading-form";
import { ProposalDecision, RebaseProposalButton } from "@/components/review/proposal-actions";
import { ProposalCard } from "@/components/review/proposal-card";
import { countComments } from "@/lib/comments/data";
import type { ThreadView } from "@/lib/comments/schema";
import { POSITIONS, type PositionLabels } from "@/lib/matrix/positions";
import type { listCellProposals } from "@/lib/review/data";

type CellProposals = Awaited<ReturnType<typeof listCellProposals>>;
type ProposalThreads = Map<string, ThreadView[]>;

function ReadingComments({ proposalId, threads }: { proposalId: string; threads: ProposalThreads }) {
  const on = threads.get(proposalId) ?? [];
  return <FoldedComments target={{ proposalId }} threads={on} count={countComments(on)} />;
}

/**
 * The cell's open proposals side by side, each with its discussion; a reviewer decides between
 * them or writes their own reading, their author may rebase a stale one.
 */
export function OpenReadings({
  slug,
  viewerId,
  canReview,
  cell,
  proposals,
  threads,
  labels,
}: {
  slug: string;
  viewerId: string;
  canReview: boolean;
  cell: { issueId: string; partyId: string };
  proposals: CellProposals;
  threads: ProposalThreads;
  labels: PositionLabels;
}) {
  if (proposals.open.length === 0) return null;
  return (
    <section aria-labelledby="proposals-heading" className="mt-8">
      <h2 id="proposals-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
        {proposals.open.length === 1
          ? "1 reading awaits review"
          : `${proposals.open.length} competing readings await review`}
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        {canReview
          ? "Accepting one applies it and closes the others as rejected readings, with your rationale."
          : "The matrix keeps showing the current statement until a reviewer decides."}
      </p>
      <div className="mt-3 grid gap-4 md:grid-cols-2" data-testid="competing-readings">
        {proposals.open.map((proposal) => (
          <ProposalCard key={proposal.id} proposal={proposal} labels={labels}>
            <ReadingComments proposalId={proposal.id} threads={threads} />
            {proposal.stale && proposal.proposedById === viewerId ? (
              <RebaseProposalButton workspaceSlug={slug} proposalId={proposal.id} />
            ) : null}
            {canReview ? (
              <ProposalDecision
                workspaceSlug={slug}
                proposalId={proposal.id}
                label={`the reading by ${proposal.proposedBy ?? "a former member"}${proposal.position ? ` (${labels[proposal.position]})` : ""}`}
              />
            ) : null}
          </ProposalCard>
        ))}
      </div>
      {canReview ? (
        <OwnReadingForm
          workspaceSlug={slug}
          issueId={cell.issueId}
          partyId={cell.partyId}
          baseVersion={proposals.version}
          labels={labels}
          positions={POSITIONS}
          quotes={[
            ...new Map(proposals.open.flatMap((p) => p.evidence).map((e) => [e.evidenceId, e] as const)).values(),
          ]}
        />
      ) : null}
    </section>
  );
}

/** Proposals a reviewer decided on; the rejected readings are kept here with their rationale. */
export function DecidedReadings({
  proposals,
  threads,
  labels,
}: {
  proposals: CellProposals;
  threads: ProposalThreads;
  labels: PositionLabels;
}) {
  if (proposals.decided.length === 0) return null;
  return (
    <section aria-labelledby="decided-heading" className="mt-10">
      <h2 id="decided-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
        Reviewed readings
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Proposals a reviewer decided on, with their rationale: accepted ones are in the history above; rejected readings
        are kept here.
      </p>
      <ol className="mt-3 grid gap-4 md:grid-cols-2" data-testid="decided-readings">
        {proposals.decided.map((proposal) => (
          <li key={proposal.id} className="min-w-0">
            <ProposalCard proposal={proposal} labels={labels}>
              <ReadingComments proposalId={proposal.id} threads={threads} />
            </ProposalCard>
          </li>
        ))}
      </ol>
    </section>
  );
}
