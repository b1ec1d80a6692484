"use client";

import { useAction } from "next-safe-action/hooks";
import { ActionButton } from "@/components/ui/action-button";
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
    <ActionButton
      onClick={() => action.execute({ workspaceSlug: slug, evidenceId, revisionId })}
      pending={action.isPending}
      pendingLabel="Saving…"
      error={error}
    >
      Mark as reviewed
    </ActionButton>
  );
}
