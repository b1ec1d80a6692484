"use client";

import { useAction } from "next-safe-action/hooks";
import { useEffect, useRef, useState } from "react";
import { actionErrorMessage } from "@/components/ui/action-error";
import { linkEvidenceAction } from "@/lib/evidence/actions";
import type { QuoteSuggestion } from "@/lib/evidence/suggest";
import type { StanceCue } from "@/lib/evidence/suggest-rules";
import { recordStatementAction } from "@/lib/matrix/actions";
import { toCalendarDate } from "@/lib/matrix/dates";
import { POSITIONS, type Position } from "@/lib/matrix/positions";
import { type MatrixView, SUMMARY_MAX } from "@/lib/matrix/schema";

// A cue names how the speaker stands; "concerned" objects without ruling out, short of rejecting.
const POSITION_OF_CUE: Record<StanceCue, Position> = {
  demands: "DEMANDS",
  rejects: "REJECTS",
  open: "OPEN",
  conditional: "CONDITIONAL",
  concerned: "OPPOSES",
};

const today = () => toCalendarDate(new Date());

type Props = {
  slug: string;
  suggestion: QuoteSuggestion;
  evidenceId: string;
  saidOn: string;
  onClose: () => void;
};

/**
 * The step after saving a suggested quote: record it as a new stance statement of the proposed
 * cell (linked as supporting evidence, through the matrix's compare-and-set), or link it to the
 * cell's current statement when that already says the same.
 */
export function SuggestionStanceStep({ slug, suggestion, evidenceId, saidOn, onClose }: Props) {
  const [matrix, setMatrix] = useState<MatrixView | null>(null);
  const [loadError, setLoadError] = useState(false);
  const [issueId, setIssueId] = useState(suggestion.issues[0]?.key ?? "");
  const [partyId, setPartyId] = useState(suggestion.party?.key ?? "");
  const [position, setPosition] = useState<Position | "">(
    suggestion.stance ? POSITION_OF_CUE[suggestion.stance.cue] : "",
  );
  const [summary, setSummary] = useState(suggestion.text.slice(0, SUMMARY_MAX));
  const [statedOn, setStatedOn] = useState(saidOn || today());
  const [done, setDone] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  async function load() {
    const response = await fetch(`/api/w/${slug}/matrix`, { cache: "no-store" });
    if (!response.ok) return setLoadError(true);
    setMatrix((await response.json()) as MatrixView);
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: read once when the step opens; again only after a conflict
  useEffect(() => {
    heading.current?.focus();
    void load();
  }, []);

  const issue = matrix?.issues.find((i) => i.id === issueId);
  const party = matrix?.parties.find((p) => p.id === partyId);
  const cell = matrix?.cells.find((c) => c.issueId === issueId && c.partyId === partyId);
  const current = cell?.statement ?? null;
  const agrees = Boolean(current && position && current.position === position);
  const label = (p: Position) => matrix?.positionLabels[p] ?? p;

  const record = useAction(recordStatementAction, {
    onSuccess: ({ data }) => {
      if (data.ok) setDone(`Recorded as a new stance of ${party?.name} on ${issue?.title}.`);
      else void load();
    },
  });
  const link = useAction(linkEvidenceAction, {
    onSuccess: () => setDone(`Linked to the current stance of ${party?.name} on ${issue?.title}.`),
  });
  const refusal =
    (record.result.data && !record.result.data.ok
      ? record.result.data.code === "conflict"
        ? "Someone changed this cell meanwhile; it is shown as it is now. Check it and try again."
        : record.result.data.message
      : null) ??
    actionErrorMessage(record.result) ??
    actionErrorMessage(link.result);
  const pending = record.isPending || link.isPending;

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click on the backdrop closes the panel; keyboard users press Escape
    <div
      className="fixed inset-0 z-40 flex justify-end bg-slate-900/30"
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
    >
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="stance-step-title"
        onKeyDown={(e) => e.key === "Escape" && onClose()}
        className="h-full w-full max-w-xl overflow-y-auto bg-white p-6 shadow-xl"
      >
        <div className="flex items-start justify-between gap-4">
          <h2
            id="stance-step-title"
            ref={heading}
            tabIndex={-1}
            className="font-serif text-xl font-semibold outline-none"
          >
            Quote saved — record the stance?
          </h2>
          <button type="button" onClick={onClose} className="rounded-md border border-slate-300 px-2 py-1 text-sm">
            {done ? "Close" : "Not now"}
          </button>
        </div>
        {done ? (
          <p
            role="status"
            className="mt-4 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900"
          >
            {done}{" "}
            <a href={`/w/${slug}/cells/${issueId}/${partyId}`} className="font-medium underline">
              Open the cell
            </a>
          </p>
        ) : loadError ? (
          <p role="alert" className="mt-4 text-sm text-red-800">
            The matrix could not be read. Close this and record the stance from the matrix.
          </p>
        ) : !matrix ? (
          <p className="mt-4 text-sm text-slate-600">Reading the matrix…</p>
        ) : (
          <form
            className="mt-4 space-y-4"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (!position) return;
              record.execute({
                workspaceSlug: slug,
                issueId,
                partyId,
                baseVersion: cell?.version ?? 0,
                position,
                summary,
                statedOn,
                links: [{ evidenceId, relation: "SUPPORTS" }],
              });
            }}
          >
            {refusal ? (
              <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
                {refusal}
              </div>
            ) : null}
            <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
              <label className="block text-sm font-medium">
                Issue
                <select
                  value={issueId}
                  onChange={(e) => setIssueId(e.target.value)}
                  className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5"
                >
                  <option value="">Choose an issue</option>
                  {matrix.issues.map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.title}
                    </option>
                  ))}
                </select>
              </label>
              <label className="block text-sm font-medium">
                Party
                <select
                  value={partyId}
                  onChange={(e) => setPartyId(e.target.value)}
                  className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5"
                >
                  <option value="">Choose a party</option>
                  {matrix.parties.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </label>
              <label className="block text-sm font-medium">
                Position
                <select
                  value={position}
                  onChange={(e) => setPosition(e.target.value as Position)}
                  aria-describedby="stance-step-cue"
                  className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5"
                >
                  <option value="">Choose a position</option>
                  {POSITIONS.map((p) => (
                    <option key={p} value={p}>
                      {label(p)}
                    </option>
                  ))}
                </select>
                <span id="stance-step-cue" className="text-xs font-normal text-slate-500">
                  {suggestion.stance
                    ? `Proposed from the cue “${suggestion.stance.cue}” (${Math.round(suggestion.stance.confidence * 100)}%).`
                    : "The quote carries no position cue."}
                </span>
              </label>
              <label className="block text-sm font-medium">
                Stated on
                <input
                  type="date"
                  value={statedOn}
                  onChange={(e) => setStatedOn(e.target.value)}
                  className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5"
                />
              </label>
            </div>
            <label className="block text-sm font-medium">
              Summary
              <textarea
                value={summary}
                onChange={(e) => setSummary(e.target.value)}
                rows={3}
                maxLength={SUMMARY_MAX}
                className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1 font-normal"
              />
            </label>
            {issue && party ? (
              <p className="text-sm text-slate-700" data-testid="stance-step-current">
                {current
                  ? `Now: ${label(current.position as Position)} — ${current.summary} (${current.statedOn})`
                  : "No stance is recorded in this cell yet."}
              </p>
            ) : null}
            <div className="flex flex-wrap gap-3">
              <button
                type="submit"
                disabled={pending || !issue || !party || !position}
                className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-60"
              >
                {issue && party
                  ? `Record as a new stance in ${issue.title} × ${party.name}`
                  : "Record as a new stance (choose the cell)"}
              </button>
              {current && agrees ? (
                <button
                  type="button"
                  disabled={pending}
                  onClick={() =>
                    link.execute({ workspaceSlug: slug, evidenceId, statementId: current.id, relation: "SUPPORTS" })
                  }
                  className="rounded-md border border-indigo-300 px-4 py-2 text-sm font-medium text-indigo-800 disabled:opacity-60"
                >
                  Link to the current statement
                </button>
              ) : null}
            </div>
          </form>
        )}
      </div>
    </div>
  );
}
