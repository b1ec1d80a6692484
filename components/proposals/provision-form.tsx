"use client";

import { FieldError, FormAlert } from "@/components/ui/form-feedback";
import { type ProvisionFormState, useProvisionForm } from "./use-provision-form";

type Option = { id: string; title: string };
type Answerable = { id: string; label: string; proposalTitle: string };

const INPUT = "mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5";

/** The document's text, read-only; selecting a passage in it fills the provision's passage. */
function DocumentPane({
  state,
  documentTitle,
  documentText,
}: {
  state: ProvisionFormState;
  documentTitle: string;
  documentText: string;
}) {
  const { uid } = state;
  return (
    <section aria-labelledby={`${uid}-reader`}>
      <h3 id={`${uid}-reader`} className="text-sm font-semibold">
        {documentTitle}
      </h3>
      <textarea
        readOnly
        id={`${uid}-text`}
        aria-label={`Text of ${documentTitle}`}
        value={documentText}
        rows={16}
        onSelect={state.onSelectInDocument}
        className="mt-1 w-full rounded-md border border-slate-200 bg-slate-50 p-3 font-serif text-sm leading-relaxed"
      />
      <p className="mt-1 text-xs text-slate-600">Select a passage here to use it as the provision’s text.</p>
    </section>
  );
}

function LabelAndPassageFields({ state }: { state: ProvisionFormState }) {
  const { fieldErrors, errorId, described, passage, setPassage } = state;
  return (
    <>
      <label className="text-sm font-medium">
        Label
        <input
          name="label"
          required
          maxLength={120}
          placeholder="Article 4"
          aria-invalid={Boolean(described("label"))}
          aria-describedby={described("label")}
          className={INPUT}
        />
        <FieldError id={errorId("label")} messages={fieldErrors.label} />
      </label>
      <label className="text-sm font-medium">
        Passage <span className="font-normal text-slate-500">(exactly as it stands in the document)</span>
        <textarea
          name="passage"
          required
          rows={4}
          value={passage}
          onChange={(e) => setPassage(e.target.value)}
          aria-invalid={Boolean(described("passage"))}
          aria-describedby={described("passage")}
          className={INPUT}
        />
        <FieldError id={errorId("passage")} messages={fieldErrors.passage} />
      </label>
    </>
  );
}

/** The issues the provision is about, and the provisions it answers when there are any to answer. */
function LinkFieldsets({
  state,
  issues,
  answerable,
}: {
  state: ProvisionFormState;
  issues: Option[];
  answerable: Answerable[];
}) {
  const { fieldErrors, errorId, described } = state;
  return (
    <>
      <fieldset className="text-sm" aria-describedby={described("issueIds")}>
        <legend className="font-medium">Issues</legend>
        <div className="mt-1 grid gap-1">
          {issues.map((issue) => (
            <label key={issue.id} className="flex items-start gap-1.5">
              <input type="checkbox" name="issueIds" value={issue.id} className="mt-1" />
              {issue.title}
            </label>
          ))}
        </div>
        <FieldError id={errorId("issueIds")} messages={fieldErrors.issueIds} />
      </fieldset>
      {answerable.length > 0 ? (
        <fieldset className="text-sm" aria-describedby={described("answersProvisionIds")}>
          <legend className="font-medium">Answers</legend>
          <div className="mt-1 grid gap-1">
            {answerable.map((p) => (
              <label key={p.id} className="flex items-start gap-1.5">
                <input type="checkbox" name="answersProvisionIds" value={p.id} className="mt-1" />
                {p.label} of {p.proposalTitle}
              </label>
            ))}
          </div>
          <FieldError id={errorId("answersProvisionIds")} messages={fieldErrors.answersProvisionIds} />
        </fieldset>
      ) : null}
    </>
  );
}

/**
 * Adds a provision: the passage selected in the document beside the form, or pasted; the server
 * anchors it word for word in the document and refuses words that are not there.
 */
export function ProvisionForm({
  slug,
  proposalId,
  documentTitle,
  documentText,
  issues,
  answerable,
}: {
  slug: string;
  proposalId: string;
  documentTitle: string;
  documentText: string;
  issues: Option[];
  answerable: Answerable[];
}) {
  const state = useProvisionForm(slug, proposalId);

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <DocumentPane state={state} documentTitle={documentTitle} documentText={documentText} />
      <form key={state.key} aria-label="Add a provision" className="grid content-start gap-3" onSubmit={state.onSubmit}>
        {state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
        <LabelAndPassageFields state={state} />
        <LinkFieldsets state={state} issues={issues} answerable={answerable} />
        <div>
          <button
            type="submit"
            disabled={state.isPending}
            className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-800 disabled:opacity-60"
          >
            {state.isPending ? "Saving…" : "Add provision"}
          </button>
        </div>
      </form>
    </div>
  );
}
