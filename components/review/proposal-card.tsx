import { ConfidenceNote } from "@/components/matrix/confidence-badge";
import { PositionBadge } from "@/components/matrix/position-badge";
import { CalendarDate } from "@/components/ui/calendar-date";
import { LocalTime } from "@/components/ui/local-time";
import type { Position } from "@/lib/enums";
import type { ProposalView } from "@/lib/review/data";

const KIND_LABELS = { RECORD: "New statement", CORRECT: "Correction", RETRACT: "Retraction" } as const;

/** What the proposal says: the position and when it was stated, the summary and confidence. */
function ProposedReading({ proposal, labels }: { proposal: ProposalView; labels: Record<string, string> }) {
  return (
    <>
      {proposal.position ? (
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <PositionBadge
            position={proposal.position as Position}
            label={labels[proposal.position] ?? proposal.position}
          />
          {proposal.statedOn ? (
            <span className="text-sm text-slate-600">
              Stated <CalendarDate value={proposal.statedOn} />
            </span>
          ) : null}
        </div>
      ) : null}
      {proposal.summary ? <p className="mt-2 text-slate-900">{proposal.summary}</p> : null}
      {proposal.confidence ? (
        <ConfidenceNote confidence={proposal.confidence} rationale={proposal.confidenceRationale} />
      ) : null}
    </>
  );
}

/** The quotes the proposal cites, with how each bears on it. */
function ProposalEvidence({ proposal }: { proposal: ProposalView }) {
  return proposal.evidence.length > 0 ? (
    <ul className="mt-2 space-y-1 text-sm">
      {proposal.evidence.map((e) => (
        <li key={e.evidenceId} className="rounded border border-slate-200 bg-slate-50 px-2 py-1">
          <span className="font-serif">“{e.exact ?? "a quote no longer in the workspace"}”</span>{" "}
          <span className="text-xs text-slate-600">
            {e.relation.toLowerCase()}
            {e.speaker ? ` · ${e.speaker}` : ""}
          </span>
        </li>
      ))}
    </ul>
  ) : proposal.kind !== "RETRACT" ? (
    <p className="mt-2 text-sm text-slate-600">No quotes linked.</p>
  ) : null;
}

/** Who accepted or rejected the proposal, when, and why. */
function ProposalDecisionNote({ proposal }: { proposal: ProposalView }) {
  return (
    <p
      data-testid="proposal-decision"
      className={`mt-2 rounded-md px-2 py-1 text-sm ${proposal.status === "ACCEPTED" ? "bg-emerald-50 text-emerald-900" : "bg-rose-50 text-rose-900"}`}
    >
      {proposal.status === "ACCEPTED" ? "Accepted" : "Rejected"} by {proposal.decidedBy ?? "a former member"}
      {proposal.decidedAt ? (
        <>
          {" "}
          (<LocalTime iso={proposal.decidedAt} />)
        </>
      ) : null}
      : <span className="whitespace-pre-line">{proposal.decisionRationale}</span>
    </p>
  );
}

/** One reading proposed for a cell: what it says, on what evidence, by whom and why. */
export function ProposalCard({
  proposal,
  labels,
  children,
  showCell = false,
}: {
  proposal: ProposalView;
  labels: Record<string, string>;
  children?: React.ReactNode;
  /** In the review queue, where proposals of many cells are listed together. */
  showCell?: boolean;
}) {
  return (
    <article
      id={`proposal-${proposal.id}`}
      aria-label={`${KIND_LABELS[proposal.kind]} proposed by ${proposal.proposedBy ?? "a former member"}`}
      data-testid="proposal"
      data-status={proposal.status}
      className={`flex h-full min-w-0 flex-col rounded-lg border bg-white p-4 shadow-sm ${proposal.status === "OPEN" ? "border-amber-300" : "border-slate-200"}`}
    >
      {showCell ? (
        <p className="text-sm font-semibold">
          <span style={{ color: proposal.partyColour }}>{proposal.partyName}</span> on {proposal.issueTitle}
        </p>
      ) : null}
      <p className={`text-xs font-semibold uppercase tracking-wide text-slate-600 ${showCell ? "mt-1" : ""}`}>
        {KIND_LABELS[proposal.kind]} · by {proposal.proposedBy ?? "a former member"}
      </p>
      <ProposedReading proposal={proposal} labels={labels} />
      {proposal.reason ? (
        <p className="mt-2 text-sm">
          <span className="font-medium">Reason:</span> {proposal.reason}
        </p>
      ) : null}
      <ProposalEvidence proposal={proposal} />
      <div className="mt-2 text-sm">
        <span className="font-medium">Rationale:</span>{" "}
        {proposal.rationale ? (
          <span className="whitespace-pre-line" data-testid="proposal-rationale">
            {proposal.rationale}
          </span>
        ) : (
          <span className="text-slate-600">none given</span>
        )}
      </div>
      <p className="mt-1 text-xs text-slate-600">
        Proposed <LocalTime iso={proposal.proposedAt} /> on version {proposal.baseVersion}
      </p>
      {proposal.stale ? (
        <p className="mt-2 rounded-md border border-amber-400 bg-amber-50 px-2 py-1 text-sm text-amber-950">
          Stale: the cell changed since this was proposed. Its author can rebase it.
        </p>
      ) : null}
      {proposal.status !== "OPEN" ? <ProposalDecisionNote proposal={proposal} /> : null}
      {/* Keeps the decision forms of cards side by side level with each other. */}
      {children ? <div aria-hidden className="grow" /> : null}
      {children}
    </article>
  );
}
