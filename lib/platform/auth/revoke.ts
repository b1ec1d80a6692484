import "server-only";
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from "@/lib/platform/auth/config";
import { currentSession } from "@/lib/platform/auth/session-check";
import { revokeSession } from "@/lib/platform/auth/session-user";

/** Refuses the current session's token from now on, on every server. */
export async function revokeCurrentSession(): Promise<void> {
  const session = await currentSession();
  if (!session) return;
  await revokeSession(session.sessionId, new Date((session.authAt + SESSION_ABSOLUTE_SECONDS) * 1000));
}

export type SessionClaims = { sessionId: string; sessionVersion: number; expiresAt: number };

/**
 * The current session's id and version, and when it ends unless renewed (idle or absolute limit,
 * in ms): what a long-lived response (the event stream) checks again while it stays open.
 */
export async function currentSessionClaims(): Promise<SessionClaims | null> {
  const session = await currentSession();
  if (!session) return null;
  const expiresAt = Math.min(
    (session.authAt + SESSION_ABSOLUTE_SECONDS) * 1000,
    Date.now() + SESSION_IDLE_SECONDS * 1000,
  );
  return { sessionId: session.sessionId, sessionVersion: session.sessionVersion, expiresAt };
}
