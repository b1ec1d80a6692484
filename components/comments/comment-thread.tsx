"use client";

import { useAction } from "next-safe-action/hooks";
import { useEffect, useState } from "react";
import { CommentBody } from "@/components/comments/comment-body";
import { CommentComposer } from "@/components/comments/comment-composer";
import { useComments } from "@/components/comments/comments-context";
import { actionErrorMessage } from "@/components/ui/action-error";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { LocalTime } from "@/components/ui/local-time";
import { deleteCommentAction, editCommentAction, postCommentAction } from "@/lib/comments/actions";
import { commentAnchor } from "@/lib/comments/permalink";
import type { CommentTarget, CommentView, ThreadView } from "@/lib/comments/schema";
import { useCommentThread } from "./use-comment-thread";

/** All threads on one quote, statement or proposal, and (for commenters) a box to start another. */
export function CommentThreads({ target, threads }: { target: CommentTarget; threads: ThreadView[] }) {
  const { workspaceSlug, canComment, members } = useComments();
  const post = useAction(postCommentAction);
  return (
    <div className="space-y-4">
      {threads.length === 0 ? <p className="text-sm text-slate-600">No comments yet.</p> : null}
      {threads.map((thread) => (
        <CommentThread key={thread.root.id} thread={thread} />
      ))}
      {canComment ? (
        <CommentComposer
          label={
            target.evidenceId
              ? "Comment on this quote"
              : target.proposalId
                ? "Comment on this reading"
                : "Comment on this statement"
          }
          members={members}
          submitLabel="Comment"
          pendingLabel="Posting…"
          pending={post.isPending}
          error={actionErrorMessage(post.result)}
          onSubmit={async (value) => Boolean((await post.executeAsync({ workspaceSlug, ...target, ...value }))?.data)}
        />
      ) : null}
    </div>
  );
}

export function CommentThread({ thread }: { thread: ThreadView }) {
  const { canComment, members } = useComments();
  const threadState = useCommentThread(thread);
  const { replying, setReplying, reply, error, submitReply } = threadState;
  const resolved = thread.resolved;
  return (
    <article
      aria-label={`Thread started by ${thread.root.author.name}`}
      className={`rounded-lg border bg-white ${resolved ? "border-slate-200 opacity-90" : "border-slate-300"}`}
    >
      {resolved ? (
        <p className="rounded-t-lg border-b border-slate-200 bg-emerald-50 px-4 py-1.5 text-xs text-emerald-900">
          Resolved{resolved.by ? ` by ${resolved.by}` : ""} · <LocalTime iso={resolved.at} recentAsRelative />
        </p>
      ) : null}
      <ol className="divide-y divide-slate-100">
        {[thread.root, ...thread.replies].map((comment) => (
          <li key={comment.id}>
            <CommentItem comment={comment} />
          </li>
        ))}
      </ol>
      <div className="border-t border-slate-100 px-4 py-2">
        {error ? (
          <p role="alert" className="mb-2 text-sm text-red-700">
            {error}
          </p>
        ) : null}
        {replying ? (
          <CommentComposer
            label={`Reply to ${thread.root.author.name}`}
            members={members}
            submitLabel="Reply"
            pendingLabel="Replying…"
            placeholder="Write a reply. Markdown works; type @ to mention someone."
            autoFocus
            pending={reply.isPending}
            error={actionErrorMessage(reply.result)}
            onCancel={() => setReplying(false)}
            onSubmit={submitReply}
          />
        ) : canComment ? (
          <ThreadActions resolved={Boolean(resolved)} actions={threadState} />
        ) : null}
      </div>
    </article>
  );
}

/** Reply, and resolve or reopen the thread. */
function ThreadActions({ resolved, actions }: { resolved: boolean; actions: ReturnType<typeof useCommentThread> }) {
  const { setReplying, resolve, reopen, resolveThread, reopenThread } = actions;
  return (
    <div className="flex flex-wrap gap-2 text-sm">
      <button
        type="button"
        onClick={() => setReplying(true)}
        className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-50"
      >
        Reply
      </button>
      {resolved ? (
        <button
          type="button"
          disabled={reopen.isPending}
          onClick={reopenThread}
          className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-50 disabled:opacity-60"
        >
          {reopen.isPending ? "Reopening…" : "Reopen thread"}
        </button>
      ) : (
        <button
          type="button"
          disabled={resolve.isPending}
          onClick={resolveThread}
          className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-50 disabled:opacity-60"
        >
          {resolve.isPending ? "Resolving…" : "Resolve thread"}
        </button>
      )}
    </div>
  );
}

function CommentItem({ comment }: { comment: CommentView }) {
  const { workspaceSlug, viewerId, canComment, members } = useComments();
  const [editing, setEditing] = useState(false);
  const edit = useAction(editCommentAction, { onSuccess: () => setEditing(false) });
  const remove = useAction(deleteCommentAction);
  const [confirm, confirmDialog] = useConfirm();
  const mine = canComment && comment.author.id === viewerId && !comment.deleted;
  return (
    <div id={commentAnchor(comment.id)} className="comment px-4 py-3">
      <div className="flex flex-wrap items-baseline gap-x-2 text-xs text-slate-600">
        <span className="font-semibold text-slate-900">{comment.author.name}</span>
        <LocalTime iso={comment.createdAt} recentAsRelative />
        {comment.editedAt && !comment.deleted ? (
          <span>
            (edited <LocalTime iso={comment.editedAt} recentAsRelative />)
          </span>
        ) : null}
        <span className="ml-auto flex gap-2">
          <CopyLinkButton commentId={comment.id} />
          {mine && !editing ? (
            <>
              <button
                type="button"
                onClick={() => setEditing(true)}
                className="text-slate-700 underline hover:text-slate-950"
              >
                Edit
              </button>
              <button
                type="button"
                disabled={remove.isPending}
                onClick={async () => {
                  if (await confirm("Delete this comment? Replies stay; its text is removed.", "Delete comment"))
                    remove.execute({ workspaceSlug, commentId: comment.id });
                }}
                className="text-red-800 underline hover:text-red-950 disabled:opacity-60"
              >
                {remove.isPending ? "Deleting…" : "Delete"}
              </button>
            </>
          ) : null}
        </span>
      </div>
      {actionErrorMessage(remove.result) ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {actionErrorMessage(remove.result)}
        </p>
      ) : null}
      {comment.deleted ? (
        <p className="mt-1 text-sm italic text-slate-500">comment deleted</p>
      ) : editing ? (
        <div className="mt-2">
          <CommentComposer
            label="Edit comment"
            members={members}
            initialBody={comment.body}
            autoFocus
            submitLabel="Save"
            pendingLabel="Saving…"
            pending={edit.isPending}
            error={actionErrorMessage(edit.result)}
            onCancel={() => setEditing(false)}
            onSubmit={async (value) =>
              Boolean((await edit.executeAsync({ workspaceSlug, commentId: comment.id, ...value }))?.data)
            }
          />
        </div>
      ) : (
        <div className="mt-1">
          <CommentBody body={comment.body} />
        </div>
      )}
      {confirmDialog}
    </div>
  );
}

function CopyLinkButton({ commentId }: { commentId: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <button
      type="button"
      onClick={() => {
        const { origin, pathname, search } = window.location;
        // Absent outside secure contexts (plain http on another host than localhost).
        if (!navigator.clipboard) return setState("failed");
        navigator.clipboard.writeText(`${origin}${pathname}${search}#${commentAnchor(commentId)}`).then(
          () => setState("copied"),
          () => setState("failed"),
        );
      }}
      className="text-slate-700 underline hover:text-slate-950"
    >
      {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : "Copy link"}
    </button>
  );
}
