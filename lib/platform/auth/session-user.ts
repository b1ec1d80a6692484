import "server-only";
import { db, dbPool } from "@/lib/platform/db/client";
import { env } from "@/lib/platform/env";

export async function findSessionUser(userId: string) {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, sessionVersion: true, disabledAt: true },
  });
  return user && !user.disabledAt ? user : null;
}

/**
 * In one round trip, both by primary key: the enabled user's session version, and
 * whether this session was signed out. Every signed-in request pays for it, so it goes to the
 * pool directly (lib/platform/db/client.ts, dbPool).
 */
export async function findSessionStanding(
  userId: string,
  sessionId: string,
): Promise<{ sessionVersion: number; revoked: boolean } | null> {
  const { rows } = await dbPool().query<{ sessionVersion: number; revoked: boolean }>(
    `SELECT u."sessionVersion",
            EXISTS (SELECT 1 FROM revoked_sessions r WHERE r."sessionId" = $2) AS revoked
     FROM users u
     WHERE u.id = $1::uuid AND u."disabledAt" IS NULL`,
    [userId, sessionId],
  );
  return rows[0] ?? null;
}

/** Ends one session for good (sign-out), whatever requests of it are still in flight. */
export async function revokeSession(sessionId: string, expiresAt: Date): Promise<void> {
  await db().revokedSession.upsert({ where: { sessionId }, create: { sessionId, expiresAt }, update: {} });
  // Entries are only needed until the session would have expired anyway.
  await db().revokedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });
}

export async function canSignUpWithEmail(email: string): Promise<boolean> {
  if (env().PARLEY_OPEN_SIGNUP) return true;
  const existing = await db().user.findUnique({ where: { email: email.toLowerCase() }, select: { disabledAt: true } });
  return existing !== null && existing.disabledAt === null;
}
