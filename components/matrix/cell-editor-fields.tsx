"use client";

import type { RefObject } from "react";
import type { MinPosition, Position, SetStanceField, StanceFields } from "@/components/matrix/use-stance-fields";
import { CharacterCount } from "@/components/ui/character-count";
import { DateInput } from "@/components/ui/date-input";
import { PartyOptions } from "@/components/ui/party-options";
import { EARLIEST_DATE, toCalendarDate } from "@/lib/matrix/calendar";
import {
  CONDITION_MIN_POSITIONS,
  CONDITION_TEXT_MAX,
  CONFIDENCE_LABELS,
  CONFIDENCE_RATIONALE_MAX,
  SUMMARY_MAX,
} from "@/lib/matrix/limits";
import { POSITIONS } from "@/lib/matrix/positions";

type FieldErrors = Record<string, string[] | undefined> | undefined;

type FieldProps = { fields: StanceFields; set: SetStanceField; fieldErrors: FieldErrors };

/** What the party said: its position, in a sentence or two, and on what date. */
export function StatementFields({
  fields,
  set,
  fieldErrors,
  labels,
  summaryTooLong,
  positionRef,
}: FieldProps & {
  labels: Record<string, string>;
  summaryTooLong: boolean;
  positionRef: RefObject<HTMLSelectElement | null>;
}) {
  return (
    <>
      <div>
        <label htmlFor="edit-position" className="block text-sm font-medium">
          Position
        </label>
        <select
          id="edit-position"
          ref={positionRef}
          value={fields.position}
          onChange={(e) => set("position", e.target.value as Position)}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
        >
          {POSITIONS.map((p) => (
            <option key={p} value={p}>
              {labels[p]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="edit-summary" className="block text-sm font-medium">
          Summary
        </label>
        <textarea
          id="edit-summary"
          value={fields.summary}
          onChange={(e) => set("summary", e.target.value)}
          rows={3}
          aria-describedby="edit-summary-hint edit-summary-count"
          aria-invalid={Boolean(fieldErrors?.summary) || summaryTooLong}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 aria-invalid:border-red-600"
        />
        <p id="edit-summary-hint" className="text-xs text-slate-500">
          One or two sentences: what the party’s position is.
        </p>
        <CharacterCount id="edit-summary-count" value={fields.summary} max={SUMMARY_MAX} />
      </div>
      <div>
        <label htmlFor="edit-stated-on" className="block text-sm font-medium">
          Stated on
        </label>
        <DateInput
          captionClassName="ml-2"
          id="edit-stated-on"
          value={fields.statedOn}
          min={EARLIEST_DATE}
          max={toCalendarDate(new Date())}
          onChange={(e) => set("statedOn", e.target.value)}
          aria-invalid={Boolean(fieldErrors?.statedOn)}
          className="mt-1 rounded-md border border-slate-300 px-3 py-2"
        />
      </div>
    </>
  );
}

/** How sure the reading is, and why. */
export function ConfidenceFieldset({
  fields,
  set,
  fieldErrors,
  rationaleTooLong,
}: FieldProps & { rationaleTooLong: boolean }) {
  return (
    <fieldset>
      <legend className="text-sm font-medium">Confidence</legend>
      <div className="mt-1 flex gap-2">
        {(["LOW", "MEDIUM", "HIGH"] as const).map((level) => (
          <label
            key={level}
            className="cursor-pointer rounded-md border border-slate-300 px-3 py-1 text-sm has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50"
          >
            <input
              type="radio"
              name="confidence"
              value={level}
              checked={fields.confidence === level}
              onChange={() => set("confidence", level)}
              className="mr-1.5"
            />
            {CONFIDENCE_LABELS[level]}
          </label>
        ))}
      </div>
      <label htmlFor="edit-confidence-rationale" className="mt-2 block text-sm">
        Why this confidence? <span className="text-slate-500">(optional)</span>
      </label>
      <textarea
        id="edit-confidence-rationale"
        value={fields.confidenceRationale}
        onChange={(e) => set("confidenceRationale", e.target.value)}
        rows={2}
        aria-describedby="edit-confidence-rationale-hint edit-confidence-rationale-count"
        aria-invalid={Boolean(fieldErrors?.confidenceRationale) || rationaleTooLong}
        className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-invalid:border-red-600"
      />
      <p id="edit-confidence-rationale-hint" className="text-xs text-slate-500">
        e.g. a paraphrase by a spokesperson, not the minister’s own words.
      </p>
      <CharacterCount
        id="edit-confidence-rationale-count"
        value={fields.confidenceRationale}
        max={CONFIDENCE_RATIONALE_MAX}
      />
    </fieldset>
  );
}

/** A red line, and a condition: in words, on another cell's position, or both. */
export function QualitiesFieldset({
  fields,
  set,
  fieldErrors,
  labels,
  issues,
  parties,
}: FieldProps & {
  labels: Record<string, string>;
  issues: { id: string; title: string }[];
  parties: { id: string; name: string }[];
}) {
  return (
    <fieldset>
      <legend className="text-sm font-medium">Qualities</legend>
      <label className="mt-1 flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="redLine"
          checked={fields.redLine}
          onChange={(e) => set("redLine", e.target.checked)}
        />
        Red line (stated as non-negotiable)
      </label>
      <label htmlFor="edit-condition-text" className="mt-2 block text-sm">
        Condition <span className="text-slate-500">(optional: makes this a conditional offer)</span>
      </label>
      <input
        id="edit-condition-text"
        value={fields.conditionText}
        onChange={(e) => set("conditionText", e.target.value)}
        maxLength={CONDITION_TEXT_MAX}
        aria-invalid={Boolean(fieldErrors?.conditionText)}
        placeholder="e.g. only in return for reciprocal measures"
        className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
      />
      <ConditionCell fields={fields} set={set} labels={labels} issues={issues} parties={parties} />
    </fieldset>
  );
}

/** The cell a conditional offer depends on, and the least position it must hold. */
function ConditionCell({
  fields,
  set,
  labels,
  issues,
  parties,
}: Omit<FieldProps, "fieldErrors"> & {
  labels: Record<string, string>;
  issues: { id: string; title: string }[];
  parties: { id: string; name: string }[];
}) {
  return (
    <div className="mt-2 grid gap-2 text-sm sm:grid-cols-3">
      <label className="block">
        Only if this party
        <select
          value={fields.conditionPartyId}
          onChange={(e) => set("conditionPartyId", e.target.value)}
          className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5"
        >
          <option value="">— no cell —</option>
          <PartyOptions parties={parties} />
        </select>
      </label>
      <label className="block">
        on this issue
        <select
          value={fields.conditionIssueId}
          onChange={(e) => set("conditionIssueId", e.target.value)}
          className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5"
        >
          <option value="">— no cell —</option>
          {issues.map((i) => (
            <option key={i.id} value={i.id}>
              {i.title}
            </option>
          ))}
        </select>
      </label>
      <label className="block">
        is at least
        <select
          value={fields.conditionMin}
          onChange={(e) => set("conditionMin", e.target.value as MinPosition)}
          className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5"
        >
          {[...CONDITION_MIN_POSITIONS].reverse().map((p) => (
            <option key={p} value={p}>
              {labels[p] ?? p}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
