import "server-only";
import { recordActivity } from "@/lib/activity/record";
import type { TokenScope } from "@/lib/generated/prisma/enums";
import { newApiToken } from "@/lib/platform/auth/api-tokens";
import { hashPassword, verifyPassword } from "@/lib/platform/auth/password";
import { db } from "@/lib/platform/db/client";
import { transactionUnlessRefused } from "@/lib/platform/db/transaction";
import { fail, ok, type Result } from "@/lib/platform/errors";

/** Bumping the session version ends every session of the user at its next request. */
export async function endAllSessions(userId: string) {
  await db().user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

export async function changePassword(userId: string, currentPassword: string, newPassword: string): Promise<Result> {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
    return fail("wrong_password", "Your current password is not correct.");
  }
  await db().user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(newPassword), sessionVersion: { increment: 1 } },
  });
  return ok();
}

export async function signUp(input: { name: string; email: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  const existing = await db().user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) return fail("email_taken", "An account with this email already exists: sign in instead.");
  return ok(
    await db().user.create({ data: { email: input.email, name: input.name, passwordHash }, select: { id: true } }),
  );
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A new personal access token for workspaces the user is a member of. The secret is returned
 * once and never stored; each workspace's activity log records that a token may now reach it.
 */
export async function createApiToken(
  userId: string,
  input: { name: string; scope: TokenScope; workspaceSlugs: string[]; expiresInDays: number },
) {
  const memberships = await db().membership.findMany({
    where: { userId, workspace: { slug: { in: input.workspaceSlugs } } },
    select: { workspaceId: true },
  });
  // Unknown workspaces and other people's look alike.
  if (memberships.length !== input.workspaceSlugs.length)
    return fail("invalid_workspace", "A token can only reach workspaces you are a member of.");
  const { secret, hash } = newApiToken();
  const expiresAt = new Date(Date.now() + input.expiresInDays * DAY_MS);
  const token = await db().$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        userId,
        name: input.name,
        tokenHash: hash,
        scope: input.scope,
        expiresAt,
        workspaces: { create: memberships.map((m) => ({ workspaceId: m.workspaceId })) },
      },
      select: { id: true },
    });
    for (const { workspaceId } of memberships)
      await recordActivity(tx, {
        workspaceId,
        actorId: userId,
        action: "api_token.created",
        subjectType: "api_token",
        subjectId: created.id,
        after: { name: input.name, scope: input.scope, expiresAt: expiresAt.toISOString() },
      });
    return created;
  });
  return ok({ id: token.id, secret, expiresAt: expiresAt.toISOString() });
}

const TOKEN_NOT_FOUND = "That token does not exist or was already revoked.";

/** Revokes one of the user's own tokens; someone else's looks like one that does not exist. */
export async function revokeApiToken(userId: string, tokenId: string): Promise<Result> {
  return transactionUnlessRefused(db(), async (tx): Promise<Result> => {
    const token = await tx.apiToken.findFirst({
      where: { id: tokenId, userId, revokedAt: null },
      select: { name: true, workspaces: { select: { workspaceId: true } } },
    });
    if (!token) return fail("not_found", TOKEN_NOT_FOUND);
    const { count } = await tx.apiToken.updateMany({
      where: { id: tokenId, userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) return fail("not_found", TOKEN_NOT_FOUND);
    for (const { workspaceId } of token.workspaces)
      await recordActivity(tx, {
        workspaceId,
        actorId: userId,
        action: "api_token.revoked",
        subjectType: "api_token",
        subjectId: tokenId,
        before: { name: token.name },
      });
    return ok();
  });
}
