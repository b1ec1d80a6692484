import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CellHeading } from "@/components/cells/cell-heading";
import { DecidedReadings, OpenReadings } from "@/components/cells/cell-readings";
import { StatementHistory } from "@/components/cells/statement-history";
import { CommentsProvider } from "@/components/comments/comments-context";
import { PositionTimeline } from "@/components/matrix/position-timeline";
import { CellProvisions } from "@/components/proposals/cell-provisions";
import { listMentionCandidates, listProposalThreads, listStatementThreads } from "@/lib/comments/data";
import { listEvents } from "@/lib/events/data";
import { readQuoteOrder } from "@/lib/evidence/quote-order";
import { cellKey, latestStatementsAsOf } from "@/lib/matrix/as-of";
import { getCellHistory } from "@/lib/matrix/data";
import { todayCalendarDate } from "@/lib/matrix/dates";
import { redLineMarks } from "@/lib/matrix/qualities";
import { AsOfSchema, CellParamsSchema } from "@/lib/matrix/schema";
import { isFollowingCell } from "@/lib/notifications/data";
import { listCellProvisions } from "@/lib/proposals/data";
import { listCellProposals } from "@/lib/review/data";
import { workspaceAllows } from "@/lib/workspaces/access";
import { authorizePage } from "@/lib/workspaces/page-access";

type Params = Promise<{ slug: string; issueId: string; partyId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug, ...ids } = await params;
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}/cells/${ids.issueId}/${ids.partyId}`);
  const cellIds = CellParamsSchema.safeParse(ids);
  const history = cellIds.success ? await getCellHistory(workspace, cellIds.data.issueId, cellIds.data.partyId) : null;
  return { title: history ? `${history.party.name} on ${history.issue.title}` : "Cell not found" };
}

export default async function CellPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<{ asOf?: string }>;
}) {
  const [{ slug, ...ids }, { asOf: rawAsOf }] = await Promise.all([params, searchParams]);
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}/cells/${ids.issueId}/${ids.partyId}`);
  const cellIds = CellParamsSchema.safeParse(ids);
  if (!cellIds.success) notFound();
  const asOf = AsOfSchema.catch(todayCalendarDate()).parse(rawAsOf ?? todayCalendarDate());
  const history = await getCellHistory(workspace, cellIds.data.issueId, cellIds.data.partyId);
  if (!history) notFound();
  const canComment = workspaceAllows(workspace, "comment:write");
  const [threads, members, following, quoteOrder, proposals, events, provisions] = await Promise.all([
    listStatementThreads(
      workspace,
      history.statements.map((s) => s.id),
    ),
    canComment ? listMentionCandidates(workspace) : [],
    isFollowingCell(workspace, history.issue.id, history.party.id),
    readQuoteOrder(),
    listCellProposals(workspace, { issueId: history.issue.id, partyId: history.party.id }),
    listEvents(workspace, { partyId: history.party.id }),
    listCellProvisions(workspace, history.issue.id, history.party.id),
  ]);
  const proposalThreads = await listProposalThreads(
    workspace,
    [...proposals.open, ...proposals.decided].map((p) => p.id),
  );
  const labels = history.positionLabels;
  const effective = history.statements.filter((s) => !s.amendment);
  const current = latestStatementsAsOf(
    effective.map((s) => ({ ...s, partyId: history.party.id, issueId: history.issue.id })),
    asOf,
  ).get(cellKey(history.issue.id, history.party.id));
  const cell = { issueId: history.issue.id, partyId: history.party.id };

  return (
    <main className="mx-auto max-w-4xl px-4 sm:px-6 py-8">
      <CommentsProvider value={{ workspaceSlug: slug, viewerId: workspace.userId, canComment, members }}>
        <CellHeading slug={slug} asOf={asOf} issue={history.issue} party={history.party} following={following} />
        <PositionTimeline points={effective} labels={labels} asOf={asOf} events={events} />
        <CellProvisions slug={slug} provisions={provisions} />
        <OpenReadings
          slug={slug}
          viewerId={workspace.userId}
          canReview={workspaceAllows(workspace, "proposal:review")}
          cell={cell}
          proposals={proposals}
          threads={proposalThreads}
          labels={labels}
        />
        <StatementHistory
          history={history}
          events={events}
          slug={slug}
          asOf={asOf}
          currentId={current?.id}
          labels={labels}
          marks={redLineMarks(effective)}
          quoteOrder={quoteOrder}
          threads={threads}
        />
        <DecidedReadings proposals={proposals} threads={proposalThreads} labels={labels} />
      </CommentsProvider>
    </main>
  );
}
