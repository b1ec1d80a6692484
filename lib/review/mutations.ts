import "server-only";
import { recordWorkspaceActivity } from "@/lib/activity/record";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NotificationKind, ProposalStatus, Role } from "@/lib/generated/prisma/enums";
import { fromCalendarDate, toCalendarDate } from "@/lib/matrix/dates";
import {
  type CellState,
  CONDITION_NOT_FOUND,
  cellExists,
  conditionCellExists,
  correctInTransaction,
  type EditOutcome,
  type EditRefusal,
  findStatement,
  readCellState,
  recordInTransaction,
  retractInTransaction,
  runEdit,
} from "@/lib/matrix/mutations";
import { resolvePositionLabels } from "@/lib/matrix/positions";
import type { ConfidenceLevel } from "@/lib/matrix/schema";
import { db } from "@/lib/platform/db/client";
import { transactionUnlessRefused } from "@/lib/platform/db/transaction";
import { AccessError, type Failure, type FailureWith, fail, failWith, type Success } from "@/lib/platform/errors";
import { PROPOSED_STANCE_SELECT, readReviewMode } from "@/lib/review/data";
import {
  type DecideProposalInput,
  type OwnReadingInput,
  ProposalLinksSchema,
  ProposalQualitiesSchema,
  type ProposeEditInput,
} from "@/lib/review/schema";
import { type AuthorizedWorkspace, workspaceAllows } from "@/lib/workspaces/access";

type Transaction = Prisma.TransactionClient;
type Cell = { issueId: string; partyId: string };

export type ProposalRefusal =
  | Failure<"not_found" | "already_decided" | "evidence_not_found" | "already_amended">
  /** The cell moved on since the proposal was made: `current` names the statement that won. */
  | FailureWith<"stale", { current: CellState }>;

export type ProposeResult = Success<{ proposalId: string }> | ProposalRefusal;
export type DecisionResult =
  | Success<{ proposalId: string; statementId: string | null; version: number | null; rejected: string[] }>
  | ProposalRefusal;
export type RebaseResult = Success<{ proposalId: string; baseVersion: number }> | ProposalRefusal;

const NO_SUCH_PROPOSAL = fail("not_found", "That proposal does not exist in this workspace.");

export const REVIEW_MODE_MESSAGE =
  "This workspace is in review mode: an editor's change is proposed for a reviewer to accept, not saved directly.";

/** Direct stance edits while review mode is on are for reviewers and owners; editors propose. */
export async function requireDirectEditing(workspace: AuthorizedWorkspace): Promise<void> {
  if (workspaceAllows(workspace, "proposal:review")) return;
  if (await readReviewMode(workspace)) throw new AccessError("forbidden", REVIEW_MODE_MESSAGE);
}

export async function setReviewMode(workspace: AuthorizedWorkspace, reviewMode: boolean) {
  await db().$transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({ where: { id: workspace.id }, select: { reviewMode: true } });
    if (before.reviewMode === reviewMode) return;
    await tx.workspace.update({ where: { id: workspace.id }, data: { reviewMode } });
    await recordWorkspaceActivity(tx, workspace, {
      action: "workspace.review_mode",
      subjectType: "workspace",
      subjectId: workspace.id,
      before: { reviewMode: before.reviewMode },
      after: { reviewMode },
    });
  });
}

async function notify(
  tx: Transaction,
  workspace: AuthorizedWorkspace,
  kind: NotificationKind,
  proposalId: string,
  userIds: (string | null)[],
) {
  const recipients = [...new Set(userIds.filter((id): id is string => Boolean(id) && id !== workspace.userId))];
  if (recipients.length === 0) return;
  await tx.notification.createMany({
    data: recipients.map((userId) => ({
      userId,
      workspaceId: workspace.id,
      kind,
      proposalId,
      actorId: workspace.userId || null,
    })),
  });
}

/**
 * An edit proposed for review: checked as the edit would be, then stored with the cell version it
 * reads. Review mode makes proposing the only way for an editor; with it off, proposing is optional.
 */
/** The red line and condition a proposal names; a correction's unnamed ones stay the corrected statement's. */
function proposedQualities(input: Exclude<ProposeEditInput, { kind: "RETRACT" }>): Prisma.InputJsonObject | undefined {
  const named = Object.fromEntries(
    Object.entries({
      redLine: input.redLine,
      conditionText: input.conditionText,
      conditionCell: input.conditionCell,
    }).filter(([, value]) => value !== undefined),
  );
  return Object.keys(named).length > 0 ? (named as Prisma.InputJsonObject) : undefined;
}

/** The statement a proposal would record; a retraction proposes none. */
function proposedStatement(input: ProposeEditInput) {
  if (input.kind === "RETRACT") return {};
  return {
    position: input.position,
    summary: input.summary,
    statedOn: fromCalendarDate(input.statedOn),
    confidence: input.confidence ?? ("MEDIUM" as ConfidenceLevel),
    confidenceRationale: input.confidenceRationale || null,
    qualities: proposedQualities(input),
  };
}

async function notifyReviewers(tx: Transaction, workspace: AuthorizedWorkspace, proposalId: string) {
  const reviewers = await tx.membership.findMany({
    where: { workspaceId: workspace.id, role: { in: [Role.OWNER, Role.REVIEWER] } },
    select: { userId: true },
  });
  await notify(
    tx,
    workspace,
    NotificationKind.PROPOSAL_WAITING,
    proposalId,
    reviewers.map((r) => r.userId),
  );
}

export async function proposeEdit(workspace: AuthorizedWorkspace, input: ProposeEditInput): Promise<ProposeResult> {
  let cell: Cell;
  if (input.kind === "RECORD") cell = { issueId: input.issueId, partyId: input.partyId };
  else {
    const target = await findStatement(workspace.id, input.statementId);
    if (!target) return fail("not_found", "That statement does not exist in this workspace.");
    cell = target.cell;
  }
  return transactionUnlessRefused(db(), async (tx) => {
    if (!(await cellExists(tx, workspace.id, cell)))
      return fail("not_found", "That issue or party does not exist in this workspace.");
    const links = input.kind === "RETRACT" ? [] : input.links;
    if (links.length > 0) {
      const found = await tx.evidence.count({
        where: { workspaceId: workspace.id, id: { in: links.map((l) => l.evidenceId) } },
      });
      if (found !== links.length)
        return fail("evidence_not_found", "One of the linked quotes does not exist in this workspace.");
    }
    if (
      input.kind !== "RETRACT" &&
      !(await conditionCellExists(tx, workspace.id, {
        redLine: false,
        conditionText: null,
        conditionCell: input.conditionCell ?? null,
      }))
    )
      return CONDITION_NOT_FOUND;
    const proposal = await tx.stanceProposal.create({
      data: {
        workspaceId: workspace.id,
        ...cell,
        kind: input.kind,
        baseVersion: input.baseVersion,
        targetStatementId: input.kind === "RECORD" ? null : input.statementId,
        ...proposedStatement(input),
        links,
        reason: input.kind === "RECORD" ? null : input.reason,
        rationale: input.rationale,
        proposedById: workspace.userId || null,
      },
      select: { id: true },
    });
    await recordWorkspaceActivity(tx, workspace, {
      action: "proposal.opened",
      subjectType: "stance_proposal",
      subjectId: proposal.id,
      after: {
        ...cell,
        kind: input.kind,
        baseVersion: input.baseVersion,
        ...(input.kind === "RETRACT" ? {} : { position: input.position, summary: input.summary }),
        rationale: input.rationale,
      },
    });
    await notifyReviewers(tx, workspace, proposal.id);
    return { ok: true, proposalId: proposal.id };
  });
}

type Decided = { decidedById: string | null; decidedAt: Date; decisionRationale: string };

/**
 * Closes the cell's open proposals as rejected readings, each with its activity row and a notice
 * to its author, inside the deciding transaction. `instead` says what won: a proposal or the
 * reviewer's own reading.
 */
async function rejectOpenProposals(
  tx: Transaction,
  workspace: AuthorizedWorkspace,
  cell: Cell,
  decided: Decided,
  instead: { acceptedInstead: string } | { ownReading: string },
) {
  const rejected = await tx.stanceProposal.findMany({
    where: { workspaceId: workspace.id, ...cell, status: ProposalStatus.OPEN },
    select: { id: true, proposedById: true },
  });
  if (rejected.length === 0) return rejected;
  await tx.stanceProposal.updateMany({
    where: { id: { in: rejected.map((r) => r.id) } },
    data: { status: ProposalStatus.REJECTED, ...decided },
  });
  for (const r of rejected) {
    await recordWorkspaceActivity(tx, workspace, {
      action: "proposal.rejected",
      subjectType: "stance_proposal",
      subjectId: r.id,
      after: { ...cell, rationale: decided.decisionRationale, ...instead },
    });
    await notify(tx, workspace, NotificationKind.PROPOSAL_REJECTED, r.id, [r.proposedById]);
  }
  return rejected;
}

const proposalSelect = {
  ...PROPOSED_STANCE_SELECT,
  status: true,
  qualities: true,
  proposedById: true,
} as const satisfies Prisma.StanceProposalSelect;

type ProposalRow = Prisma.StanceProposalGetPayload<{ select: typeof proposalSelect }>;

function findProposal(workspaceId: string, proposalId: string) {
  return db().stanceProposal.findFirst({ where: { id: proposalId, workspaceId }, select: proposalSelect });
}

function alreadyDecided(status: ProposalStatus) {
  return fail(
    "already_decided",
    `That proposal was already ${status === ProposalStatus.ACCEPTED ? "accepted" : "rejected"}.`,
  );
}

function describeWinner(current: CellState, labels: Record<string, string>): string {
  return current.latest
    ? `now ${labels[current.latest.position] ?? current.latest.position} — “${current.latest.summary}”${current.latest.recordedBy ? ` (recorded by ${current.latest.recordedBy})` : ""}`
    : "it now has no statement";
}

function staleMessage(proposal: ProposalRow, current: CellState, labels: Record<string, string>): string {
  const winner = describeWinner(current, labels);
  const by = current.lastEdit?.by ? `; last ${current.lastEdit.kind} by ${current.lastEdit.by}` : "";
  return `This proposal is stale: it was made on version ${proposal.baseVersion} of the cell, which has moved on to version ${current.version} (${winner}${by}). Its author can rebase it on the current statement.`;
}

async function positionLabels(workspaceId: string) {
  const row = await db().workspace.findUnique({ where: { id: workspaceId }, select: { positionLabels: true } });
  return resolvePositionLabels(row?.positionLabels ?? {});
}

/** A refused edit as a proposal's refusal: a lost compare-and-set means the proposal went stale. */
async function asProposalRefusal(
  workspaceId: string,
  refusal: EditRefusal,
  staleMessage: (current: CellState, labels: Record<string, string>) => string,
): Promise<ProposalRefusal> {
  if (refusal.code !== "conflict") return refusal;
  const current = refusal.details.current;
  return failWith("stale", staleMessage(current, await positionLabels(workspaceId)), { current });
}

/** A proposal's statement as the edit forms give it. */
function proposedFields(proposal: ProposalRow) {
  return {
    baseVersion: proposal.baseVersion,
    position: proposal.position!,
    summary: proposal.summary ?? "",
    statedOn: proposal.statedOn ? toCalendarDate(proposal.statedOn) : "",
    links: ProposalLinksSchema.parse(proposal.links),
    confidence: proposal.confidence ?? undefined,
    confidenceRationale: proposal.confidenceRationale ?? "",
    ...ProposalQualitiesSchema.parse(proposal.qualities ?? {}),
  };
}

/** The proposed edit made through the same compare-and-set as a direct one, in `author`'s name. */
function applyProposal(
  tx: Transaction,
  author: AuthorizedWorkspace,
  proposal: ProposalRow,
  target: Awaited<ReturnType<typeof findStatement>>,
  fields: ReturnType<typeof proposedFields>,
): Promise<EditOutcome> {
  const cell = { issueId: proposal.issueId, partyId: proposal.partyId };
  if (proposal.kind === "RECORD") return recordInTransaction(tx, author, { ...cell, ...fields });
  if (proposal.kind === "CORRECT")
    return correctInTransaction(tx, author, cell, target!, {
      ...fields,
      statementId: target ? proposal.targetStatementId! : "",
      reason: proposal.reason ?? "",
    });
  return retractInTransaction(tx, author, cell, target!, {
    baseVersion: proposal.baseVersion,
    statementId: proposal.targetStatementId!,
    reason: proposal.reason ?? "",
  });
}

/**
 * Applies a proposal through the same compare-and-set as a direct edit, in one transaction with
 * its decision; the cell's other open proposals close as rejected readings with the same
 * rationale. A proposal whose base version moved on is refused as stale, naming what won.
 */
export async function acceptProposal(
  workspace: AuthorizedWorkspace,
  input: Omit<DecideProposalInput, "workspaceSlug">,
): Promise<DecisionResult> {
  const proposal = await findProposal(workspace.id, input.proposalId);
  if (!proposal) return NO_SUCH_PROPOSAL;
  if (proposal.status !== ProposalStatus.OPEN) return alreadyDecided(proposal.status);
  const cell = { issueId: proposal.issueId, partyId: proposal.partyId };
  // The statement is the proposer's reading: recorded in their name, accepted in the reviewer's.
  const author = { ...workspace, userId: proposal.proposedById ?? "" } as AuthorizedWorkspace;
  const target = proposal.targetStatementId ? await findStatement(workspace.id, proposal.targetStatementId) : null;
  if (proposal.targetStatementId && !target) return NO_SUCH_PROPOSAL;
  const fields = proposedFields(proposal);
  let rejected: { id: string; proposedById: string | null }[] = [];
  const result = await runEdit(
    author,
    cell,
    async (tx): Promise<EditOutcome> => {
      const outcome = await applyProposal(tx, author, proposal, target, fields);
      if (!outcome.ok) return outcome;
      // After the compare-and-set, which holds the cell's row: concurrent acceptances on one cell
      // queue there rather than on each other's proposal rows.
      const decided = {
        decidedById: workspace.userId || null,
        decidedAt: new Date(),
        decisionRationale: input.rationale,
      };
      const claimed = await tx.stanceProposal.updateMany({
        where: { id: proposal.id, workspaceId: workspace.id, status: ProposalStatus.OPEN },
        data: { status: ProposalStatus.ACCEPTED, statementId: outcome.statementId, ...decided },
      });
      if (claimed.count === 0) return fail("not_found", "That proposal was decided meanwhile.");
      rejected = await rejectOpenProposals(tx, workspace, cell, decided, { acceptedInstead: proposal.id });
      await recordWorkspaceActivity(tx, workspace, {
        action: "proposal.accepted",
        subjectType: "stance_proposal",
        subjectId: proposal.id,
        after: {
          ...cell,
          statementId: outcome.statementId,
          rationale: input.rationale,
          rejected: rejected.map((r) => r.id),
        },
      });
      await notify(tx, workspace, NotificationKind.PROPOSAL_ACCEPTED, proposal.id, [proposal.proposedById]);
      return outcome;
    },
    proposal.targetStatementId ?? undefined,
  );
  if (result.ok)
    return {
      ok: true,
      proposalId: proposal.id,
      statementId: result.statementId,
      version: result.version,
      rejected: rejected.map((r) => r.id),
    };
  return asProposalRefusal(workspace.id, result, (current, labels) => staleMessage(proposal, current, labels));
}

export type OwnReadingResult = { ok: true; statementId: string; version: number; rejected: string[] } | ProposalRefusal;

/**
 * The reviewer writes their own reading instead of any proposed one: it is recorded as a direct
 * edit (same compare-and-set, in the reviewer's name) and, in the same transaction, every open
 * proposal on the cell closes as a rejected reading with the reviewer's rationale.
 */
export async function recordOwnReading(
  workspace: AuthorizedWorkspace,
  input: Omit<OwnReadingInput, "workspaceSlug">,
): Promise<OwnReadingResult> {
  const { rationale, ...reading } = input;
  const cell = { issueId: input.issueId, partyId: input.partyId };
  let rejected: { id: string }[] = [];
  const result = await runEdit(workspace, cell, async (tx): Promise<EditOutcome> => {
    const outcome = await recordInTransaction(tx, workspace, reading);
    if (!outcome.ok) return outcome;
    const decided = { decidedById: workspace.userId || null, decidedAt: new Date(), decisionRationale: rationale };
    rejected = await rejectOpenProposals(tx, workspace, cell, decided, { ownReading: outcome.statementId! });
    await recordWorkspaceActivity(tx, workspace, {
      action: "proposal.own_reading",
      subjectType: "stance_statement",
      subjectId: outcome.statementId!,
      after: { ...cell, rationale, rejected: rejected.map((r) => r.id) },
    });
    return outcome;
  });
  if (result.ok)
    return { ok: true, statementId: result.statementId!, version: result.version, rejected: rejected.map((r) => r.id) };
  return asProposalRefusal(
    workspace.id,
    result,
    (current, labels) =>
      `The cell changed while you wrote your reading: it is at version ${current.version} (${describeWinner(current, labels)}). Read it again before deciding.`,
  );
}

export async function rejectProposal(
  workspace: AuthorizedWorkspace,
  input: Omit<DecideProposalInput, "workspaceSlug">,
): Promise<DecisionResult> {
  const proposal = await findProposal(workspace.id, input.proposalId);
  if (!proposal) return NO_SUCH_PROPOSAL;
  return transactionUnlessRefused(db(), async (tx) => {
    const claimed = await tx.stanceProposal.updateMany({
      where: { id: proposal.id, workspaceId: workspace.id, status: ProposalStatus.OPEN },
      data: {
        status: ProposalStatus.REJECTED,
        decidedById: workspace.userId || null,
        decidedAt: new Date(),
        decisionRationale: input.rationale,
      },
    });
    if (claimed.count === 0) {
      const now = await tx.stanceProposal.findFirst({ where: { id: proposal.id }, select: { status: true } });
      return alreadyDecided(now?.status ?? ProposalStatus.REJECTED);
    }
    await recordWorkspaceActivity(tx, workspace, {
      action: "proposal.rejected",
      subjectType: "stance_proposal",
      subjectId: proposal.id,
      after: { issueId: proposal.issueId, partyId: proposal.partyId, rationale: input.rationale },
    });
    await notify(tx, workspace, NotificationKind.PROPOSAL_REJECTED, proposal.id, [proposal.proposedById]);
    return { ok: true, proposalId: proposal.id, statementId: null, version: null, rejected: [] };
  });
}

/**
 * Re-proposes an open proposal on the cell as it stands now. A correction or retraction follows
 * its statement to the correction that replaced it; one whose statement was retracted has
 * nothing left to amend.
 */
export async function rebaseProposal(workspace: AuthorizedWorkspace, proposalId: string): Promise<RebaseResult> {
  const proposal = await findProposal(workspace.id, proposalId);
  if (!proposal) return NO_SUCH_PROPOSAL;
  if (proposal.proposedById !== workspace.userId)
    throw new AccessError("forbidden", "Only the proposal's author can rebase it.");
  if (proposal.status !== ProposalStatus.OPEN) return alreadyDecided(proposal.status);
  const current = await readCellState(workspace.id, { issueId: proposal.issueId, partyId: proposal.partyId });
  let targetStatementId = proposal.targetStatementId;
  while (targetStatementId) {
    const amendment = await db().statementAmendment.findUnique({
      where: { statementId: targetStatementId },
      select: { kind: true, replacementId: true },
    });
    if (!amendment) break;
    if (amendment.kind === "RETRACTED")
      return fail(
        "already_amended",
        "The statement this proposal amends was retracted: there is nothing left to amend. Propose a new statement instead.",
      );
    targetStatementId = amendment.replacementId;
  }
  const updated = await db().$transaction(async (tx) => {
    const { count } = await tx.stanceProposal.updateMany({
      where: { id: proposal.id, status: ProposalStatus.OPEN },
      data: { baseVersion: current.version, targetStatementId },
    });
    if (count > 0)
      await recordWorkspaceActivity(tx, workspace, {
        action: "proposal.rebased",
        subjectType: "stance_proposal",
        subjectId: proposal.id,
        before: { baseVersion: proposal.baseVersion, targetStatementId: proposal.targetStatementId },
        after: { baseVersion: current.version, targetStatementId },
      });
    return count;
  });
  if (updated === 0) return alreadyDecided(ProposalStatus.REJECTED);
  return { ok: true, proposalId: proposal.id, baseVersion: current.version };
}
