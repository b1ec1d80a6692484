"use client";

import { useAction } from "next-safe-action/hooks";
import { useRef } from "react";
import { fieldErrorsOf, formErrorOf, primaryButtonClass, TextField } from "@/components/structure/field";
import { FormAlert } from "@/components/ui/form-feedback";
import { addIssueAction } from "@/lib/structure/actions";
import { ISSUE_DESCRIPTION_MAX, ISSUE_TITLE_MAX } from "@/lib/structure/schema";

export function AddIssueForm({ workspaceSlug }: { workspaceSlug: string }) {
  const formRef = useRef<HTMLFormElement>(null);
  const { execute, result, isPending } = useAction(addIssueAction, { onSuccess: () => formRef.current?.reset() });
  const fieldErrors = fieldErrorsOf(result);
  const formError = formErrorOf(result);
  return (
    <form
      ref={formRef}
      aria-labelledby="add-issue-heading"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        execute({
          workspaceSlug,
          title: String(form.get("title") ?? ""),
          description: String(form.get("description") ?? ""),
        });
      }}
    >
      <h3 id="add-issue-heading" className="text-sm font-semibold">
        Add issue
      </h3>
      {formError ? <FormAlert>{formError}</FormAlert> : null}
      <TextField
        id="add-issue-title"
        name="title"
        label="Title"
        maxLength={ISSUE_TITLE_MAX}
        errors={fieldErrors?.title}
      />
      <TextField
        id="add-issue-description"
        name="description"
        label="Description"
        maxLength={ISSUE_DESCRIPTION_MAX}
        errors={fieldErrors?.description}
        required={false}
        multiline
      />
      <div className="flex items-center gap-3">
        <button type="submit" disabled={isPending} className={primaryButtonClass}>
          {isPending ? "Adding…" : "Add issue"}
        </button>
        {result.data ? (
          <p role="status" className="text-sm text-emerald-800">
            Added “{result.data.title}” as the last row.
          </p>
        ) : null}
      </div>
    </form>
  );
}
