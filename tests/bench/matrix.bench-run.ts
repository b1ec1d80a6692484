// The in-process half of `npm run bench`: times the app's own data layer (getMatrix,
// getCellHistory, recordStatement from lib/) against hand-written SQL sent through `pg`, on the
// database scripts/bench.mjs generated. Run by that script only; it writes raw timings (ms) to
// PARLEY_BENCH_OUT and the script does the statistics and the table.
import { readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getCellHistory, getMatrix, listChangeDates } from "@/lib/matrix/data";
import { recordStatement } from "@/lib/matrix/mutations";
import type { RecordStatementInput } from "@/lib/matrix/schema";
import { trustedWorkspace } from "@/lib/workspaces/access";

type Cell = { issue: number; party: number };
type PlannedRecord = Cell & { position: RecordStatementInput["position"]; statedOn: string; evidence: number | null };
type Plan = {
  seed: number;
  slug: string;
  warmupDates: string[];
  dates: string[];
  warmupCells: Cell[];
  cells: Cell[];
  warmupRecords: PlannedRecord[];
  records: PlannedRecord[];
};

const mode = required("PARLEY_BENCH_MODE") === "embedded" ? "embedded" : "postgresql";
const plan = JSON.parse(readFileSync(required("PARLEY_BENCH_PLAN"), "utf8")) as Plan;
const outFile = required("PARLEY_BENCH_OUT");

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this through npm run bench`);
  return value;
}

// The baseline: the textbook "latest row per group" query, written by hand.
const HAND_WRITTEN_SQL = `
  SELECT DISTINCT ON (st."issueId", st."partyId") st."issueId", st."partyId", st.id, st.position, st.summary, st."statedOn"
  FROM stance_statements st
  WHERE st."workspaceId" = $1::uuid AND st."statedOn" <= $2::date
    AND NOT EXISTS (SELECT 1 FROM statement_amendments a WHERE a."statementId" = st.id)
  ORDER BY st."issueId", st."partyId", st."statedOn" DESC, st."recordedAt" DESC, st.id DESC`;

// A copy of the query in lib/matrix/data.ts (latestStatementsAsOf, not exported), sent through
// `pg` to tell the query's own cost from Prisma's and getMatrix's other reads, and for EXPLAIN.
// The run checks that it still answers exactly what getMatrix answers.
const APP_QUERY_COPY = `
  SELECT i.id AS "issueId", p.id AS "partyId", COALESCE(c.version, 0) AS version,
         s.id, s.position, s.summary, s."statedOn",
         (SELECT count(*)::int FROM statement_evidence se WHERE se."statementId" = s.id) AS "evidenceCount"
  FROM issues i
  CROSS JOIN parties p
  LEFT JOIN stance_cells c ON c."workspaceId" = i."workspaceId" AND c."issueId" = i.id AND c."partyId" = p.id
  LEFT JOIN LATERAL (
    SELECT st.id, st.position, st.summary, st."statedOn"
    FROM stance_statements st
    WHERE st."workspaceId" = i."workspaceId" AND st."issueId" = i.id AND st."partyId" = p.id
      AND st."statedOn" <= $2::date
      AND NOT EXISTS (SELECT 1 FROM statement_amendments a WHERE a."statementId" = st.id)
    ORDER BY st."statedOn" DESC, st."recordedAt" DESC, st.id DESC
    LIMIT 1
  ) s ON true
  WHERE i."workspaceId" = $1::uuid AND p."workspaceId" = $1::uuid
    AND i."archivedAt" IS NULL AND p."archivedAt" IS NULL
    AND (s.id IS NOT NULL OR c.version IS NOT NULL)`;

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await work();
  return [performance.now() - started, value];
}

const client = new pg.Client({ connectionString: required("DATABASE_URL") });

afterAll(async () => {
  await client.end().catch(() => {});
  await db().$disconnect();
});

it(`measures the data layer on ${mode}`, async () => {
  await client.connect();
  const [row] = (await client.query<{ id: string; slug: string; title: string }>("SELECT id, slug, title FROM workspaces WHERE slug = $1", [plan.slug])).rows;
  if (!row) throw new Error(`no workspace ${plan.slug}: the data set was not loaded`);
  const workspace = trustedWorkspace(row);
  const issues = (await client.query<{ id: string }>(`SELECT id FROM issues WHERE "workspaceId" = $1 ORDER BY "sortOrder"`, [row.id])).rows.map((r) => r.id);
  const parties = (await client.query<{ id: string }>(`SELECT id FROM parties WHERE "workspaceId" = $1 ORDER BY "sortOrder"`, [row.id])).rows.map((r) => r.id);
  const evidence = (await client.query<{ id: string }>(`SELECT id FROM evidence WHERE "workspaceId" = $1 ORDER BY "startOffset"`, [row.id])).rows.map((r) => r.id);
  const cellIds = (cell: Cell) => ({ issueId: issues[cell.issue]!, partyId: parties[cell.party]! });
  const result: Record<string, unknown> = { mode, server: (await client.query<{ v: string }>("SELECT version() AS v")).rows[0]?.v };

  const app = (date: string) => getMatrix(workspace, date);
  const handWritten = (date: string) => client.query<{ issueId: string; partyId: string; id: string }>(HAND_WRITTEN_SQL, [row.id, date]);
  const appQueryCopy = (date: string) => client.query<{ issueId: string; partyId: string; id: string | null }>(APP_QUERY_COPY, [row.id, date]);

  // 1 / 5. The matrix as of each date, three ways, interleaved (and the order alternated) so
  // that drift in the machine's load falls on all three alike. On PGlite the hand-written query
  // takes half a second or more: 10 of the dates are enough for it.
  const handWrittenDates = mode === "embedded" ? 10 : plan.dates.length;
  for (const [index, date] of plan.warmupDates.entries()) {
    await app(date);
    if (index < handWrittenDates / 5) await handWritten(date);
    await appQueryCopy(date);
  }
  const matrixApp: number[] = [];
  const matrixSql: number[] = [];
  const matrixAppQueryViaPg: number[] = [];
  const mismatches: string[] = [];
  for (const [index, date] of plan.dates.entries()) {
    let appView: Awaited<ReturnType<typeof app>> | undefined;
    let sqlRows: { issueId: string; partyId: string; id: string }[] | undefined;
    let copyRows: { issueId: string; partyId: string; id: string | null }[] = [];
    const runs = [
      async () => {
        const [ms, view] = await timed(() => app(date));
        matrixApp.push(ms);
        appView = view;
      },
      async () => {
        if (index >= handWrittenDates) return;
        const [ms, rows] = await timed(() => handWritten(date));
        matrixSql.push(ms);
        sqlRows = rows.rows;
      },
      async () => {
        const [ms, rows] = await timed(() => appQueryCopy(date));
        matrixAppQueryViaPg.push(ms);
        copyRows = rows.rows;
      },
    ];
    for (const run of index % 2 === 0 ? runs : [...runs].reverse()) await run();
    // Honest only if all three answer the same: every cell's statement, by id.
    const fromApp = new Map(appView!.cells.filter((c) => c.statement).map((c) => [`${c.issueId}:${c.partyId}`, c.statement!.id]));
    const fromSql = sqlRows && new Map(sqlRows.map((r) => [`${r.issueId}:${r.partyId}`, r.id]));
    const fromCopy = new Map(copyRows.filter((r) => r.id).map((r) => [`${r.issueId}:${r.partyId}`, r.id]));
    const differs = (a: Map<string, string | null>, b: Map<string, string | null>) => a.size !== b.size || [...a].some(([k, v]) => b.get(k) !== v);
    if (fromSql && differs(fromApp, fromSql)) mismatches.push(`${date}: getMatrix and the hand-written SQL disagree`);
    if (differs(fromApp, fromCopy)) mismatches.push(`${date}: getMatrix and the copy of its query disagree (tests/bench is out of date)`);
  }
  Object.assign(result, { matrixApp, matrixSql, matrixAppQueryViaPg, mismatches, cellsShown: (await app(plan.dates[0]!)).cells.length });

  // Plans of both queries at the median of the measured dates.
  const medianDate = [...plan.dates].sort()[Math.floor(plan.dates.length / 2)]!;
  const explain = async (sql: string, params: unknown[] = [row.id, medianDate]) =>
    (await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)).rows.map((r) => r["QUERY PLAN"]).join("\n");
  result.plans = {
    date: medianDate,
    app: await explain(APP_QUERY_COPY),
    handWritten: await explain(HAND_WRITTEN_SQL),
    // What Prisma sends for listChangeDates (from its query log): `distinct` is applied in
    // JavaScript, after every statement's date has been read.
    changeDates: await explain(`SELECT id, "statedOn" FROM stance_statements WHERE "workspaceId" = $1 ORDER BY "statedOn" ASC OFFSET 0`, [row.id]),
  };

  if (mode === "postgresql") {
    // The other read the matrix page makes on every render.
    const changeDates: number[] = [];
    await listChangeDates(workspace);
    for (let i = 0; i < 5; i++) changeDates.push((await timed(() => listChangeDates(workspace)))[0]);
    result.changeDates = changeDates;
    result.changeDateCount = (await listChangeDates(workspace)).length;

    // 3. One cell's full history.
    for (const cell of plan.warmupCells) await getCellHistory(workspace, cellIds(cell).issueId, cellIds(cell).partyId);
    const history: number[] = [];
    let historyStatements = 0;
    for (const cell of plan.cells) {
      const [ms, found] = await timed(() => getCellHistory(workspace, cellIds(cell).issueId, cellIds(cell).partyId));
      expect(found).not.toBeNull();
      history.push(ms);
      historyStatements += found!.statements.length;
    }
    Object.assign(result, { history, historyStatementsMean: historyStatements / plan.cells.length });

    // 4. Recording a statement on the cell's current version, as the editor does.
    const record = async (planned: PlannedRecord, index: number) => {
      const cell = cellIds(planned);
      const { rows } = await client.query<{ version: number }>(
        `SELECT version FROM stance_cells WHERE "workspaceId" = $1 AND "issueId" = $2 AND "partyId" = $3`,
        [row.id, cell.issueId, cell.partyId],
      );
      const input: RecordStatementInput = {
        workspaceSlug: workspace.slug,
        ...cell,
        baseVersion: rows[0]?.version ?? 0,
        position: planned.position,
        summary: `Bench edit ${index}: recorded by npm run bench.`,
        statedOn: planned.statedOn,
        links: planned.evidence === null ? [] : [{ evidenceId: evidence[planned.evidence]!, relation: "SUPPORTS" }],
      };
      const [ms, outcome] = await timed(() => recordStatement(workspace, input));
      expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
      return ms;
    };
    for (const [index, planned] of plan.warmupRecords.entries()) await record(planned, -index - 1);
    const records: number[] = [];
    for (const [index, planned] of plan.records.entries()) records.push(await record(planned, index));
    result.record = records;
  }

  writeFileSync(outFile, JSON.stringify(result));
  expect(mismatches).toEqual([]);
});
