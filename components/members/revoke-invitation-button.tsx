"use client";

import { useAction } from "next-safe-action/hooks";
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
    <>
      <button
        type="button"
        disabled={isPending}
        onClick={() => execute({ workspaceSlug, invitationId })}
        className="rounded-md border border-slate-300 px-3 py-1 text-sm disabled:opacity-60"
      >
        {isPending ? "Revoking…" : "Revoke"}
      </button>
      {error ? (
        <span role="alert" className="ml-2 text-sm text-red-700">
          {error}
        </span>
      ) : null}
    </>
  );
}
