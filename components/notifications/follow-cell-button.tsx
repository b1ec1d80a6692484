"use client";

import { useAction } from "next-safe-action/hooks";
import { actionErrorMessage } from "@/components/ui/action-error";
import { InlineAlert } from "@/components/ui/form-feedback";
import { followCellAction, unfollowCellAction } from "@/lib/notifications/actions";

export function FollowCellButton({
  workspaceSlug,
  issueId,
  partyId,
  following,
}: {
  workspaceSlug: string;
  issueId: string;
  partyId: string;
  following: boolean;
}) {
  const follow = useAction(followCellAction);
  const unfollow = useAction(unfollowCellAction);
  const pending = follow.isPending || unfollow.isPending;
  const error = actionErrorMessage(follow.result) ?? actionErrorMessage(unfollow.result);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={pending}
        onClick={() => (following ? unfollow : follow).execute({ workspaceSlug, issueId, partyId })}
        title={
          following
            ? "You get a notification in your inbox when this cell changes."
            : "Get a notification in your inbox when a stance is recorded, corrected or retracted here."
        }
        className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm text-slate-800 hover:bg-slate-50 disabled:opacity-60"
      >
        {pending ? (following ? "Unfollowing…" : "Following…") : following ? "Unfollow" : "Follow this cell"}
      </button>
      <InlineAlert message={error} />
    </span>
  );
}
