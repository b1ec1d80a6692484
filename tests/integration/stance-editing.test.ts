import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCellHistory, getMatrix } from "@/lib/matrix/data";
import { type CellState, correctStatement, recordStatement, retractStatement } from "@/lib/matrix/mutations";
import { CorrectStatementSchema, type RecordStatementInput, RecordStatementSchema } from "@/lib/matrix/schema";
import { db } from "@/lib/platform/db/client";
import { type AuthorizedWorkspace, trustedWorkspace } from "@/lib/workspaces/access";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import { loadWorkspaceFixture } from "@/tests/support/fixture/load";
import { expectEditOk } from "../support/cells";
import { resetDatabase, testDatabaseUrl } from "../support/database";
import { mapDemoKeys } from "../support/demo-workspaces";
import { uniqueSlug } from "../support/seed";

// Calls the mutations directly, as the server actions do once the gate has let a request through.
// Runs on real PostgreSQL and on PGlite (scripts/test.mjs). The races are real only on the real
// server: PGlite's socket server interleaves the protocol messages of connections that query at
// the same time outside a transaction (seen here as `portal "" does not exist`), so there the
// contenders go one after another — the same edits from the same base version, which still
// exercises the compare-and-set — and fewer rounds suffice.

const EMBEDDED = process.env.PARLEY_DATABASE_KIND === "embedded";
const ROUNDS = EMBEDDED ? 6 : 10;
const CONTENDERS = 50;
const POOL_MAX = Number(process.env.DATABASE_POOL_MAX || 5);

async function race<T>(tasks: (() => Promise<T>)[]): Promise<T[]> {
  if (!EMBEDDED) return Promise.all(tasks.map((task) => task()));
  const results: T[] = [];
  for (const task of tasks) results.push(await task());
  return results;
}

const client = new pg.Client({ connectionString: testDatabaseUrl() });
let workspace: AuthorizedWorkspace;
let other: AuthorizedWorkspace;
let analystId: string;
const partyId = new Map<string, string>();
const issueId = new Map<string, string>();

function day(offset: number, from = "2023-01-01"): string {
  return new Date(Date.parse(`${from}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
}

async function cellVersion(ws: AuthorizedWorkspace, issue: string, party: string): Promise<number> {
  const row = await db().stanceCell.findUnique({
    where: { workspaceId_issueId_partyId: { workspaceId: ws.id, issueId: issue, partyId: party } },
    select: { version: true },
  });
  return row?.version ?? 0;
}

/** Row counts of everything an edit writes, plus the sum of cell versions: all unchanged means nothing was written. */
async function footprint(ws: AuthorizedWorkspace) {
  const { rows } = await client.query<
    Record<"statements" | "links" | "amendments" | "activity" | "cells" | "versions", number>
  >(
    `SELECT (SELECT count(*) FROM stance_statements WHERE "workspaceId" = $1)::int AS statements,
            (SELECT count(*) FROM statement_evidence WHERE "workspaceId" = $1)::int AS links,
            (SELECT count(*) FROM statement_amendments WHERE "workspaceId" = $1)::int AS amendments,
            (SELECT count(*) FROM activity_events WHERE "workspaceId" = $1)::int AS activity,
            (SELECT count(*) FROM stance_cells WHERE "workspaceId" = $1)::int AS cells,
            (SELECT coalesce(sum(version), 0) FROM stance_cells WHERE "workspaceId" = $1)::int AS versions`,
    [ws.id],
  );
  return rows[0]!;
}

async function evidenceIds(ws: AuthorizedWorkspace, count: number): Promise<string[]> {
  const rows = await db().evidence.findMany({
    where: { workspaceId: ws.id },
    orderBy: { startOffset: "asc" },
    take: count,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

function shown(matrix: Awaited<ReturnType<typeof getMatrix>>, issue: string, party: string) {
  return matrix.cells.find((c) => c.issueId === issue && c.partyId === party);
}

beforeAll(async () => {
  await resetDatabase();
  await client.connect();
  const analyst = await db().user.create({
    data: { email: `analyst-${randomUUID().slice(0, 8)}@parley.test`, name: "Test Analyst" },
    select: { id: true },
  });
  analystId = analyst.id;
  workspace = trustedWorkspace(
    await loadWorkspaceFixture(securityGuarantees, { slug: uniqueSlug("editing") }),
    analystId,
  );
  other = trustedWorkspace(
    await loadWorkspaceFixture(securityGuarantees, { slug: uniqueSlug("elsewhere") }),
    analystId,
  );
  await mapDemoKeys(workspace, partyId, issueId);
});

afterAll(async () => {
  await client.end();
});

function input(issue: string, party: string, changes: Partial<RecordStatementInput> = {}): RecordStatementInput {
  return {
    workspaceSlug: workspace.slug,
    issueId: issueId.get(issue) ?? issue,
    partyId: partyId.get(party) ?? party,
    baseVersion: 0,
    position: "OPEN",
    summary: "A summary written by the test.",
    statedOn: "2022-02-20",
    links: [],
    ...changes,
  };
}

describe("the demo workspace's times", () => {
  it("records every statement after its workspace exists and links every quote after it was saved", async () => {
    const { rows } = await client.query(
      `SELECT (SELECT count(*) FROM stance_statements s JOIN workspaces w ON w.id = s."workspaceId"
                WHERE w.id = $1 AND s."recordedAt" <= w."createdAt")::int AS "statementsNotAfterWorkspace",
              (SELECT count(*) FROM statement_evidence se
                JOIN stance_statements s ON s.id = se."statementId" JOIN evidence e ON e.id = se."evidenceId"
                WHERE se."workspaceId" = $1 AND s."recordedAt" <= e."createdAt")::int AS "linksNotAfterQuote",
              (SELECT count(*) FROM evidence e JOIN document_revisions r ON r.id = e."revisionId"
                WHERE e."workspaceId" = $1 AND e."createdAt" < r."createdAt")::int AS "quotesBeforeText",
              (SELECT count(*) FROM documents d JOIN workspaces w ON w.id = d."workspaceId"
                WHERE w.id = $1 AND d."importedAt" < w."createdAt")::int AS "documentsBeforeWorkspace",
              (SELECT count(*) FROM activity_events a JOIN workspaces w ON w.id = a."workspaceId"
                WHERE w.id = $1 AND a.at < w."createdAt")::int AS "activityBeforeWorkspace",
              (SELECT count(*) FROM workspaces WHERE id = $1 AND "createdAt" > now())::int AS "workspaceInFuture",
              (SELECT count(DISTINCT "recordedAt") FROM stance_statements WHERE "workspaceId" = $1)::int AS "recordingTimes",
              (SELECT count(*) FROM stance_statements WHERE "workspaceId" = $1)::int AS statements,
              (SELECT count(*) FROM statement_evidence WHERE "workspaceId" = $1)::int AS links`,
      [workspace.id],
    );
    expect(rows[0]).toEqual({
      statementsNotAfterWorkspace: 0,
      linksNotAfterQuote: 0,
      quotesBeforeText: 0,
      documentsBeforeWorkspace: 0,
      activityBeforeWorkspace: 0,
      workspaceInFuture: 0,
      // Distinct recording times keep same-day statements in fixture order.
      recordingTimes: securityGuarantees.statements.length,
      statements: securityGuarantees.statements.length,
      links: securityGuarantees.statements.reduce((n, s) => n + s.evidence.length, 0),
    });
  });
});

describe("concurrent edits of one cell", () => {
  it(`lets exactly one of ${CONTENDERS} edits from the same version win, ${ROUNDS} rounds in a row, and loses none`, async () => {
    const totals = { rounds: 0, successes: 0, conflicts: 0, errors: 0, lostUpdates: 0 };
    // Even rounds race on a fresh cell (no stance_cells row yet: the INSERT … ON CONFLICT path);
    // odd rounds race on one long-lived cell from whatever version the previous round left.
    const shared = { issue: issueId.get("exercises")!, party: partyId.get("us")! };
    const sharedStart = await cellVersion(workspace, shared.issue, shared.party);
    let sharedWins = 0;

    for (let round = 0; round < ROUNDS; round++) {
      const fresh = round % 2 === 0;
      const target = fresh
        ? {
            issue: (
              await db().issue.create({
                data: { workspaceId: workspace.id, title: `Race ${round}`, sortOrder: 100 + round },
                select: { id: true },
              })
            ).id,
            party: partyId.get("russia")!,
          }
        : shared;
      const baseVersion = await cellVersion(workspace, target.issue, target.party);
      expect(baseVersion).toBe(fresh ? 0 : sharedStart + sharedWins);
      const statedOn = day(round);

      const results = await race(
        Array.from(
          { length: CONTENDERS },
          (_, i) => () =>
            recordStatement(
              workspace,
              input(target.issue, target.party, {
                baseVersion,
                statedOn,
                position: i % 2 ? "SUPPORTS" : "OPPOSES",
                summary: `Round ${round}, contender ${i}.`,
              }),
            ).catch((error: unknown) => ({ ok: false as const, code: "error" as const, error })),
        ),
      );
      const errors = results.filter((r) => !r.ok && r.code === "error");
      expect(errors, `round ${round}: unexpected errors`).toEqual([]);

      const winners = results.flatMap((r, i) => (r.ok ? [{ i, statementId: r.statementId!, version: r.version }] : []));
      const conflicts = results.flatMap((r) =>
        !r.ok && r.code === "conflict" && "details" in r ? [r.details as { current: CellState }] : [],
      );
      expect(winners, `round ${round}: winners`).toHaveLength(1);
      expect(conflicts, `round ${round}: conflicts`).toHaveLength(CONTENDERS - 1);
      const winner = winners[0]!;
      expect(winner.version).toBe(baseVersion + 1);
      // Every loser is told what beat it: the winner's statement at the new version.
      for (const conflict of conflicts) {
        expect(conflict).toMatchObject({
          current: {
            version: baseVersion + 1,
            latest: {
              id: winner.statementId,
              summary: `Round ${round}, contender ${winner.i}.`,
              recordedBy: "Test Analyst",
            },
            lastEdit: { kind: "recorded", statementId: winner.statementId, by: "Test Analyst" },
          },
        });
      }

      expect(await cellVersion(workspace, target.issue, target.party), `round ${round}: version`).toBe(baseVersion + 1);
      const stored = await db().stanceStatement.findMany({
        where: {
          workspaceId: workspace.id,
          issueId: target.issue,
          partyId: target.party,
          statedOn: new Date(`${statedOn}T00:00:00Z`),
        },
        select: { id: true, summary: true },
      });
      expect(stored, `round ${round}: statements written`).toEqual([
        { id: winner.statementId, summary: `Round ${round}, contender ${winner.i}.` },
      ]);
      const cell = shown(await getMatrix(workspace, statedOn), target.issue, target.party);
      expect(cell).toMatchObject({ version: baseVersion + 1, statement: { id: winner.statementId } });

      totals.rounds++;
      totals.successes += winners.length;
      totals.conflicts += conflicts.length;
      totals.errors += errors.length;
      if (!fresh) sharedWins++;
    }

    // Lost update: a success whose statement or activity row is missing, or a version that did not move with it.
    const { rows } = await client.query<{ statements: number; activity: number }>(
      `SELECT (SELECT count(*) FROM stance_statements WHERE "workspaceId" = $1 AND summary LIKE 'Round %, contender %.')::int AS statements,
              (SELECT count(*) FROM activity_events a JOIN stance_statements s ON s.id::text = a."subjectId"
                WHERE a."workspaceId" = $1 AND a.action = 'stance.recorded' AND s.summary LIKE 'Round %, contender %.')::int AS activity`,
      [workspace.id],
    );
    const sharedEnd = await cellVersion(workspace, shared.issue, shared.party);
    totals.lostUpdates =
      Math.abs(totals.successes - rows[0]!.statements) +
      Math.abs(totals.successes - rows[0]!.activity) +
      Math.abs(sharedStart + sharedWins - sharedEnd);
    console.info(
      `concurrency (${EMBEDDED ? "PGlite, one after another" : "PostgreSQL, all at once"}): ${JSON.stringify({ contenders: CONTENDERS, ...totals })}`,
    );
    expect(totals).toEqual({
      rounds: ROUNDS,
      successes: ROUNDS,
      conflicts: ROUNDS * (CONTENDERS - 1),
      errors: 0,
      lostUpdates: 0,
    });
  }, 180_000);

  // Corrections and retractions race on the statement a round first records (with one quote, so a
  // correction that keeps the quotes can be checked for losing them), in one cell per kind.
  const AMEND_ROUNDS = EMBEDDED ? 5 : 10;
  for (const kind of ["correct", "retract"] as const) {
    it(`lets exactly one of ${CONTENDERS} ${kind}ions of one statement win, ${AMEND_ROUNDS} rounds in a row, and loses none`, async () => {
      const cell = {
        issue: (
          await db().issue.create({
            data: { workspaceId: workspace.id, title: `Race to ${kind}`, sortOrder: 200 },
            select: { id: true },
          })
        ).id,
        party: partyId.get("nato")!,
      };
      const [quote] = await evidenceIds(workspace, 1);
      const totals = { rounds: 0, successes: 0, conflicts: 0, errors: 0, lostUpdates: 0 };

      for (let round = 0; round < AMEND_ROUNDS; round++) {
        const statedOn = day(round, "2023-06-01");
        const recorded = await recordStatement(
          workspace,
          input(cell.issue, cell.party, {
            baseVersion: await cellVersion(workspace, cell.issue, cell.party),
            statedOn,
            summary: `To ${kind} in round ${round}.`,
            links: [{ evidenceId: quote!, relation: "CONTRADICTS" }],
          }),
        );
        expectEditOk(recorded);
        const reasonOf = (i: number) => `${kind} round ${round}, contender ${i}.`;
        const outcomes = await race(
          Array.from({ length: CONTENDERS }, (_, i) => async () => {
            const common = {
              workspaceSlug: workspace.slug,
              statementId: recorded.statementId!,
              baseVersion: recorded.version,
              reason: reasonOf(i),
            };
            try {
              return kind === "correct"
                ? await correctStatement(workspace, {
                    ...common,
                    position: "CONDITIONAL",
                    summary: `Corrected in round ${round} by contender ${i}.`,
                    statedOn,
                  })
                : await retractStatement(workspace, common);
            } catch (error) {
              return { ok: false as const, code: "error" as const, error };
            }
          }),
        );

        const winners = outcomes.flatMap((r, i) => (r.ok ? [{ i, ...r }] : []));
        const conflicts = outcomes.flatMap((r) =>
          !r.ok && r.code === "conflict" && "details" in r ? [r.details as { current: CellState }] : [],
        );
        const errors = outcomes.filter((r) => !r.ok && r.code !== "conflict");
        expect(errors, `round ${round}: unexpected outcomes`).toEqual([]);
        expect(winners, `round ${round}: winners`).toHaveLength(1);
        const winner = winners[0]!;
        expect(winner.version).toBe(recorded.version + 1);
        const amendment = {
          kind: kind === "correct" ? "CORRECTED" : "RETRACTED",
          reason: reasonOf(winner.i),
          replacementId: winner.statementId,
          by: "Test Analyst",
        };
        // Every loser is told who won and how: the winner's edit, and what became of the statement.
        for (const conflict of conflicts) {
          expect(conflict).toMatchObject({
            current: {
              version: recorded.version + 1,
              lastEdit: {
                kind: kind === "correct" ? "corrected" : "retracted",
                statementId: recorded.statementId,
                replacementId: winner.statementId,
                by: "Test Analyst",
              },
              target: { statementId: recorded.statementId, amendment },
            },
          });
          if (kind === "correct")
            expect(conflict).toMatchObject({
              current: {
                latest: { id: winner.statementId, summary: `Corrected in round ${round} by contender ${winner.i}.` },
              },
            });
          else expect((conflict as { current: CellState }).current.latest?.id).not.toBe(recorded.statementId);
        }

        // Lost update: the amendment, replacement, quotes or activity row of the winner missing, or a second of any.
        const stored = await db().statementAmendment.findMany({
          where: { statementId: recorded.statementId! },
          select: { kind: true, reason: true, replacementId: true },
        });
        const replacements = await db().stanceStatement.findMany({
          where: {
            workspaceId: workspace.id,
            issueId: cell.issue,
            summary: { startsWith: `Corrected in round ${round} by ` },
          },
          select: { id: true, links: { select: { evidenceId: true, relation: true } } },
        });
        const activity = await db().activityEvent.count({
          where: { workspaceId: workspace.id, subjectId: recorded.statementId!, action: { not: "stance.recorded" } },
        });
        const expectedReplacements =
          kind === "correct"
            ? [{ id: winner.statementId, links: [{ evidenceId: quote!, relation: "CONTRADICTS" }] }]
            : [];
        const lost =
          (stored.length === 1 && stored[0]!.reason === reasonOf(winner.i) ? 0 : 1) +
          (JSON.stringify(replacements) === JSON.stringify(expectedReplacements) ? 0 : 1) +
          Math.abs(activity - 1) +
          Math.abs((await cellVersion(workspace, cell.issue, cell.party)) - (recorded.version + 1));
        expect({ stored, replacements, activity }, `round ${round}: what was written`).toEqual({
          stored: [{ kind: amendment.kind, reason: amendment.reason, replacementId: amendment.replacementId }],
          replacements: expectedReplacements,
          activity: 1,
        });

        totals.rounds++;
        totals.successes += winners.length;
        totals.conflicts += conflicts.length;
        totals.errors += errors.length;
        totals.lostUpdates += lost;
      }
      console.info(
        `concurrency, ${kind} (${EMBEDDED ? "PGlite, one after another" : "PostgreSQL, all at once"}): ${JSON.stringify({ contenders: CONTENDERS, ...totals })}`,
      );
      expect(totals).toEqual({
        rounds: AMEND_ROUNDS,
        successes: AMEND_ROUNDS,
        conflicts: AMEND_ROUNDS * (CONTENDERS - 1),
        errors: 0,
        lostUpdates: 0,
      });
    }, 240_000);
  }

  it("refuses an edit based on a version that has moved on, and one based on a version not reached yet", async () => {
    const [issue, party] = [issueId.get("missions")!, partyId.get("us")!];
    const version = await cellVersion(workspace, issue, party);
    expectEditOk(
      await recordStatement(
        workspace,
        input(issue, party, { baseVersion: version, summary: "Based on the current version." }),
      ),
    );
    const before = await footprint(workspace);
    expect(
      await recordStatement(workspace, input(issue, party, { baseVersion: version, summary: "Stale." })),
    ).toMatchObject({
      ok: false,
      code: "conflict",
      details: { current: { version: version + 1, latest: { summary: "Based on the current version." } } },
    });
    expect(
      await recordStatement(workspace, input(issue, party, { baseVersion: version + 5, summary: "From the future." })),
    ).toMatchObject({ ok: false, code: "conflict" });
    expect(await footprint(workspace)).toEqual(before);
  });
});

describe("many edits at once", () => {
  it(`corrects more statements at once than the pool has connections (${POOL_MAX})`, async () => {
    // Each correction must do all its reads inside its own transaction: one that also waited for a
    // second connection would starve once every connection holds a transaction.
    const targets = (await getMatrix(other, "2022-02-16")).cells.filter((c) => c.statement).slice(0, POOL_MAX + 2);
    expect(targets).toHaveLength(POOL_MAX + 2);
    const results = await race(
      targets.map(
        (cell) => () =>
          correctStatement(other, {
            workspaceSlug: other.slug,
            statementId: cell.statement!.id,
            baseVersion: cell.version,
            position: "OPEN",
            summary: "Corrected in a crowd.",
            statedOn: cell.statement!.statedOn,
            links: [],
            reason: "Load test.",
          }),
      ),
    );
    // A starved pool shows as Prisma's "expired transaction" errors after its 5 s timeout.
    expect(results.map((r) => r.ok)).toEqual(targets.map(() => true));
  });
});

describe("a failure part-way through an edit", () => {
  it("leaves no statement, no quote links and no version change when the activity row cannot be written", async () => {
    const [issue, party] = [issueId.get("arms-control")!, partyId.get("russia")!];
    const baseVersion = await cellVersion(workspace, issue, party);
    const links = (await evidenceIds(workspace, 2)).map((evidenceId) => ({
      evidenceId,
      relation: "SUPPORTS" as const,
    }));
    const edit = input(issue, party, {
      baseVersion,
      summary: "Written while the activity log refuses inserts.",
      links,
    });
    const before = await footprint(workspace);

    await client.query(`CREATE FUNCTION parley_test_refuse_activity() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'injected failure: activity_events refuses inserts'; END $$`);
    try {
      await client.query(
        `CREATE TRIGGER parley_test_refuse_activity BEFORE INSERT ON activity_events FOR EACH ROW EXECUTE FUNCTION parley_test_refuse_activity()`,
      );
      await expect(recordStatement(workspace, edit)).rejects.toThrow(/injected failure/);
    } finally {
      await client.query(`DROP TRIGGER IF EXISTS parley_test_refuse_activity ON activity_events`);
      await client.query(`DROP FUNCTION IF EXISTS parley_test_refuse_activity()`);
    }

    expect(await footprint(workspace)).toEqual(before);
    expect(await cellVersion(workspace, issue, party)).toBe(baseVersion);
    const { rows } = await client.query(`SELECT 1 FROM stance_statements WHERE summary = $1`, [edit.summary]);
    expect(rows).toHaveLength(0);

    // The version was not used up: the same edit, retried, goes through whole.
    const retried = await recordStatement(workspace, edit);
    expectEditOk(retried);
    expect(retried.version).toBe(baseVersion + 1);
    expect(await footprint(workspace)).toMatchObject({
      statements: before.statements + 1,
      links: before.links + 2,
      activity: before.activity + 1,
      versions: before.versions + 1,
    });
  });
});

describe("correcting and retracting", () => {
  it("keeps a corrected statement, marks it with the reason and its replacement, and shows the replacement", async () => {
    const [issue, party] = [issueId.get("inf-missiles")!, partyId.get("russia")!];
    const matrix = await getMatrix(workspace, "2022-02-16");
    const original = shown(matrix, issue, party)!;
    expect(original.statement).toMatchObject({ position: "SUPPORTS", statedOn: "2022-02-16" });
    const before = await footprint(workspace);

    const result = await correctStatement(workspace, {
      workspaceSlug: workspace.slug,
      statementId: original.statement!.id,
      baseVersion: original.version,
      position: "CONDITIONAL",
      summary: "Russia supports the moratorium only as part of a package.",
      statedOn: "2022-02-16",
      links: [],
      reason: "The position was recorded one step too strong.",
    });
    expectEditOk(result);
    expect(result.version).toBe(original.version + 1);
    expect(await footprint(workspace)).toMatchObject({
      statements: before.statements + 1,
      amendments: before.amendments + 1,
      activity: before.activity + 1,
      versions: before.versions + 1,
    });

    const kept = await db().stanceStatement.findUnique({
      where: { id: original.statement!.id },
      select: {
        summary: true,
        position: true,
        amendment: { select: { kind: true, reason: true, replacementId: true, amendedById: true } },
      },
    });
    expect(kept).toEqual({
      summary: original.statement!.summary,
      position: "SUPPORTS",
      amendment: {
        kind: "CORRECTED",
        reason: "The position was recorded one step too strong.",
        replacementId: result.statementId,
        amendedById: analystId,
      },
    });
    expect(shown(await getMatrix(workspace, "2022-02-16"), issue, party)).toMatchObject({
      version: original.version + 1,
      statement: {
        id: result.statementId,
        position: "CONDITIONAL",
        summary: "Russia supports the moratorium only as part of a package.",
      },
    });
    const activity = await db().activityEvent.findFirst({
      where: { workspaceId: workspace.id, action: "stance.corrected", subjectId: original.statement!.id },
    });
    expect(activity?.after).toMatchObject({
      replacementId: result.statementId,
      reason: "The position was recorded one step too strong.",
    });

    // A second correction of the same statement, even from the current version, is refused whole.
    const again = await footprint(workspace);
    expect(
      await correctStatement(workspace, {
        workspaceSlug: workspace.slug,
        statementId: original.statement!.id,
        baseVersion: result.version,
        position: "OPPOSES",
        summary: "A second go at the same statement.",
        statedOn: "2022-02-16",
        links: [],
        reason: "Racing the first correction.",
      }),
    ).toMatchObject({
      ok: false,
      code: "already_amended",
      message: expect.stringMatching(/^That statement was already corrected by Test Analyst \(/),
      details: { amendment: { kind: "CORRECTED", replacementId: result.statementId, by: "Test Analyst" } },
    });
    expect(
      await retractStatement(workspace, {
        workspaceSlug: workspace.slug,
        statementId: original.statement!.id,
        baseVersion: result.version,
        reason: "Retracting a corrected statement.",
      }),
    ).toMatchObject({ ok: false, code: "already_amended" });
    expect(await footprint(workspace)).toEqual(again);
  });

  it("hides a retracted statement, shows the earlier one again, and keeps both in the cell's history", async () => {
    const [issue, party] = [issueId.get("inf-missiles")!, partyId.get("us")!];
    const previous = shown(await getMatrix(workspace, "2022-02-16"), issue, party)!;
    const recorded = await recordStatement(
      workspace,
      input(issue, party, {
        baseVersion: previous.version,
        position: "REJECTS",
        summary: "Recorded on the wrong party.",
        statedOn: "2022-02-16",
      }),
    );
    expectEditOk(recorded);
    expect(shown(await getMatrix(workspace, "2022-02-16"), issue, party)?.statement?.id).toBe(recorded.statementId);

    const retracted = await retractStatement(workspace, {
      workspaceSlug: workspace.slug,
      statementId: recorded.statementId!,
      baseVersion: recorded.version,
      reason: "Said by Russia, not the US.",
    });
    expectEditOk(retracted);
    expect(retracted).toEqual({ ok: true, statementId: null, version: recorded.version + 1 });
    expect(shown(await getMatrix(workspace, "2022-02-16"), issue, party)).toMatchObject({
      version: recorded.version + 1,
      statement: { id: previous.statement!.id, summary: previous.statement!.summary },
    });

    const history = await getCellHistory(workspace, issue, party);
    const entry = history!.statements.find((s) => s.id === recorded.statementId);
    expect(entry).toMatchObject({
      summary: "Recorded on the wrong party.",
      amendment: {
        kind: "RETRACTED",
        reason: "Said by Russia, not the US.",
        replacementId: null,
        amendedBy: { name: "Test Analyst" },
      },
    });
    expect(history!.statements.map((s) => s.id)).toContain(previous.statement!.id);
  });

  it("leaves a cell showing no statement when its only statement is retracted", async () => {
    const [issue, party] = [issueId.get("missions")!, partyId.get("russia")!];
    const recorded = await recordStatement(
      workspace,
      input(issue, party, {
        baseVersion: await cellVersion(workspace, issue, party),
        summary: "The only statement here.",
      }),
    );
    expectEditOk(recorded);
    expectEditOk(
      await retractStatement(workspace, {
        workspaceSlug: workspace.slug,
        statementId: recorded.statementId!,
        baseVersion: recorded.version,
        reason: "Nothing was said.",
      }),
    );
    expect(shown(await getMatrix(workspace, "2030-01-01"), issue, party)).toEqual({
      issueId: issue,
      partyId: party,
      version: recorded.version + 1,
      statement: null,
    });
    expect((await getCellHistory(workspace, issue, party))!.statements).toEqual([
      expect.objectContaining({ id: recorded.statementId, amendment: expect.objectContaining({ kind: "RETRACTED" }) }),
    ]);
  });
});

describe("a correction's quotes", () => {
  async function recordWithQuotes(title: string) {
    const issue = (
      await db().issue.create({
        data: { workspaceId: workspace.id, title: `${title} ${randomUUID().slice(0, 8)}`, sortOrder: 300 },
        select: { id: true },
      })
    ).id;
    const party = partyId.get("russia")!;
    const [q1, q2, q3] = await evidenceIds(workspace, 3);
    const links = [
      { evidenceId: q1!, relation: "SUPPORTS" as const },
      { evidenceId: q2!, relation: "CONTEXT" as const },
    ];
    const recorded = await recordStatement(workspace, input(issue, party, { summary: `${title}.`, links }));
    expectEditOk(recorded);
    return { issue, party, recorded, links, quotes: [q1!, q2!, q3!] as const };
  }

  const sorted = <T extends { evidenceId: string }>(links: T[]) =>
    [...links].sort((a, b) => a.evidenceId.localeCompare(b.evidenceId));

  async function linksOf(statementId: string) {
    return sorted(
      await db().statementEvidence.findMany({ where: { statementId }, select: { evidenceId: true, relation: true } }),
    );
  }

  it("keeps the corrected statement's quotes and their relations when the correction names none", async () => {
    const { issue, party, recorded, links } = await recordWithQuotes("Quotes kept");
    // The schema leaves a missing list missing: only an explicit one replaces the quotes.
    const parsed = CorrectStatementSchema.parse({
      workspaceSlug: workspace.slug,
      statementId: recorded.statementId,
      baseVersion: recorded.version,
      position: "OPPOSES",
      summary: "Reworded, same quotes.",
      statedOn: "2022-02-20",
      reason: "Wording.",
    });
    expect(parsed.links).toBeUndefined();
    const corrected = await correctStatement(workspace, parsed);
    expectEditOk(corrected);
    expect(await linksOf(corrected.statementId!)).toEqual(sorted(links));
    expect(await linksOf(recorded.statementId!)).toEqual(sorted(links));

    const activity = await db().activityEvent.findFirstOrThrow({
      where: { workspaceId: workspace.id, action: "stance.corrected", subjectId: recorded.statementId! },
      select: { before: true, after: true },
    });
    expect(activity).toEqual({
      before: { position: "OPEN", summary: "Quotes kept.", statedOn: "2022-02-20", links: sorted(links) },
      after: {
        replacementId: corrected.statementId,
        position: "OPPOSES",
        summary: "Reworded, same quotes.",
        statedOn: "2022-02-20",
        links: sorted(links),
        reason: "Wording.",
      },
    });
    const history = await getCellHistory(workspace, issue, party);
    const old = history!.statements.find((s) => s.id === recorded.statementId)!;
    expect(old.correction).toEqual({
      replacement: {
        id: corrected.statementId,
        position: "OPPOSES",
        summary: "Reworded, same quotes.",
        statedOn: "2022-02-20",
      },
      links: { added: [], removed: [], relationChanged: [] },
    });
    expect(old.amendment).toMatchObject({ kind: "CORRECTED", reason: "Wording.", amendedBy: { name: "Test Analyst" } });
  });

  it("removes them on an explicit empty list, changes them on another, and the history and activity say so", async () => {
    const { issue, party, recorded, links, quotes } = await recordWithQuotes("Quotes removed");
    const removed = await correctStatement(workspace, {
      workspaceSlug: workspace.slug,
      statementId: recorded.statementId!,
      baseVersion: recorded.version,
      position: "OPEN",
      summary: "No quote supports this after all.",
      statedOn: "2022-02-20",
      links: [],
      reason: "The quotes were about another issue.",
    });
    expectEditOk(removed);
    expect(await linksOf(removed.statementId!)).toEqual([]);
    const activity = await db().activityEvent.findFirstOrThrow({
      where: { workspaceId: workspace.id, action: "stance.corrected", subjectId: recorded.statementId! },
      select: { before: true, after: true },
    });
    expect(activity.before).toMatchObject({ links: sorted(links) });
    expect(activity.after).toMatchObject({ replacementId: removed.statementId, links: [] });

    // A second correction, of the replacement: one quote back with another relation, one new.
    const changed = await correctStatement(workspace, {
      workspaceSlug: workspace.slug,
      statementId: removed.statementId!,
      baseVersion: removed.version,
      position: "OPEN",
      summary: "Relinked.",
      statedOn: "2022-02-20",
      links: [
        { evidenceId: quotes[0], relation: "CONTRADICTS" },
        { evidenceId: quotes[2], relation: "SUPPORTS" },
      ],
      reason: "Found the right quotes.",
    });
    expectEditOk(changed);

    const history = (await getCellHistory(workspace, issue, party))!;
    const first = history.statements.find((s) => s.id === recorded.statementId)!;
    expect(first.correction!.replacement).toMatchObject({
      id: removed.statementId,
      summary: "No quote supports this after all.",
    });
    expect(first.correction!.links.added).toEqual([]);
    expect(
      sorted(first.correction!.links.removed.map((l) => ({ evidenceId: l.evidence.id, relation: l.relation }))),
    ).toEqual(sorted(links));
    const second = history.statements.find((s) => s.id === removed.statementId)!;
    expect(second.correction!.links.added.map((l) => [l.evidence.id, l.relation]).sort()).toEqual(
      [
        [quotes[0], "CONTRADICTS"],
        [quotes[2], "SUPPORTS"],
      ].sort(),
    );
    expect(second.correction!.links.removed).toEqual([]);
  });

  it("reports a relation changed on a kept quote", async () => {
    const { issue, party, recorded, quotes } = await recordWithQuotes("Relation changed");
    const corrected = await correctStatement(workspace, {
      workspaceSlug: workspace.slug,
      statementId: recorded.statementId!,
      baseVersion: recorded.version,
      position: "OPEN",
      summary: "Same quotes, one read the other way.",
      statedOn: "2022-02-20",
      links: [
        { evidenceId: quotes[0], relation: "CONTRADICTS" },
        { evidenceId: quotes[1], relation: "CONTEXT" },
      ],
      reason: "Misread the first quote.",
    });
    expectEditOk(corrected);
    const history = (await getCellHistory(workspace, issue, party))!;
    const changes = history.statements.find((s) => s.id === recorded.statementId)!.correction!.links;
    expect(changes.added).toEqual([]);
    expect(changes.removed).toEqual([]);
    expect(changes.relationChanged.map((c) => [c.before.evidence.id, c.before.relation, c.after.relation])).toEqual([
      [quotes[0], "SUPPORTS", "CONTRADICTS"],
    ]);
  });
});

describe("bad input", () => {
  const valid = () => ({ ...input("non-expansion", "russia"), issueId: randomUUID(), partyId: randomUUID() });
  const messagesFor = (value: unknown) => {
    const parsed = RecordStatementSchema.safeParse(value);
    expect(parsed.success).toBe(false);
    return parsed.error!.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  };

  it("accepts a well-formed edit (so each refusal below is about its one field)", () => {
    expect(RecordStatementSchema.safeParse(valid()).success).toBe(true);
    expect(
      RecordStatementSchema.safeParse({
        ...valid(),
        statedOn: new Date().toISOString().slice(0, 10),
        summary: "x".repeat(600),
      }).success,
    ).toBe(true);
    expect(RecordStatementSchema.safeParse({ ...valid(), statedOn: "1900-01-01" }).success).toBe(true);
  });

  it("refuses an unknown position, naming the field and the fix", () => {
    expect(messagesFor({ ...valid(), position: "MAYBE" })).toEqual(["position: Choose a position from the scale."]);
  });

  it("refuses a stated date in the future or before 1900, and one that is not a date", () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect(messagesFor({ ...valid(), statedOn: tomorrow })).toEqual([
      "statedOn: That date is in the future: record what was stated, once it has been.",
    ]);
    expect(messagesFor({ ...valid(), statedOn: "1899-12-31" })).toEqual([
      "statedOn: Dates before 1900 are not accepted.",
    ]);
    expect(messagesFor({ ...valid(), statedOn: "2022-02-30" })).toEqual([
      expect.stringMatching(/^statedOn: Use a date written as YYYY-MM-DD/),
    ]);
  });

  it("refuses an empty summary and one of 601 characters", () => {
    expect(messagesFor({ ...valid(), summary: "x".repeat(601) })).toEqual([
      "summary: Keep the summary to 600 characters.",
    ]);
    expect(messagesFor({ ...valid(), summary: "   " })).toEqual(["summary: Write a one- or two-sentence summary."]);
  });

  it("leaves nothing behind when the database's own checks refuse what the schema would have", async () => {
    // Defence in depth, for a caller that skipped the schema: the CHECK constraints still hold.
    const [issue, party] = [issueId.get("exercises")!, partyId.get("nato")!];
    const baseVersion = await cellVersion(workspace, issue, party);
    const before = await footprint(workspace);
    await expect(
      recordStatement(workspace, input(issue, party, { baseVersion, summary: "x".repeat(601) })),
    ).rejects.toThrow(/stance_statements_summary_length/);
    await expect(
      recordStatement(workspace, input(issue, party, { baseVersion, statedOn: "1899-12-31" })),
    ).rejects.toThrow(/stance_statements_stated_on_range/);
    expect(await footprint(workspace)).toEqual(before);
  });

  it("refuses a quote from another workspace exactly as it refuses one that does not exist, writing nothing", async () => {
    const [issue, party] = [issueId.get("force-withdrawal")!, partyId.get("nato")!];
    const baseVersion = await cellVersion(workspace, issue, party);
    const [ours] = await evidenceIds(workspace, 1);
    const [theirs] = await evidenceIds(other, 1);
    const before = { ours: await footprint(workspace), theirs: await footprint(other) };

    const refusal = {
      ok: false,
      code: "evidence_not_found",
      message: "One of the linked quotes does not exist in this workspace.",
    };
    for (const foreign of [theirs!, randomUUID()]) {
      const links = [
        { evidenceId: ours!, relation: "SUPPORTS" as const },
        { evidenceId: foreign, relation: "CONTEXT" as const },
      ];
      expect(await recordStatement(workspace, input(issue, party, { baseVersion, links }))).toEqual(refusal);
    }
    expect({ ours: await footprint(workspace), theirs: await footprint(other) }).toEqual(before);
  });

  it("refuses an issue, party or statement of another workspace as not found, writing nothing", async () => {
    const theirs = await getMatrix(other, "2022-02-16");
    const theirStatement = theirs.cells.find((c) => c.statement)!;
    const before = { ours: await footprint(workspace), theirs: await footprint(other) };
    const notFound = {
      ok: false,
      code: "not_found",
      message: expect.stringMatching(/does not exist in this workspace/),
    };

    expect(await recordStatement(workspace, input(theirs.issues[0]!.id, "russia"))).toEqual(notFound);
    expect(await recordStatement(workspace, input("non-expansion", theirs.parties[0]!.id))).toEqual(notFound);
    expect(await recordStatement(workspace, input(randomUUID(), "russia"))).toEqual(notFound);
    expect(
      await correctStatement(workspace, {
        ...input("non-expansion", "russia"),
        statementId: theirStatement.statement!.id,
        baseVersion: theirStatement.version,
        reason: "Reaching across workspaces.",
      }),
    ).toEqual(notFound);
    expect(
      await retractStatement(workspace, {
        workspaceSlug: workspace.slug,
        statementId: theirStatement.statement!.id,
        baseVersion: theirStatement.version,
        reason: "Reaching across workspaces.",
      }),
    ).toEqual(notFound);
    expect({ ours: await footprint(workspace), theirs: await footprint(other) }).toEqual(before);
  });
});
