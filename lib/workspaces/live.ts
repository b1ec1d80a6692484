import "server-only";
import type { Role } from "@/lib/generated/prisma/enums";
import type { SessionClaims } from "@/lib/platform/auth/revoke";
import { db } from "@/lib/platform/db/client";
import { type GrantCheck, LiveHub, type StreamGrant } from "@/lib/platform/live/hub";
import { displayName } from "@/lib/users/display-name";
import { type AuthorizedWorkspace, roleAllows } from "@/lib/workspaces/access";

// Who may keep a workspace's live stream open (lib/platform/live/hub.ts carries the streams): a
// member whose session is still good and whose role still reads the workspace, asked again at
// every heartbeat; and the server's one hub, which asks these rules.

export function streamGrant(workspace: AuthorizedWorkspace, session: SessionClaims): StreamGrant {
  return {
    key: `${session.sessionId}:${workspace.id}`,
    workspaceId: workspace.id,
    userId: workspace.userId,
    sessionId: session.sessionId,
    sessionVersion: session.sessionVersion,
    expiresAt: session.expiresAt,
  };
}

/** The member's display name while they still belong to the workspace, else an empty string. */
export async function memberName(workspace: AuthorizedWorkspace): Promise<string> {
  const membership = await db().membership.findUnique({
    where: { workspaceId_userId: { workspaceId: workspace.id, userId: workspace.userId } },
    select: { user: { select: { name: true, email: true } } },
  });
  return membership ? displayName(membership.user) : "";
}

/**
 * Re-checks every open stream's grant in one query: the session is not revoked (sign-out), its
 * version is current (sign out everywhere, password change), the account is not disabled, and
 * the membership still allows reading the workspace.
 */
export async function checkStreamGrants(grants: StreamGrant[]): Promise<Map<string, GrantCheck>> {
  const keys = [...new Map(grants.map((g) => [g.key, g])).values()].map((g) => ({
    key: g.key,
    uid: g.userId,
    wid: g.workspaceId,
    sid: g.sessionId,
    sv: g.sessionVersion,
  }));
  const result = new Map<string, GrantCheck>();
  if (keys.length === 0) return result;
  const rows = await db().$queryRaw<{ key: string; valid: boolean; role: Role | null; name: string | null }[]>`
    SELECT k.key,
           (u.id IS NOT NULL AND u."disabledAt" IS NULL AND u."sessionVersion" = k.sv AND r."sessionId" IS NULL) AS valid,
           m.role::text AS role,
           COALESCE(NULLIF(u.name, ''), u.email) AS name
    FROM jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) AS k(key text, uid uuid, wid uuid, sid text, sv int)
    LEFT JOIN users u ON u.id = k.uid
    LEFT JOIN memberships m ON m."userId" = k.uid AND m."workspaceId" = k.wid
    LEFT JOIN revoked_sessions r ON r."sessionId" = k.sid`;
  for (const row of rows) {
    if (!row.valid) result.set(row.key, { ok: false, reason: "session" });
    else if (!row.role || !roleAllows(row.role, "workspace:read")) result.set(row.key, { ok: false, reason: "access" });
    else result.set(row.key, { ok: true, name: row.name ?? "" });
  }
  return result;
}

const globalForHub = globalThis as unknown as { parleyLiveHub?: LiveHub };

export function liveHub(): LiveHub {
  globalForHub.parleyLiveHub ??= new LiveHub({ checkGrants: checkStreamGrants });
  return globalForHub.parleyLiveHub;
}

/** Streams open on this server, without starting a hub where none runs (for /api/metrics). */
export function liveStreamCount(): number {
  return globalForHub.parleyLiveHub?.streamCount ?? 0;
}
