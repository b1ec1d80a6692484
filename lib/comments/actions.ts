"use server";

import { revalidatePath } from "next/cache";
import type { CommentPlace } from "@/lib/comments/mutations";
import * as comments from "@/lib/comments/mutations";
import { sendCommentNotificationMails } from "@/lib/comments/notification-mail";
import { commentPagePath, commentPermalink } from "@/lib/comments/permalink";
import {
  CommentIdSchema,
  type CommentTarget,
  EditCommentSchema,
  PostCommentSchema,
  ReplyToCommentSchema,
} from "@/lib/comments/schema";
import { orRefuse, workspaceAction } from "@/lib/safe-action";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

// Every comment action needs "comment:write" (owners, reviewers, editors, commenters); whose comment it is
// and where it lives are checked by the mutation, inside its transaction.

function revalidated(slug: string, place: CommentPlace) {
  revalidatePath(commentPagePath(slug, place));
  return { commentId: place.commentId };
}

/** After the commit: mail whom the comment notified (when SMTP is set up), then refresh its page. */
async function mailedAndRevalidated(workspace: AuthorizedWorkspace, place: CommentPlace) {
  await sendCommentNotificationMails({
    actorId: workspace.userId,
    workspaceTitle: workspace.title,
    permalink: commentPermalink(workspace.slug, place.commentId, place),
    notified: place.notified,
  });
  return revalidated(workspace.slug, place);
}

export const postCommentAction = workspaceAction
  .metadata({ name: "postComment", permission: "comment:write" })
  .inputSchema(PostCommentSchema)
  .action(async ({ parsedInput: { evidenceId, statementId, proposalId, body, mentionUserIds }, ctx }) => {
    // The schema lets exactly one of the three through.
    const target: CommentTarget = evidenceId
      ? { evidenceId }
      : proposalId
        ? { proposalId }
        : { statementId: statementId! };
    return mailedAndRevalidated(
      ctx.workspace,
      orRefuse(await comments.postComment(ctx.workspace, { target, body, mentionUserIds })),
    );
  });

export const replyToCommentAction = workspaceAction
  .metadata({ name: "replyToComment", permission: "comment:write" })
  .inputSchema(ReplyToCommentSchema)
  .action(async ({ parsedInput, ctx }) =>
    mailedAndRevalidated(ctx.workspace, orRefuse(await comments.replyToComment(ctx.workspace, parsedInput))),
  );

export const editCommentAction = workspaceAction
  .metadata({ name: "editComment", permission: "comment:write" })
  .inputSchema(EditCommentSchema)
  .action(async ({ parsedInput, ctx }) =>
    mailedAndRevalidated(ctx.workspace, orRefuse(await comments.editComment(ctx.workspace, parsedInput))),
  );

export const deleteCommentAction = workspaceAction
  .metadata({ name: "deleteComment", permission: "comment:write" })
  .inputSchema(CommentIdSchema)
  .action(async ({ parsedInput, ctx }) =>
    revalidated(ctx.workspace.slug, orRefuse(await comments.deleteComment(ctx.workspace, parsedInput))),
  );

export const resolveThreadAction = workspaceAction
  .metadata({ name: "resolveThread", permission: "comment:write" })
  .inputSchema(CommentIdSchema)
  .action(async ({ parsedInput, ctx }) =>
    revalidated(ctx.workspace.slug, orRefuse(await comments.resolveThread(ctx.workspace, parsedInput))),
  );

export const reopenThreadAction = workspaceAction
  .metadata({ name: "reopenThread", permission: "comment:write" })
  .inputSchema(CommentIdSchema)
  .action(async ({ parsedInput, ctx }) =>
    revalidated(ctx.workspace.slug, orRefuse(await comments.reopenThread(ctx.workspace, parsedInput))),
  );
