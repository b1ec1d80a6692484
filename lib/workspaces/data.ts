import "server-only";
import { db } from "@/lib/platform/db/client";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";
import { NewWorkspaceSlugSchema, suggestSlug } from "@/lib/workspaces/schema";

/**
 * Where signing in lands: the active workspace used last; the only one, when there is one;
 * otherwise null, for the list of workspaces.
 */
export async function landingWorkspace(userId: string): Promise<string | null> {
  const memberships = await db().membership.findMany({
    where: { userId, workspace: { archivedAt: null } },
    orderBy: [{ lastUsedAt: { sort: "desc", nulls: "last" } }],
    select: { lastUsedAt: true, workspace: { select: { slug: true } } },
    take: 2,
  });
  if (memberships.length === 1) return memberships[0]!.workspace.slug;
  return memberships[0]?.lastUsedAt ? memberships[0].workspace.slug : null;
}

export type SlugCheck = { slug: string; available: boolean; message: string | null };

/** Whether an address is free, with a message for the form when it is not. */
export async function checkWorkspaceSlug(slug: string): Promise<SlugCheck> {
  const parsed = NewWorkspaceSlugSchema.safeParse(slug);
  if (!parsed.success) return { slug, available: false, message: parsed.error.issues[0]?.message ?? "Not an address." };
  const taken = await db().workspace.findUnique({ where: { slug: parsed.data }, select: { id: true } });
  if (!taken) return { slug: parsed.data, available: true, message: null };
  return { slug: parsed.data, available: false, message: `The address “${parsed.data}” is already taken.` };
}

/** A free address close to the title's: its slug, or that with -2, -3… */
export async function suggestFreeSlug(title: string): Promise<string> {
  const base = suggestSlug(title) || "workspace";
  const taken = new Set(
    (
      await db().workspace.findMany({
        where: { slug: { startsWith: base.slice(0, 58) } },
        select: { slug: true },
      })
    ).map((w) => w.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, 60)}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export async function getWorkspaceDetails(workspace: AuthorizedWorkspace) {
  return db().workspace.findUniqueOrThrow({
    where: { id: workspace.id },
    select: { title: true, description: true, archivedAt: true },
  });
}
