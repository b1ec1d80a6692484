import "server-only";
import { hashLinkToken } from "@/lib/platform/auth/tokens";
import { db } from "@/lib/platform/db/client";
import { type AuthorizedWorkspace, roleAllows } from "@/lib/workspaces/access";

export async function listMembers(workspace: AuthorizedWorkspace) {
  const members = await db().membership.findMany({
    where: { workspaceId: workspace.id },
    orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  return members.map((m) => ({ ...m.user, role: m.role, joinedAt: m.createdAt }));
}

/** Open invitations; only owners see them (a link is as good as a key). */
export async function listPendingInvitations(workspace: AuthorizedWorkspace) {
  if (!roleAllows(workspace.role, "members:manage")) return [];
  return db().invitation.findMany({
    where: { workspaceId: workspace.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      createdAt: true,
      createdBy: { select: { name: true, email: true } },
    },
  });
}

/** What an invitation link offers, for the page that shows it; null if it cannot be used. */
export async function findUsableInvitation(token: string) {
  const invitation = await db().invitation.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: {
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      workspace: { select: { slug: true, title: true } },
    },
  });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= new Date()) return null;
  return {
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt,
    workspace: invitation.workspace,
  };
}
