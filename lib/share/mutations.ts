import "server-only";
import { recordWorkspaceActivity } from "@/lib/activity/record";
import { fromCalendarDate } from "@/lib/matrix/dates";
import { hashLinkToken, newLinkToken } from "@/lib/platform/auth/tokens";
import { db } from "@/lib/platform/db/client";
import { fail, ok, type Result } from "@/lib/platform/errors";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

const DAY_MS = 24 * 60 * 60 * 1000;

export async function createShareLink(
  workspace: AuthorizedWorkspace,
  input: { label: string; asOf: string | null; expiresInDays: number },
) {
  const token = newLinkToken();
  const link = await db().$transaction(async (tx) => {
    const created = await tx.shareLink.create({
      data: {
        workspaceId: workspace.id,
        tokenHash: hashLinkToken(token),
        label: input.label,
        asOf: input.asOf ? fromCalendarDate(input.asOf) : null,
        expiresAt: new Date(Date.now() + input.expiresInDays * DAY_MS),
        createdById: workspace.userId || null,
      },
      select: { id: true, expiresAt: true },
    });
    await recordWorkspaceActivity(tx, workspace, {
      action: "share_link.created",
      subjectType: "share_link",
      subjectId: created.id,
      after: { label: input.label, asOf: input.asOf, expiresAt: created.expiresAt.toISOString() },
    });
    return created;
  });
  return { id: link.id, path: `/s/${token}`, expiresAt: link.expiresAt.toISOString() };
}

export async function revokeShareLink(workspace: AuthorizedWorkspace, shareLinkId: string): Promise<Result> {
  return db().$transaction(async (tx) => {
    const { count } = await tx.shareLink.updateMany({
      where: { id: shareLinkId, workspaceId: workspace.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) return fail("not_found", "That share link does not exist or was already revoked.");
    await recordWorkspaceActivity(tx, workspace, {
      action: "share_link.revoked",
      subjectType: "share_link",
      subjectId: shareLinkId,
    });
    return ok();
  });
}
