import "server-only";
import { auth } from "@/lib/auth";
import { SESSION_ABSOLUTE_SECONDS } from "@/lib/auth/config";
import { revokeSession } from "@/lib/auth/session-user";

/** Refuses the current session's token from now on, on every server. */
export async function revokeCurrentSession(): Promise<void> {
  const session = (await auth()) as { sessionId?: unknown; authAt?: unknown } | null;
  if (typeof session?.sessionId !== "string") return;
  const issuedAt = typeof session.authAt === "number" ? session.authAt : Math.floor(Date.now() / 1000);
  await revokeSession(session.sessionId, new Date((issuedAt + SESSION_ABSOLUTE_SECONDS) * 1000));
}
