import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { listProposalThreads } from "@/lib/comments/data";
import { postComment, replyToComment } from "@/lib/comments/mutations";
import { canonicalizeWorkspaceExport } from "@/lib/exports/canonical";
import { getWorkspaceExport } from "@/lib/exports/data";
import { importWorkspaceExport } from "@/lib/exports/mutations";
import { Role } from "@/lib/generated/prisma/enums";
import { getMatrix } from "@/lib/matrix/data";
import { recordStatement } from "@/lib/matrix/mutations";
import { acceptInvitation, changeMemberRole, createInvitation } from "@/lib/members/mutations";
import { CreateInvitationSchema } from "@/lib/members/schema";
import { db } from "@/lib/platform/db/client";
import { unwrap } from "@/lib/platform/errors";
import {
  acceptProposal,
  type DecisionResult,
  proposeEdit,
  rebaseProposal,
  recordOwnReading,
  rejectProposal,
  requireDirectEditing,
  setReviewMode,
} from "@/lib/review/mutations";
import { type AuthorizedWorkspace, roleAllows, trustedWorkspace } from "@/lib/workspaces/access";
import { resetDatabase } from "../support/database";
import { addMember, seedOwnedDemoWorkspace } from "../support/demo-workspaces";

// Calls the mutations directly, as the server actions do once the gate has let a request through;
// who may call which action is tests/e2e/policy.test.ts's concern. Runs on real PostgreSQL and on
// PGlite: there the contenders go one after another, as in stance-editing.test.ts.

const EMBEDDED = process.env.PARLEY_DATABASE_KIND === "embedded";

async function race<T>(tasks: (() => Promise<T>)[]): Promise<T[]> {
  if (!EMBEDDED) return Promise.all(tasks.map((task) => task()));
  const results: T[] = [];
  for (const task of tasks) results.push(await task());
  return results;
}

let owner: AuthorizedWorkspace;
let editorA: AuthorizedWorkspace;
let editorB: AuthorizedWorkspace;
let reviewer: AuthorizedWorkspace;
let issues: string[];
let parties: string[];

async function version(issueId: string, partyId: string) {
  const row = await db().stanceCell.findUnique({
    where: { workspaceId_issueId_partyId: { workspaceId: owner.id, issueId, partyId } },
    select: { version: true },
  });
  return row?.version ?? 0;
}

type RecordProposal = Extract<Parameters<typeof proposeEdit>[1], { kind: "RECORD" }>;

/** An editor's proposal to record a statement on the cell: opposed, on 1 March, unless `fields` say otherwise. */
function record(
  ws: AuthorizedWorkspace,
  issueId: string,
  partyId: string,
  baseVersion: number,
  summary: string,
  fields: Partial<RecordProposal> = {},
) {
  return proposeEdit(ws, {
    kind: "RECORD",
    workspaceSlug: ws.slug,
    issueId,
    partyId,
    baseVersion,
    position: "OPPOSES",
    summary,
    statedOn: "2022-03-01",
    links: [],
    rationale: `Why: ${summary}`,
    ...fields,
  });
}

function proposalId(result: Awaited<ReturnType<typeof proposeEdit>>): string {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return (result as { proposalId: string }).proposalId;
}

beforeAll(async () => {
  await resetDatabase();
  owner = await seedOwnedDemoWorkspace("review");
  editorA = await addMember(owner, "Alice", Role.EDITOR);
  editorB = await addMember(owner, "Bruno", Role.EDITOR);
  reviewer = await addMember(owner, "Rita", Role.REVIEWER);
  const matrix = await getMatrix(owner, "2022-02-16");
  issues = matrix.issues.map((i) => i.id);
  parties = matrix.parties.map((p) => p.id);
});

describe("the reviewer role", () => {
  it("is granted by changing a member's role and through an invitation", async () => {
    const extra = await addMember(owner, "Rolf", Role.EDITOR);
    unwrap(await changeMemberRole(owner, extra.userId, Role.REVIEWER));
    const invited = await db().user.create({
      data: { email: `ivy-${randomUUID().slice(0, 8)}@parley.test`, name: "Ivy" },
      select: { id: true },
    });
    const input = CreateInvitationSchema.parse({ workspaceSlug: owner.slug, role: "REVIEWER", expiresInDays: 1 });
    const invitation = await createInvitation(owner, input);
    unwrap(await acceptInvitation(invited.id, invitation.path.split("/").pop()!));
    const roles = await db().membership.findMany({
      where: { workspaceId: owner.id, userId: { in: [extra.userId, invited.id] } },
      select: { role: true },
    });
    expect(roles).toEqual([{ role: "REVIEWER" }, { role: "REVIEWER" }]);
  });
});

describe("review mode off", () => {
  it("lets editors edit directly", async () => {
    await expect(requireDirectEditing(editorA)).resolves.toBeUndefined();
  });

  it("gives proposing to editors and up, and deciding to reviewers and owners only", () => {
    expect(
      [Role.OWNER, Role.REVIEWER, Role.EDITOR, Role.COMMENTER, Role.VIEWER].map((r) => roleAllows(r, "stance:write")),
    ).toEqual([true, true, true, false, false]);
    expect(
      [Role.OWNER, Role.REVIEWER, Role.EDITOR, Role.COMMENTER, Role.VIEWER].map((r) =>
        roleAllows(r, "proposal:review"),
      ),
    ).toEqual([true, true, false, false, false]);
  });
});

describe("review mode on", () => {
  beforeAll(async () => {
    await setReviewMode(owner, true);
  });

  it("refuses an editor's direct edit but not a reviewer's", async () => {
    await expect(requireDirectEditing(editorA)).rejects.toMatchObject({ code: "forbidden" });
    await expect(requireDirectEditing(reviewer)).resolves.toBeUndefined();
    await expect(requireDirectEditing(owner)).resolves.toBeUndefined();
  });

  it("two proposals on one cell: the accepted one shows, the other is kept as a rejected reading", async () => {
    const [issueId, partyId] = [issues[0]!, parties[0]!];
    const base = await version(issueId, partyId);
    const before = await getMatrix(owner, "2022-03-02");
    const a = proposalId(await record(editorA, issueId, partyId, base, "Alice reads it as opposed."));
    const b = proposalId(
      await record(editorB, issueId, partyId, base, "Bruno reads it as conditional.", {
        position: "CONDITIONAL",
        rationale: "The minister named conditions.",
      }),
    );
    // Proposals change nothing the matrix shows.
    const pending = await getMatrix(owner, "2022-03-02");
    expect(pending.cells.find((c) => c.issueId === issueId && c.partyId === partyId)).toEqual(
      before.cells.find((c) => c.issueId === issueId && c.partyId === partyId),
    );
    const accepted = await acceptProposal(reviewer, { proposalId: b, rationale: "The conditions are explicit." });
    expect(accepted).toMatchObject({ ok: true, rejected: [a] });
    const after = await getMatrix(owner, "2022-03-02");
    const cell = after.cells.find((c) => c.issueId === issueId && c.partyId === partyId)!;
    expect(cell.statement).toMatchObject({ position: "CONDITIONAL", summary: "Bruno reads it as conditional." });
    expect(cell.version).toBe(base + 1);
    const rows = await db().stanceProposal.findMany({
      where: { id: { in: [a, b] } },
      select: {
        id: true,
        status: true,
        decisionRationale: true,
        decidedById: true,
        rationale: true,
        statementId: true,
      },
    });
    expect(rows.find((r) => r.id === a)).toMatchObject({
      status: "REJECTED",
      decisionRationale: "The conditions are explicit.",
      decidedById: reviewer.userId,
      rationale: "Why: Alice reads it as opposed.",
    });
    const won = rows.find((r) => r.id === b)!;
    expect(won).toMatchObject({ status: "ACCEPTED", decisionRationale: "The conditions are explicit." });
    const statement = await db().stanceStatement.findUniqueOrThrow({
      where: { id: won.statementId! },
      select: { recordedById: true },
    });
    expect(statement.recordedById).toBe(editorB.userId);
    const notices = await db().notification.findMany({
      where: { workspaceId: owner.id, proposalId: { in: [a, b] } },
      select: { userId: true, kind: true, proposalId: true },
    });
    expect(notices).toEqual(
      expect.arrayContaining([
        { userId: editorA.userId, kind: "PROPOSAL_REJECTED", proposalId: a },
        { userId: editorB.userId, kind: "PROPOSAL_ACCEPTED", proposalId: b },
        { userId: reviewer.userId, kind: "PROPOSAL_WAITING", proposalId: a },
        { userId: owner.userId, kind: "PROPOSAL_WAITING", proposalId: b },
      ]),
    );
    expect(await acceptProposal(reviewer, { proposalId: a, rationale: "Too late." })).toMatchObject({
      ok: false,
      code: "already_decided",
    });
  });

  it("refuses a stale proposal naming the statement that won, and accepts it once its author rebased it", async () => {
    const [issueId, partyId] = [issues[1]!, parties[1]!];
    const base = await version(issueId, partyId);
    const stale = proposalId(await record(editorA, issueId, partyId, base, "Alice's reading, soon stale."));
    const direct = await recordStatement(reviewer, {
      workspaceSlug: owner.slug,
      issueId,
      partyId,
      baseVersion: base,
      position: "SUPPORTS",
      summary: "Rita recorded this directly.",
      statedOn: "2022-03-02",
      links: [],
    });
    expect(direct).toMatchObject({ ok: true });
    const refused = await acceptProposal(reviewer, { proposalId: stale, rationale: "Looks right." });
    expect(refused).toMatchObject({ ok: false, code: "stale" });
    const message = (refused as { message: string }).message;
    expect(message).toContain("Rita recorded this directly.");
    expect(message).toContain("Rita");
    expect(await db().stanceProposal.findUniqueOrThrow({ where: { id: stale }, select: { status: true } })).toEqual({
      status: "OPEN",
    });
    await expect(rebaseProposal(editorB, stale)).rejects.toMatchObject({ code: "forbidden" });
    expect(await rebaseProposal(editorA, stale)).toMatchObject({ ok: true, baseVersion: base + 1 });
    expect(await acceptProposal(reviewer, { proposalId: stale, rationale: "Rebased and right." })).toMatchObject({
      ok: true,
    });
    const matrix = await getMatrix(owner, "2022-03-02");
    expect(matrix.cells.find((c) => c.issueId === issueId && c.partyId === partyId)?.statement?.summary).toBe(
      "Rita recorded this directly.",
    );
    expect(await version(issueId, partyId)).toBe(base + 2);
  });

  it("applies a proposed correction and a proposed retraction as the direct edits would", async () => {
    const [issueId, partyId] = [issues[0]!, parties[0]!];
    const shown = await db().stanceStatement.findFirstOrThrow({
      where: { workspaceId: owner.id, issueId, partyId, amendment: null },
      orderBy: [{ statedOn: "desc" }, { recordedAt: "desc" }],
      select: { id: true },
    });
    const correction = proposalId(
      await proposeEdit(editorA, {
        kind: "CORRECT",
        workspaceSlug: owner.slug,
        statementId: shown.id,
        baseVersion: await version(issueId, partyId),
        position: "REJECTS",
        summary: "Alice's corrected reading.",
        statedOn: "2022-03-01",
        links: [],
        reason: "Misread the date.",
        rationale: "The transcript says so.",
      }),
    );
    const corrected = await acceptProposal(reviewer, { proposalId: correction, rationale: "Right." });
    expect(corrected).toMatchObject({ ok: true });
    const replacementId = (corrected as { statementId: string }).statementId;
    expect(
      await db().statementAmendment.findUniqueOrThrow({
        where: { statementId: shown.id },
        select: { kind: true, replacementId: true, amendedById: true, reason: true },
      }),
    ).toEqual({ kind: "CORRECTED", replacementId, amendedById: editorA.userId, reason: "Misread the date." });
    const retraction = proposalId(
      await proposeEdit(editorB, {
        kind: "RETRACT",
        workspaceSlug: owner.slug,
        statementId: replacementId,
        baseVersion: await version(issueId, partyId),
        reason: "Wrong party.",
        rationale: "",
      }),
    );
    expect(await acceptProposal(owner, { proposalId: retraction, rationale: "Agreed." })).toMatchObject({ ok: true });
    expect(
      await db().statementAmendment.findUniqueOrThrow({
        where: { statementId: replacementId },
        select: { kind: true, amendedById: true },
      }),
    ).toEqual({ kind: "RETRACTED", amendedById: editorB.userId });
  });

  it("rejects a proposal with a rationale and leaves the cell alone", async () => {
    const [issueId, partyId] = [issues[2]!, parties[0]!];
    const base = await version(issueId, partyId);
    const id = proposalId(await record(editorA, issueId, partyId, base, "A reading to reject."));
    expect(await rejectProposal(reviewer, { proposalId: id, rationale: "The quote says otherwise." })).toMatchObject({
      ok: true,
    });
    expect(await version(issueId, partyId)).toBe(base);
    expect(await rejectProposal(reviewer, { proposalId: id, rationale: "Again." })).toMatchObject({
      code: "already_decided",
    });
  });

  it("carries a proposed red line and condition into the accepted statement; a condition elsewhere is refused", async () => {
    const [issueId, partyId] = [issues[4]!, parties[1]!];
    const condition = { issueId: issues[0]!, partyId: parties[0]!, minPosition: "SUPPORTS" as const };
    const base = await version(issueId, partyId);
    const proposal = (conditionCell: typeof condition) =>
      record(editorA, issueId, partyId, base, "Only if the other side moves first.", {
        position: "CONDITIONAL",
        statedOn: "2022-03-02",
        redLine: true,
        conditionText: "reciprocal measures",
        conditionCell,
        rationale: "The offer is explicitly conditional.",
      });
    expect(await proposal({ ...condition, issueId: randomUUID() })).toMatchObject({ ok: false, code: "not_found" });
    const id = proposalId(await proposal(condition));
    const accepted = await acceptProposal(reviewer, { proposalId: id, rationale: "Agreed, conditional." });
    expect(accepted, JSON.stringify(accepted)).toMatchObject({ ok: true });
    const statement = await db().stanceStatement.findUniqueOrThrow({
      where: { id: (accepted as { statementId: string }).statementId },
      select: { redLine: true, conditionText: true, conditionIssueId: true, conditionPartyId: true },
    });
    expect(statement).toEqual({
      redLine: true,
      conditionText: "reciprocal measures",
      conditionIssueId: condition.issueId,
      conditionPartyId: condition.partyId,
    });
  });

  it("the reviewer writes their own reading: it is recorded and the open proposals close as rejected readings", async () => {
    const [issueId, partyId] = [issues[2]!, parties[1]!];
    const base = await version(issueId, partyId);
    const [first, second] = [
      proposalId(await record(editorA, issueId, partyId, base, "Alice's reading.")),
      proposalId(await record(editorB, issueId, partyId, base, "Bruno's reading.")),
    ];
    const own = {
      issueId,
      partyId,
      position: "CONDITIONAL" as const,
      summary: "The reviewer's own reading: conditional on reciprocity.",
      statedOn: "2022-03-03",
      links: [],
      rationale: "Both readings miss the condition in the second sentence.",
    };
    // Written on a version that moved on: refused, naming what stands now, and nothing closes.
    expect(await recordOwnReading(reviewer, { ...own, baseVersion: base + 1 })).toMatchObject({
      ok: false,
      code: "stale",
    });
    const result = await recordOwnReading(reviewer, { ...own, baseVersion: base });
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true, version: base + 1 });
    const { statementId, rejected } = result as { statementId: string; rejected: string[] };
    expect(rejected.sort()).toEqual([first, second].sort());
    expect(
      await db().stanceStatement.findUniqueOrThrow({
        where: { id: statementId },
        select: { position: true, summary: true, recordedById: true },
      }),
    ).toEqual({ position: "CONDITIONAL", summary: own.summary, recordedById: reviewer.userId });
    const closed = await db().stanceProposal.findMany({
      where: { id: { in: [first, second] } },
      select: { status: true, decisionRationale: true, decidedById: true },
    });
    expect(closed).toEqual([
      { status: "REJECTED", decisionRationale: own.rationale, decidedById: reviewer.userId },
      { status: "REJECTED", decisionRationale: own.rationale, decidedById: reviewer.userId },
    ]);
    const notified = await db().notification.findMany({
      where: { proposalId: { in: [first, second] }, kind: "PROPOSAL_REJECTED" },
      select: { userId: true },
    });
    expect(notified.map((n) => n.userId).sort()).toEqual([editorA.userId, editorB.userId].sort());
    expect(
      await db().activityEvent.count({
        where: { workspaceId: owner.id, action: "proposal.own_reading", subjectId: statementId },
      }),
    ).toBe(1);
    // Accepting a closed proposal afterwards changes nothing.
    expect(await acceptProposal(reviewer, { proposalId: first, rationale: "Too late." })).toMatchObject({
      code: "already_decided",
    });
  });

  it("an own reading and an acceptance racing on one cell: exactly one applies", async () => {
    const [issueId, partyId] = [issues[1]!, parties[2]!];
    const base = await version(issueId, partyId);
    const id = proposalId(await record(editorA, issueId, partyId, base, "Alice's racing reading."));
    const [accepted, own] = await race<{ ok: boolean }>([
      () => acceptProposal(owner, { proposalId: id, rationale: "Alice is right." }),
      () =>
        recordOwnReading(reviewer, {
          issueId,
          partyId,
          baseVersion: base,
          position: "SUPPORTS",
          summary: "Rita's racing reading.",
          statedOn: "2022-03-04",
          links: [],
          rationale: "Neither; this.",
        }),
    ]);
    expect([accepted!.ok, own!.ok].filter(Boolean)).toHaveLength(1);
    expect(await version(issueId, partyId)).toBe(base + 1);
    const status = (await db().stanceProposal.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
    expect(status).toBe(accepted!.ok ? "ACCEPTED" : "REJECTED");
  });

  it("each competing reading has its own discussion, which stays with it once decided", async () => {
    const [issueId, partyId] = [issues[5]!, parties[0]!];
    const base = await version(issueId, partyId);
    const [mine, theirs] = [
      proposalId(await record(editorA, issueId, partyId, base, "Alice's discussed reading.")),
      proposalId(await record(editorB, issueId, partyId, base, "Bruno's discussed reading.")),
    ];
    const commenter = await addMember(owner, "Carla", Role.COMMENTER);
    const question = unwrap(
      await postComment(editorB, {
        target: { proposalId: mine },
        body: "Which sentence says so?",
        mentionUserIds: [],
      }),
    );
    expect(question).toMatchObject({ proposal: { id: mine, issueId, partyId }, statement: null, evidenceId: null });
    const answer = unwrap(
      await replyToComment(editorA, {
        commentId: question.commentId,
        body: "The second one.",
        mentionUserIds: [],
      }),
    );
    // The question's author hears of the reply, as on any thread.
    expect(answer.notified).toEqual([{ userId: editorB.userId, kind: "REPLY" }]);
    await postComment(commenter, { target: { proposalId: theirs }, body: "Agree with Bruno.", mentionUserIds: [] });
    // Another workspace's proposal, or none: the same refusal.
    await expect(
      postComment(editorA, { target: { proposalId: randomUUID() }, body: "Lost.", mentionUserIds: [] }),
    ).resolves.toMatchObject({
      ok: false,
      code: "not_found",
      message: "That proposal does not exist in this workspace.",
    });

    expect(await acceptProposal(reviewer, { proposalId: theirs, rationale: "Better sourced." })).toMatchObject({
      ok: true,
    });
    const threads = await listProposalThreads(reviewer, [mine, theirs]);
    expect(threads.get(mine)!.map((t) => [t.root.body, ...t.replies.map((r) => r.body)])).toEqual([
      ["Which sentence says so?", "The second one."],
    ]);
    expect(threads.get(theirs)!.map((t) => t.root.body)).toEqual(["Agree with Bruno."]);
  });

  it("50 concurrent acceptances of different proposals on one cell: exactly one applies", async () => {
    const [issueId, partyId] = [issues[3]!, parties[2]!];
    const base = await version(issueId, partyId);
    const statementsBefore = await db().stanceStatement.count({ where: { workspaceId: owner.id, issueId, partyId } });
    const ids: string[] = [];
    for (let i = 0; i < 50; i++)
      ids.push(proposalId(await record(i % 2 ? editorA : editorB, issueId, partyId, base, `Reading number ${i}.`)));
    const results: DecisionResult[] = await race(
      ids.map((proposalId) => () => acceptProposal(reviewer, { proposalId, rationale: "Picked in a race." })),
    );
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    for (const r of results.filter((r) => !r.ok)) expect(["stale", "already_decided"]).toContain(r.code);
    expect(await version(issueId, partyId)).toBe(base + 1);
    expect(await db().stanceStatement.count({ where: { workspaceId: owner.id, issueId, partyId } })).toBe(
      statementsBefore + 1,
    );
    const statuses = await db().stanceProposal.groupBy({
      by: ["status"],
      where: { id: { in: ids } },
      _count: true,
    });
    expect(Object.fromEntries(statuses.map((s) => [s.status, s._count]))).toEqual({ ACCEPTED: 1, REJECTED: 49 });
  });

  it("round-trips proposals, rejected readings and rationales through the workspace export", async () => {
    const file = await getWorkspaceExport(owner);
    const importer = await db().user.create({
      data: { email: `importer-${randomUUID().slice(0, 8)}@parley.test`, name: "Importer" },
      select: { id: true },
    });
    const imported = await importWorkspaceExport(JSON.parse(JSON.stringify(file)), {
      slug: `review-copy-${randomUUID().slice(0, 8)}`,
      ownerUserId: importer.id,
    });
    expect(imported).toMatchObject({ ok: true });
    const copy = trustedWorkspace((imported as { workspace: { id: string; slug: string; title: string } }).workspace);
    const again = await getWorkspaceExport(copy);
    // Authors are not members of the copy: their names go, as for statements.
    const withoutPeople = (f: typeof file) =>
      (canonicalizeWorkspaceExport(f) as { proposals: Record<string, unknown>[] }).proposals.map(
        ({ proposedBy: _p, decidedBy: _d, ...p }) => p,
      );
    expect(withoutPeople(again)).toEqual(withoutPeople(file));
    // The discussion of each reading comes along, on the copy of its proposal.
    const onProposals = (f: typeof file) =>
      (canonicalizeWorkspaceExport(f) as { comments: { proposal: string | null; body: string }[] }).comments
        .filter((c) => c.proposal !== null)
        .map((c) => [c.proposal, c.body.replace(/^\(Originally by [^)]*\.\)\n\n/, "")]);
    expect(onProposals(file)).toHaveLength(3);
    expect(onProposals(again)).toEqual(onProposals(file));
    expect(again.proposals).toHaveLength(file.proposals!.length);
    expect(again.workspace.reviewMode).toBe(true);
    expect(file.proposals?.filter((p: { status: string }) => p.status === "REJECTED").length).toBeGreaterThanOrEqual(
      50,
    );
  });
});
