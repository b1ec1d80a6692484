"use client";

import type { ReactNode } from "react";
import { PartyOptions } from "@/components/ui/party-options";
import { SidePanel } from "@/components/ui/side-panel";
import type { QuoteSuggestion } from "@/lib/evidence/suggest";
import { POSITIONS, type Position } from "@/lib/matrix/positions";
import { type MatrixView, SUMMARY_MAX } from "@/lib/matrix/schema";
import { type StanceStepTarget, type SuggestionStance, useSuggestionStance } from "./use-suggestion-stance";

type Props = StanceStepTarget & { onClose: () => void };

type StanceFormProps = { step: SuggestionStance; suggestion: QuoteSuggestion };

const SELECT = "mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5";

/** The side panel the step opens in: a click on the backdrop or Escape closes it. */
function StanceStepPanel({
  done,
  onClose,
  heading,
  children,
}: {
  done: boolean;
  onClose: () => void;
  heading: SuggestionStance["heading"];
  children: ReactNode;
}) {
  return (
    <SidePanel labelledBy="stance-step-title" onClose={onClose}>
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
      {children}
    </SidePanel>
  );
}

/** The cell (issue and party) and the position, with the cue it was proposed from, and the date. */
function StanceChoices({ step, matrix, suggestion }: StanceFormProps & { matrix: MatrixView }) {
  const { stance } = step;
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
      <label className="block text-sm font-medium">
        Issue
        <select value={stance.issueId} onChange={(e) => stance.setIssueId(e.target.value)} className={SELECT}>
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
        <select value={stance.partyId} onChange={(e) => stance.setPartyId(e.target.value)} className={SELECT}>
          <option value="">Choose a party</option>
          <PartyOptions parties={matrix.parties} />
        </select>
      </label>
      <label className="block text-sm font-medium">
        Position
        <select
          value={stance.position}
          onChange={(e) => stance.setPosition(e.target.value as Position)}
          aria-describedby="stance-step-cue"
          className={SELECT}
        >
          <option value="">Choose a position</option>
          {POSITIONS.map((p) => (
            <option key={p} value={p}>
              {step.label(p)}
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
          value={stance.statedOn}
          onChange={(e) => stance.setStatedOn(e.target.value)}
          className={SELECT}
        />
      </label>
    </div>
  );
}

/** The cell's current statement, and the two ways to save: a new statement, or a link to the current one. */
function StanceSaving({ step }: { step: SuggestionStance }) {
  const { issue, party, current, pending } = step;
  return (
    <>
      {issue && party ? (
        <p className="text-sm text-slate-700" data-testid="stance-step-current">
          {current
            ? `Now: ${step.label(current.position as Position)} — ${current.summary} (${current.statedOn})`
            : "No stance is recorded in this cell yet."}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <button
          type="submit"
          disabled={pending || !issue || !party || !step.stance.position}
          className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-60"
        >
          {issue && party
            ? `Record as a new stance in ${issue.title} × ${party.name}`
            : "Record as a new stance (choose the cell)"}
        </button>
        {current && step.agrees ? (
          <button
            type="button"
            disabled={pending}
            onClick={step.linkToCurrent}
            className="rounded-md border border-indigo-300 px-4 py-2 text-sm font-medium text-indigo-800 disabled:opacity-60"
          >
            Link to the current statement
          </button>
        ) : null}
      </div>
    </>
  );
}

function StanceForm({ step, matrix, suggestion }: StanceFormProps & { matrix: MatrixView }) {
  return (
    <form className="mt-4 space-y-4" noValidate onSubmit={step.submit}>
      {step.refusal ? (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {step.refusal}
        </div>
      ) : null}
      <StanceChoices step={step} matrix={matrix} suggestion={suggestion} />
      <label className="block text-sm font-medium">
        Summary
        <textarea
          value={step.stance.summary}
          onChange={(e) => step.stance.setSummary(e.target.value)}
          rows={3}
          maxLength={SUMMARY_MAX}
          className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1 font-normal"
        />
      </label>
      <StanceSaving step={step} />
    </form>
  );
}

/**
 * The step after saving a suggested quote: record it as a new stance statement of the proposed
 * cell (linked as supporting evidence, through the matrix's compare-and-set), or link it to the
 * cell's current statement when that already says the same.
 */
export function SuggestionStanceStep({ slug, suggestion, evidenceId, saidOn, onClose }: Props) {
  const step = useSuggestionStance({ slug, suggestion, evidenceId, saidOn });
  const { done, stance } = step;
  return (
    <StanceStepPanel done={Boolean(done)} onClose={onClose} heading={step.heading}>
      {done ? (
        <p
          role="status"
          className="mt-4 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900"
        >
          {done}{" "}
          <a href={`/w/${slug}/cells/${stance.issueId}/${stance.partyId}`} className="font-medium underline">
            Open the cell
          </a>
        </p>
      ) : step.loadError ? (
        <p role="alert" className="mt-4 text-sm text-red-800">
          The matrix could not be read. Close this and record the stance from the matrix.
        </p>
      ) : !step.matrix ? (
        <p className="mt-4 text-sm text-slate-600">Reading the matrix…</p>
      ) : (
        <StanceForm step={step} matrix={step.matrix} suggestion={suggestion} />
      )}
    </StanceStepPanel>
  );
}
