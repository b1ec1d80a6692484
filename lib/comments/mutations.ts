import "server-only";
import { recordWorkspaceActivity } from "@/lib/activity/record";
import { mentionsName } from "@/lib/comments/mentions";
import type { CommentTarget } from "@/lib/comments/schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NotificationKind } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/platform/db/client";
import { transactionUnlessRefused } from "@/lib/platform/db/transaction";
import { fail, ok, type Result } from "@/lib/platform/errors";
import { displayName } from "@/lib/users/display-name";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

type Transaction = Prisma.TransactionClient;

// A missing id and another workspace's id give the same refusal, so ids leak nothing.
const QUOTE_NOT_FOUND = "That quote does not exist in this workspace.";
const STATEMENT_NOT_FOUND = "That statement does not exist in this workspace.";
const PROPOSAL_NOT_FOUND = "That proposal does not exist in this workspace.";
const COMMENT_NOT_FOUND = "That comment does not exist in this workspace.";
const COMMENT_DELETED = "That comment was deleted.";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where a changed comment shows, for the caller to revalidate and link to, and whom it notified. */
export type CommentPlace = {
  commentId: string;
  evidenceId: string | null;
  statement: { id: string; issueId: string; partyId: string } | null;
  proposal: { id: string; issueId: string; partyId: string } | null;
  notified: { userId: string; kind: "MENTION" | "REPLY" }[];
};

const cellOf = { select: { id: true, issueId: true, partyId: true } } as const;
const placeSelect = { evidenceId: true, statement: cellOf, proposal: cellOf } as const;

type Target = { evidenceId: string | null; statementId: string | null; proposalId: string | null };

async function findTarget(tx: Transaction, workspaceId: string, target: CommentTarget): Promise<Result<Target>> {
  if (target.evidenceId !== undefined) {
    const evidence = await tx.evidence.findFirst({
      where: { id: target.evidenceId, workspaceId },
      select: { id: true },
    });
    if (!evidence) return fail("not_found", QUOTE_NOT_FOUND);
    return ok({ evidenceId: evidence.id, statementId: null, proposalId: null });
  }
  if (target.proposalId !== undefined) {
    const proposal = await tx.stanceProposal.findFirst({
      where: { id: target.proposalId, workspaceId },
      select: { id: true },
    });
    if (!proposal) return fail("not_found", PROPOSAL_NOT_FOUND);
    return ok({ evidenceId: null, statementId: null, proposalId: proposal.id });
  }
  const statement = await tx.stanceStatement.findFirst({
    where: { id: target.statementId, workspaceId },
    select: { id: true },
  });
  if (!statement) return fail("not_found", STATEMENT_NOT_FOUND);
  return ok({ evidenceId: null, statementId: statement.id, proposalId: null });
}

async function findComment(tx: Transaction, workspaceId: string, commentId: string) {
  const comment = await tx.comment.findFirst({
    where: { id: commentId, workspaceId },
    select: {
      id: true,
      parentId: true,
      authorId: true,
      evidenceId: true,
      statementId: true,
      proposalId: true,
      deletedAt: true,
    },
  });
  return comment ? ok({ comment }) : fail("not_found", COMMENT_NOT_FOUND);
}

/**
 * The people a comment mentions: of the ids the composer sent, those of current members of the
 * workspace whose name stands as `@Name` in the body. Anything else is dropped without a word,
 * so a stale or forged id cannot reach someone outside the workspace.
 */
async function resolveMentions(
  tx: Transaction,
  workspaceId: string,
  body: string,
  requested: string[],
): Promise<string[]> {
  const ids = [...new Set(requested.filter((id) => UUID.test(id)))];
  if (ids.length === 0) return [];
  const members = await tx.membership.findMany({
    where: { workspaceId, userId: { in: ids } },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  return members
    .map((m) => m.user)
    .filter((user) => mentionsName(body, displayName(user)))
    .map((user) => user.id);
}

async function notify(
  tx: Transaction,
  kind: "MENTION" | "REPLY",
  userIds: string[],
  event: { workspaceId: string; commentId: string; actorId: string },
) {
  if (userIds.length > 0)
    await tx.notification.createMany({
      data: userIds.map((userId) => ({ userId, kind: NotificationKind[kind], ...event })),
    });
  return userIds.map((userId) => ({ userId, kind }));
}

/** Authors of the thread's earlier comments who are still members: they hear about a reply. */
async function earlierThreadAuthors(
  tx: Transaction,
  workspaceId: string,
  rootId: string,
  commentId: string,
): Promise<string[]> {
  const earlier = await tx.comment.findMany({
    where: {
      workspaceId,
      OR: [{ id: rootId }, { parentId: rootId }],
      NOT: { id: commentId },
      author: { memberships: { some: { workspaceId } } },
    },
    select: { authorId: true },
  });
  return [...new Set(earlier.map((c) => c.authorId))];
}

async function insertComment(
  tx: Transaction,
  workspace: AuthorizedWorkspace,
  target: Target & { parentId: string | null },
  input: { body: string; mentionUserIds: string[] },
): Promise<CommentPlace> {
  const comment = await tx.comment.create({
    data: { workspaceId: workspace.id, ...target, authorId: workspace.userId, body: input.body },
    select: { id: true, ...placeSelect },
  });
  const mentioned = await resolveMentions(tx, workspace.id, input.body, input.mentionUserIds);
  if (mentioned.length > 0)
    await tx.commentMention.createMany({ data: mentioned.map((userId) => ({ commentId: comment.id, userId })) });

  const event = { workspaceId: workspace.id, commentId: comment.id, actorId: workspace.userId };
  const mentionRecipients = mentioned.filter((id) => id !== workspace.userId);
  const notified = await notify(tx, "MENTION", mentionRecipients, event);
  if (target.parentId) {
    const authors = await earlierThreadAuthors(tx, workspace.id, target.parentId, comment.id);
    // One notification per person and comment: a mention already tells them.
    notified.push(
      ...(await notify(
        tx,
        "REPLY",
        authors.filter((id) => id !== workspace.userId && !mentionRecipients.includes(id)),
        event,
      )),
    );
  }

  // The body stays out of the append-only log, so deleting a comment really removes its text.
  await recordWorkspaceActivity(tx, workspace, {
    action: "comment.created",
    subjectType: "comment",
    subjectId: comment.id,
    after: {
      evidenceId: target.evidenceId,
      statementId: target.statementId,
      ...(target.proposalId ? { proposalId: target.proposalId } : {}),
      parentId: target.parentId,
      mentioned,
    },
  });
  return {
    commentId: comment.id,
    evidenceId: comment.evidenceId,
    statement: comment.statement,
    proposal: comment.proposal,
    notified,
  };
}

/** Starts a thread on a quote, a stance statement or a proposal of the workspace. */
export function postComment(
  workspace: AuthorizedWorkspace,
  input: { target: CommentTarget; body: string; mentionUserIds: string[] },
): Promise<Result<CommentPlace>> {
  return transactionUnlessRefused(db(), async (tx): Promise<Result<CommentPlace>> => {
    const target = await findTarget(tx, workspace.id, input.target);
    if (!target.ok) return target;
    const { evidenceId, statementId, proposalId } = target;
    return ok(await insertComment(tx, workspace, { evidenceId, statementId, proposalId, parentId: null }, input));
  });
}

/** Replies in a thread; a reply to a reply joins the same thread, under its first comment. */
export function replyToComment(
  workspace: AuthorizedWorkspace,
  input: { commentId: string; body: string; mentionUserIds: string[] },
): Promise<Result<CommentPlace>> {
  return transactionUnlessRefused(db(), async (tx): Promise<Result<CommentPlace>> => {
    const found = await findComment(tx, workspace.id, input.commentId);
    if (!found.ok) return found;
    const repliedTo = found.comment;
    const target = {
      evidenceId: repliedTo.evidenceId,
      statementId: repliedTo.statementId,
      proposalId: repliedTo.proposalId,
      parentId: repliedTo.parentId ?? repliedTo.id,
    };
    return ok(await insertComment(tx, workspace, target, input));
  });
}

async function findOwnLiveComment(
  tx: Transaction,
  workspace: AuthorizedWorkspace,
  commentId: string,
  verb: "edit" | "delete",
) {
  const found = await findComment(tx, workspace.id, commentId);
  if (!found.ok) return found;
  if (found.comment.authorId !== workspace.userId) return fail("forbidden", `You can only ${verb} your own comments.`);
  if (found.comment.deletedAt) return fail("comment_deleted", COMMENT_DELETED);
  return found;
}

async function placeOf(
  tx: Transaction,
  workspaceId: string,
  commentId: string,
  notified: CommentPlace["notified"] = [],
): Promise<CommentPlace> {
  const comment = await tx.comment.findFirstOrThrow({ where: { id: commentId, workspaceId }, select: placeSelect });
  return { commentId, ...comment, notified };
}

/** Changes the text of one's own comment; people newly mentioned in it are told. */
export function editComment(
  workspace: AuthorizedWorkspace,
  input: { commentId: string; body: string; mentionUserIds: string[] },
): Promise<Result<CommentPlace>> {
  return transactionUnlessRefused(db(), async (tx): Promise<Result<CommentPlace>> => {
    const own = await findOwnLiveComment(tx, workspace, input.commentId, "edit");
    if (!own.ok) return own;
    // Guarded again in the update, so a delete that commits first is not undone.
    const { count } = await tx.comment.updateMany({
      where: { id: input.commentId, workspaceId: workspace.id, authorId: workspace.userId, deletedAt: null },
      data: { body: input.body, editedAt: new Date() },
    });
    if (count === 0) return fail("comment_deleted", COMMENT_DELETED);

    const mentioned = await resolveMentions(tx, workspace.id, input.body, input.mentionUserIds);
    const before = (
      await tx.commentMention.findMany({ where: { commentId: input.commentId }, select: { userId: true } })
    ).map((m) => m.userId);
    const added = mentioned.filter((id) => !before.includes(id));
    await tx.commentMention.deleteMany({ where: { commentId: input.commentId, userId: { notIn: mentioned } } });
    if (added.length > 0)
      await tx.commentMention.createMany({ data: added.map((userId) => ({ commentId: input.commentId, userId })) });
    const notified = await notify(
      tx,
      "MENTION",
      added.filter((id) => id !== workspace.userId),
      { workspaceId: workspace.id, commentId: input.commentId, actorId: workspace.userId },
    );

    await recordWorkspaceActivity(tx, workspace, {
      action: "comment.edited",
      subjectType: "comment",
      subjectId: input.commentId,
      after: { mentioned },
    });
    return ok(await placeOf(tx, workspace.id, input.commentId, notified));
  });
}

/** Deletes one's own comment: the row stays, so replies keep their thread, but its text is gone. */
export function deleteComment(
  workspace: AuthorizedWorkspace,
  input: { commentId: string },
): Promise<Result<CommentPlace>> {
  return transactionUnlessRefused(db(), async (tx): Promise<Result<CommentPlace>> => {
    const own = await findOwnLiveComment(tx, workspace, input.commentId, "delete");
    if (!own.ok) return own;
    const { count } = await tx.comment.updateMany({
      where: { id: input.commentId, workspaceId: workspace.id, authorId: workspace.userId, deletedAt: null },
      data: { body: "", deletedAt: new Date() },
    });
    if (count === 0) return fail("comment_deleted", COMMENT_DELETED);
    await tx.commentMention.deleteMany({ where: { commentId: input.commentId } });
    await recordWorkspaceActivity(tx, workspace, {
      action: "comment.deleted",
      subjectType: "comment",
      subjectId: input.commentId,
    });
    return ok(await placeOf(tx, workspace.id, input.commentId));
  });
}

async function setThreadResolved(
  workspace: AuthorizedWorkspace,
  commentId: string,
  resolved: boolean,
): Promise<Result<CommentPlace & { changed: boolean }>> {
  return transactionUnlessRefused(db(), async (tx): Promise<Result<CommentPlace & { changed: boolean }>> => {
    const found = await findComment(tx, workspace.id, commentId);
    if (!found.ok) return found;
    const rootId = found.comment.parentId ?? found.comment.id;
    const { count } = await tx.comment.updateMany({
      where: { id: rootId, workspaceId: workspace.id, resolvedAt: resolved ? null : { not: null } },
      data: resolved
        ? { resolvedAt: new Date(), resolvedById: workspace.userId }
        : { resolvedAt: null, resolvedById: null },
    });
    // Resolving a resolved thread (two people at once) changes nothing and logs nothing.
    if (count > 0) {
      await recordWorkspaceActivity(tx, workspace, {
        action: resolved ? "comment.resolved" : "comment.reopened",
        subjectType: "comment",
        subjectId: rootId,
      });
    }
    return ok({ ...(await placeOf(tx, workspace.id, rootId)), changed: count > 0 });
  });
}

export function resolveThread(workspace: AuthorizedWorkspace, input: { commentId: string }) {
  return setThreadResolved(workspace, input.commentId, true);
}

export function reopenThread(workspace: AuthorizedWorkspace, input: { commentId: string }) {
  return setThreadResolved(workspace, input.commentId, false);
}
