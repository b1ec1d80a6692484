"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import type { ComposerValue } from "@/components/comments/comment-composer";
import { useComments } from "@/components/comments/comments-context";
import { actionErrorMessage } from "@/components/ui/action-error";
import { reopenThreadAction, replyToCommentAction, resolveThreadAction } from "@/lib/comments/actions";
import type { ThreadView } from "@/lib/comments/schema";

/** A thread's reply box (open or not) and its reply, resolve and reopen actions. */
export function useCommentThread(thread: ThreadView) {
  const { workspaceSlug } = useComments();
  const [replying, setReplying] = useState(false);
  const reply = useAction(replyToCommentAction);
  const resolve = useAction(resolveThreadAction);
  const reopen = useAction(reopenThreadAction);
  const error = actionErrorMessage(resolve.result) ?? actionErrorMessage(reopen.result);

  /** Whether the reply was saved (the box then closes). */
  const submitReply = async (value: ComposerValue) => {
    const saved = Boolean((await reply.executeAsync({ workspaceSlug, commentId: thread.root.id, ...value }))?.data);
    if (saved) setReplying(false);
    return saved;
  };
  const resolveThread = () => resolve.execute({ workspaceSlug, commentId: thread.root.id });
  const reopenThread = () => reopen.execute({ workspaceSlug, commentId: thread.root.id });

  return { replying, setReplying, reply, resolve, reopen, error, submitReply, resolveThread, reopenThread };
}
