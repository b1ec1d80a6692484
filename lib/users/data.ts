import "server-only";
import { cache } from "react";
import type { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/platform/db/client";

type ChromeRow = {
  name: string;
  email: string;
  unreadNotifications: number;
  workspaces: { id: string; slug: string; title: string; description: string; role: Role; archived: boolean }[];
};

/** The header's user, workspace switcher and unread count, in one round trip (every page draws them). */
export const getUserChrome = cache(async (userId: string) => {
  const [row] = await db().$queryRaw<ChromeRow[]>`
    SELECT u.name, u.email,
           (SELECT count(*)::int FROM notifications n
            WHERE n."userId" = u.id AND n."readAt" IS NULL
              AND EXISTS (SELECT 1 FROM memberships m WHERE m."workspaceId" = n."workspaceId" AND m."userId" = u.id)
           ) AS "unreadNotifications",
           (SELECT coalesce(json_agg(json_build_object('id', w.id, 'slug', w.slug, 'title', w.title,
                     'description', w.description, 'role', m.role, 'archived', w."archivedAt" IS NOT NULL)
                   ORDER BY w.title), '[]'::json)
            FROM memberships m JOIN workspaces w ON w.id = m."workspaceId" WHERE m."userId" = u.id) AS workspaces
    FROM users u WHERE u.id = ${userId}::uuid`;
  if (!row) throw new Error(`user ${userId} is gone`);
  const { workspaces, ...user } = row;
  return { user, workspaces };
});
