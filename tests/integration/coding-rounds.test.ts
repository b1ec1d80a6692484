import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findCodingRound, listCodingRounds } from "@/lib/coding/data";
import { findDisagreements, type UnitCode } from "@/lib/coding/figures";
import { closeCodingRound, recordCode, startCodingRound } from "@/lib/coding/mutations";
import { Role } from "@/lib/generated/prisma/enums";
import type { Position } from "@/lib/matrix/positions";
import { listNotifications } from "@/lib/notifications/data";
import { db } from "@/lib/platform/db/client";
import { cohenKappa, krippendorffAlpha } from "@/lib/review/agreement";
import { type AuthorizedWorkspace, trustedWorkspace } from "@/lib/workspaces/access";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import { loadWorkspaceFixture } from "@/tests/support/fixture/load";
import { resetDatabase } from "../support/database";

// Calls the mutations and data functions directly, as the server actions and pages do once the
// gate has let a request through; who may call which action is tests/e2e/policy.test.ts's concern.

let owner: AuthorizedWorkspace;
let alice: AuthorizedWorkspace;
let bruno: AuthorizedWorkspace;
let carl: AuthorizedWorkspace;
let vera: AuthorizedWorkspace;
let other: AuthorizedWorkspace;
let parties: string[];
let issues: string[];

async function user(name: string) {
  return db().user.create({
    data: { email: `${name.toLowerCase()}-${randomUUID().slice(0, 8)}@parley.test`, name },
    select: { id: true },
  });
}

async function member(name: string, role: Role): Promise<AuthorizedWorkspace> {
  const { id } = await user(name);
  await db().membership.create({ data: { workspaceId: owner.id, userId: id, role } });
  return { ...owner, userId: id, role } as AuthorizedWorkspace;
}

const ORDINAL: Position[] = ["DEMANDS", "SUPPORTS", "OPEN", "CONDITIONAL", "OPPOSES", "REJECTS"];

/** Alice's code for unit i, and Bruno's: he reads some positions and one party differently. */
function codeFor(coder: "alice" | "bruno", i: number) {
  const position = ORDINAL[i % ORDINAL.length]!;
  const differs = coder === "bruno" && [0, 3, 7].includes(i);
  return {
    partyId: parties[coder === "bruno" && i === 5 ? (i + 1) % 2 : i % 2]!,
    issueId: issues[i % 3]!,
    position: differs ? ORDINAL[(ORDINAL.indexOf(position) + 1) % ORDINAL.length]! : position,
  };
}

beforeAll(async () => {
  await resetDatabase();
  const ownerUser = await user("Owner");
  owner = trustedWorkspace(
    await loadWorkspaceFixture(securityGuarantees, { slug: `coding-${randomUUID().slice(0, 8)}` }),
    ownerUser.id,
  );
  await db().membership.create({ data: { workspaceId: owner.id, userId: ownerUser.id, role: Role.OWNER } });
  alice = await member("Alice", Role.EDITOR);
  bruno = await member("Bruno", Role.EDITOR);
  carl = await member("Carl", Role.EDITOR);
  vera = await member("Vera", Role.VIEWER);
  other = trustedWorkspace(
    await loadWorkspaceFixture(securityGuarantees, { slug: `coding-other-${randomUUID().slice(0, 8)}` }),
    ownerUser.id,
  );
  await db().membership.create({ data: { workspaceId: other.id, userId: ownerUser.id, role: Role.OWNER } });
  parties = (await db().party.findMany({ where: { workspaceId: owner.id }, orderBy: { sortOrder: "asc" } })).map(
    (p) => p.id,
  );
  issues = (await db().issue.findMany({ where: { workspaceId: owner.id }, orderBy: { sortOrder: "asc" } })).map(
    (i) => i.id,
  );
});

afterAll(async () => {
  await db().$disconnect();
});

function start(
  ws: AuthorizedWorkspace,
  coderIds: string[],
  scope: { kind: "sample"; size: number } | { kind: "document"; documentId: string },
) {
  return startCodingRound(ws, { workspaceSlug: ws.slug, title: "Round", scope, coderIds });
}

describe("starting a round", () => {
  it("refuses coders who are not members with at least the editor role", async () => {
    const outsider = await user("Otto");
    for (const coderIds of [
      [alice.userId, vera.userId],
      [alice.userId, outsider.id],
    ])
      expect(await start(owner, coderIds, { kind: "sample", size: 2 })).toMatchObject({
        ok: false,
        code: "not_a_coder",
      });
  });

  it("refuses another workspace's document and a sample larger than the workspace", async () => {
    const foreign = await db().document.findFirstOrThrow({ where: { workspaceId: other.id }, select: { id: true } });
    expect(
      await start(owner, [alice.userId, bruno.userId], { kind: "document", documentId: foreign.id }),
    ).toMatchObject({ ok: false, code: "not_found" });
    expect(await start(owner, [alice.userId, bruno.userId], { kind: "sample", size: 500 })).toMatchObject({
      ok: false,
      code: "too_few_quotes",
    });
    expect(await db().codingRound.count({ where: { workspaceId: owner.id } })).toBe(0);
  });

  it("takes every quote of one document, in reading order", async () => {
    const document = await db().document.findFirstOrThrow({
      where: { workspaceId: owner.id, evidence: { some: {} } },
      select: { id: true, evidence: { orderBy: { startOffset: "asc" }, select: { id: true } } },
    });
    const result = await start(owner, [alice.userId, bruno.userId], { kind: "document", documentId: document.id });
    expect(result).toMatchObject({ ok: true, units: document.evidence.length });
    const units = await db().codingUnit.findMany({
      where: { roundId: (result as { roundId: string }).roundId },
      orderBy: { sortOrder: "asc" },
    });
    expect(units.map((u) => u.evidenceId)).toEqual(document.evidence.map((e) => e.id));
    await db().codingRound.delete({ where: { id: (result as { roundId: string }).roundId } });
  });
});

describe("a blind round of ten quotes by two coders", () => {
  let roundId: string;
  let evidenceIds: string[];

  it("starts on a random sample and tells each coder", async () => {
    const result = await start(owner, [alice.userId, bruno.userId], { kind: "sample", size: 10 });
    expect(result).toMatchObject({ ok: true, units: 10 });
    roundId = (result as { roundId: string }).roundId;
    const units = await db().codingUnit.findMany({ where: { roundId }, orderBy: { sortOrder: "asc" } });
    evidenceIds = units.map((u) => u.evidenceId);
    expect(new Set(evidenceIds).size).toBe(10);
    for (const coder of [alice, bruno]) {
      const inbox = await listNotifications(coder.userId);
      expect(inbox).toContainEqual(
        expect.objectContaining({ kind: "CODING_ROUND_ASSIGNED", href: `/w/${owner.slug}/review/rounds/${roundId}` }),
      );
    }
    expect((await listNotifications(carl.userId)).filter((n) => n.kind === "CODING_ROUND_ASSIGNED")).toEqual([]);
  });

  it("refuses codes from members not assigned, for quotes outside the round and from another workspace", async () => {
    const code = codeFor("alice", 0);
    expect(
      await recordCode(carl, { workspaceSlug: owner.slug, roundId, evidenceId: evidenceIds[0]!, ...code }),
    ).toMatchObject({ ok: false, code: "not_a_coder" });
    const foreignQuote = await db().evidence.findFirstOrThrow({
      where: { workspaceId: other.id },
      select: { id: true },
    });
    expect(
      await recordCode(alice, { workspaceSlug: owner.slug, roundId, evidenceId: foreignQuote.id, ...code }),
    ).toMatchObject({
      ok: false,
      code: "not_found",
    });
    const foreignParty = await db().party.findFirstOrThrow({ where: { workspaceId: other.id }, select: { id: true } });
    expect(
      await recordCode(alice, {
        workspaceSlug: owner.slug,
        roundId,
        evidenceId: evidenceIds[0]!,
        ...code,
        partyId: foreignParty.id,
      }),
    ).toMatchObject({ ok: false, code: "not_found" });
    // The round seen from another workspace the caller owns does not exist there.
    const outsideOwner = { ...other, userId: alice.userId } as AuthorizedWorkspace;
    expect(
      await recordCode(outsideOwner, { workspaceSlug: other.slug, roundId, evidenceId: evidenceIds[0]!, ...code }),
    ).toMatchObject({ ok: false, code: "not_found" });
    expect(await findCodingRound(other, roundId)).toBeNull();
    expect(await closeCodingRound(other, roundId)).toMatchObject({ ok: false, code: "not_found" });
    expect(await db().codingCode.count({ where: { roundId } })).toBe(0);
  });

  it("keeps each coder's codes from everyone else while the round is open", async () => {
    for (const [i, evidenceId] of evidenceIds.entries())
      expect(
        await recordCode(alice, { workspaceSlug: owner.slug, roundId, evidenceId, ...codeFor("alice", i) }),
      ).toMatchObject({
        ok: true,
        coded: i + 1,
        total: 10,
        closed: false,
      });
    for (const [i, evidenceId] of evidenceIds.slice(0, 9).entries())
      await recordCode(bruno, { workspaceSlug: owner.slug, roundId, evidenceId, ...codeFor("bruno", i) });
    const seenByAlice = await findCodingRound(alice, roundId);
    expect(seenByAlice?.open).toBe(true);
    expect(seenByAlice?.codes).toHaveLength(10);
    expect(seenByAlice?.codes.every((c) => c.coderId === alice.userId)).toBe(true);
    expect(seenByAlice?.results).toBeNull();
    const seenByBruno = await findCodingRound(bruno, roundId);
    expect(seenByBruno?.codes.map((c) => c.coderId)).toEqual(Array(9).fill(bruno.userId));
    // The owner who started the round sees progress, not codes.
    const seenByOwner = await findCodingRound(owner, roundId);
    expect(seenByOwner?.codes).toEqual([]);
    expect(seenByOwner?.coders.map((c) => c.coded).sort()).toEqual([10, 9].sort());
    const listed = await listCodingRounds(owner);
    expect(listed.find((r) => r.id === roundId)).toMatchObject({ open: true, units: 10 });
  });

  it("closes itself with the last code and shows the same figures as lib/review/agreement.ts", async () => {
    expect(
      await recordCode(bruno, {
        workspaceSlug: owner.slug,
        roundId,
        evidenceId: evidenceIds[9]!,
        ...codeFor("bruno", 9),
      }),
    ).toMatchObject({ ok: true, coded: 10, total: 10, closed: true });
    const round = await findCodingRound(alice, roundId);
    expect(round?.open).toBe(false);
    expect(round?.codes).toHaveLength(20);
    // The start and the close are in the activity log, each once, the close in the last coder's name.
    const logged = await db().activityEvent.findMany({
      where: { subjectId: roundId },
      orderBy: { id: "asc" },
      select: { action: true, actorId: true },
    });
    expect(logged).toEqual([
      { action: "coding.started", actorId: owner.userId },
      { action: "coding.closed", actorId: bruno.userId },
    ]);
    const coders = round!.coders.map((c) => c.id);
    const codes = new Map(round!.codes.map((c) => [`${c.evidenceId}:${c.coderId}`, c]));
    const matrix = (pick: (c: UnitCode) => string) =>
      evidenceIds.map((e) => coders.map((c) => pick(codes.get(`${e}:${c}`)!)));
    const figures = round!.results!.figures;
    expect(figures.units).toBe(10);
    expect(figures.alpha.party).toEqual(
      krippendorffAlpha(
        matrix((c) => c.partyId),
        { level: "nominal" },
      ),
    );
    expect(figures.alpha.issue).toEqual(
      krippendorffAlpha(
        matrix((c) => c.issueId),
        { level: "nominal" },
      ),
    );
    expect(figures.alpha.position).toEqual(
      krippendorffAlpha(
        matrix((c) => c.position),
        { level: "ordinal", order: ORDINAL },
      ),
    );
    expect(figures.alpha.issue.alpha).toBe(1);
    expect(figures.alpha.position.alpha).toBeLessThan(1);
    const pair = (pick: (c: UnitCode) => string) =>
      evidenceIds.map((e) => [pick(codes.get(`${e}:${coders[0]}`)!), pick(codes.get(`${e}:${coders[1]}`)!)] as const);
    expect(figures.pairs).toHaveLength(1);
    expect(figures.pairs[0]).toMatchObject({
      party: cohenKappa(pair((c) => c.partyId)),
      issue: cohenKappa(pair((c) => c.issueId)),
      position: cohenKappa(pair((c) => c.position)),
    });
    for (const issue of figures.issues) {
      const onIssue = (c: UnitCode) => (c.issueId === issue.issueId ? c.position : null);
      expect(issue.position).toEqual(
        krippendorffAlpha(
          evidenceIds.map((e) => coders.map((c) => onIssue(codes.get(`${e}:${c}`)!))),
          { level: "ordinal", order: ORDINAL },
        ),
      );
    }
    const disagreements = round!.results!.disagreements;
    expect(disagreements).toEqual(findDisagreements(evidenceIds, round!.codes));
    expect(disagreements.map((d) => [evidenceIds.indexOf(d.evidenceId), d.fields])).toEqual([
      [0, ["position"]],
      [3, ["position"]],
      [5, ["party"]],
      [7, ["position"]],
    ]);
  });

  it("refuses codes once closed", async () => {
    expect(
      await recordCode(alice, {
        workspaceSlug: owner.slug,
        roundId,
        evidenceId: evidenceIds[0]!,
        ...codeFor("bruno", 0),
      }),
    ).toMatchObject({ ok: false, code: "closed" });
    expect(await closeCodingRound(owner, roundId)).toMatchObject({ ok: false, code: "closed" });
  });
});

describe("closing a round early", () => {
  it("computes the agreement on what was coded", async () => {
    const result = await start(owner, [alice.userId, bruno.userId, carl.userId], { kind: "sample", size: 4 });
    const roundId = (result as { roundId: string }).roundId;
    const units = await db().codingUnit.findMany({ where: { roundId }, orderBy: { sortOrder: "asc" } });
    for (const [i, u] of units.slice(0, 2).entries()) {
      await recordCode(alice, { workspaceSlug: owner.slug, roundId, evidenceId: u.evidenceId, ...codeFor("alice", i) });
      await recordCode(carl, { workspaceSlug: owner.slug, roundId, evidenceId: u.evidenceId, ...codeFor("alice", i) });
    }
    expect(await closeCodingRound(owner, roundId)).toEqual({ ok: true });
    expect(
      await db().activityEvent.count({ where: { subjectId: roundId, action: "coding.closed", actorId: owner.userId } }),
    ).toBe(1);
    const round = await findCodingRound(bruno, roundId);
    expect(round?.open).toBe(false);
    expect(round?.results?.figures.units).toBe(2);
    expect(round?.results?.figures.pairs).toHaveLength(3);
    expect(round?.results?.disagreements).toEqual([]);
  });
});
