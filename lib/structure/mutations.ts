import "server-only";
import { db } from "@/lib/db/client";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";
import { ActionError } from "@/lib/safe-action";
import { recordActivity } from "@/lib/activity/record";
import { Prisma } from "@/lib/generated/prisma/client";
import { POSITIONS, resolvePositionLabels } from "@/lib/matrix/positions";
import type { AddIssueInput, AddPartyInput, PositionLabelsInput, RenameIssueInput, RenamePartyInput } from "@/lib/structure/schema";

// Rows (issues) and columns (parties) of a workspace's matrix. Nothing here deletes: statements
// point at issues and parties for ever, so taking one out of the matrix means archiving it.
// Every query names the workspace, so an id from another workspace behaves like a missing one.

type Tx = Prisma.TransactionClient;

const ISSUE_NOT_FOUND = "That issue does not exist in this workspace.";
const PARTY_NOT_FOUND = "That party does not exist in this workspace.";
const STALE_ORDER = "The list changed meanwhile; reload and try again.";

/** Seeding and tests act through trustedWorkspace(), which may carry no user. */
function actorOf(workspace: AuthorizedWorkspace): string | null {
  return workspace.userId || null;
}

/**
 * Serialises structure changes within one workspace, so a reorder's check of the current set
 * and its writes see the same set, and two additions cannot take the same place at the end.
 * FOR NO KEY UPDATE leaves the foreign-key locks other writers take on the row unblocked.
 */
async function lockStructure(tx: Tx, workspaceId: string) {
  await tx.$queryRaw`SELECT 1 FROM workspaces WHERE id = ${workspaceId}::uuid FOR NO KEY UPDATE`;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Runs a change, turning the one unique constraint it can hit into a named refusal. */
async function withDuplicateCheck<T>(work: () => Promise<T>, message: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ActionError("duplicate", message);
    throw error;
  }
}

/** True when `proposed` holds exactly the ids of `current`, each once, in any order. */
function sameMembers(current: string[], proposed: string[]): boolean {
  if (current.length !== proposed.length) return false;
  const wanted = new Set(proposed);
  return wanted.size === proposed.length && current.every((id) => wanted.has(id));
}

const sameOrder = (a: string[], b: string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

// ---------------------------------------------------------------- issues (rows)

const DUPLICATE_ISSUE = "An issue with this title already exists.";

async function nextIssueSortOrder(tx: Tx, workspaceId: string) {
  const { _max } = await tx.issue.aggregate({ where: { workspaceId }, _max: { sortOrder: true } });
  return (_max.sortOrder ?? -1) + 1;
}

export async function addIssue(workspace: AuthorizedWorkspace, input: Pick<AddIssueInput, "title" | "description">) {
  return withDuplicateCheck(
    () =>
      db().$transaction(async (tx) => {
        await lockStructure(tx, workspace.id);
        const sortOrder = await nextIssueSortOrder(tx, workspace.id);
        const issue = await tx.issue.create({
          data: { workspaceId: workspace.id, title: input.title, description: input.description, sortOrder },
          select: { id: true, title: true, description: true, sortOrder: true },
        });
        await recordActivity(tx, { workspaceId: workspace.id, actorId: actorOf(workspace), action: "issue.created", subjectType: "issue", subjectId: issue.id, after: { title: issue.title, description: issue.description, sortOrder } });
        return issue;
      }),
    DUPLICATE_ISSUE,
  );
}

export async function renameIssue(workspace: AuthorizedWorkspace, input: Pick<RenameIssueInput, "issueId" | "title" | "description">) {
  return withDuplicateCheck(
    () =>
      db().$transaction(async (tx) => {
        await lockStructure(tx, workspace.id);
        const before = await tx.issue.findFirst({ where: { id: input.issueId, workspaceId: workspace.id }, select: { title: true, description: true } });
        if (!before) throw new ActionError("not_found", ISSUE_NOT_FOUND);
        if (before.title === input.title && before.description === input.description) return { changed: false };
        const { count } = await tx.issue.updateMany({ where: { id: input.issueId, workspaceId: workspace.id }, data: { title: input.title, description: input.description } });
        if (count === 0) throw new ActionError("not_found", ISSUE_NOT_FOUND);
        await recordActivity(tx, { workspaceId: workspace.id, actorId: actorOf(workspace), action: "issue.renamed", subjectType: "issue", subjectId: input.issueId, before, after: { title: input.title, description: input.description } });
        return { changed: true };
      }),
    DUPLICATE_ISSUE,
  );
}

export async function archiveIssue(workspace: AuthorizedWorkspace, issueId: string) {
  return db().$transaction(async (tx) => {
    await lockStructure(tx, workspace.id);
    const archivedAt = new Date();
    const { count } = await tx.issue.updateMany({ where: { id: issueId, workspaceId: workspace.id, archivedAt: null }, data: { archivedAt } });
    if (count === 0) {
      // Archiving twice is harmless; only a missing (or foreign) issue is an error.
      if (await tx.issue.count({ where: { id: issueId, workspaceId: workspace.id } })) return { changed: false };
      throw new ActionError("not_found", ISSUE_NOT_FOUND);
    }
    await recordActivity(tx, { workspaceId: workspace.id, actorId: actorOf(workspace), action: "issue.archived", subjectType: "issue", subjectId: issueId, before: { archivedAt: null }, after: { archivedAt: archivedAt.toISOString() } });
    return { changed: true };
  });
}

/** Brings an issue back as the last row: its old place may have been reordered away since. */
export async function unarchiveIssue(workspace: AuthorizedWorkspace, issueId: string) {
  return db().$transaction(async (tx) => {
    await lockStructure(tx, workspace.id);
    const issue = await tx.issue.findFirst({ where: { id: issueId, workspaceId: workspace.id }, select: { archivedAt: true } });
    if (!issue) throw new ActionError("not_found", ISSUE_NOT_FOUND);
    if (!issue.archivedAt) return { changed: false };
    const sortOrder = await nextIssueSortOrder(tx, workspace.id);
    const { count } = await tx.issue.updateMany({ where: { id: issueId, workspaceId: workspace.id }, data: { archivedAt: null, sortOrder } });
    if (count === 0) throw new ActionError("not_found", ISSUE_NOT_FOUND);
    await recordActivity(tx, { workspaceId: workspace.id, actorId: actorOf(workspace), action: "issue.unarchived", subjectType: "issue", subjectId: issueId, before: { archivedAt: issue.archivedAt.toISOString() }, after: { archivedAt: null, sortOrder } });
    return { changed: true };
  });
}

/** `orderedIds` must be every non-archived issue of the workspace, each once, in the new order. */
export async function reorderIssues(workspace: AuthorizedWorkspace, orderedIds: string[]) {
  return db().$transaction(async (tx) => {
    await lockStructure(tx, workspace.id);
    const current = await tx.issue.findMany({
      where: { workspaceId: workspace.id, archivedAt: null },
      orderBy: [{ sortOrder: "asc" }, { title: "asc" }],
      select: { id: true, sortOrder: true },
    });
    const before = current.map((i) => i.id);
    if (!sameMembers(before, orderedIds)) throw new ActionError("stale_order", STALE_ORDER);
    if (sameOrder(before, orderedIds)) return { changed: false };
    const sortOrderOf = new Map(current.map((i) => [i.id, i.sortOrder]));
    for (const [index, id] of orderedIds.entries()) {
      if (sortOrderOf.get(id) === index) continue;
      await tx.issue.updateMany({ where: { id, workspaceId: workspace.id }, data: { sortOrder: index } });
    }
    await recordActivity(tx, { workspaceId: workspace.id, actorId: actorOf(workspace), action: "issue.reordered", subjectType: "workspace", subjectId: workspace.id, before: { order: before }, after: { order: orderedIds } });
    return { changed: true };
  });
}

// ---------------------------------------------------------------- parties (columns)

const DUPLICATE_PARTY = "A party with this name already exists.";

async function nextPartySortOrder(tx: Tx, workspaceId: string) {
  const { _max } = await tx.party.aggregate({ where: { workspaceId }, _max: { sortOrder: true } });
  return (_max.sortOrder ?? -1) + 1;
}

type PartyFields = Pick<AddPartyInput, "name" | "shortName" | "colour">;

export async function addParty(workspace: AuthorizedWorkspace, input: PartyFields) {
  return withDuplicateCheck(
    () =>
      db().$transaction(async (tx) => {
        await lockStructure(tx, workspace.id);
        const sortOrder = await nextPartySortOrder(tx, workspace.id);
        const party = await tx.party.create({
          data: { workspaceId: workspace.id, name: input.name, shortName: input.shortName, colour: input.colour, sortOrder },
          select: { id: true, name: true, shortName: true, colour: true, sortOrder: true },
        });
        await recordActivity(tx, { workspaceId: workspace.id, actorId: actorOf(workspace), action: "party.created", subjectType: "party", subjectId: party.id, after: { name: party.name, shortName: party.shortName, colour: party.colour, sortOrder } });
        return party;
      }),
    DUPLICATE_PARTY,
  );
}

export async function renameParty(workspace: AuthorizedWorkspace, input: Pick<RenamePartyInput, "partyId"> & PartyFields) {
  const after = { name: input.name, shortName: input.shortName, colour: input.colour };
  return withDuplicateCheck(
    () =>
      db().$transaction(async (tx) => {
        await lockStructure(tx, workspace.id);
        const before = await tx.party.findFirst({ where: { id: input.partyId, workspaceId: workspace.id }, select: { name: true, shortName: true, colour: true } });
        if (!before) throw new ActionError("not_found", PARTY_NOT_FOUND);
        if (before.name === after.name && before.shortName === after.shortName && before.colour === after.colour) return { changed: false };
        const { count } = await tx.party.updateMany({ where: { id: input.partyId, workspaceId: workspace.id }, data: after });
        if (count === 0) throw new ActionError("not_found", PARTY_NOT_FOUND);
        await recordActivity(tx, { workspaceId: workspace.id, actorId: actorOf(workspace), action: "party.renamed", subjectType: "party", subjectId: input.partyId, before, after });
        return { changed: true };
      }),
    DUPLICATE_PARTY,
  );
}

export async function archiveParty(workspace: AuthorizedWorkspace, partyId: string) {
  return db().$transaction(async (tx) => {
    await lockStructure(tx, workspace.id);
    const archivedAt = new Date();
    const { count } = await tx.party.updateMany({ where: { id: partyId, workspaceId: workspace.id, archivedAt: null }, data: { archivedAt } });
    if (count === 0) {
      if (await tx.party.count({ where: { id: partyId, workspaceId: workspace.id } })) return { changed: false };
      throw new ActionError("not_found", PARTY_NOT_FOUND);
    }
    await recordActivity(tx, { workspaceId: workspace.id, actorId: actorOf(workspace), action: "party.archived", subjectType: "party", subjectId: partyId, before: { archivedAt: null }, after: { archivedAt: archivedAt.toISOString() } });
    return { changed: true };
  });
}

/** Brings a party back as the last column. */
export async function unarchiveParty(workspace: AuthorizedWorkspace, partyId: string) {
  return db().$transaction(async (tx) => {
    await lockStructure(tx, workspace.id);
    const party = await tx.party.findFirst({ where: { id: partyId, workspaceId: workspace.id }, select: { archivedAt: true } });
    if (!party) throw new ActionError("not_found", PARTY_NOT_FOUND);
    if (!party.archivedAt) return { changed: false };
    const sortOrder = await nextPartySortOrder(tx, workspace.id);
    const { count } = await tx.party.updateMany({ where: { id: partyId, workspaceId: workspace.id }, data: { archivedAt: null, sortOrder } });
    if (count === 0) throw new ActionError("not_found", PARTY_NOT_FOUND);
    await recordActivity(tx, { workspaceId: workspace.id, actorId: actorOf(workspace), action: "party.unarchived", subjectType: "party", subjectId: partyId, before: { archivedAt: party.archivedAt.toISOString() }, after: { archivedAt: null, sortOrder } });
    return { changed: true };
  });
}

/** `orderedIds` must be every non-archived party of the workspace, each once, in the new order. */
export async function reorderParties(workspace: AuthorizedWorkspace, orderedIds: string[]) {
  return db().$transaction(async (tx) => {
    await lockStructure(tx, workspace.id);
    const current = await tx.party.findMany({
      where: { workspaceId: workspace.id, archivedAt: null },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { id: true, sortOrder: true },
    });
    const before = current.map((p) => p.id);
    if (!sameMembers(before, orderedIds)) throw new ActionError("stale_order", STALE_ORDER);
    if (sameOrder(before, orderedIds)) return { changed: false };
    const sortOrderOf = new Map(current.map((p) => [p.id, p.sortOrder]));
    for (const [index, id] of orderedIds.entries()) {
      if (sortOrderOf.get(id) === index) continue;
      await tx.party.updateMany({ where: { id, workspaceId: workspace.id }, data: { sortOrder: index } });
    }
    await recordActivity(tx, { workspaceId: workspace.id, actorId: actorOf(workspace), action: "party.reordered", subjectType: "workspace", subjectId: workspace.id, before: { order: before }, after: { order: orderedIds } });
    return { changed: true };
  });
}

// ---------------------------------------------------------------- position labels

export async function renamePositionLabels(workspace: AuthorizedWorkspace, labels: PositionLabelsInput) {
  // Stored in POSITIONS order with every key present, so the JSON reads the same way every time.
  const after = Object.fromEntries(POSITIONS.map((p) => [p, labels[p]])) as PositionLabelsInput;
  return db().$transaction(async (tx) => {
    await lockStructure(tx, workspace.id);
    const stored = await tx.workspace.findUniqueOrThrow({ where: { id: workspace.id }, select: { positionLabels: true } });
    const before = resolvePositionLabels(stored.positionLabels);
    if (POSITIONS.every((p) => before[p] === after[p])) return { labels: before, changed: false };
    await tx.workspace.update({ where: { id: workspace.id }, data: { positionLabels: after } });
    await recordActivity(tx, { workspaceId: workspace.id, actorId: actorOf(workspace), action: "position_labels.renamed", subjectType: "workspace", subjectId: workspace.id, before, after });
    return { labels: after, changed: true };
  });
}
