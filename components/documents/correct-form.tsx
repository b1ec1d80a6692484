"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { actionErrorMessage } from "@/components/ui/action-error";
import { onFormData } from "@/components/ui/on-form-data";
import { correctDocumentAction } from "@/lib/documents/actions";

export function CorrectForm({
  slug,
  documentId,
  revision,
}: {
  slug: string;
  documentId: string;
  revision: { number: number; text: string };
}) {
  const router = useRouter();
  const action = useAction(correctDocumentAction, {
    onSuccess: () => router.push(`/w/${slug}/documents/${documentId}`),
  });
  const refusal = actionErrorMessage(action.result);
  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={onFormData((form) =>
        action.execute({
          workspaceSlug: slug,
          documentId,
          baseRevision: revision.number,
          text: String(form.get("text") ?? ""),
          note: String(form.get("note") ?? ""),
        }),
      )}
    >
      {refusal ? (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {refusal}
        </div>
      ) : null}
      <label className="block text-sm font-medium">
        What was corrected
        <input
          name="note"
          placeholder="e.g. typo in the second paragraph; restored a missing sentence"
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
        />
      </label>
      <label className="block text-sm font-medium">
        Text (revision {revision.number + 1})
        <textarea
          name="text"
          defaultValue={revision.text}
          rows={24}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 font-serif"
        />
      </label>
      <button
        type="submit"
        disabled={action.isPending}
        className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-60"
      >
        {action.isPending ? "Saving and re-anchoring quotes…" : "Save as a new revision"}
      </button>
    </form>
  );
}
