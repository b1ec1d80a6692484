"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { CellEdit } from "@/components/matrix/cell-edit";
import { ConflictPanel } from "@/components/matrix/cell-editor-conflict";
import { EvidenceFieldset } from "@/components/matrix/cell-editor-evidence";
import { ConfidenceFieldset, QualitiesFieldset, StatementFields } from "@/components/matrix/cell-editor-fields";
import { type Mode, useCellEditor } from "@/components/matrix/use-cell-editor";
import { useQuoteFilter } from "@/components/matrix/use-quote-filter";
import { useDates } from "@/components/ui/date-locale";
import { SidePanel } from "@/components/ui/side-panel";
import type { CellState } from "@/lib/matrix/mutations";
import type { MatrixStatement } from "@/lib/matrix/schema";

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

export function CellEditor(props: Props) {
  const { slug, asOf, issue, party, version, statement, labels, draft, conflict, error, onSubmit, onClose } = props;
  const { issues = [], parties = [], proposing = false } = props;
  const cell = { issueId: issue.id, partyId: party.id };
  const editor = useCellEditor({ asOf, cell, version, statement, draft, conflict, onSubmit, proposing });
  const quotes = useQuoteFilter(slug, cell, editor.mode !== "retract", editor.fields.links);
  const { mode } = editor;

  return (
    <EditorPanel onClose={onClose}>
      <EditorHeading {...props} />
      <ModeChoice mode={mode} canAmend={editor.canAmend} onChoose={editor.chooseMode} />
      <form
        className="mt-5 space-y-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!editor.tooLong) editor.submit();
        }}
      >
        {conflict ? (
          <ConflictPanel
            conflict={conflict}
            mode={mode}
            targetAmendment={editor.targetAmendment}
            labels={labels}
            canReapply={editor.canReapply}
            onReapply={() => editor.reapply(conflict.version)}
          />
        ) : null}
        {error ? (
          <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
            {error.message}
          </div>
        ) : null}

        {mode !== "retract" ? (
          <StanceFieldsets
            editor={editor}
            quotes={quotes}
            fieldErrors={error?.fieldErrors}
            labels={labels}
            issues={issues}
            parties={parties}
            cellName={`${party.name} · ${issue.title}`}
          />
        ) : null}
        {mode !== "record" ? <ReasonField mode={mode} reason={editor.reason} onReason={editor.setReason} /> : null}
        {proposing ? <RationaleField rationale={editor.rationale} onRationale={editor.setRationale} /> : null}
        <EditorActions mode={mode} proposing={proposing} tooLong={editor.tooLong} onClose={onClose} />
      </form>
    </EditorPanel>
  );
}

/** The editor's side panel over the matrix: a click on the backdrop or Escape closes it. */
function EditorPanel({ onClose, children }: { onClose: () => void; children: ReactNode }) {
  return (
    <SidePanel labelledBy="cell-editor-title" onClose={onClose} containEscape>
      {children}
    </SidePanel>
  );
}

/** What a recorded or corrected statement says: the fields a retraction has none of. */
function StanceFieldsets({
  editor,
  quotes,
  fieldErrors,
  labels,
  issues,
  parties,
  cellName,
}: {
  editor: ReturnType<typeof useCellEditor>;
  quotes: ReturnType<typeof useQuoteFilter>;
  fieldErrors: Record<string, string[] | undefined> | undefined;
  labels: Record<string, string>;
  issues: { id: string; title: string }[];
  parties: { id: string; name: string }[];
  cellName: string;
}) {
  const { fields, set } = editor;
  return (
    <>
      <StatementFields
        fields={fields}
        set={set}
        fieldErrors={fieldErrors}
        labels={labels}
        summaryTooLong={editor.summaryTooLong}
        positionRef={editor.firstField}
      />
      <ConfidenceFieldset
        fields={fields}
        set={set}
        fieldErrors={fieldErrors}
        rationaleTooLong={editor.rationaleTooLong}
      />
      <QualitiesFieldset
        fields={fields}
        set={set}
        fieldErrors={fieldErrors}
        labels={labels}
        issues={issues}
        parties={parties}
      />
      <EvidenceFieldset
        quotes={quotes}
        links={fields.links}
        onLinks={(links) => set("links", links)}
        cellName={cellName}
      />
    </>
  );
}

/** Which cell is open, what it shows as of the date, and its history. */
function EditorHeading({
  slug,
  asOf,
  issue,
  party,
  statement,
  labels,
  onClose,
}: Pick<Props, "slug" | "asOf" | "issue" | "party" | "statement" | "labels" | "onClose">) {
  const dates = useDates();
  return (
    <>
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
    </>
  );
}

/** Record a new statement, or correct or retract the shown one (when there is one to amend). */
function ModeChoice({ mode, canAmend, onChoose }: { mode: Mode; canAmend: boolean; onChoose: (mode: Mode) => void }) {
  return (
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
              onChange={() => onChoose(m)}
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
  );
}

function ReasonField({ mode, reason, onReason }: { mode: Mode; reason: string; onReason: (reason: string) => void }) {
  return (
    <div>
      <label htmlFor="edit-reason" className="block text-sm font-medium">
        Reason
      </label>
      <input
        id="edit-reason"
        value={reason}
        onChange={(e) => onReason(e.target.value)}
        maxLength={1000}
        placeholder={
          mode === "correct"
            ? "e.g. wrong date: the statement was made on 26 January"
            : "e.g. recorded on the wrong party"
        }
        className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
      />
    </div>
  );
}

/** In review mode: the proposer's reasons, for the reviewer. */
function RationaleField({ rationale, onRationale }: { rationale: string; onRationale: (rationale: string) => void }) {
  return (
    <div>
      <label htmlFor="edit-rationale" className="block text-sm font-medium">
        Your rationale <span className="font-normal text-slate-500">(for the reviewer)</span>
      </label>
      <textarea
        id="edit-rationale"
        value={rationale}
        onChange={(e) => onRationale(e.target.value)}
        rows={3}
        maxLength={2000}
        aria-describedby="edit-rationale-hint"
        className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
      />
      <p id="edit-rationale-hint" className="text-xs text-slate-500">
        This workspace is in review mode: your change is proposed, and the matrix keeps showing the current statement
        until a reviewer accepts it.
      </p>
    </div>
  );
}

const SUBMIT_LABELS: Record<"apply" | "propose", Record<Mode, string>> = {
  apply: { record: "Record statement", correct: "Save correction", retract: "Retract statement" },
  propose: { record: "Propose statement", correct: "Propose correction", retract: "Propose retraction" },
};

function EditorActions({
  mode,
  proposing,
  tooLong,
  onClose,
}: {
  mode: Mode;
  proposing: boolean;
  tooLong: boolean;
  onClose: () => void;
}) {
  return (
    <div className="flex gap-3">
      <button
        type="submit"
        disabled={tooLong}
        className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-50"
      >
        {SUBMIT_LABELS[proposing ? "propose" : "apply"][mode]}
      </button>
      <button type="button" onClick={onClose} className="rounded-md border border-slate-300 px-4 py-2 text-sm">
        Cancel
      </button>
    </div>
  );
}
