#!/usr/bin/env node
// `npm run bench`: how fast the stance matrix is on a realistic workspace (40 issues × 12 parties,
// 200,000 statements over five years), measured in one run against baselines measured in the
// same run. Prints a table of figures (progress goes to stderr) ending with the line
// `matrix-as-of ratio: <x.xx>`. Not a test: it fails only when it cannot measure.
//
//   1. the matrix as of 50 dates through getMatrix vs the best hand-written equivalent via pg
//      (a LATERAL … LIMIT 1 probe per cell plus the labels, parties and issues, in parallel, same
//      output), with the textbook DISTINCT ON query printed as a reference;
//   2. the matrix page rendered by the app server (scripts/serve.mjs) over HTTP, signed in, at 40 × 12 and at 100 × 20
//      (one statement per cell); and, served by the same app, the document page (300 quotes) and
//      search, and the app's resident memory after all of them;
//   3. a cell's history (getCellHistory);   4. recording a statement (recordStatement);
//   5. getMatrix on the embedded PGlite vs on the real PostgreSQL;
//   6. the convergence heat map (40 issues, one column a week for five years) through getHeatMap vs
//      a hand-written baseline with the same output (SQL over the same cell timelines, via pg),
//      ending in a line `convergence ratio: <x.xx>`; and, for reference, the same heat map computed
//      by hand from the statements alone;
//   7. the "what moved" digest between two dates a year apart (getWhatMoved);
//   8. the session check every request pays (the cookie opened once and kept, one query; and a
//      cookie's first sighting) and a token check, each against the same work written by hand with
//      jose and pg.
//
// Environment: TEST_DATABASE_URL (the real server, default postgresql://postgres@127.0.0.1:5432/postgres),
// PARLEY_BENCH_SEED (default 20190101), PARLEY_BENCH_SKIP_BUILD=1 to reuse .next-bench.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { migrateDatabase } from "../tests/support/provision.mjs";
import {
  BENCH_SHAPE,
  BENCH_SLUG,
  BENCH_TITLE,
  benchPlan,
  dayToDate,
  loadBenchData,
  SMALL_SLUG,
  WIDE_SHAPE,
} from "./bench-data.mjs";
import { freePort, startEmbeddedPostgres } from "./embedded-postgres.mjs";
import { withClient } from "./pg-client.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, "test-results", "bench");
const bin = {
  next: path.join(root, "node_modules", "next", "dist", "bin", "next"),
  vitest: path.join(root, "node_modules", "vitest", "vitest.mjs"),
};
const DIST_DIR = ".next-bench";
const DATABASE_PREFIX = "parley_bench_";
const SEED = Number(process.env.PARLEY_BENCH_SEED ?? 20190101) >>> 0;
const serverUrl = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const GOALS = {
  matrixRatio: 1.2,
  renderP95: 60,
  wideRenderP95: 250,
  wideGzipKiB: 150,
  recordP95: 50,
  embeddedRatio: 3,
  heatMapP95: 150,
  convergenceRatio: 1.5,
  digestP95: 100,
  sessionP50: 1,
};
process.env.NEXT_TELEMETRY_DISABLED = "1";

const startedAt = Date.now();
const loadAtStart = os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(" ");
const phases = [];
const log = (line) => process.stderr.write(`${line}\n`);

async function phase(label, name, work) {
  const started = Date.now();
  log(`▶ ${name}`);
  const value = await work();
  const seconds = (Date.now() - started) / 1000;
  phases.push(`${label} ${seconds.toFixed(1)} s`);
  log(`  done in ${seconds.toFixed(1)} s`);
  return value;
}

// Everything started is stopped and everything created is dropped, in reverse order, whatever
// happens, including Ctrl-C.
const cleanups = [];
const children = new Set();
let cleaning = null;
function cleanUp() {
  // A signal and the failing main flow may both ask at once: they share one pass.
  cleaning ??= (async () => {
    await Promise.all([...children].map((child) => stopProcess(child)));
    while (cleanups.length > 0) {
      const [name, undo] = cleanups.pop();
      try {
        await undo();
      } catch (error) {
        log(`cleanup (${name}) failed: ${error instanceof Error ? error.message : error}`);
      }
    }
  })().finally(() => {
    cleaning = null;
  });
  return cleaning;
}

/** Runs one cleanup ahead of the rest, once its work is done. */
async function cleanUpNow(name) {
  const index = cleanups.findIndex(([entry]) => entry === name);
  if (index >= 0) await cleanups.splice(index, 1)[0][1]();
}
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    log(`\n${signal}: cleaning up…`);
    cleanUp().finally(() => process.exit(130));
  });
}

// ── processes ──────────────────────────────────────────────────────────────────────────────

function run(args, { env = process.env, logFile }) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    children.add(child);
    const out = createWriteStream(logFile);
    child.stdout.pipe(out);
    child.stderr.pipe(out);
    child.on("close", (code, signal) => {
      children.delete(child);
      out.end(() => resolve(code ?? (signal ? 1 : 0)));
    });
  });
}

function tail(file, lines = 40) {
  return existsSync(file) ? readFileSync(file, "utf8").split("\n").slice(-lines).join("\n") : "(no output)";
}

async function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

// ── databases ──────────────────────────────────────────────────────────────────────────────

function databaseUrl(name) {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function createBenchDatabase() {
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 17);
  const name = `${DATABASE_PREFIX}${stamp}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  cleanups.push(["drop the bench database", () => dropBenchDatabase(name)]);
  return { name, url: databaseUrl(name) };
}

async function dropBenchDatabase(name) {
  if (!/^parley_bench_\w+$/.test(name)) throw new Error(`refusing to drop ${name}: not a bench database`);
  await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  log(`dropped ${name}`);
}

async function generate(url, options) {
  const started = Date.now();
  const counts = await withClient(url, (client) => loadBenchData(client, SEED, options));
  return { ...counts, seconds: (Date.now() - started) / 1000 };
}

// ── the app: build, measure in Vitest, serve ────────────────────────────────────────────────

async function buildApp() {
  if (process.env.PARLEY_BENCH_SKIP_BUILD === "1" && existsSync(path.join(root, DIST_DIR, "BUILD_ID"))) {
    log(`  PARLEY_BENCH_SKIP_BUILD=1: reusing the build in ${DIST_DIR}`);
    return;
  }
  // `next build` points next-env.d.ts at its own build directory and adds that directory's types
  // to tsconfig.json's include; both files are for the main build, so both are put back.
  const nextEnv = path.join(root, "next-env.d.ts");
  const tsconfig = path.join(root, "tsconfig.json");
  const before = existsSync(nextEnv) ? readFileSync(nextEnv, "utf8") : null;
  const tsconfigBefore = readFileSync(tsconfig, "utf8");
  // Both files are put back byte for byte: the build rewrites tsconfig.json in its own layout,
  // which the formatter then refuses.
  const restore = () => {
    if (before !== null && existsSync(nextEnv) && readFileSync(nextEnv, "utf8").includes(DIST_DIR))
      writeFileSync(nextEnv, before);
    if (readFileSync(tsconfig, "utf8") !== tsconfigBefore) writeFileSync(tsconfig, tsconfigBefore);
  };
  cleanups.push(["restore next-env.d.ts and tsconfig.json", restore]);
  const logFile = path.join(outDir, "build.log");
  const code = await run([bin.next, "build"], { env: { ...process.env, PARLEY_DIST_DIR: DIST_DIR }, logFile });
  restore();
  if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${tail(logFile)}`);
}

async function measureInVitest(label, env) {
  const outFile = path.join(outDir, `${label}.json`);
  const logFile = path.join(outDir, `${label}.log`);
  rmSync(outFile, { force: true });
  const code = await run([bin.vitest, "run", "--config", "tests/bench/vitest.config.ts"], {
    env: { ...process.env, ...env, PARLEY_BENCH_PLAN: planFile, PARLEY_BENCH_OUT: outFile },
    logFile,
  });
  if (!existsSync(outFile)) throw new Error(`the ${label} measurement failed (exit ${code}):\n${tail(logFile, 60)}`);
  const results = JSON.parse(readFileSync(outFile, "utf8"));
  if (code !== 0)
    throw new Error(
      `the ${label} measurement failed (exit ${code}): ${results.mismatches?.join("; ") || ""}\n${tail(logFile, 60)}`,
    );
  return results;
}

async function waitUntilHealthy(baseUrl, server, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null)
      throw new Error(`the app server exited (${server.signalCode ?? server.exitCode})`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${baseUrl}/api/health did not answer 200 within ${timeoutMs / 1000} s (last: ${last})`);
}

/** A minimal cookie jar: name → value, from every Set-Cookie seen. */
function absorbCookies(jar, response) {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(";");
    const at = pair.indexOf("=");
    if (at > 0) jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
}
const cookieHeader = (jar) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

async function signIn(baseUrl, email, password) {
  const jar = new Map();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  absorbCookies(jar, csrf);
  const { csrfToken } = await csrf.json();
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" }),
    redirect: "manual",
  });
  absorbCookies(jar, response);
  await response.arrayBuffer();
  if (!jar.has("__Host-parley.session-token")) {
    throw new Error(
      `sign-in failed: HTTP ${response.status}, location ${response.headers.get("location")}, no session cookie`,
    );
  }
  return jar;
}

/** A process's resident memory (Linux), or null where /proc cannot tell. */
function residentBytes(pid) {
  try {
    const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kib ? Number(kib) * 1024 : null;
  } catch {
    return null;
  }
}

async function measureRender(database) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const email = "bench-admin@parley.test";
  const password = `bench-${randomBytes(18).toString("base64url")}`;
  const logFile = path.join(outDir, "server.log");
  const out = createWriteStream(logFile);
  const server = spawn(
    process.execPath,
    [path.join(root, "scripts", "serve.mjs"), "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: root,
      env: {
        ...process.env,
        PARLEY_DIST_DIR: DIST_DIR,
        DATABASE_URL: database.url,
        PARLEY_DATABASE_KIND: "postgresql",
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        PARLEY_SKIP_DEMO: "1",
        PARLEY_ADMIN_EMAIL: email,
        PARLEY_ADMIN_PASSWORD: password,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  server.stdout.pipe(out);
  server.stderr.pipe(out);
  const kill = () => server.kill("SIGKILL");
  process.once("exit", kill);
  cleanups.push([
    "stop the app server",
    async () => {
      process.off("exit", kill);
      await stopProcess(server);
      out.end();
    },
  ]);
  try {
    await waitUntilHealthy(baseUrl, server);
  } catch (error) {
    throw new Error(`${error.message}\n--- ${path.relative(root, logFile)} ---\n${tail(logFile)}`);
  }

  // The app made the owner on its first start; make it a member of the generated workspace.
  const added = await withClient(database.url, (client) =>
    client.query(
      `INSERT INTO memberships ("workspaceId", "userId", role) SELECT w.id, u.id, 'OWNER' FROM workspaces w, users u WHERE w.slug IN ($1, $2, $3) AND u.email = $4`,
      [BENCH_SLUG, SMALL_SLUG, WIDE_SHAPE.slug, email],
    ),
  );
  if (added.rowCount !== 3) throw new Error("the app did not create its owner account on first start");
  const jar = await signIn(baseUrl, email, password);

  const get = async (address, mustHold) => {
    const started = performance.now();
    const response = await fetch(`${baseUrl}${address}`, {
      headers: { cookie: cookieHeader(jar) },
      redirect: "manual",
    });
    const html = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200 || !html.includes(mustHold))
      throw new Error(`GET ${address} answered ${response.status} (${html.length} bytes) without "${mustHold}"`);
    return { ms, html };
  };
  const render = async (date, slug = BENCH_SLUG) => {
    const { ms, html } = await get(`/w/${slug}?asOf=${date}`, BENCH_TITLE);
    if (slug === BENCH_SLUG) lastPage = html;
    return { ms, bytes: Buffer.byteLength(html), gzipBytes: slug === BENCH_SLUG ? 0 : gzipSync(html).length };
  };
  let lastPage = "";
  const warmup = plan.warmupDates.slice(0, 5);
  for (const date of warmup) await render(date);
  const timings = [];
  let bytes = 0;
  for (const date of plan.dates) {
    const result = await render(date);
    timings.push(result.ms);
    bytes += result.bytes;
  }

  // The same matrix from the JSON route: the session, the gate and getMatrix without the page's
  // other reads and without React, to tell where the page's time goes.
  const fetchJson = async (date) => {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/w/${BENCH_SLUG}/matrix?asOf=${date}`, {
      headers: { cookie: cookieHeader(jar) },
      redirect: "manual",
    });
    const body = await response.json();
    const ms = performance.now() - started;
    if (response.status !== 200 || body.cells?.length !== BENCH_SHAPE.issues * BENCH_SHAPE.parties)
      throw new Error(`GET /api/w/${BENCH_SLUG}/matrix?asOf=${date} answered ${response.status}`);
    return ms;
  };
  for (const date of warmup) await fetchJson(date);
  const api = [];
  for (const date of plan.dates) api.push(await fetchJson(date));

  // The same page on a workspace whose matrix is as large but whose history is one statement
  // per cell (20 dates: a diagnostic, not a goal).
  for (const date of warmup) await render(date, SMALL_SLUG);
  const small = [];
  for (const date of plan.dates.slice(0, 20)) small.push((await render(date, SMALL_SLUG)).ms);
  // The 100 × 20 matrix (a virtualised board), the document page and search, 20 each.
  for (const date of warmup) await render(date, WIDE_SHAPE.slug);
  const wide = [];
  let wideGzip = 0;
  for (const date of plan.dates.slice(0, 20)) {
    const result = await render(date, WIDE_SHAPE.slug);
    wide.push(result.ms);
    wideGzip = Math.max(wideGzip, result.gzipBytes);
  }
  const documentId = await withClient(database.url, async (client) => {
    const { rows } = await client.query(
      `SELECT d.id FROM documents d JOIN workspaces w ON w.id = d."workspaceId" WHERE w.slug = $1 LIMIT 1`,
      [BENCH_SLUG],
    );
    return rows[0].id;
  });
  const timed = async (address, mustHold) => {
    for (let i = 0; i < 5; i++) await get(address, mustHold);
    const times = [];
    for (let i = 0; i < 20; i++) times.push((await get(address, mustHold)).ms);
    return times;
  };
  const documentPage = await timed(`/w/${BENCH_SLUG}/documents/${documentId}`, "Bench transcript");
  const search = await timed(`/w/${BENCH_SLUG}/search?q=${encodeURIComponent("quotable talks")}`, "Bench transcript");
  const appRss = residentBytes(server.pid);
  writeFileSync(path.join(outDir, "page.html"), lastPage);
  // Stopped here rather than at the end, so it does not compete with the embedded run.
  await cleanUpNow("stop the app server");
  return {
    render: timings,
    api,
    small,
    wide,
    wideGzip,
    documentPage,
    search,
    appRss,
    htmlBytes: Math.round(bytes / plan.dates.length),
  };
}

/** In memory, served from this process; loaded during setup, while nothing is being measured. */
async function prepareEmbedded() {
  const embedded = await startEmbeddedPostgres();
  cleanups.push(["stop the embedded database", () => embedded.stop()]);
  await migrateDatabase(embedded.url);
  const loaded = await generate(embedded.url);
  log(`  loaded ${loaded.statements} statements into PGlite in ${loaded.seconds.toFixed(1)} s`);
  return { url: embedded.url, loaded };
}

async function measureEmbedded(embedded) {
  const results = await measureInVitest("embedded", {
    DATABASE_URL: embedded.url,
    PARLEY_DATABASE_KIND: "embedded",
    PARLEY_BENCH_MODE: "embedded",
    DATABASE_POOL_MAX: "4",
  });
  await cleanUpNow("stop the embedded database");
  return { ...results, loaded: embedded.loaded };
}

// ── figures ────────────────────────────────────────────────────────────────────────────────

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  return sorted[low] + (sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (rank - low);
}
const stats = (values) => ({ n: values.length, p50: percentile(values, 50), p95: percentile(values, 95) });

function table(rows) {
  const header = ["measure", "n", "p50 ms", "p95 ms", "ratio", "against (p50)", "goal"];
  const cells = rows.map(({ name, s, ratio, against, goal }) => [
    name,
    String(s.n),
    s.p50.toFixed(2),
    s.p95.toFixed(2),
    ratio === undefined ? "" : `${ratio.toFixed(2)}×`,
    against ?? "",
    goal ?? "",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) =>
    c
      .map((v, i) => (i === 0 || i >= 5 ? v.padEnd(widths[i]) : v.padStart(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}

const verdict = (ok, text) => `${text} ${ok ? "✓ met" : "✗ MISSED"}`;

// ── the run ────────────────────────────────────────────────────────────────────────────────

mkdirSync(outDir, { recursive: true });
const plan = { ...benchPlan(SEED), slug: BENCH_SLUG };
const planFile = path.join(outDir, "plan.json");
writeFileSync(planFile, JSON.stringify(plan));

let exitCode = 0;
try {
  // The build and the two loads run side by side: nothing is measured until all three are done.
  const [database, prepared] = await phase(
    "setup",
    "build the app, and load the data set into PostgreSQL and PGlite, side by side",
    async () => {
      const settled = await Promise.allSettled([
        buildApp(),
        (async () => {
          const created = await createBenchDatabase();
          log(`  ${created.name}`);
          await migrateDatabase(created.url);
          const loaded = await generate(created.url, { small: true });
          log(
            `  loaded ${loaded.statements} statements, ${loaded.amendments} amendments, ${loaded.links} evidence links into PostgreSQL in ${loaded.seconds.toFixed(1)} s`,
          );
          return { ...created, loaded };
        })(),
        prepareEmbedded(),
      ]);
      const failed = settled.find((result) => result.status === "rejected");
      if (failed) throw failed.reason;
      return settled.slice(1).map((result) => result.value);
    },
  );
  const real = await phase("data layer", "measure the data layer on PostgreSQL (getMatrix, SQL, history, record)", () =>
    measureInVitest("postgresql", {
      DATABASE_URL: database.url,
      PARLEY_DATABASE_KIND: "postgresql",
      PARLEY_BENCH_MODE: "postgresql",
      AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(32).toString("base64url"),
    }),
  );
  const served = await phase("render", "measure the matrix page on the app server", () => measureRender(database));
  const embedded = await phase("embedded", "measure getMatrix on the embedded PGlite", () => measureEmbedded(prepared));

  const sql = stats(real.matrixBaseline);
  const app = stats(real.matrixApp);
  const render = stats(served.render);
  const record = stats(real.record);
  const embeddedApp = stats(embedded.matrixApp);
  const matrixRatio = app.p50 / sql.p50;
  const embeddedRatio = embeddedApp.p50 / app.p50;
  const missed = {
    matrix: matrixRatio > GOALS.matrixRatio,
    render: render.p95 > GOALS.renderP95,
    wide: stats(served.wide).p95 > GOALS.wideRenderP95 || served.wideGzip / 1024 > GOALS.wideGzipKiB,
    record: record.p95 > GOALS.recordP95,
    embedded: embeddedRatio > GOALS.embeddedRatio,
  };
  const vsSql = (s) => ({ ratio: s.p50 / sql.p50, against: "hand-written baseline" });
  const heatMapSql = stats(real.heatMapBaseline);
  const heatMapApp = stats(real.heatMapApp);
  const digest = stats(real.digest);
  const convergenceRatio = heatMapApp.p50 / heatMapSql.p50;
  const sessionCheck = stats(real.checks.session);
  const sessionFloor = stats(real.checks.sessionFloor);
  const tokenCheck = stats(real.checks.token);
  const tokenFloor = stats(real.checks.tokenFloor);
  Object.assign(missed, {
    session: sessionCheck.p50 > GOALS.sessionP50,
    heatMap: heatMapApp.p95 > GOALS.heatMapP95 || convergenceRatio > GOALS.convergenceRatio,
    digest: digest.p95 > GOALS.digestP95,
  });

  const out = [];
  out.push(
    `Parley benchmark · seed ${SEED} · ${BENCH_SHAPE.issues} issues × ${BENCH_SHAPE.parties} parties · ` +
      `${database.loaded.statements.toLocaleString("en")} statements ${BENCH_SHAPE.firstDay}..${dayToDate(BENCH_SHAPE.days - 1)} ` +
      `(${database.loaded.amendments.toLocaleString("en")} amended, ${database.loaded.links.toLocaleString("en")} evidence links)`,
  );
  out.push(
    `machine: ${os.cpus().length} cores, load average ${loadAtStart} at the start, ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} at the end`,
  );
  out.push(
    `real: ${real.server.split(" ").slice(0, 2).join(" ")} · embedded: PGlite (${embedded.server.split(" ").slice(0, 2).join(" ")}, in memory, over its socket server)`,
  );
  out.push("");
  out.push(
    table([
      { name: "1. matrix as of date · hand-written baseline (pg)", s: sql, ratio: 1, against: "(baseline)" },
      {
        name: "1. matrix as of date · getMatrix (app)",
        s: app,
        ...vsSql(app),
        goal: verdict(!missed.matrix, `≤ ${GOALS.matrixRatio}× at p50`),
      },
      {
        name: "   getMatrix's query alone, via pg",
        s: stats(real.matrixAppQueryViaPg),
        ...vsSql(stats(real.matrixAppQueryViaPg)),
      },
      {
        name: "   reference: textbook DISTINCT ON (pg)",
        s: stats(real.matrixDistinctOn),
        ...vsSql(stats(real.matrixDistinctOn)),
      },
      { name: "   adjacentChangeDates (also on the page)", s: stats(real.adjacent), ...vsSql(stats(real.adjacent)) },
      {
        name: "2. matrix page render (GET, signed in)",
        s: render,
        ...vsSql(render),
        goal: verdict(!missed.render, `p95 ≤ ${GOALS.renderP95} ms`),
      },
      { name: "   same matrix as JSON (GET /api/w/…/matrix)", s: stats(served.api), ...vsSql(stats(served.api)) },
      { name: "   page, same matrix, 480-statement history", s: stats(served.small), ...vsSql(stats(served.small)) },
      {
        name: `2. matrix page, ${WIDE_SHAPE.issues} × ${WIDE_SHAPE.parties} (${(served.wideGzip / 1024).toFixed(0)} KiB gzip)`,
        s: stats(served.wide),
        ...vsSql(stats(served.wide)),
        goal: verdict(!missed.wide, `p95 ≤ ${GOALS.wideRenderP95} ms, HTML ≤ ${GOALS.wideGzipKiB} KiB gzip`),
      },
      { name: "   document page (300 quotes)", s: stats(served.documentPage), ...vsSql(stats(served.documentPage)) },
      { name: "   search page", s: stats(served.search), ...vsSql(stats(served.search)) },
      { name: "3. cell history (getCellHistory)", s: stats(real.history), ...vsSql(stats(real.history)) },
      {
        name: "4. record a statement (recordStatement)",
        s: record,
        ...vsSql(record),
        goal: verdict(!missed.record, `p95 ≤ ${GOALS.recordP95} ms`),
      },
      {
        name: "5. matrix as of date · getMatrix on PGlite",
        s: embeddedApp,
        ratio: embeddedRatio,
        against: "getMatrix on PostgreSQL",
        goal: verdict(!missed.embedded, `≤ ${GOALS.embeddedRatio}× at p50`),
      },
      {
        name: "   hand-written baseline on PGlite (pg)",
        s: stats(embedded.matrixBaseline),
        ratio: stats(embedded.matrixBaseline).p50 / sql.p50,
        against: "hand-written baseline on PostgreSQL",
      },
      {
        name: `6. convergence heat map (${real.heatMapColumns} weeks) · hand-written SQL (pg)`,
        s: heatMapSql,
        ratio: 1,
        against: "(baseline)",
      },
      {
        name: "   reference: by hand from the statements alone (pg)",
        s: stats(real.heatMapFromStatements),
        ratio: stats(real.heatMapFromStatements).p50 / heatMapSql.p50,
        against: "hand-written heat map",
      },
      {
        name: "6. convergence heat map · getHeatMap (app)",
        s: heatMapApp,
        ratio: convergenceRatio,
        against: "hand-written heat map",
        goal: verdict(!missed.heatMap, `p95 ≤ ${GOALS.heatMapP95} ms, ≤ ${GOALS.convergenceRatio}× at p50`),
      },
      {
        name: "   heat map on PGlite · getHeatMap",
        s: stats(embedded.heatMapApp),
        ratio: stats(embedded.heatMapApp).p50 / heatMapApp.p50,
        against: "getHeatMap on PostgreSQL",
      },
      {
        name: "7. what moved, a year apart (getWhatMoved)",
        s: digest,
        goal: verdict(!missed.digest, `p95 ≤ ${GOALS.digestP95} ms`),
      },
      {
        name: "8. session check · by hand (jose + 1 query, pg)",
        s: sessionFloor,
        ratio: 1,
        against: "(baseline)",
      },
      {
        name: "8. session check (checkSessionToken, app)",
        s: sessionCheck,
        ratio: sessionCheck.p50 / sessionFloor.p50,
        against: "session check by hand",
        goal: verdict(!missed.session, `p50 ≤ ${GOALS.sessionP50} ms`),
      },
      {
        name: "   session check, a cookie seen for the first time",
        s: stats(real.checks.sessionFirstSight),
        ratio: stats(real.checks.sessionFirstSight).p50 / sessionFloor.p50,
        against: "session check by hand",
      },
      { name: "   token check · by hand (1 query, pg)", s: tokenFloor, ratio: 1, against: "(baseline)" },
      {
        name: "   token check (findLiveToken, app)",
        s: tokenCheck,
        ratio: tokenCheck.p50 / tokenFloor.p50,
        against: "token check by hand",
      },
    ]),
  );
  out.push("");
  out.push(
    `Each matrix: ${real.cellsShown} cells; page ≈ ${Math.round(served.htmlBytes / 1024)} KiB of HTML; a cell's history ≈ ${Math.round(real.historyStatementsMean)} statements; ` +
      `On every measured date (${real.matrixBaseline.length} on PostgreSQL, ${embedded.matrixBaseline.length} on PGlite) getMatrix answered exactly what ` +
      `the hand-written baseline answered, and cell for cell what DISTINCT ON and its own query run through pg found.`,
  );
  out.push(
    `Convergence heat map: on every run getHeatMap answered exactly what both hand-written heat maps answered (the cell timelines agree with the statements), conditional offers included ` +
      `(${real.heatMapCellsWithMetOffers.toLocaleString("en")} of the ${(BENCH_SHAPE.issues * real.heatMapColumns).toLocaleString("en")} issue × week cells count a met offer).`,
  );
  out.push(
    `Memory: the app (scripts/serve.mjs on PostgreSQL) held ${served.appRss ? `${Math.round(served.appRss / 2 ** 20)} MiB` : "an unknown amount"} resident after serving every page above.`,
  );
  out.push(
    `Data load: PostgreSQL ${database.loaded.seconds.toFixed(1)} s, PGlite ${embedded.loaded.seconds.toFixed(1)} s · phases: ${phases.join(" · ")}`,
  );

  const plans = [
    `Plans at ${real.plans.date} on PostgreSQL (EXPLAIN (ANALYZE, BUFFERS)):`,
    "── getMatrix's query (lib/matrix/data.ts)",
    real.plans.app,
    "── the hand-written baseline's cells query",
    real.plans.baseline,
    "── reference: DISTINCT ON",
    real.plans.distinctOn,
    "── the convergence heat map's query (lib/convergence/sql.ts)",
    real.plans.heatMap,
    "── reference: the heat map from the statements alone",
    real.plans.heatMapFromStatements,
    "",
    `Plans at ${embedded.plans.date} on PGlite:`,
    "── getMatrix's query",
    embedded.plans.app,
    "── the hand-written baseline's cells query",
    embedded.plans.baseline,
  ].join("\n");
  writeFileSync(path.join(outDir, "plans.txt"), `${plans}\n`);
  if (missed.matrix || missed.embedded) out.push("", "A matrix goal was missed; the plans:", plans);
  else out.push(`Query plans: ${path.relative(root, path.join(outDir, "plans.txt"))}`);

  // Cleaned up before printing, so that nothing (not even a cleanup message) follows the last line.
  await cleanUp();
  out.push(`Total runtime: ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  out.push(`convergence ratio: ${convergenceRatio.toFixed(2)}`);
  out.push(`matrix-as-of ratio: ${matrixRatio.toFixed(2)}`);
  process.stdout.write(`${out.join("\n")}\n`);
} catch (error) {
  exitCode = 1;
  log(`\nbench failed: ${error instanceof Error ? error.stack || error.message : error}`);
} finally {
  await cleanUp();
}
process.exit(exitCode);
