"use client";

import Link from "next/link";
import { Fragment, useEffect, useRef, useState } from "react";
import { RelationSelect } from "@/components/evidence/relation-select";
import type { CellEdit } from "@/components/matrix/use-cell-edit";
import { useEvidenceOptions } from "@/components/matrix/use-evidence-options";
import { CharacterCount, isTooLong } from "@/components/ui/character-count";
import { DateInput } from "@/components/ui/date-input";
import { useDates } from "@/components/ui/date-locale";
import { LocalTime } from "@/components/ui/local-time";
import type { EvidenceRelation } from "@/lib/enums";
import { EARLIEST_DATE, toCalendarDate } from "@/lib/matrix/calendar";
import {
  CONDITION_MIN_POSITIONS,
  CONDITION_TEXT_MAX,
  CONFIDENCE_LABELS,
  CONFIDENCE_RATIONALE_MAX,
  type ConfidenceLevel,
  SUMMARY_MAX,
} from "@/lib/matrix/limits";
import type { CellState } from "@/lib/matrix/mutations";
import { POSITIONS } from "@/lib/matrix/positions";
import type { MatrixStatement } from "@/lib/matrix/schema";

type MinPosition = (typeof CONDITION_MIN_POSITIONS)[number];

type Relation = EvidenceRelation;

type Position = (typeof POSITIONS)[number];
type Mode = "record" | "correct" | "retract";

type Props = {
  slug: string;
  asOf: string;
  issue: { id: string; title: string };
  party: { id: string; name: string };
  version: number;
  statement: MatrixStatement | null;
  labels: Record<string, string>;
  /** The matrix's rows and columns, for a condition on another cell. */
  issues?: { id: string; title: string }[];
  parties?: { id: string; name: string }[];
  /** The user's own edit, when the editor reopens after the server refused it. */
  draft?: CellEdit;
  conflict?: CellState;
  error?: { message: string; fieldErrors?: Record<string, string[] | undefined> };
  onSubmit: (edit: CellEdit) => void;
  onClose: () => void;
  /** Review mode, for an editor: the edit is proposed for a reviewer to accept. */
  proposing?: boolean;
};

export function CellEditor({
  slug,
  asOf,
  issue,
  party,
  version,
  statement,
  labels,
  issues = [],
  parties = [],
  draft,
  conflict,
  error,
  onSubmit,
  onClose,
  proposing = false,
}: Props) {
  const dates = useDates();
  const [mode, setMode] = useState<Mode>(draft?.kind ?? "record");
  const [position, setPosition] = useState<Position>(
    draft && draft.kind !== "retract" ? draft.position : ((statement?.position as Position) ?? "NO_POSITION"),
  );
  const [summary, setSummary] = useState(draft && draft.kind !== "retract" ? draft.summary : "");
  const [statedOn, setStatedOn] = useState(draft && draft.kind !== "retract" ? draft.statedOn : asOf);
  const [reason, setReason] = useState(draft && draft.kind !== "record" ? draft.reason : "");
  const [links, setLinks] = useState<{ evidenceId: string; relation: Relation }[]>(
    draft && draft.kind !== "retract" ? draft.links : [],
  );
  const [confidence, setConfidence] = useState<ConfidenceLevel>(
    draft && draft.kind !== "retract" ? draft.confidence : "MEDIUM",
  );
  const [confidenceRationale, setConfidenceRationale] = useState(
    draft && draft.kind !== "retract" ? draft.confidenceRationale : "",
  );
  const [rationale, setRationale] = useState(draft?.rationale ?? "");
  const [redLine, setRedLine] = useState(draft && draft.kind !== "retract" ? draft.redLine : false);
  const [conditionText, setConditionText] = useState(draft && draft.kind !== "retract" ? draft.conditionText : "");
  const draftCell = draft && draft.kind !== "retract" ? draft.conditionCell : null;
  const [conditionIssueId, setConditionIssueId] = useState(draftCell?.issueId ?? "");
  const [conditionPartyId, setConditionPartyId] = useState(draftCell?.partyId ?? "");
  const [conditionMin, setConditionMin] = useState<MinPosition>(draftCell?.minPosition ?? "SUPPORTS");
  const [filter, setFilter] = useState("");
  // The version the user started from: live updates change the `version` prop while the editor is
  // open, and submitting on top of that would overwrite a change the user never saw.
  const [openedVersion] = useState(draft?.baseVersion ?? version);
  // Likewise the statement being corrected or retracted: the one shown when the user chose to.
  const [amendedId, setAmendedId] = useState(draft && draft.kind !== "record" ? draft.statementId : statement?.id);
  const evidence = useEvidenceOptions(slug, { issueId: issue.id, partyId: party.id }, mode !== "retract");
  const firstField = useRef<HTMLSelectElement>(null);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => firstField.current?.focus(), []);

  // A correction starts from the statement as it stands, quotes and their relations included:
  // saving it unchanged must not drop them.
  function chooseMode(next: Mode) {
    setMode(next);
    if (next !== "record" && statement) setAmendedId(statement.id);
    if (next === "correct" && statement) {
      setPosition(statement.position as Position);
      setSummary(statement.summary);
      setStatedOn(statement.statedOn);
      setLinks(statement.links);
      setConfidence(statement.confidence);
      setConfidenceRationale(statement.confidenceRationale ?? "");
      setRedLine(statement.redLine ?? false);
      setConditionText(statement.conditionText ?? "");
      setConditionIssueId(statement.conditionCell?.issueId ?? "");
      setConditionPartyId(statement.conditionCell?.partyId ?? "");
      setConditionMin(statement.conditionCell?.minPosition ?? "SUPPORTS");
    }
  }

  // After a conflict the edit is re-applied on top of the version that beat it. A correction or
  // retraction follows the statement it meant to amend: to its replacement if someone corrected
  // it, nowhere if someone retracted it.
  const targetAmendment = conflict?.target?.amendment ?? null;
  const reapplyTo =
    targetAmendment === null ? amendedId : targetAmendment.kind === "CORRECTED" ? targetAmendment.replacementId : null;
  const canReapply = mode === "record" || Boolean(reapplyTo);

  function submit(baseVersion = conflict ? conflict.version : openedVersion, statementId = amendedId) {
    const common = { issueId: issue.id, partyId: party.id, baseVersion };
    const conditionCell =
      conditionIssueId && conditionPartyId
        ? { issueId: conditionIssueId, partyId: conditionPartyId, minPosition: conditionMin }
        : null;
    const sureness = {
      confidence,
      confidenceRationale,
      redLine,
      conditionText,
      conditionCell,
      ...(proposing ? { rationale } : {}),
    };
    onSubmit(
      mode === "record"
        ? { kind: "record", ...common, position, summary, statedOn, links, ...sureness }
        : mode === "correct"
          ? {
              kind: "correct",
              ...common,
              statementId: statementId!,
              position,
              summary,
              statedOn,
              links,
              reason,
              ...sureness,
            }
          : { kind: "retract", ...common, statementId: statementId!, reason, ...(proposing ? { rationale } : {}) },
    );
  }

  const failure = error ?? null;
  const summaryTooLong = mode !== "retract" && isTooLong(summary, SUMMARY_MAX);
  const rationaleTooLong = mode !== "retract" && isTooLong(confidenceRationale, CONFIDENCE_RATIONALE_MAX);
  const tooLong = summaryTooLong || rationaleTooLong;
  const shownEvidence = (evidence.data ?? []).filter(
    (e) => !filter || `${e.exact} ${e.speaker ?? ""} ${e.documentTitle}`.toLowerCase().includes(filter.toLowerCase()),
  );
  const listed = new Set((evidence.data ?? []).map((e) => e.id));
  const unlisted = evidence.data ? links.filter((l) => !listed.has(l.evidenceId)) : [];
  const canAmend =
    (Boolean(statement) && statement!.id !== "pending") || (draft !== undefined && draft.kind !== "record");

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click on the backdrop closes the panel; keyboard users press Escape
    <div
      className="fixed inset-0 z-40 flex justify-end bg-slate-900/30"
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
    >
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby="cell-editor-title"
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.stopPropagation();
            onClose();
          }
        }}
        className="h-full w-full max-w-xl overflow-y-auto bg-white p-6 shadow-xl"
      >
        <div className="flex items-start justify-between gap-4">
          <h2 id="cell-editor-title" className="font-serif text-xl font-semibold">
            {party.name} on {issue.title}
          </h2>
          <button type="button" onClick={onClose} className="rounded-md border border-slate-300 px-2 py-1 text-sm">
            Cancel
          </button>
        </div>
        <p className="mt-1 text-sm text-slate-600">
          {statement ? (
            <>
              Shown as of {dates.calendar(asOf)}: <strong>{labels[statement.position]}</strong> — {statement.summary}
            </>
          ) : (
            "No statement shown as of this date."
          )}{" "}
          <Link href={`/w/${slug}/cells/${issue.id}/${party.id}?asOf=${asOf}`} className="text-indigo-700 underline">
            History
          </Link>
        </p>

        <fieldset className="mt-5">
          <legend className="text-sm font-medium">What do you want to do?</legend>
          <div className="mt-2 flex flex-wrap gap-2">
            {(["record", "correct", "retract"] as const).map((m) => (
              <label
                key={m}
                className={`cursor-pointer rounded-md border px-3 py-1.5 text-sm has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50 ${m !== "record" && !canAmend ? "opacity-40" : ""}`}
              >
                <input
                  type="radio"
                  name="mode"
                  value={m}
                  checked={mode === m}
                  disabled={m !== "record" && !canAmend}
                  onChange={() => chooseMode(m)}
                  className="sr-only"
                />
                {m === "record"
                  ? "Record a new statement"
                  : m === "correct"
                    ? "Correct the shown statement"
                    : "Retract the shown statement"}
              </label>
            ))}
          </div>
        </fieldset>

        <form
          className="mt-5 space-y-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!tooLong) submit();
          }}
        >
          {conflict ? (
            <div role="alert" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
              <p className="font-semibold">
                Someone else changed this cell while you were editing. Your edit was not saved.
              </p>
              {targetAmendment && mode !== "record" ? (
                <p className="mt-1" data-testid="conflict-target">
                  The statement you were {mode === "correct" ? "correcting" : "retracting"} was already{" "}
                  {targetAmendment.kind === "CORRECTED" ? "corrected" : "retracted"} by{" "}
                  <strong>{targetAmendment.by ?? "someone"}</strong> (<LocalTime iso={targetAmendment.at} />
                  ): “{targetAmendment.reason}”
                </p>
              ) : conflict.lastEdit ? (
                <p className="mt-1" data-testid="conflict-last-edit">
                  Last change: {conflict.lastEdit.kind} by <strong>{conflict.lastEdit.by ?? "someone"}</strong> (
                  <LocalTime iso={conflict.lastEdit.at} />)
                </p>
              ) : null}
              {conflict.latest ? (
                <p className="mt-1">
                  Now: <strong>{labels[conflict.latest.position]}</strong> — {conflict.latest.summary} (
                  {dates.calendar(conflict.latest.statedOn)}
                  {conflict.latest.recordedBy ? `, recorded by ${conflict.latest.recordedBy}` : ""})
                </p>
              ) : (
                <p className="mt-1">The cell now has no statement.</p>
              )}
              {canReapply ? (
                <button
                  type="button"
                  onClick={() => submit(conflict.version, reapplyTo ?? undefined)}
                  className="mt-2 rounded-md bg-amber-600 px-3 py-1.5 font-medium text-white"
                >
                  {mode === "correct" && targetAmendment ? "Re-apply my edit to their correction" : "Re-apply my edit"}
                </button>
              ) : (
                <p className="mt-1">There is nothing left to {mode}: record a new statement instead.</p>
              )}
            </div>
          ) : null}
          {failure ? (
            <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
              {failure.message}
            </div>
          ) : null}

          {mode !== "retract" ? (
            <>
              <div>
                <label htmlFor="edit-position" className="block text-sm font-medium">
                  Position
                </label>
                <select
                  id="edit-position"
                  ref={firstField}
                  value={position}
                  onChange={(e) => setPosition(e.target.value as Position)}
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
                  value={summary}
                  onChange={(e) => setSummary(e.target.value)}
                  rows={3}
                  aria-describedby="edit-summary-hint edit-summary-count"
                  aria-invalid={Boolean(failure?.fieldErrors?.summary) || summaryTooLong}
                  className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 aria-invalid:border-red-600"
                />
                <p id="edit-summary-hint" className="text-xs text-slate-500">
                  One or two sentences: what the party’s position is.
                </p>
                <CharacterCount id="edit-summary-count" value={summary} max={SUMMARY_MAX} />
              </div>
              <div>
                <label htmlFor="edit-stated-on" className="block text-sm font-medium">
                  Stated on
                </label>
                <DateInput
                  captionClassName="ml-2"
                  id="edit-stated-on"
                  value={statedOn}
                  min={EARLIEST_DATE}
                  max={toCalendarDate(new Date())}
                  onChange={(e) => setStatedOn(e.target.value)}
                  aria-invalid={Boolean(failure?.fieldErrors?.statedOn)}
                  className="mt-1 rounded-md border border-slate-300 px-3 py-2"
                />
              </div>
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
                        checked={confidence === level}
                        onChange={() => setConfidence(level)}
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
                  value={confidenceRationale}
                  onChange={(e) => setConfidenceRationale(e.target.value)}
                  rows={2}
                  aria-describedby="edit-confidence-rationale-hint edit-confidence-rationale-count"
                  aria-invalid={Boolean(failure?.fieldErrors?.confidenceRationale) || rationaleTooLong}
                  className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-invalid:border-red-600"
                />
                <p id="edit-confidence-rationale-hint" className="text-xs text-slate-500">
                  e.g. a paraphrase by a spokesperson, not the minister’s own words.
                </p>
                <CharacterCount
                  id="edit-confidence-rationale-count"
                  value={confidenceRationale}
                  max={CONFIDENCE_RATIONALE_MAX}
                />
              </fieldset>
              <fieldset>
                <legend className="text-sm font-medium">Qualities</legend>
                <label className="mt-1 flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    name="redLine"
                    checked={redLine}
                    onChange={(e) => setRedLine(e.target.checked)}
                  />
                  Red line (stated as non-negotiable)
                </label>
                <label htmlFor="edit-condition-text" className="mt-2 block text-sm">
                  Condition <span className="text-slate-500">(optional: makes this a conditional offer)</span>
                </label>
                <input
                  id="edit-condition-text"
                  value={conditionText}
                  onChange={(e) => setConditionText(e.target.value)}
                  maxLength={CONDITION_TEXT_MAX}
                  aria-invalid={Boolean(failure?.fieldErrors?.conditionText)}
                  placeholder="e.g. only in return for reciprocal measures"
                  className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
                />
                <div className="mt-2 grid gap-2 text-sm sm:grid-cols-3">
                  <label className="block">
                    Only if this party
                    <select
                      value={conditionPartyId}
                      onChange={(e) => setConditionPartyId(e.target.value)}
                      className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5"
                    >
                      <option value="">— no cell —</option>
                      {parties.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.name}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className="block">
                    on this issue
                    <select
                      value={conditionIssueId}
                      onChange={(e) => setConditionIssueId(e.target.value)}
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
                      value={conditionMin}
                      onChange={(e) => setConditionMin(e.target.value as MinPosition)}
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
              </fieldset>
              <fieldset>
                <legend className="text-sm font-medium">
                  Evidence{" "}
                  <span className="font-normal text-slate-500">
                    ({links.length === 0 ? "no quotes linked" : `${links.length} linked`})
                  </span>
                </legend>
                <input
                  type="search"
                  placeholder="Filter quotes by words, speaker or source"
                  aria-label="Filter quotes"
                  value={filter}
                  onChange={(e) => setFilter(e.target.value)}
                  className="mt-1 w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm"
                />
                <ul className="mt-2 max-h-64 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-1">
                  {evidence.isLoading ? <li className="p-2 text-sm text-slate-500">Loading quotes…</li> : null}
                  {unlisted.map((link) => (
                    <li key={link.evidenceId} className="flex items-start gap-2 rounded p-1.5 text-sm">
                      <input
                        type="checkbox"
                        id={`link-${link.evidenceId}`}
                        checked
                        onChange={() => setLinks(links.filter((l) => l.evidenceId !== link.evidenceId))}
                        className="mt-1"
                      />
                      <label htmlFor={`link-${link.evidenceId}`} className="flex-1 text-slate-600">
                        A linked quote not in this list ({link.relation.toLowerCase()})
                      </label>
                    </li>
                  ))}
                  {shownEvidence.map((e, index) => {
                    const link = links.find((l) => l.evidenceId === e.id);
                    const groupStarts = index === 0 || shownEvidence[index - 1]!.forCell !== e.forCell;
                    return (
                      <Fragment key={e.id}>
                        {groupStarts ? (
                          <li
                            data-testid="quote-group"
                            className="px-1.5 pt-2 text-xs font-semibold uppercase tracking-wide text-slate-600"
                          >
                            {e.forCell ? `${party.name} · ${issue.title}` : "Other quotes"}
                          </li>
                        ) : null}
                        <li className="flex items-start gap-2 rounded p-1.5 text-sm hover:bg-slate-50">
                          <input
                            type="checkbox"
                            id={`link-${e.id}`}
                            checked={Boolean(link)}
                            onChange={(ev) =>
                              setLinks(
                                ev.target.checked
                                  ? [...links, { evidenceId: e.id, relation: "SUPPORTS" }]
                                  : links.filter((l) => l.evidenceId !== e.id),
                              )
                            }
                            className="mt-1"
                          />
                          <label htmlFor={`link-${e.id}`} className="flex-1">
                            <span className="line-clamp-2 font-serif">“{e.exact}”</span>
                            <span className="text-xs text-slate-500">
                              {e.speaker ?? "No speaker"} · {dates.calendar(e.saidOn)} · {e.documentTitle}
                            </span>
                          </label>
                          {link ? (
                            <RelationSelect
                              value={link.relation}
                              onChange={(relation) =>
                                setLinks(links.map((l) => (l.evidenceId === e.id ? { ...l, relation } : l)))
                              }
                              className="px-1 py-0.5"
                            />
                          ) : null}
                        </li>
                      </Fragment>
                    );
                  })}
                </ul>
              </fieldset>
            </>
          ) : null}
          {mode !== "record" ? (
            <div>
              <label htmlFor="edit-reason" className="block text-sm font-medium">
                Reason
              </label>
              <input
                id="edit-reason"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                maxLength={1000}
                placeholder={
                  mode === "correct"
                    ? "e.g. wrong date: the statement was made on 26 January"
                    : "e.g. recorded on the wrong party"
                }
                className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
              />
            </div>
          ) : null}
          {proposing ? (
            <div>
              <label htmlFor="edit-rationale" className="block text-sm font-medium">
                Your rationale <span className="font-normal text-slate-500">(for the reviewer)</span>
              </label>
              <textarea
                id="edit-rationale"
                value={rationale}
                onChange={(e) => setRationale(e.target.value)}
                rows={3}
                maxLength={2000}
                aria-describedby="edit-rationale-hint"
                className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
              />
              <p id="edit-rationale-hint" className="text-xs text-slate-500">
                This workspace is in review mode: your change is proposed, and the matrix keeps showing the current
                statement until a reviewer accepts it.
              </p>
            </div>
          ) : null}
          <div className="flex gap-3">
            <button
              type="submit"
              disabled={tooLong}
              className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-50"
            >
              {proposing
                ? mode === "record"
                  ? "Propose statement"
                  : mode === "correct"
                    ? "Propose correction"
                    : "Propose retraction"
                : mode === "record"
                  ? "Record statement"
                  : mode === "correct"
                    ? "Save correction"
                    : "Retract statement"}
            </button>
            <button type="button" onClick={onClose} className="rounded-md border border-slate-300 px-4 py-2 text-sm">
              Cancel
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
