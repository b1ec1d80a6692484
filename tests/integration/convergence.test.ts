import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { DIGEST_LIST_LIMIT, getConvergence, getHeatMap, getWhatMoved } from "@/lib/convergence/data";
import { buildWhatMoved } from "@/lib/convergence/digest";
import { getMatrix } from "@/lib/matrix/data";
import { fromCalendarDate } from "@/lib/matrix/dates";
import { POSITIONS } from "@/lib/matrix/positions";
import { db } from "@/lib/platform/db/client";
import { type AuthorizedWorkspace, trustedWorkspace } from "@/lib/workspaces/access";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import { loadWorkspaceFixture } from "@/tests/support/fixture/load";
import { insertNumberedParties } from "../support/cells";
import { resetDatabase } from "../support/database";

// Runs on PostgreSQL and PGlite. The heat map's one-pass query is held to the convergence as of
// each column date (which reads the matrix's own as-of query) and to a plain reference, on random
// histories with retracted and corrected statements, same-day ties and archived rows.

const SEED = 2_022_0127;
const RUNS = 8;
const RANK: Record<string, number | undefined> = { REJECTS: 1, OPPOSES: 2, OPEN: 3, SUPPORTS: 4, DEMANDS: 5 };
const day = (offset: number) => new Date(Date.UTC(2022, 0, 10) + offset * 86_400_000).toISOString().slice(0, 10);

const scenarioArbitrary = fc.record({
  statements: fc.uniqueArray(
    fc.record({
      id: fc.uuid(),
      issue: fc.nat(2),
      party: fc.nat(3),
      statedOn: fc.integer({ min: 0, max: 10 }).map(day),
      recordedAt: fc.integer({ min: 0, max: 3 }).map((second) => new Date(Date.UTC(2022, 5, 1, 9, 0, second))),
      position: fc.constantFrom(...POSITIONS),
      amendment: fc.constantFrom(null, null, null, "RETRACTED" as const, "CORRECTED" as const),
    }),
    { selector: (s) => s.id, maxLength: 30 },
  ),
  archiveParty: fc.boolean(),
  columns: fc.uniqueArray(fc.integer({ min: -1, max: 12 }).map(day), { minLength: 1, maxLength: 6 }),
});

type Scenario = typeof scenarioArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** redLines: every other statement draws a red line. */
async function writeScenario(scenario: Scenario, { redLines = false } = {}) {
  const workspaceId = randomUUID();
  const slug = `convergence-${workspaceId.slice(0, 8)}`;
  const issueIds = [randomUUID(), randomUUID(), randomUUID()];
  const partyIds = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const archivedParty = scenario.archiveParty ? partyIds[3]! : null;
  await db().workspace.create({ data: { id: workspaceId, slug, title: slug } });
  await db().issue.createMany({
    data: issueIds.map((id, i) => ({ id, workspaceId, title: `Issue ${i}`, sortOrder: i })),
  });
  await insertNumberedParties(workspaceId, partyIds, archivedParty);
  const statements = scenario.statements.map((s, i) => ({
    id: s.id,
    workspaceId,
    issueId: issueIds[s.issue]!,
    partyId: partyIds[s.party]!,
    position: s.position,
    summary: "Generated.",
    statedOn: s.statedOn,
    recordedAt: s.recordedAt,
    redLine: redLines && i % 2 === 0,
  }));
  await db().stanceStatement.createMany({
    data: statements.map((s) => ({ ...s, statedOn: fromCalendarDate(s.statedOn) })),
  });
  // A correction names its replacement (the next statement); with no other statement it is a retraction.
  const amended = scenario.statements.flatMap((s, i) => {
    if (!s.amendment) return [];
    const replacement = statements.length > 1 ? statements[(i + 1) % statements.length]!.id : null;
    const kind = s.amendment === "CORRECTED" && replacement ? "CORRECTED" : "RETRACTED";
    return [{ id: s.id, kind, replacementId: kind === "CORRECTED" ? replacement : null } as const];
  });
  await db().statementAmendment.createMany({
    data: amended.map((a) => ({
      statementId: a.id,
      workspaceId,
      kind: a.kind,
      replacementId: a.replacementId,
      reason: "Generated.",
    })),
  });
  const gone = new Set(amended.map((s) => s.id));
  const live = statements.filter((s) => !gone.has(s.id) && s.partyId !== archivedParty);
  return { workspace: trustedWorkspace({ id: workspaceId, slug, title: slug }), issueIds, partyIds, live };
}

/** The plain rule: each party's latest live statement on or before the date, compared pair by pair. */
function reference(
  live: { issueId: string; partyId: string; position: string; statedOn: string; recordedAt: Date; id: string }[],
  issueId: string,
  date: string,
) {
  const latest = new Map<string, (typeof live)[number]>();
  for (const s of live) {
    if (s.issueId !== issueId || s.statedOn > date) continue;
    const held = latest.get(s.partyId);
    const later =
      !held ||
      s.statedOn > held.statedOn ||
      (s.statedOn === held.statedOn &&
        (s.recordedAt > held.recordedAt || (s.recordedAt.getTime() === held.recordedAt.getTime() && s.id > held.id)));
    if (later) latest.set(s.partyId, s);
  }
  const ranks = [...latest.values()].map((s) => RANK[s.position]).filter((r): r is number => r !== undefined);
  let spread: number | null = null;
  for (const a of ranks) for (const b of ranks) spread = Math.max(spread ?? 0, Math.abs(a - b));
  return { spread, inZone: ranks.length >= 2 && spread !== null && spread <= 1 };
}

describe("convergence on the database", () => {
  beforeAll(async () => {
    await resetDatabase();
  });

  it(`the heat map agrees with the convergence as of each column and with the plain rule (${RUNS} random histories)`, async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async (scenario) => {
        const { workspace, issueIds, live } = await writeScenario(scenario);
        const columns = [...scenario.columns].sort();
        const heatMap = await getHeatMap(workspace, columns);
        expect(heatMap.columns).toEqual(columns);
        expect(heatMap.issues.map((i) => i.issueId)).toEqual(issueIds);
        for (const [c, date] of columns.entries()) {
          const asOf = await getConvergence(workspace, date);
          for (const issue of heatMap.issues) {
            const cell = issue.cells[c]!;
            const expected = reference(live, issue.issueId, date);
            const atDate = asOf.issues.find((i) => i.issueId === issue.issueId)!;
            expect({ spread: cell.spread, inZone: cell.inZone }, `${issue.title} on ${date}`).toEqual(expected);
            expect({ spread: atDate.spread, inZone: atDate.inZone }, `${issue.title} as of ${date}`).toEqual(expected);
            compared++;
          }
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    expect(compared).toBeGreaterThan(RUNS * 3);
  }, 120_000);

  it(`the digest's moves and red lines are those of the matrix as of both dates (${RUNS} random histories)`, async () => {
    let digests = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, fc.boolean(), async (scenario, redLines) => {
        // With red lines in some histories, drawing and dropping one shows too.
        const { workspace } = await writeScenario(scenario, { redLines });
        const [from, to] = [day(2), day(8)];
        const [before, after] = await Promise.all([getMatrix(workspace, from), getMatrix(workspace, to)]);
        const fromMatrices = buildWhatMoved({
          slug: workspace.slug,
          from,
          to,
          labels: after.positionLabels,
          issues: after.issues,
          parties: after.parties,
          before: before.cells,
          after: after.cells,
          statements: [],
        });
        const digest = await getWhatMoved(workspace, from, to);
        expect(digest.moved).toEqual(fromMatrices.moved);
        expect(digest.redLines).toEqual(fromMatrices.redLines);
        digests += digest.moved.length + digest.redLines.length;
      }),
      // Another seed: the same one would write the first test's statement ids again.
      { seed: SEED + 1, numRuns: RUNS, endOnFailure: true },
    );
    expect(digests).toBeGreaterThan(0);
  }, 120_000);

  describe("on the demo workspace", () => {
    let workspace: AuthorizedWorkspace;
    const issueId = new Map<string, string>();
    const partyId = new Map<string, string>();

    beforeAll(async () => {
      const loaded = await loadWorkspaceFixture(securityGuarantees, { slug: `demo-${randomUUID().slice(0, 8)}` });
      workspace = trustedWorkspace(loaded);
      const view = await getConvergence(workspace, "2022-02-16");
      for (const issue of securityGuarantees.issues)
        issueId.set(issue.key, view.issues.find((i) => i.title === issue.title)!.issueId);
      for (const party of securityGuarantees.parties)
        partyId.set(party.key, view.parties.find((p) => p.name === party.name)!.id);
    });

    it("finds NATO non-enlargement four steps apart and the missile talks in the zone by 16 February", async () => {
      const view = await getConvergence(workspace, "2022-02-16");
      const issue = (key: string) => view.issues.find((i) => i.issueId === issueId.get(key))!;
      expect(issue("non-expansion")).toMatchObject({ spread: 4, inZone: false });
      expect(issue("non-expansion").positions.map((p) => p.position)).toEqual(["DEMANDS", "REJECTS", "REJECTS"]);
      // The US offer is conditional on Russia's support on the same issue, which came on 16 February:
      // the US agrees, Russia and NATO are one step apart.
      expect(issue("inf-missiles")).toMatchObject({ spread: 1, inZone: true, agreeingPartyIds: [partyId.get("us")] });
      expect(issue("inf-missiles").distances).toHaveLength(1);
      // On 27 January Russia's answer was conditional and the US offer's condition unmet: both off the
      // scale, listed beside the issue, and NATO alone is no agreement.
      const january = await getConvergence(workspace, "2022-01-27");
      const missiles = january.issues.find((i) => i.issueId === issueId.get("inf-missiles"))!;
      expect(missiles).toMatchObject({
        spread: 0,
        inZone: false,
        conditionalPartyIds: [partyId.get("russia"), partyId.get("us")],
        agreeingPartyIds: [],
      });
    });

    it("puts 27 January among the heat map's columns", async () => {
      const heatMap = await getHeatMap(workspace);
      expect(heatMap.columns).toContain("2022-01-27");
      const column = heatMap.columns.indexOf("2022-01-27");
      const nonExpansion = heatMap.issues.find((i) => i.issueId === issueId.get("non-expansion"))!;
      expect(nonExpansion.cells[column]).toMatchObject({ date: "2022-01-27", spread: 4, inZone: false, placed: 3 });
    });

    it("digests what moved, was stated and was retracted between two dates", async () => {
      const [statement] = await db().stanceStatement.findMany({
        where: { workspaceId: workspace.id, issueId: issueId.get("military-contacts"), partyId: partyId.get("russia") },
        orderBy: { statedOn: "desc" },
        take: 1,
      });
      await db().statementAmendment.create({
        data: { statementId: statement!.id, workspaceId: workspace.id, kind: "RETRACTED", reason: "Test retraction." },
      });
      const digest = await getWhatMoved(workspace, "2022-01-26", "2022-02-16");
      const missiles = securityGuarantees.issues.find((i) => i.key === "inf-missiles")!.title;
      expect(digest.moved.map((m) => m.sentence)).toContain(
        `Russia moved from Open to negotiate to Supports on ${missiles} (16 Feb 2022).`,
      );
      expect(digest.stated.every((s) => s.statedOn > "2022-01-26" && s.statedOn <= "2022-02-16")).toBe(true);
      expect(digest.stated.map((s) => s.statementId)).not.toContain(statement!.id);
      expect(digest.retracted).toMatchObject([
        {
          statementId: statement!.id,
          href: `/w/${workspace.slug}?asOf=2022-02-16&cell=${issueId.get("military-contacts")}:${partyId.get("russia")}`,
        },
      ]);
      expect(digest.statedCount).toBe(digest.stated.length);
      expect(digest.retractedCount).toBe(1);
    });

    it("lists only the latest statements of a long window, with the totals", async () => {
      const digest = await getWhatMoved(workspace, "2000-01-01", "2030-01-01");
      const all = await db().stanceStatement.count({ where: { workspaceId: workspace.id, amendment: { is: null } } });
      expect(digest.statedCount).toBe(all);
      expect(digest.stated.length).toBe(Math.min(all, DIGEST_LIST_LIMIT));
    });
  });
});
