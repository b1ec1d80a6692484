import Link from "next/link";
import { StatementComments } from "@/components/comments/statement-comments";
import { QuoteCard } from "@/components/evidence/quote-card";
import { QuoteOrderToggle } from "@/components/evidence/quote-order-toggle";
import { AmendmentNote } from "@/components/matrix/amendment-note";
import { ConfidenceNote } from "@/components/matrix/confidence-badge";
import { PositionBadge } from "@/components/matrix/position-badge";
import { QualitiesNote } from "@/components/matrix/stance-qualities";
import { CalendarDate } from "@/components/ui/calendar-date";
import { CopyLinkButton } from "@/components/ui/copy-link-button";
import { LocalTime } from "@/components/ui/local-time";
import { countComments } from "@/lib/comments/data";
import type { ThreadView } from "@/lib/comments/schema";
import type { NegotiationEventView } from "@/lib/events/data";
import { EVENT_KIND_LABELS } from "@/lib/events/schema";
import type { QuoteOrder } from "@/lib/evidence/pairs";
import type { getCellHistory } from "@/lib/matrix/data";
import type { PositionLabels } from "@/lib/matrix/positions";
import type { RedLineMark } from "@/lib/matrix/qualities";
import { displayName } from "@/lib/users/display-name";

type CellHistory = NonNullable<Awaited<ReturnType<typeof getCellHistory>>>;
type HistoryStatement = CellHistory["statements"][number];

/** Where a statement is shown: what it is read against and what is said about it. */
type StatementSetting = {
  slug: string;
  asOf: string;
  currentId: string | undefined;
  labels: PositionLabels;
  marks: Map<string, RedLineMark>;
  quoteOrder: QuoteOrder;
  threads: Map<string, ThreadView[]>;
};

/** The cell's statements and the party's negotiation events, newest first. */
export function StatementHistory({
  history,
  events,
  ...setting
}: StatementSetting & { history: CellHistory; events: NegotiationEventView[] }) {
  // Newest first, as the statements are; on a shared day the statements come first.
  type Entry = { statement: HistoryStatement } | { event: NegotiationEventView };
  const timeline: Entry[] = [
    ...history.statements.map((statement) => ({ statement, on: statement.statedOn })),
    ...events.map((event) => ({ event, on: event.occurredOn })),
  ].sort((a, b) => (a.on > b.on ? -1 : a.on < b.on ? 1 : 0));
  return (
    <>
      <h2 className="mt-8 text-sm font-semibold uppercase tracking-wide text-slate-500">History of statements</h2>
      {history.statements.some((st) => st.links.some((l) => l.evidence.pair)) ? (
        <QuoteOrderToggle order={setting.quoteOrder} />
      ) : null}
      {history.statements.length === 0 ? (
        <p className="mt-3 text-slate-600">{history.party.name} has no recorded statement on this issue yet.</p>
      ) : null}
      <ol className="mt-3 space-y-6 border-l-2 border-slate-200 pl-6">
        {timeline.map((entry) =>
          "event" in entry ? (
            <EventEntry key={`event-${entry.event.id}`} slug={setting.slug} event={entry.event} />
          ) : (
            <StatementEntry key={entry.statement.id} statement={entry.statement} {...setting} />
          ),
        )}
      </ol>
    </>
  );
}

function StatementEntry({
  statement,
  slug,
  asOf,
  currentId,
  labels,
  marks,
  quoteOrder,
  threads,
}: StatementSetting & { statement: HistoryStatement }) {
  const current = statement.id === currentId;
  return (
    <li id={`statement-${statement.id}`} className="relative">
      <span
        aria-hidden
        className="absolute -left-[31px] top-1.5 size-3 rounded-full border-2 border-white bg-slate-400"
      />
      <div
        className={`rounded-lg border p-4 ${current ? "border-indigo-300 bg-white shadow-sm" : "border-slate-200 bg-white/60"}`}
      >
        <div className="flex flex-wrap items-center gap-3">
          <PositionBadge position={statement.position} label={labels[statement.position]} />
          <time dateTime={statement.statedOn} className="text-sm text-slate-600">
            Stated <CalendarDate value={statement.statedOn} />
          </time>
          {current ? (
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
        <LinkedQuotes slug={slug} links={statement.links} order={quoteOrder} />
        <StatementComments
          statementId={statement.id}
          threads={threads.get(statement.id) ?? []}
          count={countComments(threads.get(statement.id) ?? [])}
        />
      </div>
    </li>
  );
}

function LinkedQuotes({ slug, links, order }: { slug: string; links: HistoryStatement["links"]; order: QuoteOrder }) {
  if (links.length === 0) return <p className="mt-2 text-sm text-slate-500">No quotes linked.</p>;
  return (
    <div className="mt-3 space-y-2">
      {links.map((link) => (
        <QuoteCard key={link.evidence.id} slug={slug} relation={link.relation} evidence={link.evidence} order={order} />
      ))}
    </div>
  );
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
