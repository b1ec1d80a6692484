"use client";

import { useAction } from "next-safe-action/hooks";
import { useId, useState } from "react";
import { actionErrorMessage } from "@/components/ui/action-error";
import { FieldError, FormAlert } from "@/components/ui/form-feedback";
import { addProvisionAction } from "@/lib/proposals/actions";

type FieldErrors = Record<string, string[] | undefined>;
type Option = { id: string; title: string };

const INPUT = "mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5";

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
  answerable: { id: string; label: string; proposalTitle: string }[];
}) {
  const uid = useId();
  const [key, setKey] = useState(0);
  const [passage, setPassage] = useState("");
  const add = useAction(addProvisionAction, {
    onSuccess: () => {
      setPassage("");
      setKey((k) => k + 1);
    },
  });
  const fieldErrors: FieldErrors = (add.result.validationErrors as { fieldErrors?: FieldErrors })?.fieldErrors ?? {};
  const formError = Object.keys(fieldErrors).length ? null : actionErrorMessage(add.result);
  const errorId = (field: string) => `${uid}-${field}-error`;
  const described = (field: string) => (fieldErrors[field]?.length ? errorId(field) : undefined);

  return (
    <div className="grid gap-4 lg:grid-cols-2">
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
          onSelect={(e) => {
            const { selectionStart, selectionEnd, value } = e.currentTarget;
            if (selectionEnd > selectionStart) setPassage(value.slice(selectionStart, selectionEnd));
          }}
          className="mt-1 w-full rounded-md border border-slate-200 bg-slate-50 p-3 font-serif text-sm leading-relaxed"
        />
        <p className="mt-1 text-xs text-slate-600">Select a passage here to use it as the provision’s text.</p>
      </section>
      <form
        key={key}
        aria-label="Add a provision"
        className="grid content-start gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          add.execute({
            workspaceSlug: slug,
            proposalId,
            label: String(form.get("label") ?? ""),
            passage: { by: "quote", quote: passage, occurrence: 0 },
            issueIds: form.getAll("issueIds").map(String),
            answersProvisionIds: form.getAll("answersProvisionIds").map(String),
          });
        }}
      >
        {formError ? <FormAlert>{formError}</FormAlert> : null}
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
        <div>
          <button
            type="submit"
            disabled={add.isPending}
            className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-800 disabled:opacity-60"
          >
            {add.isPending ? "Saving…" : "Add provision"}
          </button>
        </div>
      </form>
    </div>
  );
}
