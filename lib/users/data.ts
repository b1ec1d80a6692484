import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { countUnreadNotifications } from "@/lib/notifications/data";
import { listMyWorkspaces } from "@/lib/workspaces/access";

export const getUserChrome = cache(async (userId: string) => {
  const [user, memberships, unreadNotifications] = await Promise.all([
    db().user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true } }),
    listMyWorkspaces(userId),
    countUnreadNotifications(userId),
  ]);
  return {
    user: { ...user, unreadNotifications },
    workspaces: memberships.map(({ role, workspace: { archivedAt, ...workspace } }) => ({
      ...workspace,
      role,
      archived: archivedAt !== null,
    })),
  };
});
