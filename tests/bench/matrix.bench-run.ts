// The in-process half of `npm run bench`: times the app's own data layer (getMatrix,
// getCellHistory, recordStatement from lib/) against hand-written SQL sent through `pg`, on the
// database scripts/bench.mjs generated. Run by that script only; it writes raw timings (ms) to
// PARLEY_BENCH_OUT and the script does the statistics and the table.
import { createSecretKey, hkdfSync, randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { jwtDecrypt } from "jose";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { getHeatMap, getWhatMoved, type HeatMap } from "@/lib/convergence/data";
import type { HeatMapCell } from "@/lib/convergence/heat-map";
import { CELL_TIMELINES_SQL } from "@/lib/convergence/sql";
import { adjacentChangeDates, getCellHistory, getMatrix } from "@/lib/matrix/data";
import { recordStatement } from "@/lib/matrix/mutations";
import { resolvePositionLabels } from "@/lib/matrix/positions";
import type { MatrixView, RecordStatementInput } from "@/lib/matrix/schema";
import { MATRIX_AS_OF_SQL, type MatrixAsOfRow } from "@/lib/matrix/sql.mjs";
import { findLiveToken, hashApiToken, newApiToken } from "@/lib/platform/auth/api-tokens";
import { SESSION_COOKIE, SESSION_IDLE_SECONDS } from "@/lib/platform/auth/config";
import { checkSessionToken } from "@/lib/platform/auth/session-check";
import { db } from "@/lib/platform/db/client";
import { trustedWorkspace } from "@/lib/workspaces/access";
import { BASELINE_CELLS_SQL } from "./baseline-sql.mjs";

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
  heatMapColumns: string[];
  heatMapRuns: { warmup: number; measured: number };
  digestRanges: { from: string; to: string }[];
};

const mode = required("PARLEY_BENCH_MODE") === "embedded" ? "embedded" : "postgresql";
const plan = JSON.parse(readFileSync(required("PARLEY_BENCH_PLAN"), "utf8")) as Plan;
const outFile = required("PARLEY_BENCH_OUT");

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this through npm run bench`);
  return value;
}

// The reference of the first release: the textbook "latest row per group" query. It reads every
// statement up to the date and sorts them, so it flatters any probe-based query; it is printed for
// comparison only.
const DISTINCT_ON_SQL = `
  SELECT DISTINCT ON (st."issueId", st."partyId") st."issueId", st."partyId", st.id, st.position, st.summary, st."statedOn"
  FROM stance_statements st
  WHERE st."workspaceId" = $1::uuid AND st."statedOn" <= $2::date
    AND NOT EXISTS (SELECT 1 FROM statement_amendments a WHERE a."statementId" = st.id)
  ORDER BY st."issueId", st."partyId", st."statedOn" DESC, st."recordedAt" DESC, st.id DESC`;

// The baseline: what a good engineer writes by hand for getMatrix's whole output (the cells in
// BASELINE_CELLS_SQL, tests/bench/baseline-sql.mjs); the labels, parties and issues alongside, all
// four sent at once over a pool of the app's size and assembled into the same MatrixView.
type BaselineCell = Omit<MatrixAsOfRow, "statedOn"> & { statedOn: string | null };

type ConditionCell = NonNullable<NonNullable<MatrixView["cells"][number]["statement"]>["conditionCell"]>;

// The convergence heat map by hand, two ways, each what a good engineer writes with pg for
// getHeatMap's output. The first reads what the app reads, the cells' packed timelines (migration
// 20261203090000_cell_timelines), and decodes them in a plain loop: the baseline of the ratio. The
// second, a reference that needs no table beyond the statements, has the database do the history
// of 200,000 statements: it walks the statements index in its order (enable_sort off keeps the
// planner on it) and sends one row of small integer arrays per cell, newest statement first.
// Either way, keeping each column's newest statement, spreading them over the columns and judging
// the conditions on each column (a few hundred cells times a few hundred columns) is left to a
// plain loop in the caller: cheaper than a window over every statement or expanding every cell to
// every column in SQL.
const BASELINE_TIMELINES_SQL = `
  SELECT t."issueId", t."partyId", t.timeline FROM cell_timelines t
  JOIN issues i ON i.id = t."issueId" AND i."workspaceId" = $1 AND i."archivedAt" IS NULL
  JOIN parties p ON p.id = t."partyId" AND p."workspaceId" = $1 AND p."archivedAt" IS NULL
  WHERE t."workspaceId" = $1`;
const STATEMENTS_PLAN = "SET LOCAL enable_sort = off";
const BASELINE_CELL_TIMELINES_SQL = `
  WITH scale AS (SELECT '{REJECTS,OPPOSES,OPEN,SUPPORTS,DEMANDS}'::"Position"[] AS steps)
  SELECT g.* FROM (
    SELECT st."issueId", st."partyId",
           -- One array, so one sort per cell at most: (column * 8 + step) * 8 + offer, where the step
           -- is 1-5 (0 off the scale) and the offer 0 none, 1-5 a condition cell's minimum step, 7 words alone.
           array_agg((width_bucket(st."statedOn" - 1, $2::date[]) * 8 + coalesce(array_position(scale.steps, st.position), 0)) * 8
                     + CASE WHEN st."conditionIssueId" IS NOT NULL THEN array_position(scale.steps, st."conditionMinPosition")
                            WHEN st.id IN (SELECT w.id FROM stance_statements w WHERE w."workspaceId" = $1::uuid
                                           AND w."conditionText" IS NOT NULL AND w."conditionIssueId" IS NULL) THEN 7
                            ELSE 0 END
                     ORDER BY st."statedOn" DESC, st."recordedAt" DESC, st.id DESC) AS statements,
           array_agg(st."conditionIssueId" || ':' || st."conditionPartyId" ORDER BY st."statedOn" DESC, st."recordedAt" DESC, st.id DESC)
             FILTER (WHERE st."conditionIssueId" IS NOT NULL) AS conditions
    FROM stance_statements st, scale
    WHERE st."workspaceId" = $1::uuid AND st."statedOn" <= ($2::date[])[cardinality($2::date[])]
      AND st.id NOT IN (SELECT "statementId" FROM statement_amendments WHERE "workspaceId" = $1)
    GROUP BY st."issueId", st."partyId"
  ) g
  JOIN issues i ON i.id = g."issueId" AND i."workspaceId" = $1::uuid AND i."archivedAt" IS NULL
  JOIN parties p ON p.id = g."partyId" AND p."workspaceId" = $1::uuid AND p."archivedAt" IS NULL`;

/** The uuid written as 16 bytes at an offset of a buffer. */
function uuidAt(bytes: Buffer, at: number): string {
  const hex = bytes.toString("hex", at, at + 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await work();
  return [performance.now() - started, value];
}

const client = new pg.Client({ connectionString: required("DATABASE_URL") });
// As many connections as the app's own pool may use for getMatrix's four reads.
const pool = new pg.Pool({ connectionString: required("DATABASE_URL"), max: mode === "embedded" ? 1 : 4 });

afterAll(async () => {
  await client.end().catch(() => {});
  await pool.end().catch(() => {});
  await db().$disconnect();
});

it(`measures the data layer on ${mode}`, async () => {
  await client.connect();
  const [row] = (
    await client.query<{ id: string; slug: string; title: string }>(
      "SELECT id, slug, title FROM workspaces WHERE slug = $1",
      [plan.slug],
    )
  ).rows;
  if (!row) throw new Error(`no workspace ${plan.slug}: the data set was not loaded`);
  const workspace = trustedWorkspace(row);
  const issues = (
    await client.query<{ id: string }>(`SELECT id FROM issues WHERE "workspaceId" = $1 ORDER BY "sortOrder"`, [row.id])
  ).rows.map((r) => r.id);
  const parties = (
    await client.query<{ id: string }>(`SELECT id FROM parties WHERE "workspaceId" = $1 ORDER BY "sortOrder"`, [row.id])
  ).rows.map((r) => r.id);
  const evidence = (
    await client.query<{ id: string }>(`SELECT id FROM evidence WHERE "workspaceId" = $1 ORDER BY "startOffset"`, [
      row.id,
    ])
  ).rows.map((r) => r.id);
  const cellIds = (cell: Cell) => ({ issueId: issues[cell.issue]!, partyId: parties[cell.party]! });
  const result: Record<string, unknown> = {
    mode,
    server: (await client.query<{ v: string }>("SELECT version() AS v")).rows[0]?.v,
  };

  const app = (date: string) => getMatrix(workspace, date);
  const baseline = async (date: string): Promise<MatrixView> => {
    const [settings, parties, issueRows, cells] = await Promise.all([
      pool.query<{ positionLabels: unknown }>(`SELECT "positionLabels" FROM workspaces WHERE id = $1`, [row.id]),
      pool.query<MatrixView["parties"][number]>(
        `SELECT id, name, "shortName", colour FROM parties WHERE "workspaceId" = $1 AND "archivedAt" IS NULL ORDER BY "sortOrder", name`,
        [row.id],
      ),
      pool.query<MatrixView["issues"][number]>(
        `SELECT id, title, description FROM issues WHERE "workspaceId" = $1 AND "archivedAt" IS NULL ORDER BY "sortOrder", title`,
        [row.id],
      ),
      pool.query<BaselineCell>(BASELINE_CELLS_SQL, [row.id, date]),
    ]);
    return {
      workspace: { slug: row.slug, title: row.title },
      asOf: date,
      positionLabels: resolvePositionLabels(settings.rows[0]?.positionLabels),
      parties: parties.rows,
      issues: issueRows.rows,
      cells: cells.rows.map(
        ({ issueId, partyId, version, id, position, summary, statedOn, evidenceCount, links, ...rest }) => ({
          issueId,
          partyId,
          version,
          statement:
            id && position && summary !== null && statedOn
              ? {
                  id,
                  position,
                  summary,
                  statedOn,
                  confidence: rest.confidence ?? "MEDIUM",
                  confidenceRationale: rest.confidenceRationale,
                  redLine: rest.redLine ?? false,
                  conditionText: rest.conditionText,
                  conditionCell:
                    rest.conditionIssueId && rest.conditionPartyId && rest.conditionMinPosition
                      ? {
                          issueId: rest.conditionIssueId,
                          partyId: rest.conditionPartyId,
                          minPosition: rest.conditionMinPosition as ConditionCell["minPosition"],
                        }
                      : null,
                  evidenceCount,
                  links,
                }
              : null,
        }),
      ),
    };
  };
  const distinctOn = (date: string) =>
    client.query<{ issueId: string; partyId: string; id: string }>(DISTINCT_ON_SQL, [row.id, date]);
  const appQueryCopy = (date: string) =>
    client.query<{ issueId: string; partyId: string; id: string | null }>(MATRIX_AS_OF_SQL, [row.id, date]);

  // 1 / 5. The matrix as of each date, four ways, interleaved (and the order alternated) so that
  // drift in the machine's load falls on all alike. On PGlite DISTINCT ON takes half a second or
  // more: 10 of the dates are enough for it.
  const distinctOnDates = mode === "embedded" ? 10 : plan.dates.length;
  for (const [index, date] of plan.warmupDates.entries()) {
    await app(date);
    await baseline(date);
    if (index < distinctOnDates / 5) await distinctOn(date);
    await appQueryCopy(date);
  }
  const matrixApp: number[] = [];
  const matrixBaseline: number[] = [];
  const matrixDistinctOn: number[] = [];
  const matrixAppQueryViaPg: number[] = [];
  const mismatches: string[] = [];
  // Same output, compared whole: the same cells in any order, the same everything else.
  const canonical = (view: MatrixView) =>
    JSON.stringify({
      ...view,
      cells: [...view.cells].sort((a, b) => `${a.issueId}:${a.partyId}`.localeCompare(`${b.issueId}:${b.partyId}`)),
    });
  for (const [index, date] of plan.dates.entries()) {
    let appView: MatrixView | undefined;
    let baselineView: MatrixView | undefined;
    let distinctRows: { issueId: string; partyId: string; id: string }[] | undefined;
    let copyRows: { issueId: string; partyId: string; id: string | null }[] = [];
    const runs = [
      async () => {
        const [ms, view] = await timed(() => app(date));
        matrixApp.push(ms);
        appView = view;
      },
      async () => {
        const [ms, view] = await timed(() => baseline(date));
        matrixBaseline.push(ms);
        baselineView = view;
      },
      async () => {
        if (index >= distinctOnDates) return;
        const [ms, rows] = await timed(() => distinctOn(date));
        matrixDistinctOn.push(ms);
        distinctRows = rows.rows;
      },
      async () => {
        const [ms, rows] = await timed(() => appQueryCopy(date));
        matrixAppQueryViaPg.push(ms);
        copyRows = rows.rows;
      },
    ];
    for (const run of index % 2 === 0 ? runs : [...runs].reverse()) await run();
    if (canonical(appView!) !== canonical(baselineView!))
      mismatches.push(`${date}: getMatrix and the hand-written baseline disagree`);
    const fromApp = new Map(
      appView!.cells.filter((c) => c.statement).map((c) => [`${c.issueId}:${c.partyId}`, c.statement!.id]),
    );
    const fromDistinct = distinctRows && new Map(distinctRows.map((r) => [`${r.issueId}:${r.partyId}`, r.id]));
    const fromCopy = new Map(copyRows.filter((r) => r.id).map((r) => [`${r.issueId}:${r.partyId}`, r.id]));
    const differs = (a: Map<string, string | null>, b: Map<string, string | null>) =>
      a.size !== b.size || [...a].some(([k, v]) => b.get(k) !== v);
    if (fromDistinct && differs(fromApp, fromDistinct)) mismatches.push(`${date}: getMatrix and DISTINCT ON disagree`);
    if (differs(fromApp, fromCopy)) mismatches.push(`${date}: getMatrix and its own query via pg disagree`);
  }
  Object.assign(result, {
    matrixApp,
    matrixBaseline,
    matrixDistinctOn,
    matrixAppQueryViaPg,
    mismatches,
    cellsShown: (await app(plan.dates[0]!)).cells.length,
  });

  // Plans of the queries at the median of the measured dates.
  const medianDate = [...plan.dates].sort()[Math.floor(plan.dates.length / 2)]!;
  const explain = async (sql: string, params: unknown[] = [row.id, medianDate], setting?: string) => {
    if (setting) await client.query(`BEGIN; ${setting}`);
    try {
      return (await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)).rows
        .map((r) => r["QUERY PLAN"])
        .join("\n");
    } finally {
      if (setting) await client.query("COMMIT");
    }
  };
  result.plans = {
    date: medianDate,
    app: await explain(MATRIX_AS_OF_SQL),
    baseline: await explain(BASELINE_CELLS_SQL),
    distinctOn: await explain(DISTINCT_ON_SQL),
    heatMap: await explain(CELL_TIMELINES_SQL, [row.id]),
    heatMapFromStatements: await explain(BASELINE_CELL_TIMELINES_SQL, [row.id, plan.heatMapColumns], STATEMENTS_PLAN),
  };

  // 6. The convergence heat map: every issue's spread on every week of the five years, by the app
  // (getHeatMap) and by the hand-written baseline, interleaved, and compared whole.
  // How many issue × column cells count a met conditional offer: the data exercise the condition rule.
  let cellsWithMetOffers = 0;
  // The query after a setting, on one pooled connection, in one transaction (begun with the setting).
  const inTransaction = async (setting: string, sql: string, params: unknown[]) => {
    const connection = await pool.connect();
    try {
      await connection.query(`BEGIN; ${setting}`);
      const result = await connection.query(sql, params);
      await connection.query("COMMIT");
      return result;
    } finally {
      connection.release();
    }
  };
  type HandCell = { issueId: string; partyId: string; statements: number[]; conditions: string[] | null };
  const readIssues = () =>
    pool.query<{ id: string; title: string }>(
      `SELECT id, title FROM issues WHERE "workspaceId" = $1 AND "archivedAt" IS NULL ORDER BY "sortOrder", title`,
      [row.id],
    );
  const fromStatements = async (columns: string[]) => {
    const [issueRows, cellRows] = await Promise.all([
      readIssues(),
      inTransaction(STATEMENTS_PLAN, BASELINE_CELL_TIMELINES_SQL, [row.id, columns]) as Promise<
        pg.QueryResult<HandCell>
      >,
    ]);
    return sweepByHand(columns, issueRows.rows, cellRows.rows);
  };
  // A timeline's position numbers (1-7: DEMANDS, SUPPORTS, OPEN, CONDITIONAL, OPPOSES, REJECTS,
  // NO_POSITION) as steps on the scale (1 REJECTS … 5 DEMANDS, 0 off it).
  const STEP_OF = [0, 5, 4, 3, 0, 2, 1, 0];
  const fromTimelines = async (columns: string[]) => {
    const [issueRows, cellRows] = await Promise.all([
      readIssues(),
      pool.query<{ issueId: string; partyId: string; timeline: Buffer }>(BASELINE_TIMELINES_SQL, [row.id]),
    ]);
    const days = columns.map((date) => Date.parse(`${date}T00:00:00Z`) / 86_400_000);
    const last = days[days.length - 1] ?? 0;
    const cells = cellRows.rows.map(({ issueId, partyId, timeline }): HandCell => {
      const statements: number[] = [];
      const conditions: string[] = [];
      let col = days.length;
      for (let at = 0; at < timeline.length; ) {
        const value = timeline.readInt32BE(at);
        at += 4;
        const day = value >> 8;
        const condition = (value >> 3) & 15;
        const onCell = condition > 0 && condition < 15;
        while (col > 0 && (days[col - 1] ?? 0) >= day) col--;
        if (day <= last) {
          const offer = condition === 15 ? 7 : (STEP_OF[condition] ?? 0);
          statements.push((col * 8 + (STEP_OF[value & 7] ?? 0)) * 8 + offer);
          if (onCell) conditions.push(`${uuidAt(timeline, at)}:${uuidAt(timeline, at + 16)}`);
        }
        if (onCell) at += 32;
      }
      return { issueId, partyId, statements, conditions };
    });
    return sweepByHand(columns, issueRows.rows, cells);
  };
  const sweepByHand = (columns: string[], issues: { id: string; title: string }[], cells: HandCell[]): HeatMap => {
    const issueRows = { rows: issues };
    // Per cell and column: the step (1-5, 0 off the scale) and offer (0 none, -1 in words alone,
    // else the minimum step of the condition cell, whose index goes in target) landing there.
    const n = cells.length;
    const w = columns.length;
    const cellAt = new Map(cells.map((c, k) => [`${c.issueId}:${c.partyId}`, k]));
    const issueAt = new Map(issueRows.rows.map((issue, i) => [issue.id, i]));
    const landStep = new Int8Array(n * w).fill(-1);
    const landOffer = new Int8Array(n * w);
    const landTarget = new Int32Array(n * w).fill(-1);
    const issueOf = cells.map((c) => issueAt.get(c.issueId) ?? -1);
    for (const [k, c] of cells.entries()) {
      let next = 0;
      for (const packed of c.statements) {
        const col = packed >> 6;
        const offer = packed & 7;
        const condition = offer > 0 && offer < 7 ? c.conditions?.[next++] : undefined;
        // Newest first: a column keeps the first statement seen for it.
        if ((landStep[k * w + col] ?? -1) >= 0) continue;
        landStep[k * w + col] = (packed >> 3) & 7;
        landOffer[k * w + col] = offer === 7 ? -1 : offer;
        if (condition) landTarget[k * w + col] = cellAt.get(condition) ?? -1;
      }
    }
    const step = new Int8Array(n).fill(-1);
    const offer = new Int8Array(n);
    const target = new Int32Array(n).fill(-1);
    const out = issueRows.rows.map((issue) => ({ issueId: issue.id, title: issue.title, cells: [] as HeatMapCell[] }));
    cellsWithMetOffers = 0;
    for (const [col, date] of columns.entries()) {
      for (let k = 0; k < n; k++) {
        const at = k * w + col;
        if ((landStep[at] ?? -1) < 0) continue;
        step[k] = landStep[at] ?? -1;
        offer[k] = landOffer[at] ?? 0;
        target[k] = landTarget[at] ?? -1;
      }
      const low = out.map(() => 9);
      const high = out.map(() => -1);
      const placed = out.map(() => 0);
      const agreeing = out.map(() => 0);
      for (let k = 0; k < n; k++) {
        const i = issueOf[k] ?? -1;
        const s = step[k] ?? -1;
        const o = offer[k] ?? 0;
        if (i < 0 || s < 0) continue;
        if (o === 0 && s > 0) {
          placed[i] = (placed[i] ?? 0) + 1;
          low[i] = Math.min(low[i] ?? 9, s);
          high[i] = Math.max(high[i] ?? -1, s);
        } else if (o > 0) {
          const t = target[k] ?? -1;
          if (t >= 0 && (step[t] ?? -1) >= o) agreeing[i] = (agreeing[i] ?? 0) + 1;
        }
      }
      for (const [i, issue] of out.entries()) {
        const spread = placed[i] ? (high[i] ?? 0) - (low[i] ?? 0) : null;
        // A met conditional offer counts as agreeing: a voice for the zone that never widens the spread.
        const voices = (placed[i] ?? 0) + (agreeing[i] ?? 0);
        if (agreeing[i]) cellsWithMetOffers++;
        issue.cells.push({ date, spread, inZone: voices >= 2 && (spread === null || spread <= 1), placed: voices });
      }
    }
    return { columns, issues: out };
  };
  const heatMapApp: number[] = [];
  const heatMapHand: number[] = [];
  const heatMapFromStatements: number[] = [];
  const columns = plan.heatMapColumns;
  const contenders: [number[], () => Promise<HeatMap>][] = [
    [heatMapApp, () => getHeatMap(workspace, columns)],
    [heatMapHand, () => fromTimelines(columns)],
    [heatMapFromStatements, () => fromStatements(columns)],
  ];
  for (let i = 0; i < plan.heatMapRuns.warmup; i++) for (const [, run] of contenders) await run();
  // PGlite sorts the whole history in one process: a few runs tell its cost.
  const heatMapRuns = mode === "embedded" ? Math.min(5, plan.heatMapRuns.measured) : plan.heatMapRuns.measured;
  for (let i = 0; i < heatMapRuns; i++) {
    const maps: string[] = [];
    // Each run in another order, so that drift in the machine's load falls on all alike.
    for (let k = 0; k < contenders.length; k++) {
      const [times, run] = contenders[(i + k) % contenders.length]!;
      const [ms, map] = await timed(run);
      times.push(ms);
      maps.push(JSON.stringify(map));
    }
    if (maps.some((map) => map !== maps[0]))
      mismatches.push(`heat map run ${i}: getHeatMap and the hand-written heat maps disagree`);
  }
  // 7. The digest of what moved between two dates a year apart.
  const digest: number[] = [];
  const digestRanges = mode === "embedded" ? [] : plan.digestRanges;
  for (const range of digestRanges.slice(0, 3)) await getWhatMoved(workspace, range.from, range.to);
  for (const range of digestRanges) digest.push((await timed(() => getWhatMoved(workspace, range.from, range.to)))[0]);
  Object.assign(result, {
    heatMapApp,
    heatMapBaseline: heatMapHand,
    heatMapFromStatements,
    heatMapColumns: columns.length,
    heatMapCellsWithMetOffers: cellsWithMetOffers,
    digest,
  });

  if (mode === "postgresql") {
    // The other read the matrix page makes on every render: the dates to step to.
    const adjacent: number[] = [];
    for (const date of plan.warmupDates) await adjacentChangeDates(workspace, date);
    for (const date of plan.dates) adjacent.push((await timed(() => adjacentChangeDates(workspace, date)))[0]);
    result.adjacent = adjacent;

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

    // 8. The checks every request pays: the proxy's session check (lib/platform/auth/session-check.ts:
    // decrypt the cookie, one query) and a script's token check (lib/platform/auth/api-tokens.ts), each
    // interleaved with its floor written by hand, the same work with jose and one pg round trip:
    // the cookie key derived once (HKDF, as Auth.js derives it) and the same single query.
    const user = await db().user.create({
      data: { email: `bench-${Date.now()}@parley.test`, name: "Bench" },
      select: { id: true, sessionVersion: true },
    });
    const sessionId = randomUUID();
    const secret = required("AUTH_SECRET");
    const cookie = await encode({
      token: { sub: user.id, sv: user.sessionVersion, authAt: Math.floor(Date.now() / 1000), sid: sessionId },
      secret,
      salt: SESSION_COOKIE,
      maxAge: SESSION_IDLE_SECONDS,
    });
    const cookieKey = createSecretKey(
      new Uint8Array(
        hkdfSync("sha256", secret, SESSION_COOKIE, `Auth.js Generated Encryption Key (${SESSION_COOKIE})`, 64),
      ),
    );
    // Like the app, the floor opens a cookie once and keeps its claims: a browser sends the same
    // cookie with every request until it is re-issued. (First sightings are measured apart, below.)
    const openedCookies = new Map<string, Awaited<ReturnType<typeof jwtDecrypt>>["payload"]>();
    const sessionFloor = async () => {
      let claims = openedCookies.get(cookie);
      if (!claims) {
        claims = (
          await jwtDecrypt(cookie, cookieKey, {
            keyManagementAlgorithms: ["dir"],
            contentEncryptionAlgorithms: ["A256CBC-HS512"],
          })
        ).payload;
        openedCookies.set(cookie, claims);
      }
      const { rows } = await pool.query(
        `SELECT u."sessionVersion", EXISTS (SELECT 1 FROM revoked_sessions r WHERE r."sessionId" = $2) AS revoked
         FROM users u WHERE u.id = $1::uuid AND u."disabledAt" IS NULL`,
        [claims.sub, claims.sid],
      );
      return rows[0];
    };
    const api = newApiToken();
    await db().apiToken.create({
      data: {
        userId: user.id,
        name: "bench",
        tokenHash: api.hash,
        scope: "READ",
        expiresAt: new Date(Date.now() + 86_400_000),
        workspaces: { create: { workspaceId: row.id } },
      },
    });
    const tokenFloor = async () =>
      (
        await pool.query(
          `SELECT t.id, t."userId", t.scope, t."expiresAt", t."revokedAt", t."lastUsedAt", u."disabledAt",
                  array(SELECT w."workspaceId" FROM api_token_workspaces w WHERE w."tokenId" = t.id) AS workspaces
           FROM api_tokens t JOIN users u ON u.id = t."userId" WHERE t."tokenHash" = $1`,
          [hashApiToken(api.secret)],
        )
      ).rows[0];
    const checks = {
      session: [] as number[],
      sessionFloor: [] as number[],
      token: [] as number[],
      tokenFloor: [] as number[],
    };
    for (let i = 0; i < 400; i++) {
      const measured = i >= 50;
      const [session, checked] = await timed(() => checkSessionToken(cookie, SESSION_COOKIE));
      expect(checked).toMatchObject({ kind: "valid", renewed: null });
      const [floor] = await timed(sessionFloor);
      const [token, found] = await timed(() => findLiveToken(api.secret));
      expect(found).not.toBeNull();
      const [tokenFloorMs] = await timed(tokenFloor);
      if (!measured) continue;
      checks.session.push(session);
      checks.sessionFloor.push(floor);
      checks.token.push(token);
      checks.tokenFloor.push(tokenFloorMs);
    }
    // A cookie seen for the first time (a new sign-in, a re-issued cookie): opened, then checked.
    const firstSightings = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        encode({
          token: { sub: user.id, sv: user.sessionVersion, authAt: Math.floor(Date.now() / 1000), sid: sessionId, n: i },
          secret,
          salt: SESSION_COOKIE,
          maxAge: SESSION_IDLE_SECONDS,
        }),
      ),
    );
    const sessionFirstSight: number[] = [];
    for (const fresh of firstSightings) {
      const [ms, checked] = await timed(() => checkSessionToken(fresh, SESSION_COOKIE));
      expect(checked).toMatchObject({ kind: "valid" });
      sessionFirstSight.push(ms);
    }
    result.checks = { ...checks, sessionFirstSight };
    // The app makes its owner account on first start only when there is no user yet (the render
    // phase relies on it): leave none behind.
    await db().user.delete({ where: { id: user.id } });
  }

  writeFileSync(outFile, JSON.stringify(result));
  expect(mismatches).toEqual([]);
});
