import type { Metadata } from "next";
import Link from "next/link";
import { ProposalDecision } from "@/components/review/proposal-actions";
import { ProposalCard } from "@/components/review/proposal-card";
import { ReviewQueueFilters } from "@/components/review/review-queue-filters";
import { ReviewTabs } from "@/components/review/review-tabs";
import { listReviewQueue } from "@/lib/review/data";
import { ReviewQueueQuerySchema } from "@/lib/review/schema";
import { workspaceAllows } from "@/lib/workspaces/access";
import { authorizePage } from "@/lib/workspaces/page-access";

export const metadata: Metadata = { title: "Proposals to review" };

type SearchParams = Promise<{ issue?: string; party?: string; author?: string }>;

export default async function ReviewQueuePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: SearchParams;
}) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}/review/proposals`);
  const filter = ReviewQueueQuerySchema.parse(query);
  const queue = await listReviewQueue(workspace, filter);
  const canReview = workspaceAllows(workspace, "proposal:review");
  const filtered = Boolean(filter.issue || filter.party || filter.author);
  return (
    <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <ReviewTabs workspace={workspace} current="proposals" />
      <h1 className="font-serif text-2xl font-semibold">
        Proposals to review <span className="font-sans text-lg font-normal text-slate-600">({queue.total})</span>
      </h1>
      <p className="mt-1 text-sm text-slate-600" data-testid="queue-counts">
        {queue.total === 1 ? "1 open proposal" : `${queue.total} open proposals`} on{" "}
        {queue.cells === 1 ? "1 cell" : `${queue.cells} cells`}
        {filtered ? `; ${queue.proposals.length} shown` : ""}.{" "}
        {queue.reviewMode ? "Review mode is on." : "Review mode is off: editors change the matrix directly."}
      </p>
      <ReviewQueueFilters slug={slug} queue={queue} filter={filter} />
      {queue.proposals.length === 0 ? (
        <p className="mt-6 text-slate-600">
          {filtered ? "No open proposal matches." : "No proposal waits for review."}
        </p>
      ) : null}
      <ul className="mt-6 grid gap-4 md:grid-cols-2">
        {queue.proposals.map((proposal) => (
          <li key={proposal.id} className="min-w-0">
            <ProposalCard proposal={proposal} labels={queue.positionLabels} showCell>
              <Link
                href={`/w/${slug}/cells/${proposal.issueId}/${proposal.partyId}#proposal-${proposal.id}`}
                className="mt-2 text-sm text-indigo-700 underline"
              >
                Open the cell to compare readings
              </Link>
              {canReview ? (
                <ProposalDecision
                  workspaceSlug={slug}
                  proposalId={proposal.id}
                  label={`the reading by ${proposal.proposedBy ?? "a former member"} on ${proposal.partyName}, ${proposal.issueTitle}`}
                />
              ) : null}
            </ProposalCard>
          </li>
        ))}
      </ul>
    </main>
  );
}
