import "server-only";
import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import { recordActivity, recordWorkspaceActivity } from "@/lib/activity/record";
import type { Prisma } from "@/lib/generated/prisma/client";
import { Role } from "@/lib/generated/prisma/enums";
import { mailConfigured, sendInvitationCodeMail } from "@/lib/members/invitation-mail";
import { hashPassword } from "@/lib/platform/auth/password";
import { hashLinkToken, newLinkToken } from "@/lib/platform/auth/tokens";
import { db } from "@/lib/platform/db/client";
import { transactionUnlessRefused } from "@/lib/platform/db/transaction";
import { type Failure, fail, ok, type Result } from "@/lib/platform/errors";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

const DAY_MS = 24 * 60 * 60 * 1000;

export async function createInvitation(
  workspace: AuthorizedWorkspace,
  input: { role: Role; email?: string; expiresInDays: number },
) {
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
    await recordWorkspaceActivity(tx, workspace, {
      action: "invitation.created",
      subjectType: "invitation",
      subjectId: created.id,
      after: { role: created.role, email: created.email },
    });
    return created;
  });
  return { ...invitation, path: `/invite/${token}` };
}

export async function revokeInvitation(workspace: AuthorizedWorkspace, invitationId: string): Promise<Result> {
  return db().$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitationId, workspaceId: workspace.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) return fail("not_found", "That invitation does not exist or can no longer be revoked.");
    await recordWorkspaceActivity(tx, workspace, {
      action: "invitation.revoked",
      subjectType: "invitation",
      subjectId: invitationId,
    });
    return ok();
  });
}

const ROLE_RANK: Record<Role, number> = { OWNER: 0, REVIEWER: 1, EDITOR: 2, COMMENTER: 3, VIEWER: 4 };

/**
 * The one answer for an unknown, used, expired or revoked link and for an email that already has
 * an account: a registration with a guessed token must not tell which emails exist.
 */
export const INVITATION_UNUSABLE_MESSAGE =
  "This invitation cannot be used with these details: the link may have expired, been used or been revoked, or the email may already have an account (then sign in first and open the link again). If in doubt, ask a workspace owner for a new link.";

function unusable(): Failure<"invitation_unusable"> {
  return fail("invitation_unusable", INVITATION_UNUSABLE_MESSAGE);
}

const EMAIL_CODE_TTL_MS = 15 * 60 * 1000;
const EMAIL_CODE_RESEND_MS = 60 * 1000;
/** Wrong codes an invitation tolerates in all, over every code mailed for it. */
export const EMAIL_CODE_MAX_ATTEMPTS = 10;

function hashEmailCode(invitationId: string, code: string): string {
  return createHash("sha256").update(`${invitationId}:${code}`).digest("hex");
}

async function findOpenInvitation(token: string, now = new Date()) {
  const invitation = await db().invitation.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: {
      id: true,
      email: true,
      acceptedAt: true,
      revokedAt: true,
      expiresAt: true,
      emailCodeExpiresAt: true,
      workspace: { select: { title: true } },
    },
  });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= now) return null;
  return invitation;
}

/**
 * Mails a fresh one-time code to the address an open invitation is bound to (when mail is
 * configured). Says nothing about the link either way; at most one mail a minute per invitation.
 */
export async function requestInvitationCode(token: string, now = new Date()): Promise<void> {
  const invitation = await findOpenInvitation(token, now);
  if (!invitation?.email || !mailConfigured()) return;
  const lastSent = invitation.emailCodeExpiresAt ? invitation.emailCodeExpiresAt.getTime() - EMAIL_CODE_TTL_MS : 0;
  if (now.getTime() - lastSent < EMAIL_CODE_RESEND_MS) return;
  const code = randomInt(0, 1_000_000).toString().padStart(6, "0");
  await db().invitation.update({
    where: { id: invitation.id },
    data: {
      emailCodeHash: hashEmailCode(invitation.id, code),
      emailCodeExpiresAt: new Date(now.getTime() + EMAIL_CODE_TTL_MS),
    },
  });
  await sendInvitationCodeMail({ to: invitation.email, code, workspaceTitle: invitation.workspace.title });
}

/** Checks a mailed code; every check counts against the invitation's allowance, right or wrong. */
async function emailCodeMatches(invitationId: string, code: string | undefined, now: Date): Promise<boolean> {
  if (!code) return false;
  const { count } = await db().invitation.updateMany({
    where: { id: invitationId, emailCodeAttempts: { lt: EMAIL_CODE_MAX_ATTEMPTS } },
    data: { emailCodeAttempts: { increment: 1 } },
  });
  if (count === 0) return false;
  const stored = await db().invitation.findUniqueOrThrow({
    where: { id: invitationId },
    select: { emailCodeHash: true, emailCodeExpiresAt: true },
  });
  if (!stored.emailCodeHash || !stored.emailCodeExpiresAt || stored.emailCodeExpiresAt <= now) return false;
  return timingSafeEqual(Buffer.from(stored.emailCodeHash), Buffer.from(hashEmailCode(invitationId, code)));
}

/**
 * An invitation bound to an email takes only someone who proves the address: a code mailed to it,
 * or an address already verified (an earlier code, or the identity provider's verified email).
 * Without mail, the binding rests on the owner's word, as the members and invitation pages say.
 * Tells whether the address is now proven.
 */
async function proveInvitationEmail(
  invitation: { id: string; email: string | null },
  user: { email: string; emailVerified: Date | null },
  code: string | undefined,
  now: Date,
): Promise<Result<{ proven: boolean }>> {
  if (!invitation.email) return ok({ proven: false });
  if (invitation.email !== user.email) {
    return fail(
      "invitation_other_email",
      `This invitation is for ${invitation.email}. Sign in with that address, or ask for a new invitation.`,
    );
  }
  if (user.emailVerified) return ok({ proven: true });
  if (!mailConfigured()) return ok({ proven: false });
  if (!code)
    return fail(
      "invitation_code_required",
      `This invitation is for ${invitation.email}: send yourself a code to that address and type it in.`,
    );
  if (!(await emailCodeMatches(invitation.id, code, now)))
    return fail(
      "invitation_code_wrong",
      "That code is not right, has expired, or too many codes were tried. Send yourself a new code and try again.",
    );
  return ok({ proven: true });
}

/**
 * Uses up an invitation for a user, compare-and-set on its state so a link works exactly once.
 * An existing member keeps the higher of their role and the invited one.
 */
async function consumeInvitation(
  tx: Prisma.TransactionClient,
  invitationId: string,
  user: { id: string },
): Promise<Result<{ workspaceSlug: string }>> {
  const now = new Date();
  const { count } = await tx.invitation.updateMany({
    where: { id: invitationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now, acceptedById: user.id },
  });
  if (count === 0) return unusable();
  const invitation = await tx.invitation.findUniqueOrThrow({
    where: { id: invitationId },
    select: { role: true, workspaceId: true, workspace: { select: { slug: true } } },
  });
  const existing = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId: user.id } },
    select: { role: true },
  });
  if (!existing) {
    await tx.membership.create({
      data: { workspaceId: invitation.workspaceId, userId: user.id, role: invitation.role },
    });
  } else if (ROLE_RANK[invitation.role] < ROLE_RANK[existing.role]) {
    await tx.membership.update({
      where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId: user.id } },
      data: { role: invitation.role },
    });
  }
  await recordActivity(tx, {
    workspaceId: invitation.workspaceId,
    actorId: user.id,
    action: "invitation.accepted",
    subjectType: "membership",
    subjectId: user.id,
    before: existing ? { role: existing.role } : undefined,
    after: { role: invitation.role },
  });
  return ok({ workspaceSlug: invitation.workspace.slug });
}

export async function acceptInvitation(
  userId: string,
  token: string,
  code?: string,
): Promise<Result<{ workspaceSlug: string }>> {
  const now = new Date();
  const user = await db().user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, emailVerified: true },
  });
  const invitation = await findOpenInvitation(token, now);
  if (!invitation) return unusable();
  const proof = await proveInvitationEmail(invitation, user, code, now);
  if (!proof.ok) return proof;
  return transactionUnlessRefused(db(), async (tx) => {
    if (proof.proven && !user.emailVerified)
      await tx.user.update({ where: { id: user.id }, data: { emailVerified: now } });
    return consumeInvitation(tx, invitation.id, user);
  });
}

/**
 * Creates an account through an invitation. The password is hashed first and the token checked
 * before the email, so a guessed token answers the same, in the same time, for every email.
 */
export async function registerWithInvitation(input: {
  token: string;
  name: string;
  email: string;
  password: string;
  code?: string;
}): Promise<Result<{ workspaceSlug: string }>> {
  const now = new Date();
  const passwordHash = await hashPassword(input.password);
  const invitation = await findOpenInvitation(input.token, now);
  if (!invitation) return unusable();
  if (invitation.email && invitation.email !== input.email) {
    return fail(
      "invitation_other_email",
      `This invitation is for ${invitation.email}. Register with that address, or ask for a new invitation.`,
    );
  }
  const taken = await db().user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (taken) return unusable();
  const proof = await proveInvitationEmail(invitation, { email: input.email, emailVerified: null }, input.code, now);
  if (!proof.ok) return proof;
  try {
    return await transactionUnlessRefused(db(), async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash, emailVerified: proof.proven ? now : null },
        select: { id: true },
      });
      return consumeInvitation(tx, invitation.id, user);
    });
  } catch (error) {
    // Someone registered the same email a moment ago.
    if ((error as { code?: unknown }).code === "P2002") return unusable();
    throw error;
  }
}

/** Locks the workspace's memberships, so two owners demoting each other cannot leave none. */
async function lockMemberships(tx: Prisma.TransactionClient, workspaceId: string) {
  await tx.$queryRaw`SELECT 1 FROM memberships WHERE "workspaceId" = ${workspaceId}::uuid FOR UPDATE`;
}

/** A member's role, read after locking the workspace's memberships (null: not a member). */
async function findLockedMember(tx: Prisma.TransactionClient, workspaceId: string, userId: string) {
  await lockMemberships(tx, workspaceId);
  return tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { role: true },
  });
}

/** Whether a member with `role` is the workspace's only owner, whom it cannot lose. */
async function isLastOwner(tx: Prisma.TransactionClient, workspaceId: string, role: Role) {
  return role === Role.OWNER && (await tx.membership.count({ where: { workspaceId, role: Role.OWNER } })) === 1;
}

const NOT_A_MEMBER = "That person is not a member of this workspace.";
const LAST_OWNER = "A workspace needs at least one owner: make someone else an owner first.";

export async function changeMemberRole(workspace: AuthorizedWorkspace, userId: string, role: Role): Promise<Result> {
  return db().$transaction(async (tx): Promise<Result> => {
    const member = await findLockedMember(tx, workspace.id, userId);
    if (!member) return fail("not_found", NOT_A_MEMBER);
    if (member.role === role) return ok();
    if (await isLastOwner(tx, workspace.id, member.role)) return fail("last_owner", LAST_OWNER);
    await tx.membership.update({
      where: { workspaceId_userId: { workspaceId: workspace.id, userId } },
      data: { role },
    });
    await recordWorkspaceActivity(tx, workspace, {
      action: "member.role_changed",
      subjectType: "membership",
      subjectId: userId,
      before: { role: member.role },
      after: { role },
    });
    return ok();
  });
}

export async function removeMember(workspace: AuthorizedWorkspace, userId: string): Promise<Result> {
  return db().$transaction(async (tx): Promise<Result> => {
    const member = await findLockedMember(tx, workspace.id, userId);
    if (!member) return fail("not_found", NOT_A_MEMBER);
    if (await isLastOwner(tx, workspace.id, member.role)) return fail("last_owner", LAST_OWNER);
    await tx.membership.delete({ where: { workspaceId_userId: { workspaceId: workspace.id, userId } } });
    // Their tokens lose this workspace for good: being invited back later does not revive them.
    await tx.apiTokenWorkspace.deleteMany({ where: { workspaceId: workspace.id, token: { userId } } });
    await recordWorkspaceActivity(tx, workspace, {
      action: "member.removed",
      subjectType: "membership",
      subjectId: userId,
      before: { role: member.role },
    });
    return ok();
  });
}
