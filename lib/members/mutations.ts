import "server-only";
import { db } from "@/lib/db/client";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";
import { ActionError } from "@/lib/safe-action";
import { recordActivity } from "@/lib/activity/record";
import { hashLinkToken, newLinkToken } from "@/lib/auth/tokens";
import { hashPassword } from "@/lib/auth/password";
import { Role } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";

const DAY_MS = 24 * 60 * 60 * 1000;

export async function createInvitation(workspace: AuthorizedWorkspace, input: { role: Role; email?: string; expiresInDays: number }) {
  const token = newLinkToken();
  const invitation = await db().$transaction(async (tx) => {
    const created = await tx.invitation.create({
      data: {
        workspaceId: workspace.id,
        tokenHash: hashLinkToken(token),
        email: input.email || null,
        role: input.role,
        expiresAt: new Date(Date.now() + input.expiresInDays * DAY_MS),
        createdById: workspace.userId,
      },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
    await recordActivity(tx, { workspaceId: workspace.id, actorId: workspace.userId, action: "invitation.created", subjectType: "invitation", subjectId: created.id, after: { role: created.role, email: created.email } });
    return created;
  });
  return { ...invitation, path: `/invite/${token}` };
}

export async function revokeInvitation(workspace: AuthorizedWorkspace, invitationId: string) {
  await db().$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitationId, workspaceId: workspace.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new ActionError("not_found", "That invitation does not exist or can no longer be revoked.");
    await recordActivity(tx, { workspaceId: workspace.id, actorId: workspace.userId, action: "invitation.revoked", subjectType: "invitation", subjectId: invitationId });
  });
}

const ROLE_RANK: Record<Role, number> = { OWNER: 0, EDITOR: 1, COMMENTER: 2, VIEWER: 3 };

/**
 * Uses up an invitation for a user, compare-and-set on its state so a link works exactly once.
 * An existing member keeps the higher of their role and the invited one.
 */
async function consumeInvitation(tx: Prisma.TransactionClient, token: string, user: { id: string; email: string }) {
  const now = new Date();
  const invitation = await tx.invitation.findUnique({ where: { tokenHash: hashLinkToken(token) }, select: { id: true, email: true, role: true, workspaceId: true, workspace: { select: { slug: true } } } });
  const unusable = new ActionError("invitation_unusable", "This invitation link has expired, was already used, or was revoked. Ask a workspace owner for a new one.");
  if (!invitation) throw unusable;
  if (invitation.email && invitation.email !== user.email) {
    throw new ActionError("invitation_other_email", `This invitation is for ${invitation.email}. Sign in with that address, or ask for a new invitation.`);
  }
  const { count } = await tx.invitation.updateMany({
    where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now, acceptedById: user.id },
  });
  if (count === 0) throw unusable;
  const existing = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId: user.id } }, select: { role: true } });
  if (!existing) {
    await tx.membership.create({ data: { workspaceId: invitation.workspaceId, userId: user.id, role: invitation.role } });
  } else if (ROLE_RANK[invitation.role] < ROLE_RANK[existing.role]) {
    await tx.membership.update({ where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId: user.id } }, data: { role: invitation.role } });
  }
  await recordActivity(tx, { workspaceId: invitation.workspaceId, actorId: user.id, action: "invitation.accepted", subjectType: "membership", subjectId: user.id, before: existing ? { role: existing.role } : undefined, after: { role: invitation.role } });
  return { workspaceSlug: invitation.workspace.slug };
}

export async function acceptInvitation(userId: string, token: string) {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true } });
  return db().$transaction((tx) => consumeInvitation(tx, token, user));
}

export async function registerWithInvitation(input: { token: string; name: string; email: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    const taken = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (taken) throw new ActionError("email_taken", "An account with this email already exists: sign in first, then open the invitation link again.");
    const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash }, select: { id: true, email: true } });
    return consumeInvitation(tx, input.token, user);
  });
}

/** Locks the workspace's memberships, so two owners demoting each other cannot leave none. */
async function lockMemberships(tx: Prisma.TransactionClient, workspaceId: string) {
  await tx.$queryRaw`SELECT 1 FROM memberships WHERE "workspaceId" = ${workspaceId}::uuid FOR UPDATE`;
}

export async function changeMemberRole(workspace: AuthorizedWorkspace, userId: string, role: Role) {
  await db().$transaction(async (tx) => {
    await lockMemberships(tx, workspace.id);
    const member = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: workspace.id, userId } }, select: { role: true } });
    if (!member) throw new ActionError("not_found", "That person is not a member of this workspace.");
    if (member.role === role) return;
    if (member.role === Role.OWNER && (await tx.membership.count({ where: { workspaceId: workspace.id, role: Role.OWNER } })) === 1) {
      throw new ActionError("last_owner", "A workspace needs at least one owner: make someone else an owner first.");
    }
    await tx.membership.update({ where: { workspaceId_userId: { workspaceId: workspace.id, userId } }, data: { role } });
    await recordActivity(tx, { workspaceId: workspace.id, actorId: workspace.userId, action: "member.role_changed", subjectType: "membership", subjectId: userId, before: { role: member.role }, after: { role } });
  });
}

export async function removeMember(workspace: AuthorizedWorkspace, userId: string) {
  await db().$transaction(async (tx) => {
    await lockMemberships(tx, workspace.id);
    const member = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: workspace.id, userId } }, select: { role: true } });
    if (!member) throw new ActionError("not_found", "That person is not a member of this workspace.");
    if (member.role === Role.OWNER && (await tx.membership.count({ where: { workspaceId: workspace.id, role: Role.OWNER } })) === 1) {
      throw new ActionError("last_owner", "A workspace needs at least one owner: make someone else an owner first.");
    }
    await tx.membership.delete({ where: { workspaceId_userId: { workspaceId: workspace.id, userId } } });
    await recordActivity(tx, { workspaceId: workspace.id, actorId: workspace.userId, action: "member.removed", subjectType: "membership", subjectId: userId, before: { role: member.role } });
  });
}
