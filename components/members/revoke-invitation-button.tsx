"use client";

import { useAction } from "next-safe-action/hooks";
import { ActionButton } from "@/components/ui/action-button";
import { actionErrorMessage } from "@/components/ui/action-error";
import { revokeInvitationAction } from "@/lib/members/actions";

export function RevokeInvitationButton({
  workspaceSlug,
  invitationId,
}: {
  workspaceSlug: string;
  invitationId: string;
}) {
  const { execute, isPending, result } = useAction(revokeInvitationAction);
  const error = actionErrorMessage(result);
  return (
    <ActionButton
      onClick={() => execute({ workspaceSlug, invitationId })}
      pending={isPending}
      pendingLabel="Revoking…"
      error={error}
    >
      Revoke
    </ActionButton>
  );
}
