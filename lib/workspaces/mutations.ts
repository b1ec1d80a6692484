import "server-only";
import { LRUCache } from "lru-cache";
import { recordActivity, recordWorkspaceActivity } from "@/lib/activity/record";
import { Prisma } from "@/lib/generated/prisma/client";
import { Role } from "@/lib/generated/prisma/enums";
import { resolvePositionLabels } from "@/lib/matrix/positions";
import { db } from "@/lib/platform/db/client";
import { failOn, type Result } from "@/lib/platform/errors";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";
import type { CreateWorkspaceInput, UpdateWorkspaceInput } from "@/lib/workspaces/schema";
import { PARTY_PALETTE, shortNameFor, WORKSPACE_TEMPLATES } from "@/lib/workspaces/templates";

export type CreateWorkspaceResult = Result<{ workspace: { id: string; slug: string; title: string } }, "slug_taken">;

const slugTaken = (slug: string) =>
  failOn("slug", "slug_taken", `The address “${slug}” is already taken; choose another.`);

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** The structure a new workspace starts with: copied from `source`, or the request's own, or its template's. */
async function startingStructure(input: CreateWorkspaceInput, source: AuthorizedWorkspace | null) {
  if (source) {
    const [workspace, parties, issues] = await Promise.all([
      db().workspace.findUniqueOrThrow({ where: { id: source.id }, select: { positionLabels: true } }),
      db().party.findMany({
        where: { workspaceId: source.id, archivedAt: null },
        orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
        select: { name: true, shortName: true, colour: true },
      }),
      db().issue.findMany({
        where: { workspaceId: source.id, archivedAt: null },
        orderBy: [{ sortOrder: "asc" }, { title: "asc" }],
        select: { title: true, description: true },
      }),
    ]);
    return { parties, issues, positionLabels: resolvePositionLabels(workspace.positionLabels) };
  }
  const template = WORKSPACE_TEMPLATES[input.template];
  const parties = (input.parties ?? template.parties).map((p, i) => ({
    name: p.name,
    shortName: p.shortName ?? shortNameFor(p.name),
    colour: ("colour" in p && p.colour) || PARTY_PALETTE[i % PARTY_PALETTE.length]!,
  }));
  const issues = (input.issues ?? template.issues).map((i) => ({ title: i.title, description: i.description }));
  return { parties, issues, positionLabels: input.positionLabels ?? template.positionLabels };
}

/**
 * A new workspace owned by `ownerUserId`, with its starting structure, in one transaction. A copy
 * takes only the source's active issues, parties and position labels: no statements, documents,
 * quotes, people, comments or members.
 */
export async function createWorkspace(
  input: CreateWorkspaceInput,
  options: { ownerUserId: string; source: AuthorizedWorkspace | null },
): Promise<CreateWorkspaceResult> {
  if (await db().workspace.findUnique({ where: { slug: input.slug }, select: { id: true } }))
    return slugTaken(input.slug);
  const structure = await startingStructure(input, options.source);
  try {
    const workspace = await db().$transaction(async (tx) => {
      const created = await tx.workspace.create({
        data: {
          slug: input.slug,
          title: input.title,
          description: input.description,
          positionLabels: structure.positionLabels,
          memberships: { create: { userId: options.ownerUserId, role: Role.OWNER, lastUsedAt: new Date() } },
        },
        select: { id: true, slug: true, title: true },
      });
      await tx.party.createMany({
        data: structure.parties.map((p, sortOrder) => ({ ...p, workspaceId: created.id, sortOrder })),
      });
      await tx.issue.createMany({
        data: structure.issues.map((i, sortOrder) => ({ ...i, workspaceId: created.id, sortOrder })),
      });
      await recordActivity(tx, {
        workspaceId: created.id,
        actorId: options.ownerUserId,
        action: "workspace.created",
        subjectType: "workspace",
        subjectId: created.id,
        after: {
          slug: created.slug,
          title: created.title,
          ...(options.source ? { copiedFrom: options.source.slug } : { template: input.template }),
          parties: structure.parties.length,
          issues: structure.issues.length,
        },
      });
      return created;
    });
    return { ok: true, workspace };
  } catch (error) {
    // Someone took the address between the check and the commit.
    if (isUniqueViolation(error)) return slugTaken(input.slug);
    throw error;
  }
}

export async function updateWorkspace(
  workspace: AuthorizedWorkspace,
  input: Omit<UpdateWorkspaceInput, "workspaceSlug">,
) {
  return db().$transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({
      where: { id: workspace.id },
      select: { title: true, description: true },
    });
    if (before.title === input.title && before.description === input.description) return { changed: false };
    await tx.workspace.update({
      where: { id: workspace.id },
      data: { title: input.title, description: input.description },
    });
    await recordWorkspaceActivity(tx, workspace, {
      action: "workspace.updated",
      subjectType: "workspace",
      subjectId: workspace.id,
      before,
      after: { title: input.title, description: input.description },
    });
    return { changed: true };
  });
}

async function setArchived(workspace: AuthorizedWorkspace, archived: boolean) {
  return db().$transaction(async (tx) => {
    const { count } = await tx.workspace.updateMany({
      where: { id: workspace.id, archivedAt: archived ? null : { not: null } },
      data: { archivedAt: archived ? new Date() : null },
    });
    if (count === 0) return { changed: false };
    await recordWorkspaceActivity(tx, workspace, {
      action: archived ? "workspace.archived" : "workspace.restored",
      subjectType: "workspace",
      subjectId: workspace.id,
    });
    return { changed: true };
  });
}

/** Read-only for everyone until an owner restores it (the gate refuses every write meanwhile). */
export const archiveWorkspace = (workspace: AuthorizedWorkspace) => setArchived(workspace, true);
export const restoreWorkspace = (workspace: AuthorizedWorkspace) => setArchived(workspace, false);

export type DeleteWorkspaceResult = Result<object, "confirmation">;

/**
 * Deletes the workspace and everything in it, for good. Statements, quotes and people are deleted
 * before the workspace because their references to parties, issues and people are RESTRICT (a
 * party with statements cannot go on its own); the rest, activity log included, goes with the
 * workspace row by cascade.
 */
export async function deleteWorkspace(
  workspace: AuthorizedWorkspace,
  confirmation: string,
): Promise<DeleteWorkspaceResult> {
  if (confirmation.trim() !== workspace.slug)
    return failOn("confirmation", "confirmation", `Type the address “${workspace.slug}” to confirm.`);
  await db().$transaction(
    async (tx) => {
      const where = { workspaceId: workspace.id };
      await tx.stanceStatement.deleteMany({ where });
      await tx.evidence.deleteMany({ where });
      await tx.person.deleteMany({ where });
      await tx.workspace.delete({ where: { id: workspace.id } });
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  return { ok: true };
}

const TOUCH_INTERVAL_MS = 60_000;
// The memberships this process touched within the interval: the update's own condition would
// leave them unchanged, so every page view after the first in a minute skips the query.
const recentlyTouched = new LRUCache<string, true>({ max: 10_000, ttl: TOUCH_INTERVAL_MS });

/** Remembers the workspace as the member's latest, at most once a minute. */
export async function touchWorkspace(workspace: AuthorizedWorkspace) {
  if (!workspace.userId) return;
  const key = `${workspace.id}:${workspace.userId}`;
  if (recentlyTouched.has(key)) return;
  recentlyTouched.set(key, true);
  await db().membership.updateMany({
    where: {
      workspaceId: workspace.id,
      userId: workspace.userId,
      OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(Date.now() - TOUCH_INTERVAL_MS) } }],
    },
    data: { lastUsedAt: new Date() },
  });
}
