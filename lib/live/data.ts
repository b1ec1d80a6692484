import "server-only";
import { db } from "@/lib/db/client";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

/** The member's display name while they still belong to the workspace, else an empty string. */
export async function stillMember(workspace: AuthorizedWorkspace): Promise<string> {
  const membership = await db().membership.findUnique({
    where: { workspaceId_userId: { workspaceId: workspace.id, userId: workspace.userId } },
    select: { user: { select: { name: true, email: true, disabledAt: true } } },
  });
  if (!membership || membership.user.disabledAt) return "";
  return membership.user.name || membership.user.email;
}
