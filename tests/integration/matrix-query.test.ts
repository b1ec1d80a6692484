import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { cellKey, latestStatementsAsOf } from "@/lib/matrix/as-of";
import { getMatrix } from "@/lib/matrix/data";
import { fromCalendarDate } from "@/lib/matrix/dates";
import { POSITIONS } from "@/lib/matrix/positions";
import { db } from "@/lib/platform/db/client";
import { trustedWorkspace } from "@/lib/workspaces/access";
import { insertNumberedParties } from "../support/cells";
import { resetDatabase } from "../support/database";

// Holds the SQL in getMatrix (a LATERAL … LIMIT 1 per cell) to the as-of rule in plain code, on
// random histories: few dates and few recording instants so that same-day and same-instant ties
// (broken by id) are common, some statements amended, some issues and parties archived, some cells
// with a version row and no statement. Each run writes a fresh workspace straight through Prisma,
// bypassing the mutations, so any history the schema allows can be tried.

const SEED = 2_022_0216;
const RUNS = 15;

const day = (offset: number) => new Date(Date.UTC(2022, 0, 10) + offset * 86_400_000).toISOString().slice(0, 10);

const statementArbitrary = fc.record({
  id: fc.uuid(),
  issue: fc.nat(2),
  party: fc.nat(2),
  statedOn: fc.integer({ min: 0, max: 10 }).map(day),
  recordedAt: fc.integer({ min: 0, max: 3 }).map((second) => new Date(Date.UTC(2022, 5, 1, 9, 0, second, 250))),
  position: fc.constantFrom(...POSITIONS),
  amendment: fc.constantFrom(null, null, null, "RETRACTED" as const, "CORRECTED" as const),
});

const scenarioArbitrary = fc.record({
  issueCount: fc.integer({ min: 1, max: 3 }),
  partyCount: fc.integer({ min: 1, max: 3 }),
  archiveIssue: fc.boolean(),
  archiveParty: fc.boolean(),
  statements: fc.uniqueArray(statementArbitrary, { selector: (s) => s.id, maxLength: 30 }),
  versions: fc.uniqueArray(fc.record({ issue: fc.nat(2), party: fc.nat(2), version: fc.integer({ min: 0, max: 9 }) }), {
    selector: (c) => `${c.issue}:${c.party}`,
    maxLength: 4,
  }),
  asOfs: fc.uniqueArray(fc.integer({ min: -1, max: 12 }).map(day), { minLength: 3, maxLength: 5 }),
});

type Scenario = typeof scenarioArbitrary extends fc.Arbitrary<infer T> ? T : never;

async function writeScenario(scenario: Scenario) {
  const workspaceId = randomUUID();
  const slug = `query-${workspaceId.slice(0, 8)}`;
  const issueIds = Array.from({ length: scenario.issueCount }, () => randomUUID());
  const partyIds = Array.from({ length: scenario.partyCount }, () => randomUUID());
  // Only with more than one, so that some cell is always left to look at.
  const archivedIssue = scenario.archiveIssue && issueIds.length > 1 ? issueIds.at(-1)! : null;
  const archivedParty = scenario.archiveParty && partyIds.length > 1 ? partyIds.at(-1)! : null;
  const statements = scenario.statements.map((s) => ({
    id: s.id,
    workspaceId,
    issueId: issueIds[s.issue % issueIds.length]!,
    partyId: partyIds[s.party % partyIds.length]!,
    position: s.position,
    summary: `Statement ${s.id.slice(0, 8)}`,
    statedOn: s.statedOn,
    recordedAt: s.recordedAt,
  }));
  const amendments = scenario.statements.flatMap((s, i) => {
    if (!s.amendment) return [];
    const replacement = statements.length > 1 ? statements[(i + 1) % statements.length]!.id : null;
    const kind = s.amendment === "CORRECTED" && replacement ? "CORRECTED" : "RETRACTED";
    return [
      {
        statementId: s.id,
        workspaceId,
        kind,
        replacementId: kind === "CORRECTED" ? replacement : null,
        reason: "Generated.",
      } as const,
    ];
  });
  const versions = new Map(
    scenario.versions.map((c) => [
      cellKey(issueIds[c.issue % issueIds.length]!, partyIds[c.party % partyIds.length]!),
      c.version,
    ]),
  );

  await db().workspace.create({ data: { id: workspaceId, slug, title: `Query ${slug}` } });
  await db().issue.createMany({
    data: issueIds.map((id, i) => ({
      id,
      workspaceId,
      title: `Issue ${i}`,
      sortOrder: i,
      archivedAt: id === archivedIssue ? new Date() : null,
    })),
  });
  await insertNumberedParties(workspaceId, partyIds, archivedParty);
  await db().stanceStatement.createMany({
    data: statements.map((s) => ({ ...s, statedOn: fromCalendarDate(s.statedOn) })),
  });
  await db().statementAmendment.createMany({ data: amendments });
  await db().stanceCell.createMany({
    data: [...versions].map(([key, version]) => {
      const [issueId, partyId] = key.split(":");
      return { workspaceId, issueId: issueId!, partyId: partyId!, version };
    }),
  });

  const amended = new Set(amendments.map((a) => a.statementId));
  const live = statements.filter(
    (s) => !amended.has(s.id) && s.issueId !== archivedIssue && s.partyId !== archivedParty,
  );
  const activeCell = (key: string) => !key.startsWith(`${archivedIssue}:`) && !key.endsWith(`:${archivedParty}`);
  return { workspace: trustedWorkspace({ id: workspaceId, slug, title: `Query ${slug}` }), live, versions, activeCell };
}

describe("the matrix query", () => {
  beforeAll(async () => {
    await resetDatabase();
  });

  it(`shows, in every cell and on every date, the statement the as-of rule picks (${RUNS} random histories)`, async () => {
    let comparedCells = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async (scenario) => {
        const { workspace, live, versions, activeCell } = await writeScenario(scenario);
        for (const asOf of scenario.asOfs) {
          const expected = latestStatementsAsOf(live, asOf);
          const matrix = await getMatrix(workspace, asOf);

          const shown = new Map(
            matrix.cells.filter((c) => c.statement).map((c) => [cellKey(c.issueId, c.partyId), c.statement!]),
          );
          expect(Object.fromEntries([...shown].map(([key, s]) => [key, s.id])), `as of ${asOf}`).toEqual(
            Object.fromEntries([...expected].map(([key, s]) => [key, s.id])),
          );
          for (const [key, statement] of expected) {
            expect(shown.get(key)).toEqual({
              id: statement.id,
              position: statement.position,
              summary: statement.summary,
              statedOn: statement.statedOn,
              // Inserted without one: the column's default.
              confidence: "MEDIUM",
              confidenceRationale: null,
              // Nor a red line or a condition.
              redLine: false,
              conditionText: null,
              conditionCell: null,
              evidenceCount: 0,
              links: [],
            });
          }

          // A cell is listed when it shows a statement or has been edited; its version is the stored one.
          const listedKeys = new Set([...expected.keys(), ...[...versions.keys()].filter(activeCell)]);
          expect(matrix.cells.map((c) => cellKey(c.issueId, c.partyId)).sort()).toEqual([...listedKeys].sort());
          for (const cell of matrix.cells)
            expect(cell.version).toBe(versions.get(cellKey(cell.issueId, cell.partyId)) ?? 0);
          comparedCells += matrix.cells.length;
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // Guards against a generator that drifts into producing nothing to compare.
    expect(comparedCells).toBeGreaterThan(RUNS * 3);
  }, 120_000);
});
