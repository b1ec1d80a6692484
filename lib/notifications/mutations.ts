import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NotificationKind } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/platform/db/client";
import { fail, ok, type Result } from "@/lib/platform/errors";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

type Transaction = Prisma.TransactionClient;
type Cell = { issueId: string; partyId: string };

/**
 * Tells the people following a cell that it changed. Called inside the transaction that writes
 * the statement, so a notification never announces a change that was rolled back. Followers who
 * are no longer members keep their follow row but hear nothing.
 */
export async function notifyCellFollowers(
  tx: Transaction,
  change: { workspaceId: string; issueId: string; partyId: string; statementId: string; actorId: string | null },
): Promise<void> {
  const followers = await tx.cellFollow.findMany({
    where: {
      workspaceId: change.workspaceId,
      issueId: change.issueId,
      partyId: change.partyId,
      ...(change.actorId ? { userId: { not: change.actorId } } : {}),
      user: { memberships: { some: { workspaceId: change.workspaceId } } },
    },
    select: { userId: true },
  });
  if (followers.length === 0) return;
  await tx.notification.createMany({
    data: followers.map(({ userId }) => ({
      userId,
      workspaceId: change.workspaceId,
      kind: NotificationKind.CELL_CHANGED,
      statementId: change.statementId,
      actorId: change.actorId,
    })),
  });
}

async function cellExists(workspace: AuthorizedWorkspace, cell: Cell): Promise<boolean> {
  const [issue, party] = await Promise.all([
    db().issue.findFirst({ where: { id: cell.issueId, workspaceId: workspace.id }, select: { id: true } }),
    db().party.findFirst({ where: { id: cell.partyId, workspaceId: workspace.id }, select: { id: true } }),
  ]);
  return Boolean(issue && party);
}

const NO_SUCH_CELL = "That issue or party does not exist in this workspace.";

export async function followCell(workspace: AuthorizedWorkspace, cell: Cell): Promise<Result> {
  if (!(await cellExists(workspace, cell))) return fail("not_found", NO_SUCH_CELL);
  await db().cellFollow.createMany({
    data: [{ userId: workspace.userId, workspaceId: workspace.id, ...cell }],
    skipDuplicates: true,
  });
  return ok();
}

export async function unfollowCell(workspace: AuthorizedWorkspace, cell: Cell): Promise<Result> {
  if (!(await cellExists(workspace, cell))) return fail("not_found", NO_SUCH_CELL);
  await db().cellFollow.deleteMany({ where: { userId: workspace.userId, workspaceId: workspace.id, ...cell } });
  return ok();
}

/** Someone else's notification id changes nothing, the same as an unknown one. */
export async function markNotificationRead(userId: string, notificationId: string) {
  await db().notification.updateMany({
    where: { id: notificationId, userId, readAt: null },
    data: { readAt: new Date() },
  });
}

export async function markAllNotificationsRead(userId: string) {
  const { count } = await db().notification.updateMany({
    where: { userId, readAt: null },
    data: { readAt: new Date() },
  });
  return count;
}
