import "server-only";
import { db } from "@/lib/db/client";
import { roleAllows, type AuthorizedWorkspace } from "@/lib/workspaces/access";
import { toCalendarDate } from "@/lib/matrix/dates";

export async function listShareLinks(workspace: AuthorizedWorkspace) {
  if (!roleAllows(workspace.role, "members:manage")) return [];
  const links = await db().shareLink.findMany({
    where: { workspaceId: workspace.id, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, label: true, asOf: true, expiresAt: true, createdAt: true },
  });
  return links.map((l) => ({ ...l, asOf: l.asOf ? toCalendarDate(l.asOf) : null }));
}
