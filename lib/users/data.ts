import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { listMyWorkspaces } from "@/lib/workspaces/access";

export const getUserChrome = cache(async (userId: string) => {
  const [user, memberships] = await Promise.all([
    db().user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true } }),
    listMyWorkspaces(userId),
  ]);
  return { user, workspaces: memberships.map((m) => ({ ...m.workspace, role: m.role })) };
});
