import "server-only";
import { randomInt } from "node:crypto";
import { recordWorkspaceActivity } from "@/lib/activity/record";
import type { RecordCodeInput, StartCodingRoundInput } from "@/lib/coding/schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CodingRoundStatus, NotificationKind } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/platform/db/client";
import { type ErrorCode, type Failure, fail, ok, type Success } from "@/lib/platform/errors";
import { type AuthorizedWorkspace, PERMISSIONS } from "@/lib/workspaces/access";

type Refusal<R extends ErrorCode> = Failure<R>;

export type StartCodingRoundResult =
  | Success<{ roundId: string; units: number }>
  | Refusal<"not_found" | "not_a_coder" | "too_few_quotes">;

// Fisher–Yates with a cryptographic source: a sample nobody can steer towards easy quotes.
function sample<T>(items: readonly T[], size: number): T[] {
  const pool = [...items];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, size);
}

async function roundQuotes(workspace: AuthorizedWorkspace, scope: StartCodingRoundInput["scope"]) {
  if (scope.kind === "document") {
    const document = await db().document.findFirst({
      where: { id: scope.documentId, workspaceId: workspace.id },
      select: { id: true },
    });
    if (!document) return null;
    const quotes = await db().evidence.findMany({
      where: { workspaceId: workspace.id, documentId: document.id },
      orderBy: [{ startOffset: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    return quotes.map((q) => q.id);
  }
  const quotes = await db().evidence.findMany({ where: { workspaceId: workspace.id }, select: { id: true } });
  return quotes.length < scope.size ? [] : sample(quotes, scope.size).map((q) => q.id);
}

/** Starts a round on the scope's quotes, assigns the coders and tells each of them. */
export async function startCodingRound(
  workspace: AuthorizedWorkspace,
  input: StartCodingRoundInput,
): Promise<StartCodingRoundResult> {
  const coders = await db().membership.findMany({
    where: { workspaceId: workspace.id, userId: { in: input.coderIds }, role: { in: [...PERMISSIONS["coding:code"]] } },
    select: { userId: true },
  });
  if (coders.length !== input.coderIds.length)
    return fail(
      "not_a_coder",
      "Every coder must be a member of this workspace who may record stances (editor or above).",
    );
  const evidenceIds = await roundQuotes(workspace, input.scope);
  if (!evidenceIds) return fail("not_found", "That document does not exist in this workspace.");
  if (evidenceIds.length < 2)
    return fail(
      "too_few_quotes",
      input.scope.kind === "sample"
        ? `The workspace has fewer than ${input.scope.size} quotes.`
        : "That document has fewer than two quotes.",
    );
  return db().$transaction(async (tx) => {
    const round = await tx.codingRound.create({
      data: { workspaceId: workspace.id, title: input.title, createdById: workspace.userId || null },
      select: { id: true },
    });
    await tx.codingCoder.createMany({ data: input.coderIds.map((userId) => ({ roundId: round.id, userId })) });
    await recordWorkspaceActivity(tx, workspace, {
      action: "coding.started",
      subjectType: "coding_round",
      subjectId: round.id,
      after: { title: input.title, units: evidenceIds.length, coders: input.coderIds.length },
    });
    await tx.codingUnit.createMany({
      data: evidenceIds.map((evidenceId, sortOrder) => ({
        roundId: round.id,
        workspaceId: workspace.id,
        evidenceId,
        sortOrder,
      })),
    });
    const recipients = input.coderIds.filter((id) => id !== workspace.userId);
    if (recipients.length)
      await tx.notification.createMany({
        data: recipients.map((userId) => ({
          userId,
          workspaceId: workspace.id,
          kind: NotificationKind.CODING_ROUND_ASSIGNED,
          codingRoundId: round.id,
          actorId: workspace.userId || null,
        })),
      });
    return ok({ roundId: round.id, units: evidenceIds.length });
  });
}

export type RecordCodeResult =
  | Success<{ coded: number; total: number; closed: boolean }>
  | Refusal<"not_found" | "not_a_coder" | "closed">;

/**
 * Records (or changes) the caller's code for one unit. The round closes by itself once every
 * coder has coded every unit; that check runs after the code is committed, so of two coders
 * finishing at once the later one always sees both codes.
 */
export async function recordCode(workspace: AuthorizedWorkspace, input: RecordCodeInput): Promise<RecordCodeResult> {
  const round = await db().codingRound.findFirst({
    where: { id: input.roundId, workspaceId: workspace.id },
    select: {
      id: true,
      status: true,
      coders: { where: { userId: workspace.userId }, select: { userId: true } },
      units: { where: { evidenceId: input.evidenceId }, select: { evidenceId: true } },
    },
  });
  if (!round || round.units.length === 0)
    return fail("not_found", "That quote is not part of a coding round in this workspace.");
  if (round.coders.length === 0) return fail("not_a_coder", "You are not one of this round's coders.");
  if (round.status === CodingRoundStatus.CLOSED)
    return fail("closed", "This round is closed; codes can no longer change.");
  const [party, issue] = await Promise.all([
    db().party.findFirst({ where: { id: input.partyId, workspaceId: workspace.id }, select: { id: true } }),
    db().issue.findFirst({ where: { id: input.issueId, workspaceId: workspace.id }, select: { id: true } }),
  ]);
  if (!party || !issue) return fail("not_found", "That issue or party does not exist in this workspace.");
  const code = { partyId: party.id, issueId: issue.id, position: input.position, codedAt: new Date() };
  await db().codingCode.upsert({
    where: {
      roundId_evidenceId_coderId: { roundId: round.id, evidenceId: input.evidenceId, coderId: workspace.userId },
    },
    create: {
      roundId: round.id,
      workspaceId: workspace.id,
      evidenceId: input.evidenceId,
      coderId: workspace.userId,
      ...code,
    },
    update: code,
  });
  const closed = await closeWhenComplete(workspace, round.id);
  const [coded, total] = await Promise.all([
    db().codingCode.count({ where: { roundId: round.id, coderId: workspace.userId } }),
    db().codingUnit.count({ where: { roundId: round.id } }),
  ]);
  return ok({ coded, total, closed });
}

/** The activity row of a round's closing; `complete` when every unit was coded by every coder. */
function recordRoundClosed(
  tx: Prisma.TransactionClient,
  workspace: AuthorizedWorkspace,
  roundId: string,
  title: string,
  complete: boolean,
) {
  return recordWorkspaceActivity(tx, workspace, {
    action: "coding.closed",
    subjectType: "coding_round",
    subjectId: roundId,
    after: { title, complete },
  });
}

async function closeWhenComplete(workspace: AuthorizedWorkspace, roundId: string): Promise<boolean> {
  const closed = await db().$transaction(async (tx) => {
    const [round] = await tx.$queryRaw<{ title: string }[]>`
      UPDATE coding_rounds r SET status = 'CLOSED', "closedAt" = now()
      WHERE r.id = ${roundId}::uuid AND r.status = 'OPEN'
        AND (SELECT count(*) FROM coding_codes c WHERE c."roundId" = r.id)
          = (SELECT count(*) FROM coding_units u WHERE u."roundId" = r.id)
            * (SELECT count(*) FROM coding_coders k WHERE k."roundId" = r.id)
      RETURNING r.title`;
    if (!round) return false;
    await recordRoundClosed(tx, workspace, roundId, round.title, true);
    return true;
  });
  if (closed) return true;
  const round = await db().codingRound.findUnique({ where: { id: roundId }, select: { status: true } });
  return round?.status === CodingRoundStatus.CLOSED;
}

/** An owner or reviewer ends a round early; the agreement is then computed on what was coded. */
export async function closeCodingRound(
  workspace: AuthorizedWorkspace,
  roundId: string,
): Promise<Success | Refusal<"not_found" | "closed">> {
  const closed = await db().$transaction(async (tx) => {
    const [round] = await tx.codingRound.updateManyAndReturn({
      where: { id: roundId, workspaceId: workspace.id, status: CodingRoundStatus.OPEN },
      data: { status: CodingRoundStatus.CLOSED, closedAt: new Date() },
      select: { title: true },
    });
    if (!round) return false;
    await recordRoundClosed(tx, workspace, roundId, round.title, false);
    return true;
  });
  if (closed) return ok();
  const exists = await db().codingRound.findFirst({
    where: { id: roundId, workspaceId: workspace.id },
    select: { id: true },
  });
  return exists
    ? fail("closed", "This round is already closed.")
    : fail("not_found", "No such coding round in this workspace.");
}
