"use client";

import { useAction } from "next-safe-action/hooks";
import { actionErrorMessage } from "@/components/ui/action-error";
import { markAnchorReviewedAction } from "@/lib/documents/actions";

export function ReviewedButton({
  slug,
  evidenceId,
  revisionId,
}: {
  slug: string;
  evidenceId: string;
  revisionId: string;
}) {
  const action = useAction(markAnchorReviewedAction);
  const error = actionErrorMessage(action.result);
  return (
    <>
      <button
        type="button"
        disabled={action.isPending}
        onClick={() => action.execute({ workspaceSlug: slug, evidenceId, revisionId })}
        className="rounded-md border border-slate-300 px-3 py-1 text-sm disabled:opacity-60"
      >
        {action.isPending ? "Saving…" : "Mark as reviewed"}
      </button>
      {error ? (
        <span role="alert" className="ml-2 text-sm text-red-700">
          {error}
        </span>
      ) : null}
    </>
  );
}
