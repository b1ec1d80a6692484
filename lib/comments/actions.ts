"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/safe-action";
import { CommentIdSchema, EditCommentSchema, PostCommentSchema, ReplyToCommentSchema, type CommentTarget } from "@/lib/comments/schema";
import { deleteComment, editComment, postComment, reopenThread, replyToComment, resolveThread, type CommentPlace } from "@/lib/comments/mutations";
import { commentPagePath } from "@/lib/comments/permalink";

// Every comment action needs "comment:write" (owners, editors, commenters); whose comment it is
// and where it lives are checked by the mutation, inside its transaction.

function revalidated(slug: string, place: CommentPlace) {
  revalidatePath(commentPagePath(slug, place));
  return { commentId: place.commentId };
}

export const postCommentAction = workspaceAction
  .metadata({ name: "postComment", permission: "comment:write" })
  .inputSchema(PostCommentSchema)
  .action(async ({ parsedInput: { evidenceId, statementId, body, mentionUserIds }, ctx }) => {
    // The schema lets exactly one of the two through.
    const target: CommentTarget = evidenceId ? { evidenceId } : { statementId: statementId! };
    return revalidated(ctx.workspace.slug, await postComment(ctx.workspace, { target, body, mentionUserIds }));
  });

export const replyToCommentAction = workspaceAction
  .metadata({ name: "replyToComment", permission: "comment:write" })
  .inputSchema(ReplyToCommentSchema)
  .action(async ({ parsedInput, ctx }) => revalidated(ctx.workspace.slug, await replyToComment(ctx.workspace, parsedInput)));

export const editCommentAction = workspaceAction
  .metadata({ name: "editComment", permission: "comment:write" })
  .inputSchema(EditCommentSchema)
  .action(async ({ parsedInput, ctx }) => revalidated(ctx.workspace.slug, await editComment(ctx.workspace, parsedInput)));

export const deleteCommentAction = workspaceAction
  .metadata({ name: "deleteComment", permission: "comment:write" })
  .inputSchema(CommentIdSchema)
  .action(async ({ parsedInput, ctx }) => revalidated(ctx.workspace.slug, await deleteComment(ctx.workspace, parsedInput)));

export const resolveThreadAction = workspaceAction
  .metadata({ name: "resolveThread", permission: "comment:write" })
  .inputSchema(CommentIdSchema)
  .action(async ({ parsedInput, ctx }) => revalidated(ctx.workspace.slug, await resolveThread(ctx.workspace, parsedInput)));

export const reopenThreadAction = workspaceAction
  .metadata({ name: "reopenThread", permission: "comment:write" })
  .inputSchema(CommentIdSchema)
  .action(async ({ parsedInput, ctx }) => revalidated(ctx.workspace.slug, await reopenThread(ctx.workspace, parsedInput)));
