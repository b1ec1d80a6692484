import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CommentsProvider } from "@/components/comments/comments-context";
import { FoldedComments, StatementComments } from "@/components/comments/statement-comments";
import { QuoteCard } from "@/components/evidence/quote-card";
import { QuoteOrderToggle } from "@/components/evidence/quote-order-toggle";
import { AmendmentNote } from "@/components/matrix/amendment-note";
import { ConfidenceNote } from "@/components/matrix/confidence-badge";
import { PositionBadge } from "@/components/matrix/position-badge";
import { PositionTimeline } from "@/components/matrix/position-timeline";
import { QualitiesNote } from "@/components/matrix/stance-qualities";
import { FollowCellButton } from "@/components/notifications/follow-cell-button";
import { CellProvisions } from "@/components/proposals/cell-provisions";
import { OwnReadingForm } from "@/components/review/own-reading-form";
import { ProposalDecision, RebaseProposalButton } from "@/components/review/proposal-actions";
import { ProposalCard } from "@/components/review/proposal-card";
import { CalendarDate } from "@/components/ui/calendar-date";
import { CopyLinkButton } from "@/components/ui/copy-link-button";
import { LocalTime } from "@/components/ui/local-time";
import { countComments, listMentionCandidates, listProposalThreads, listStatementThreads } from "@/lib/comments/data";
import { listEvents, type NegotiationEventView } from "@/lib/events/data";
import { EVENT_KIND_LABELS } from "@/lib/events/schema";
import { readQuoteOrder } from "@/lib/evidence/quote-order";
import { cellKey, latestStatementsAsOf } from "@/lib/matrix/as-of";
import { getCellHistory } from "@/lib/matrix/data";
import { todayCalendarDate } from "@/lib/matrix/dates";
import { POSITIONS } from "@/lib/matrix/positions";
import { redLineMarks } from "@/lib/matrix/qualities";
import { AsOfSchema, CellParamsSchema } from "@/lib/matrix/schema";
import { isFollowingCell } from "@/lib/notifications/data";
import { listCellProvisions } from "@/lib/proposals/data";
import { listCellProposals } from "@/lib/review/data";
import { displayName } from "@/lib/users/display-name";
import { workspaceAllows } from "@/lib/workspaces/access";
import { authorizePage } from "@/lib/workspaces/page-access";

type HistoryStatement = NonNullable<Awaited<ReturnType<typeof getCellHistory>>>["statements"][number];

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
  const canReview = workspaceAllows(workspace, "proposal:review");
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
  const readingComments = (proposalId: string) => {
    const on = proposalThreads.get(proposalId) ?? [];
    return <FoldedComments target={{ proposalId }} threads={on} count={countComments(on)} />;
  };
  const labels = history.positionLabels;
  const effective = history.statements.filter((s) => !s.amendment);
  const marks = redLineMarks(effective);
  const current = latestStatementsAsOf(
    effective.map((s) => ({ ...s, partyId: history.party.id, issueId: history.issue.id })),
    asOf,
  ).get(cellKey(history.issue.id, history.party.id));

  // Newest first, as the statements are; on a shared day the statements come first.
  type Entry = { statement: HistoryStatement } | { event: NegotiationEventView };
  const timeline: Entry[] = [
    ...history.statements.map((statement) => ({ statement, on: statement.statedOn })),
    ...events.map((event) => ({ event, on: event.occurredOn })),
  ].sort((a, b) => (a.on > b.on ? -1 : a.on < b.on ? 1 : 0));

  return (
    <main className="mx-auto max-w-4xl px-4 sm:px-6 py-8">
      <CommentsProvider value={{ workspaceSlug: slug, viewerId: workspace.userId, canComment, members }}>
        <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
          <Link
            href={`/w/${slug}?asOf=${asOf}&cell=${history.issue.id}:${history.party.id}`}
            className="text-indigo-700 underline"
          >
            Matrix as of <CalendarDate value={asOf} />
          </Link>
          {" · "}
          <Link
            href={`/w/${slug}/activity?issue=${history.issue.id}&party=${history.party.id}`}
            className="text-indigo-700 underline"
          >
            Activity of this cell
          </Link>
        </nav>
        <div className="mt-3 flex flex-wrap items-start justify-between gap-3">
          <h1 className="font-serif text-2xl font-semibold">
            <span style={{ color: history.party.colour }}>{history.party.name}</span> on {history.issue.title}
          </h1>
          <FollowCellButton
            workspaceSlug={slug}
            issueId={history.issue.id}
            partyId={history.party.id}
            following={following}
          />
        </div>
        {history.issue.description ? <p className="mt-1 text-slate-600">{history.issue.description}</p> : null}
        <PositionTimeline points={effective} labels={labels} asOf={asOf} events={events} />
        <CellProvisions slug={slug} provisions={provisions} />
        {proposals.open.length > 0 ? (
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
                  {readingComments(proposal.id)}
                  {proposal.stale && proposal.proposedById === workspace.userId ? (
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
                issueId={history.issue.id}
                partyId={history.party.id}
                baseVersion={proposals.version}
                labels={labels}
                positions={POSITIONS}
                quotes={[
                  ...new Map(proposals.open.flatMap((p) => p.evidence).map((e) => [e.evidenceId, e] as const)).values(),
                ]}
              />
            ) : null}
          </section>
        ) : null}
        <h2 className="mt-8 text-sm font-semibold uppercase tracking-wide text-slate-500">History of statements</h2>
        {history.statements.some((st) => st.links.some((l) => l.evidence.pair)) ? (
          <QuoteOrderToggle order={quoteOrder} />
        ) : null}
        {history.statements.length === 0 ? (
          <p className="mt-3 text-slate-600">{history.party.name} has no recorded statement on this issue yet.</p>
        ) : null}
        <ol className="mt-3 space-y-6 border-l-2 border-slate-200 pl-6">
          {timeline.map((entry) =>
            "event" in entry ? (
              <EventEntry key={`event-${entry.event.id}`} slug={slug} event={entry.event} />
            ) : (
              renderStatement(entry.statement)
            ),
          )}
        </ol>
        {proposals.decided.length > 0 ? (
          <section aria-labelledby="decided-heading" className="mt-10">
            <h2 id="decided-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
              Reviewed readings
            </h2>
            <p className="mt-1 text-sm text-slate-600">
              Proposals a reviewer decided on, with their rationale: accepted ones are in the history above; rejected
              readings are kept here.
            </p>
            <ol className="mt-3 grid gap-4 md:grid-cols-2" data-testid="decided-readings">
              {proposals.decided.map((proposal) => (
                <li key={proposal.id} className="min-w-0">
                  <ProposalCard proposal={proposal} labels={labels}>
                    {readingComments(proposal.id)}
                  </ProposalCard>
                </li>
              ))}
            </ol>
          </section>
        ) : null}
      </CommentsProvider>
    </main>
  );

  function renderStatement(statement: HistoryStatement) {
    return (
      <li key={statement.id} id={`statement-${statement.id}`} className="relative">
        <span
          aria-hidden
          className="absolute -left-[31px] top-1.5 size-3 rounded-full border-2 border-white bg-slate-400"
        />
        <div
          className={`rounded-lg border p-4 ${statement.id === current?.id ? "border-indigo-300 bg-white shadow-sm" : "border-slate-200 bg-white/60"}`}
        >
          <div className="flex flex-wrap items-center gap-3">
            <PositionBadge position={statement.position} label={labels[statement.position]} />
            <time dateTime={statement.statedOn} className="text-sm text-slate-600">
              Stated <CalendarDate value={statement.statedOn} />
            </time>
            {statement.id === current?.id ? (
              <span className="rounded-full bg-indigo-100 px-2 py-0.5 text-xs font-medium text-indigo-800">
                Current as of <CalendarDate value={asOf} />
              </span>
            ) : null}
            {statement.amendment ? (
              <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">
                {statement.amendment.kind === "CORRECTED" ? "Corrected" : "Retracted"}
              </span>
            ) : null}
          </div>
          <p className="mt-2 text-slate-900">{statement.summary}</p>
          <ConfidenceNote confidence={statement.confidence} rationale={statement.confidenceRationale} />
          <QualitiesNote
            qualities={statement}
            statedOn={statement.statedOn}
            mark={marks.get(statement.id)}
            conditionCell={statement.conditionCellNames}
            labels={labels}
          />
          {statement.amendment ? (
            <AmendmentNote
              labels={labels}
              statement={statement}
              amendment={statement.amendment}
              correction={statement.correction}
            />
          ) : null}
          <CopyLinkButton href={`#statement-${statement.id}`} label="Copy link to this statement" className="mt-2" />
          <p className="mt-1 text-xs text-slate-500">
            Recorded <LocalTime iso={statement.recordedAt.toISOString()} />
            {statement.recordedBy ? ` by ${displayName(statement.recordedBy)}` : ""}
          </p>
          {statement.links.length > 0 ? (
            <div className="mt-3 space-y-2">
              {statement.links.map((link) => (
                <QuoteCard
                  key={link.evidence.id}
                  slug={slug}
                  relation={link.relation}
                  evidence={link.evidence}
                  order={quoteOrder}
                />
              ))}
            </div>
          ) : (
            <p className="mt-2 text-sm text-slate-500">No quotes linked.</p>
          )}
          <StatementComments
            statementId={statement.id}
            threads={threads.get(statement.id) ?? []}
            count={countComments(threads.get(statement.id) ?? [])}
          />
        </div>
      </li>
    );
  }
}

function EventEntry({ slug, event }: { slug: string; event: NegotiationEventView }) {
  return (
    <li id={`event-${event.id}`} className="relative">
      <span aria-hidden className="absolute -left-[31px] top-1.5 size-3 rotate-45 border-2 border-white bg-amber-500" />
      <div className="rounded-lg border border-amber-200 bg-amber-50/60 px-4 py-3">
        <p className="text-sm text-slate-800">
          <span className="font-medium">{EVENT_KIND_LABELS[event.kind]}</span>,{" "}
          <time dateTime={event.occurredOn}>
            <CalendarDate value={event.occurredOn} />
          </time>
          :{" "}
          <Link href={`/w/${slug}/events#event-${event.id}`} className="text-indigo-700 underline">
            {event.title}
          </Link>
        </p>
        {event.parties.length > 1 ? (
          <p className="mt-0.5 text-xs text-slate-600">With {event.parties.map((p) => p.name).join(", ")}</p>
        ) : null}
      </div>
    </li>
  );
}
