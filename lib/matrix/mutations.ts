import "server-only";
import { db } from "@/lib/db/client";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AmendmentKind } from "@/lib/generated/prisma/enums";
import { recordActivity } from "@/lib/activity/record";
import { notifyCellFollowers } from "@/lib/notifications/mutations";
import { fromCalendarDate, toCalendarDate } from "@/lib/matrix/dates";
import type { CorrectStatementInput, RecordStatementInput, RetractStatementInput } from "@/lib/matrix/schema";

type Transaction = Prisma.TransactionClient;
type Cell = { issueId: string; partyId: string };

export type EditRefusal =
  | { ok: false; reason: "conflict"; current: CellState }
  | { ok: false; reason: "not_found"; message: string }
  | { ok: false; reason: "evidence_not_found"; message: string }
  | { ok: false; reason: "already_amended"; message: string };

export type EditResult = { ok: true; statementId: string | null; version: number } | EditRefusal;

export type CellState = {
  version: number;
  latest: { id: string; position: string; summary: string; statedOn: string; recordedBy: string | null } | null;
};

/** Rolls a transaction back while carrying an expected refusal out of it. */
class Refused extends Error {
  constructor(readonly refusal: EditRefusal) {
    super(refusal.reason);
  }
}

/**
 * Compare-and-set of the cell's version, in SQL: only the edit based on the current version
 * moves it on; every concurrent edit from the same base finds zero rows. Version 0 means "no
 * edit yet", when the row may not exist.
 */
async function advanceCellVersion(tx: Transaction, workspaceId: string, cell: Cell, baseVersion: number): Promise<number | null> {
  const rows =
    baseVersion === 0
      ? await tx.$queryRaw<{ version: number }[]>`
          INSERT INTO stance_cells ("workspaceId", "issueId", "partyId", version, "updatedAt")
          VALUES (${workspaceId}::uuid, ${cell.issueId}::uuid, ${cell.partyId}::uuid, 1, now())
          ON CONFLICT ("workspaceId", "issueId", "partyId")
          DO UPDATE SET version = stance_cells.version + 1, "updatedAt" = now() WHERE stance_cells.version = 0
          RETURNING version`
      : await tx.$queryRaw<{ version: number }[]>`
          UPDATE stance_cells SET version = version + 1, "updatedAt" = now()
          WHERE "workspaceId" = ${workspaceId}::uuid AND "issueId" = ${cell.issueId}::uuid AND "partyId" = ${cell.partyId}::uuid
            AND version = ${baseVersion}
          RETURNING version`;
  return rows[0]?.version ?? null;
}

export async function readCellState(workspaceId: string, cell: Cell): Promise<CellState> {
  const [row, latest] = await Promise.all([
    db().stanceCell.findUnique({ where: { workspaceId_issueId_partyId: { workspaceId, ...cell } }, select: { version: true } }),
    db().stanceStatement.findFirst({
      where: { workspaceId, ...cell, amendment: null },
      orderBy: [{ statedOn: "desc" }, { recordedAt: "desc" }, { id: "desc" }],
      select: { id: true, position: true, summary: true, statedOn: true, recordedBy: { select: { name: true, email: true } } },
    }),
  ]);
  return {
    version: row?.version ?? 0,
    latest: latest
      ? { id: latest.id, position: latest.position, summary: latest.summary, statedOn: toCalendarDate(latest.statedOn), recordedBy: latest.recordedBy ? latest.recordedBy.name || latest.recordedBy.email : null }
      : null,
  };
}

async function requireCell(tx: Transaction, workspaceId: string, cell: Cell) {
  const [issue, party] = await Promise.all([
    tx.issue.findFirst({ where: { id: cell.issueId, workspaceId }, select: { id: true } }),
    tx.party.findFirst({ where: { id: cell.partyId, workspaceId }, select: { id: true } }),
  ]);
  if (!issue || !party) throw new Refused({ ok: false, reason: "not_found", message: "That issue or party does not exist in this workspace." });
}

async function requireEvidence(tx: Transaction, workspaceId: string, links: { evidenceId: string }[]) {
  if (links.length === 0) return;
  const found = await tx.evidence.count({ where: { workspaceId, id: { in: links.map((l) => l.evidenceId) } } });
  if (found !== links.length) {
    throw new Refused({ ok: false, reason: "evidence_not_found", message: "One of the linked quotes does not exist in this workspace." });
  }
}

async function insertStatement(tx: Transaction, workspace: AuthorizedWorkspace, cell: Cell, input: Pick<RecordStatementInput, "position" | "summary" | "statedOn" | "links">) {
  const statement = await tx.stanceStatement.create({
    data: { workspaceId: workspace.id, ...cell, position: input.position, summary: input.summary, statedOn: fromCalendarDate(input.statedOn), recordedById: workspace.userId || null },
    select: { id: true },
  });
  if (input.links.length > 0) {
    await tx.statementEvidence.createMany({ data: input.links.map((l) => ({ workspaceId: workspace.id, statementId: statement.id, evidenceId: l.evidenceId, relation: l.relation })) });
  }
  return statement.id;
}

// `cell` reads through the client it is given: inside the transaction that is the transaction's
// own connection, since a second pooled connection can deadlock (a full pool, or PGlite's one session).
async function runEdit(workspace: AuthorizedWorkspace, cell: (client: Transaction) => Promise<Cell | null>, edit: (tx: Transaction, cell: Cell) => Promise<{ statementId: string | null; version: number }>): Promise<EditResult> {
  try {
    return await db().$transaction(async (tx) => {
      const target = await cell(tx);
      if (!target) throw new Refused({ ok: false, reason: "not_found", message: "That statement does not exist in this workspace." });
      return { ok: true as const, ...(await edit(tx, target)) };
    });
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    if (error.refusal.reason !== "conflict") return error.refusal;
    // Read after the rollback, so the user sees the change that beat theirs.
    const target = await cell(db());
    return { ok: false, reason: "conflict", current: target ? await readCellState(workspace.id, target) : { version: 0, latest: null } };
  }
}

async function conflictUnlessAdvanced(tx: Transaction, workspaceId: string, cell: Cell, baseVersion: number) {
  const version = await advanceCellVersion(tx, workspaceId, cell, baseVersion);
  if (version === null) throw new Refused({ ok: false, reason: "conflict", current: { version: -1, latest: null } });
  return version;
}

/** A new statement in a cell: the statement, its evidence links and the activity row, or nothing. */
export function recordStatement(workspace: AuthorizedWorkspace, input: RecordStatementInput): Promise<EditResult> {
  const cell = { issueId: input.issueId, partyId: input.partyId };
  return runEdit(
    workspace,
    async () => cell,
    async (tx) => {
      await requireCell(tx, workspace.id, cell);
      await requireEvidence(tx, workspace.id, input.links);
      const version = await conflictUnlessAdvanced(tx, workspace.id, cell, input.baseVersion);
      const statementId = await insertStatement(tx, workspace, cell, input);
      await recordActivity(tx, {
        workspaceId: workspace.id,
        actorId: workspace.userId || null,
        action: "stance.recorded",
        subjectType: "stance_statement",
        subjectId: statementId,
        after: { ...cell, position: input.position, summary: input.summary, statedOn: input.statedOn, links: input.links },
      });
      await notifyCellFollowers(tx, { workspaceId: workspace.id, issueId: cell.issueId, partyId: cell.partyId, statementId, actorId: workspace.userId || null });
      return { statementId, version };
    },
  );
}

async function findStatementCell(client: Transaction, workspaceId: string, statementId: string) {
  return client.stanceStatement.findFirst({
    where: { id: statementId, workspaceId },
    select: { issueId: true, partyId: true, position: true, summary: true, statedOn: true },
  });
}

async function amend(tx: Transaction, workspace: AuthorizedWorkspace, statementId: string, kind: AmendmentKind, reason: string, replacementId: string | null) {
  // The amendment's primary key is the statement: a second amendment of it cannot be written.
  const inserted = await tx.$executeRaw`
    INSERT INTO statement_amendments ("statementId", "workspaceId", kind, "replacementId", reason, "amendedById", "amendedAt")
    VALUES (${statementId}::uuid, ${workspace.id}::uuid, ${kind}::"AmendmentKind", ${replacementId}::uuid, ${reason}, ${workspace.userId || null}::uuid, now())
    ON CONFLICT ("statementId") DO NOTHING`;
  if (inserted === 0) throw new Refused({ ok: false, reason: "already_amended", message: "That statement was already corrected or retracted; open the cell's history to see by whom." });
}

/** Replaces a wrongly recorded statement; the old one stays in the history, marked corrected. */
export function correctStatement(workspace: AuthorizedWorkspace, input: CorrectStatementInput): Promise<EditResult> {
  let original: Awaited<ReturnType<typeof findStatementCell>> = null;
  return runEdit(
    workspace,
    async (client) => (original ??= await findStatementCell(client, workspace.id, input.statementId)),
    async (tx, cell) => {
      await requireEvidence(tx, workspace.id, input.links);
      const version = await conflictUnlessAdvanced(tx, workspace.id, cell, input.baseVersion);
      const statementId = await insertStatement(tx, workspace, cell, input);
      await amend(tx, workspace, input.statementId, AmendmentKind.CORRECTED, input.reason, statementId);
      await recordActivity(tx, {
        workspaceId: workspace.id,
        actorId: workspace.userId || null,
        action: "stance.corrected",
        subjectType: "stance_statement",
        subjectId: input.statementId,
        before: { position: original!.position, summary: original!.summary, statedOn: toCalendarDate(original!.statedOn) },
        after: { replacementId: statementId, position: input.position, summary: input.summary, statedOn: input.statedOn, reason: input.reason },
      });
      await notifyCellFollowers(tx, { workspaceId: workspace.id, issueId: cell.issueId, partyId: cell.partyId, statementId, actorId: workspace.userId || null });
      return { statementId, version };
    },
  );
}

/** Withdraws a statement that should not have been recorded; it stays in the history, marked retracted. */
export function retractStatement(workspace: AuthorizedWorkspace, input: RetractStatementInput): Promise<EditResult> {
  let original: Awaited<ReturnType<typeof findStatementCell>> = null;
  return runEdit(
    workspace,
    async (client) => (original ??= await findStatementCell(client, workspace.id, input.statementId)),
    async (tx, cell) => {
      const version = await conflictUnlessAdvanced(tx, workspace.id, cell, input.baseVersion);
      await amend(tx, workspace, input.statementId, AmendmentKind.RETRACTED, input.reason, null);
      await recordActivity(tx, {
        workspaceId: workspace.id,
        actorId: workspace.userId || null,
        action: "stance.retracted",
        subjectType: "stance_statement",
        subjectId: input.statementId,
        before: { position: original!.position, summary: original!.summary, statedOn: toCalendarDate(original!.statedOn) },
        after: { reason: input.reason },
      });
      await notifyCellFollowers(tx, { workspaceId: workspace.id, issueId: cell.issueId, partyId: cell.partyId, statementId: input.statementId, actorId: workspace.userId || null });
      return { statementId: null, version };
    },
  );
}
