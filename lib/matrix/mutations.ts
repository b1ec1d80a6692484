import "server-only";
import { randomUUID } from "node:crypto";
import { recordActivity, recordWorkspaceActivity } from "@/lib/activity/record";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AmendmentKind, type EvidenceRelation } from "@/lib/generated/prisma/enums";
import { AMENDMENT_SELECT, STANCE_CONTENT_SELECT } from "@/lib/matrix/data";
import { fromCalendarDate, toCalendarDate } from "@/lib/matrix/dates";
import type {
  ConfidenceLevel,
  CorrectStatementInput,
  RecordStatementInput,
  RetractStatementInput,
  StatementQualities,
} from "@/lib/matrix/schema";
import { notifyCellFollowers } from "@/lib/notifications/mutations";
import { type Database, db } from "@/lib/platform/db/client";
import { transactionUnlessRefused } from "@/lib/platform/db/transaction";
import { type Failure, type FailureWith, fail, failWith, type Success } from "@/lib/platform/errors";
import { metrics } from "@/lib/platform/observability/metrics";
import { displayName, displayNameOrNull } from "@/lib/users/display-name";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

type Transaction = Prisma.TransactionClient;
type Client = Transaction | Database;
type Cell = { issueId: string; partyId: string };
type Link = { evidenceId: string; relation: EvidenceRelation };
type Confidence = { confidence: ConfidenceLevel; confidenceRationale: string | null };

/** Who amended a statement, when and how; `replacementId` is the correction's new statement. */
export type Amendment = {
  kind: AmendmentKind;
  reason: string;
  replacementId: string | null;
  by: string | null;
  at: string;
};

export type CellState = {
  version: number;
  latest: { id: string; position: string; summary: string; statedOn: string; recordedBy: string | null } | null;
  /** The edit that moved the cell to `version`: after a refused edit, the one that won. */
  lastEdit: {
    kind: "recorded" | "corrected" | "retracted";
    statementId: string;
    replacementId: string | null;
    by: string | null;
    at: string;
  } | null;
  /** For a refused correction or retraction: what has become of the statement it meant to amend. */
  target?: { statementId: string; amendment: Amendment | null };
};

/** A conflict carries the cell as the winning edit left it; an amendment that lost, the one that won. */
export type EditRefusal =
  | FailureWith<"conflict", { current: CellState }>
  | Failure<"not_found" | "evidence_not_found">
  | FailureWith<"already_amended", { amendment: Amendment }>;

export type EditResult = Success<{ statementId: string | null; version: number }> | EditRefusal;

/** What a transaction hands back: a lost compare-and-set is told apart, then described after the rollback. */
export type EditOutcome = Exclude<EditResult, { code: "conflict" }> | Failure<"conflict">;

// Inside the transaction; runEdit answers with the cell as the winner left it, read after the rollback.
const CONFLICT = fail("conflict", "Someone edited this cell since you opened it; nothing was saved.");
const NO_SUCH_STATEMENT = fail("not_found", "That statement does not exist in this workspace.");

const personName = displayNameOrNull;

/**
 * Compare-and-set of the cell's version, in SQL: only the edit based on the current version
 * moves it on; every concurrent edit from the same base finds zero rows. Version 0 means "no
 * edit yet", when the row may not exist.
 */
async function advanceCellVersion(
  tx: Transaction,
  workspaceId: string,
  cell: Cell,
  baseVersion: number,
): Promise<number | null> {
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

async function readAmendment(client: Client, workspaceId: string, statementId: string): Promise<Amendment | null> {
  const amendment = await client.statementAmendment.findFirst({
    where: { statementId, workspaceId },
    select: AMENDMENT_SELECT,
  });
  return amendment
    ? {
        kind: amendment.kind,
        reason: amendment.reason,
        replacementId: amendment.replacementId,
        by: personName(amendment.amendedBy),
        at: amendment.amendedAt.toISOString(),
      }
    : null;
}

// Every successful edit of a cell starts its transaction after the previous one committed (its
// base version is read from that commit), so the newest recording or amendment is the last edit.
// A correction's replacement is its amendment, not a recording of its own.
async function readLastEdit(client: Client, workspaceId: string, cell: Cell): Promise<CellState["lastEdit"]> {
  const [row] = await client.$queryRaw<
    {
      kind: "recorded" | "corrected" | "retracted";
      statementId: string;
      replacementId: string | null;
      at: Date;
      name: string | null;
      email: string | null;
    }[]
  >`
    SELECT e.kind, e."statementId", e."replacementId", e.at, u.name, u.email
    FROM (
      SELECT 'recorded' AS kind, s.id AS "statementId", NULL::uuid AS "replacementId", s."recordedById" AS "by", s."recordedAt" AS at
      FROM stance_statements s
      WHERE s."workspaceId" = ${workspaceId}::uuid AND s."issueId" = ${cell.issueId}::uuid AND s."partyId" = ${cell.partyId}::uuid
        AND NOT EXISTS (SELECT 1 FROM statement_amendments r WHERE r."replacementId" = s.id)
      UNION ALL
      SELECT lower(a.kind::text), a."statementId", a."replacementId", a."amendedById", a."amendedAt"
      FROM statement_amendments a JOIN stance_statements s ON s.id = a."statementId"
      WHERE s."workspaceId" = ${workspaceId}::uuid AND s."issueId" = ${cell.issueId}::uuid AND s."partyId" = ${cell.partyId}::uuid
    ) e
    LEFT JOIN users u ON u.id = e."by"
    ORDER BY e.at DESC
    LIMIT 1`;
  return row
    ? {
        kind: row.kind,
        statementId: row.statementId,
        replacementId: row.replacementId,
        by: row.email === null ? null : displayName({ name: row.name ?? "", email: row.email }),
        at: row.at.toISOString(),
      }
    : null;
}

/** The cell as it stands: its version, the statement it shows, the edit that made it so. */
export async function readCellState(workspaceId: string, cell: Cell, targetStatementId?: string): Promise<CellState> {
  const where = { workspaceId, issueId: cell.issueId, partyId: cell.partyId };
  const [row, latest, lastEdit, amendment] = await Promise.all([
    db().stanceCell.findUnique({ where: { workspaceId_issueId_partyId: where }, select: { version: true } }),
    db().stanceStatement.findFirst({
      where: { ...where, amendment: null },
      orderBy: [{ statedOn: "desc" }, { recordedAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        position: true,
        summary: true,
        statedOn: true,
        recordedBy: { select: { name: true, email: true } },
      },
    }),
    readLastEdit(db(), workspaceId, cell),
    targetStatementId ? readAmendment(db(), workspaceId, targetStatementId) : null,
  ]);
  return {
    version: row?.version ?? 0,
    latest: latest
      ? {
          id: latest.id,
          position: latest.position,
          summary: latest.summary,
          statedOn: toCalendarDate(latest.statedOn),
          recordedBy: personName(latest.recordedBy),
        }
      : null,
    lastEdit,
    ...(targetStatementId ? { target: { statementId: targetStatementId, amendment } } : {}),
  };
}

// One after the other: a transaction is one connection, which runs one query at a time anyway.
export async function cellExists(tx: Transaction, workspaceId: string, cell: Cell) {
  const issue = await tx.issue.findFirst({ where: { id: cell.issueId, workspaceId }, select: { id: true } });
  const party = issue && (await tx.party.findFirst({ where: { id: cell.partyId, workspaceId }, select: { id: true } }));
  return Boolean(party);
}

async function evidenceExists(tx: Transaction, workspaceId: string, links: Link[]) {
  if (links.length === 0) return true;
  const found = await tx.evidence.count({ where: { workspaceId, id: { in: links.map((l) => l.evidenceId) } } });
  return found === links.length;
}

const EVIDENCE_NOT_FOUND = fail("evidence_not_found", "One of the linked quotes does not exist in this workspace.");

const NO_QUALITIES: StatementQualities = { redLine: false, conditionText: null, conditionCell: null };

export const CONDITION_NOT_FOUND = fail(
  "not_found",
  "A condition can only point at an issue and a party of this workspace; choose the cell it depends on from this matrix.",
);

/** The condition's cell exists in this workspace (and is not the statement's own). */
export async function conditionCellExists(tx: Transaction, workspaceId: string, qualities: StatementQualities) {
  const target = qualities.conditionCell;
  if (!target) return true;
  return cellExists(tx, workspaceId, { issueId: target.issueId, partyId: target.partyId });
}

function qualityColumns(qualities: StatementQualities) {
  return {
    redLine: qualities.redLine,
    conditionText: qualities.conditionText,
    conditionIssueId: qualities.conditionCell?.issueId ?? null,
    conditionPartyId: qualities.conditionCell?.partyId ?? null,
    conditionMinPosition: qualities.conditionCell?.minPosition ?? null,
  };
}

async function insertStatement(
  tx: Transaction,
  workspace: AuthorizedWorkspace,
  cell: Cell,
  input: Pick<RecordStatementInput, "position" | "summary" | "statedOn">,
  links: Link[],
  confidence: Confidence,
  qualities: StatementQualities = NO_QUALITIES,
) {
  const statement = await tx.stanceStatement.create({
    data: {
      workspaceId: workspace.id,
      ...cell,
      position: input.position,
      summary: input.summary,
      statedOn: fromCalendarDate(input.statedOn),
      confidence: confidence.confidence,
      confidenceRationale: confidence.confidenceRationale,
      ...qualityColumns(qualities),
      recordedById: workspace.userId || null,
    },
    select: { id: true },
  });
  if (links.length > 0) {
    await tx.statementEvidence.createMany({
      data: links.map((l) => ({
        workspaceId: workspace.id,
        statementId: statement.id,
        evidenceId: l.evidenceId,
        relation: l.relation,
      })),
    });
  }
  return statement.id;
}

/**
 * One path for every edit: the transaction either writes everything or, on any refusal, nothing.
 * A lost compare-and-set is answered with the cell as the winner left it, read after the rollback.
 */
export async function runEdit(
  workspace: AuthorizedWorkspace,
  cell: Cell | null,
  edit: (tx: Transaction, cell: Cell) => Promise<EditOutcome>,
  targetStatementId?: string,
): Promise<EditResult> {
  if (!cell) return NO_SUCH_STATEMENT;
  const outcome = await transactionUnlessRefused(db(), (tx) => edit(tx, cell));
  if (outcome.ok || outcome.code !== "conflict") return outcome;
  metrics().editConflicts.inc();
  const current = await readCellState(workspace.id, cell, targetStatementId);
  return failWith(
    "conflict",
    `Someone edited this cell since you opened it (it is now at version ${current.version}); nothing was saved. Check it as it is now and try again.`,
    { current },
  );
}

type RecordedFields = Pick<RecordStatementInput, "position" | "summary" | "statedOn" | "links"> &
  Partial<
    Pick<RecordStatementInput, "confidence" | "confidenceRationale" | "redLine" | "conditionText" | "conditionCell">
  >;

const qualitiesOf = (input: RecordedFields): StatementQualities => ({
  redLine: input.redLine ?? false,
  conditionText: input.conditionText || null,
  conditionCell: input.conditionCell ?? null,
});

const confidenceOf = (input: RecordedFields): Confidence => ({
  confidence: input.confidence ?? "MEDIUM",
  confidenceRationale: input.confidenceRationale || null,
});

/** The activity row of a recording: the same for an edit of one cell and for an import. */
function recordedActivity(
  workspace: AuthorizedWorkspace,
  cell: Cell,
  statementId: string,
  input: RecordedFields,
  provenance: Prisma.InputJsonObject = {},
) {
  return {
    workspaceId: workspace.id,
    actorId: workspace.userId || null,
    action: "stance.recorded",
    subjectType: "stance_statement",
    subjectId: statementId,
    after: {
      ...cell,
      position: input.position,
      summary: input.summary,
      statedOn: input.statedOn,
      links: input.links,
      ...confidenceOf(input),
      ...qualitiesChange(NO_QUALITIES, qualitiesOf(input), "after"),
      ...provenance,
    },
  };
}

/** A new statement in a cell: the statement, its evidence links and the activity row, or nothing. */
export function recordStatement(workspace: AuthorizedWorkspace, input: RecordStatementInput): Promise<EditResult> {
  const cell = { issueId: input.issueId, partyId: input.partyId };
  return runEdit(workspace, cell, (tx) => recordInTransaction(tx, workspace, input));
}

/** recordStatement's writes inside the caller's transaction (an accepted proposal's, too). */
export async function recordInTransaction(
  tx: Transaction,
  workspace: AuthorizedWorkspace,
  input: Omit<RecordStatementInput, "workspaceSlug">,
): Promise<EditOutcome> {
  const cell = { issueId: input.issueId, partyId: input.partyId };
  if (!(await cellExists(tx, workspace.id, cell)))
    return fail("not_found", "That issue or party does not exist in this workspace.");
  if (!(await evidenceExists(tx, workspace.id, input.links))) return EVIDENCE_NOT_FOUND;
  if (!(await conditionCellExists(tx, workspace.id, qualitiesOf(input)))) return CONDITION_NOT_FOUND;
  const version = await advanceCellVersion(tx, workspace.id, cell, input.baseVersion);
  if (version === null) return CONFLICT;
  const statementId = await insertStatement(
    tx,
    workspace,
    cell,
    input,
    input.links,
    confidenceOf(input),
    qualitiesOf(input),
  );
  await recordActivity(tx, recordedActivity(workspace, cell, statementId, input));
  await notifyOfStatement(tx, workspace, cell, statementId);
  return { ok: true, statementId, version };
}

/** Tells the cell's followers that the member changed it, naming the statement written, corrected or retracted. */
function notifyOfStatement(tx: Transaction, workspace: AuthorizedWorkspace, cell: Cell, statementId: string) {
  return notifyCellFollowers(tx, {
    workspaceId: workspace.id,
    ...cell,
    statementId,
    actorId: workspace.userId || null,
  });
}

export type Recording = Cell & {
  fields: Omit<RecordedFields, "links">;
  links?: Link[];
  provenance?: Prisma.InputJsonObject;
};

// Rows per INSERT: well under PostgreSQL's 65,535 bind parameters.
const BATCH = 1000;

/**
 * Many recordings inside the caller's transaction (a spreadsheet import), written as recordStatement
 * writes one: each statement with its "stance.recorded" activity row, each cell's version moved on
 * (once: the import is one edit of the cell) and its followers told once, of its newest statement.
 * Statements are added on top of whatever the cells hold; a cell row is locked, so a concurrent edit
 * waits and then finds its base version stale. Null when the first edit of an empty cell committed
 * meanwhile. The caller checks that the issues and parties exist.
 */
export async function recordStatementsInTransaction(
  tx: Transaction,
  workspace: AuthorizedWorkspace,
  recordings: Recording[],
): Promise<{ statementIds: string[] } | null> {
  const cells = new Map<string, Cell>();
  for (const r of recordings) cells.set(`${r.issueId}|${r.partyId}`, { issueId: r.issueId, partyId: r.partyId });
  for (const cell of cells.values()) {
    const [current] = await tx.$queryRaw<{ version: number }[]>`
      SELECT version FROM stance_cells
      WHERE "workspaceId" = ${workspace.id}::uuid AND "issueId" = ${cell.issueId}::uuid AND "partyId" = ${cell.partyId}::uuid
      FOR UPDATE`;
    if ((await advanceCellVersion(tx, workspace.id, cell, current?.version ?? 0)) === null) return null;
  }
  const statementIds: string[] = [];
  for (let at = 0; at < recordings.length; at += BATCH) {
    const batch = recordings.slice(at, at + BATCH);
    // Ids made here, so each activity row names its statement without relying on RETURNING's order.
    const ids = batch.map(() => randomUUID());
    await tx.stanceStatement.createMany({
      data: batch.map((r, i) => ({
        id: ids[i]!,
        workspaceId: workspace.id,
        issueId: r.issueId,
        partyId: r.partyId,
        position: r.fields.position,
        summary: r.fields.summary,
        statedOn: fromCalendarDate(r.fields.statedOn),
        ...confidenceOf({ ...r.fields, links: [] }),
        recordedById: workspace.userId || null,
      })),
    });
    const links = batch.flatMap((r, i) =>
      (r.links ?? []).map((l) => ({ workspaceId: workspace.id, statementId: ids[i]!, ...l })),
    );
    if (links.length > 0) await tx.statementEvidence.createMany({ data: links });
    await tx.activityEvent.createMany({
      data: batch.map((r, i) =>
        recordedActivity(
          workspace,
          { issueId: r.issueId, partyId: r.partyId },
          ids[i]!,
          { ...r.fields, links: r.links ?? [] },
          r.provenance,
        ),
      ),
    });
    statementIds.push(...ids);
  }
  const newest = new Map<string, { cell: Cell; statementId: string; statedOn: string }>();
  recordings.forEach((r, i) => {
    const key = `${r.issueId}|${r.partyId}`;
    const seen = newest.get(key);
    if (!seen || r.fields.statedOn >= seen.statedOn)
      newest.set(key, { cell: cells.get(key)!, statementId: statementIds[i]!, statedOn: r.fields.statedOn });
  });
  for (const { cell, statementId } of newest.values()) await notifyOfStatement(tx, workspace, cell, statementId);
  return { statementIds };
}

// Read outside the edit's transaction: a statement's cell never changes, so reading it first
// costs no consistency and keeps the transaction to the connection it holds.
export async function findStatement(workspaceId: string, statementId: string) {
  const statement = await db().stanceStatement.findFirst({
    where: { id: statementId, workspaceId },
    select: {
      issueId: true,
      partyId: true,
      ...STANCE_CONTENT_SELECT,
    },
  });
  return statement
    ? {
        cell: { issueId: statement.issueId, partyId: statement.partyId },
        before: {
          position: statement.position,
          summary: statement.summary,
          statedOn: toCalendarDate(statement.statedOn),
        },
        confidence: { confidence: statement.confidence, confidenceRationale: statement.confidenceRationale },
        qualities: {
          redLine: statement.redLine,
          conditionText: statement.conditionText,
          conditionCell:
            statement.conditionIssueId && statement.conditionPartyId && statement.conditionMinPosition
              ? {
                  issueId: statement.conditionIssueId,
                  partyId: statement.conditionPartyId,
                  minPosition: statement.conditionMinPosition as NonNullable<
                    StatementQualities["conditionCell"]
                  >["minPosition"],
                }
              : null,
        } satisfies StatementQualities,
      }
    : null;
}

function readLinks(client: Client, statementId: string): Promise<Link[]> {
  return client.statementEvidence.findMany({
    where: { statementId },
    orderBy: { evidenceId: "asc" },
    select: { evidenceId: true, relation: true },
  });
}

/** Marks a statement amended; refused, and the amendment shown, when someone amended it first. */
async function amend(
  tx: Transaction,
  workspace: AuthorizedWorkspace,
  statementId: string,
  kind: AmendmentKind,
  reason: string,
  replacementId: string | null,
): Promise<EditOutcome | null> {
  // The amendment's primary key is the statement: a second amendment of it cannot be written.
  const inserted = await tx.$executeRaw`
    INSERT INTO statement_amendments ("statementId", "workspaceId", kind, "replacementId", reason, "amendedById", "amendedAt")
    VALUES (${statementId}::uuid, ${workspace.id}::uuid, ${kind}::"AmendmentKind", ${replacementId}::uuid, ${reason}, ${workspace.userId || null}::uuid, now())
    ON CONFLICT ("statementId") DO NOTHING`;
  if (inserted > 0) return null;
  const amendment = (await readAmendment(tx, workspace.id, statementId))!;
  const how = amendment.kind === AmendmentKind.CORRECTED ? "corrected" : "retracted";
  return failWith(
    "already_amended",
    `That statement was already ${how}${amendment.by ? ` by ${amendment.by}` : ""} (${amendment.at.slice(0, 16).replace("T", " ")} UTC); open the cell's history to see the change.`,
    { amendment },
  );
}

/** The qualities an activity row shows: only those a change touched (all of them, from none, on a recording). */
function qualitiesChange(
  was: StatementQualities,
  now: StatementQualities,
  side: "before" | "after",
): Partial<StatementQualities> {
  const shown = side === "before" ? was : now;
  const changed: Partial<StatementQualities> = {};
  if (was.redLine !== now.redLine) changed.redLine = shown.redLine;
  if (was.conditionText !== now.conditionText) changed.conditionText = shown.conditionText;
  if (JSON.stringify(was.conditionCell) !== JSON.stringify(now.conditionCell))
    changed.conditionCell = shown.conditionCell;
  return changed;
}

function confidenceChange(was: Confidence, now: Confidence, side: "before" | "after"): Partial<Confidence> {
  const unchanged = was.confidence === now.confidence && was.confidenceRationale === now.confidenceRationale;
  return unchanged ? {} : side === "before" ? was : now;
}

/**
 * Replaces a wrongly recorded statement; the old one stays in the history, marked corrected.
 * The replacement keeps the old one's quotes (and their relations) unless `links` lists others.
 */
export async function correctStatement(
  workspace: AuthorizedWorkspace,
  input: CorrectStatementInput,
): Promise<EditResult> {
  return amendFoundStatement(workspace, input.statementId, (tx, cell, original) =>
    correctInTransaction(tx, workspace, cell, original, input),
  );
}

/** Finds the statement outside the transaction (see findStatement), then amends it inside one. */
async function amendFoundStatement(
  workspace: AuthorizedWorkspace,
  statementId: string,
  amendInTransaction: (tx: Transaction, cell: Cell, original: FoundStatement) => Promise<EditOutcome>,
): Promise<EditResult> {
  const original = await findStatement(workspace.id, statementId);
  return runEdit(workspace, original?.cell ?? null, (tx, cell) => amendInTransaction(tx, cell, original!), statementId);
}

type FoundStatement = NonNullable<Awaited<ReturnType<typeof findStatement>>>;

/** correctStatement's writes inside the caller's transaction, on a statement found beforehand. */
export async function correctInTransaction(
  tx: Transaction,
  workspace: AuthorizedWorkspace,
  cell: Cell,
  original: FoundStatement,
  input: Omit<CorrectStatementInput, "workspaceSlug">,
): Promise<EditOutcome> {
  if (input.links && !(await evidenceExists(tx, workspace.id, input.links))) return EVIDENCE_NOT_FOUND;
  const had = original.qualities;
  // Carried from the corrected statement unless the correction names them.
  const qualities: StatementQualities = {
    redLine: input.redLine ?? had.redLine,
    conditionText: input.conditionText === undefined ? had.conditionText : input.conditionText || null,
    conditionCell: input.conditionCell === undefined ? had.conditionCell : input.conditionCell,
  };
  if (!(await conditionCellExists(tx, workspace.id, qualities))) return CONDITION_NOT_FOUND;
  const version = await advanceCellVersion(tx, workspace.id, cell, input.baseVersion);
  if (version === null) return CONFLICT;
  // Read in the transaction: a new quote may have been linked to the statement meanwhile.
  const before = { ...original.before, links: await readLinks(tx, input.statementId) };
  const links = input.links ?? before.links;
  const was = original.confidence;
  const confidence: Confidence = {
    confidence: input.confidence ?? was.confidence,
    confidenceRationale:
      input.confidenceRationale === undefined ? was.confidenceRationale : input.confidenceRationale || null,
  };
  const statementId = await insertStatement(tx, workspace, cell, input, links, confidence, qualities);
  const refused = await amend(tx, workspace, input.statementId, AmendmentKind.CORRECTED, input.reason, statementId);
  if (refused) return refused;
  await recordWorkspaceActivity(tx, workspace, {
    action: "stance.corrected",
    subjectType: "stance_statement",
    subjectId: input.statementId,
    // Confidence appears in the activity only when the correction changed it.
    before: {
      ...before,
      ...confidenceChange(was, confidence, "before"),
      ...qualitiesChange(had, qualities, "before"),
    },
    after: {
      replacementId: statementId,
      position: input.position,
      summary: input.summary,
      statedOn: input.statedOn,
      links,
      reason: input.reason,
      ...confidenceChange(was, confidence, "after"),
      ...qualitiesChange(had, qualities, "after"),
    },
  });
  await notifyOfStatement(tx, workspace, cell, statementId);
  return { ok: true, statementId, version };
}

/** Withdraws a statement that should not have been recorded; it stays in the history, marked retracted. */
export async function retractStatement(
  workspace: AuthorizedWorkspace,
  input: RetractStatementInput,
): Promise<EditResult> {
  return amendFoundStatement(workspace, input.statementId, (tx, cell, original) =>
    retractInTransaction(tx, workspace, cell, original, input),
  );
}

/** retractStatement's writes inside the caller's transaction, on a statement found beforehand. */
export async function retractInTransaction(
  tx: Transaction,
  workspace: AuthorizedWorkspace,
  cell: Cell,
  original: FoundStatement,
  input: Omit<RetractStatementInput, "workspaceSlug">,
): Promise<EditOutcome> {
  const version = await advanceCellVersion(tx, workspace.id, cell, input.baseVersion);
  if (version === null) return CONFLICT;
  const refused = await amend(tx, workspace, input.statementId, AmendmentKind.RETRACTED, input.reason, null);
  if (refused) return refused;
  await recordWorkspaceActivity(tx, workspace, {
    action: "stance.retracted",
    subjectType: "stance_statement",
    subjectId: input.statementId,
    before: { ...original.before, links: await readLinks(tx, input.statementId) },
    after: { reason: input.reason },
  });
  await notifyOfStatement(tx, workspace, cell, input.statementId);
  return { ok: true, statementId: null, version };
}
