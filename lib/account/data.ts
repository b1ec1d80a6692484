import "server-only";
import { db } from "@/lib/platform/db/client";

/** The user's tokens, newest first, with the workspaces each may reach (revoked ones for a while too). */
export async function listApiTokens(userId: string) {
  const tokens = await db().apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true,
      name: true,
      scope: true,
      createdAt: true,
      expiresAt: true,
      lastUsedAt: true,
      revokedAt: true,
      workspaces: { select: { workspace: { select: { slug: true, title: true } } } },
    },
  });
  return tokens.map(({ workspaces, ...token }) => ({
    ...token,
    workspaces: workspaces.map((w) => w.workspace).sort((a, b) => a.title.localeCompare(b.title)),
  }));
}
