import "server-only";
import { recordWorkspaceActivity } from "@/lib/activity/record";
import { Prisma } from "@/lib/generated/prisma/client";
import { POSITIONS, resolvePositionLabels } from "@/lib/matrix/positions";
import { db } from "@/lib/platform/db/client";
import { transactionUnlessRefused } from "@/lib/platform/db/transaction";
import { type Failure, fail, ok, type Result } from "@/lib/platform/errors";
import type {
  AddIssueInput,
  AddPartyInput,
  PositionLabelsInput,
  RenameIssueInput,
  RenamePartyInput,
} from "@/lib/structure/schema";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

// Rows (issues) and columns (parties) of a workspace's matrix. Nothing here deletes: statements
// point at issues and parties for ever, so taking one out of the matrix means archiving it.
// Every query names the workspace, so an id from another workspace behaves like a missing one.

type Tx = Prisma.TransactionClient;

const STALE_ORDER = "The list changed meanwhile; reload and try again.";

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
async function withDuplicateCheck<T extends Result>(
  work: () => Promise<T>,
  message: string,
): Promise<T | Failure<"duplicate">> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) return fail("duplicate", message);
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

// ---------------------------------------------------------------- rows and columns, by kind

// Issues (rows) and parties (columns) behave alike; each kind is described once here and every
// change below is written once for both.
type RowFields = Record<string, string>;

/** The part of Prisma's issue and party delegates that the changes below use. */
type RowTable = {
  aggregate(args: { where: { workspaceId: string }; _max: { sortOrder: true } }): Promise<{
    _max: { sortOrder: number | null };
  }>;
  create(args: { data: Record<string, unknown>; select: Record<string, true> }): Promise<{ id: string }>;
  findFirst(args: {
    where: { id: string; workspaceId: string };
    select: Record<string, true>;
  }): Promise<(RowFields & { archivedAt?: Date | null }) | null>;
  findMany(args: {
    where: { workspaceId: string; archivedAt: null };
    orderBy: Record<string, "asc">[];
    select: { id: true; sortOrder: true };
  }): Promise<{ id: string; sortOrder: number }[]>;
  updateMany(args: {
    where: { id: string; workspaceId: string; archivedAt?: null };
    data: Record<string, unknown>;
  }): Promise<{ count: number }>;
  count(args: { where: { id: string; workspaceId: string } }): Promise<number>;
};

type RowKind = {
  /** The activity log's subject type and action prefix. */
  name: "issue" | "party";
  table: (tx: Tx) => RowTable;
  /** The fields a user sets; the name field orders rows that share a sort order. */
  fields: readonly string[];
  nameField: string;
  notFound: string;
  duplicate: string;
};

const ISSUE: RowKind = {
  name: "issue",
  table: (tx) => tx.issue as unknown as RowTable,
  fields: ["title", "description"],
  nameField: "title",
  notFound: "That issue does not exist in this workspace.",
  duplicate: "An issue with this title already exists.",
};

const PARTY: RowKind = {
  name: "party",
  table: (tx) => tx.party as unknown as RowTable,
  fields: ["name", "shortName", "colour"],
  nameField: "name",
  notFound: "That party does not exist in this workspace.",
  duplicate: "A party with this name already exists.",
};

function pickFields(kind: RowKind, input: object): RowFields {
  const values = input as Record<string, string>;
  return Object.fromEntries(kind.fields.map((field) => [field, values[field] as string]));
}

async function nextSortOrder(tx: Tx, kind: RowKind, workspaceId: string) {
  const { _max } = await kind.table(tx).aggregate({ where: { workspaceId }, _max: { sortOrder: true } });
  return (_max.sortOrder ?? -1) + 1;
}

function logChange(
  tx: Tx,
  workspace: AuthorizedWorkspace,
  kind: RowKind,
  change: {
    action: string;
    subjectId: string;
    subjectType?: "workspace";
    before?: Prisma.InputJsonValue;
    after?: Prisma.InputJsonValue;
  },
) {
  return recordWorkspaceActivity(tx, workspace, {
    subjectType: kind.name,
    ...change,
    action: `${kind.name}.${change.action}`,
  });
}

/** Adds a row at the end, with its activity, in the caller's transaction (which holds lockStructure). */
async function insertRow(tx: Tx, kind: RowKind, workspace: AuthorizedWorkspace, input: object) {
  const fields = pickFields(kind, input);
  const sortOrder = await nextSortOrder(tx, kind, workspace.id);
  const row = await kind.table(tx).create({
    data: { workspaceId: workspace.id, ...fields, sortOrder },
    select: Object.fromEntries(["id", ...kind.fields, "sortOrder"].map((f) => [f, true])),
  });
  await logChange(tx, workspace, kind, { action: "created", subjectId: row.id, after: { ...fields, sortOrder } });
  return row;
}

async function addRow<Row extends { id: string }>(kind: RowKind, workspace: AuthorizedWorkspace, input: object) {
  return withDuplicateCheck(
    () =>
      db().$transaction(async (tx) => {
        await lockStructure(tx, workspace.id);
        return ok((await insertRow(tx, kind, workspace, input)) as Row);
      }),
    kind.duplicate,
  );
}

/** For changes that add rows and columns together with other writes, in one transaction. */
export const lockWorkspaceStructure = lockStructure;
export const insertIssue = (
  tx: Tx,
  workspace: AuthorizedWorkspace,
  input: Pick<AddIssueInput, "title" | "description">,
) => insertRow(tx, ISSUE, workspace, input);
export const insertParty = (tx: Tx, workspace: AuthorizedWorkspace, input: PartyFields) =>
  insertRow(tx, PARTY, workspace, input);

async function renameRow(kind: RowKind, workspace: AuthorizedWorkspace, id: string, input: object) {
  const after = pickFields(kind, input);
  return withDuplicateCheck(
    () =>
      transactionUnlessRefused(db(), async (tx): Promise<Result<{ changed: boolean }>> => {
        await lockStructure(tx, workspace.id);
        const table = kind.table(tx);
        const before = await table.findFirst({
          where: { id, workspaceId: workspace.id },
          select: Object.fromEntries(kind.fields.map((f) => [f, true])),
        });
        if (!before) return fail("not_found", kind.notFound);
        if (kind.fields.every((f) => before[f] === after[f])) return ok({ changed: false });
        const { count } = await table.updateMany({ where: { id, workspaceId: workspace.id }, data: after });
        if (count === 0) return fail("not_found", kind.notFound);
        await logChange(tx, workspace, kind, { action: "renamed", subjectId: id, before, after });
        return ok({ changed: true });
      }),
    kind.duplicate,
  );
}

async function archiveRow(kind: RowKind, workspace: AuthorizedWorkspace, id: string) {
  return transactionUnlessRefused(db(), async (tx): Promise<Result<{ changed: boolean }>> => {
    await lockStructure(tx, workspace.id);
    const table = kind.table(tx);
    const archivedAt = new Date();
    const { count } = await table.updateMany({
      where: { id, workspaceId: workspace.id, archivedAt: null },
      data: { archivedAt },
    });
    if (count === 0) {
      // Archiving twice is harmless; only a missing (or foreign) row is an error.
      if (await table.count({ where: { id, workspaceId: workspace.id } })) return ok({ changed: false });
      return fail("not_found", kind.notFound);
    }
    await logChange(tx, workspace, kind, {
      action: "archived",
      subjectId: id,
      before: { archivedAt: null },
      after: { archivedAt: archivedAt.toISOString() },
    });
    return ok({ changed: true });
  });
}

/** Brings a row back at the end: its old place may have been reordered away since. */
async function unarchiveRow(kind: RowKind, workspace: AuthorizedWorkspace, id: string) {
  return transactionUnlessRefused(db(), async (tx): Promise<Result<{ changed: boolean }>> => {
    await lockStructure(tx, workspace.id);
    const table = kind.table(tx);
    const row = await table.findFirst({ where: { id, workspaceId: workspace.id }, select: { archivedAt: true } });
    if (!row) return fail("not_found", kind.notFound);
    if (!row.archivedAt) return ok({ changed: false });
    const sortOrder = await nextSortOrder(tx, kind, workspace.id);
    const { count } = await table.updateMany({
      where: { id, workspaceId: workspace.id },
      data: { archivedAt: null, sortOrder },
    });
    if (count === 0) return fail("not_found", kind.notFound);
    await logChange(tx, workspace, kind, {
      action: "unarchived",
      subjectId: id,
      before: { archivedAt: row.archivedAt.toISOString() },
      after: { archivedAt: null, sortOrder },
    });
    return ok({ changed: true });
  });
}

/** `orderedIds` must be every non-archived row of the kind, each once, in the new order. */
async function reorderRows(kind: RowKind, workspace: AuthorizedWorkspace, orderedIds: string[]) {
  return transactionUnlessRefused(db(), async (tx): Promise<Result<{ changed: boolean }>> => {
    await lockStructure(tx, workspace.id);
    const table = kind.table(tx);
    const current = await table.findMany({
      where: { workspaceId: workspace.id, archivedAt: null },
      orderBy: [{ sortOrder: "asc" }, { [kind.nameField]: "asc" }],
      select: { id: true, sortOrder: true },
    });
    const before = current.map((row) => row.id);
    if (!sameMembers(before, orderedIds)) return fail("stale_order", STALE_ORDER);
    if (sameOrder(before, orderedIds)) return ok({ changed: false });
    const sortOrderOf = new Map(current.map((row) => [row.id, row.sortOrder]));
    for (const [index, id] of orderedIds.entries()) {
      if (sortOrderOf.get(id) === index) continue;
      await table.updateMany({ where: { id, workspaceId: workspace.id }, data: { sortOrder: index } });
    }
    await logChange(tx, workspace, kind, {
      action: "reordered",
      subjectType: "workspace",
      subjectId: workspace.id,
      before: { order: before },
      after: { order: orderedIds },
    });
    return ok({ changed: true });
  });
}

type PartyFields = Pick<AddPartyInput, "name" | "shortName" | "colour">;

export const addIssue = (workspace: AuthorizedWorkspace, input: Pick<AddIssueInput, "title" | "description">) =>
  addRow<{ id: string; title: string; description: string; sortOrder: number }>(ISSUE, workspace, input);
export const renameIssue = (
  workspace: AuthorizedWorkspace,
  input: Pick<RenameIssueInput, "issueId" | "title" | "description">,
) => renameRow(ISSUE, workspace, input.issueId, input);
export const archiveIssue = (workspace: AuthorizedWorkspace, issueId: string) => archiveRow(ISSUE, workspace, issueId);
export const unarchiveIssue = (workspace: AuthorizedWorkspace, issueId: string) =>
  unarchiveRow(ISSUE, workspace, issueId);
export const reorderIssues = (workspace: AuthorizedWorkspace, orderedIds: string[]) =>
  reorderRows(ISSUE, workspace, orderedIds);

export const addParty = (workspace: AuthorizedWorkspace, input: PartyFields) =>
  addRow<{
    id: string;
    name: string;
    shortName: string;
    colour: string;
    sortOrder: number;
  }>(PARTY, workspace, input);
export const renameParty = (workspace: AuthorizedWorkspace, input: Pick<RenamePartyInput, "partyId"> & PartyFields) =>
  renameRow(PARTY, workspace, input.partyId, input);
export const archiveParty = (workspace: AuthorizedWorkspace, partyId: string) => archiveRow(PARTY, workspace, partyId);
export const unarchiveParty = (workspace: AuthorizedWorkspace, partyId: string) =>
  unarchiveRow(PARTY, workspace, partyId);
export const reorderParties = (workspace: AuthorizedWorkspace, orderedIds: string[]) =>
  reorderRows(PARTY, workspace, orderedIds);

// ---------------------------------------------------------------- position labels

export async function renamePositionLabels(workspace: AuthorizedWorkspace, labels: PositionLabelsInput) {
  // Stored in POSITIONS order with every key present, so the JSON reads the same way every time.
  const after = Object.fromEntries(POSITIONS.map((p) => [p, labels[p]])) as PositionLabelsInput;
  return db().$transaction(async (tx) => {
    await lockStructure(tx, workspace.id);
    const stored = await tx.workspace.findUniqueOrThrow({
      where: { id: workspace.id },
      select: { positionLabels: true },
    });
    const before = resolvePositionLabels(stored.positionLabels);
    if (POSITIONS.every((p) => before[p] === after[p])) return { labels: before, changed: false };
    await tx.workspace.update({ where: { id: workspace.id }, data: { positionLabels: after } });
    await recordWorkspaceActivity(tx, workspace, {
      action: "position_labels.renamed",
      subjectType: "workspace",
      subjectId: workspace.id,
      before,
      after,
    });
    return { labels: after, changed: true };
  });
}
