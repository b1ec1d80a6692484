#!/usr/bin/env node
// `npm run load`: an open-loop load test of a running Parley. Requests arrive on a fixed
// schedule (Poisson at R requests a second, seeded) whatever the answers do, and each latency
// counts from the request's scheduled time, not from when it was sent: a slow server cannot slow
// the arrivals down and hide its queue (coordinated omission). The mix: the matrix page, its JSON,
// a document page and search in equal parts, and one write in ten (a stance recorded through
// POST /api/v1/workspaces/<slug>/statements with a personal access token). The same schedule
// then runs against a baseline, a minimal node:http server that answers every request with the
// matrix read by hand through pg (the best hand-written query for getMatrix's output), and the
// table prints the app's percentiles as ratios to it. Not a test, and not part of npm test.
//
//   npm run load -- [URL] [--rates 10,25,50] [--duration 30] [--slug security-guarantees]
//                   [--as-of 2022-02-16] [--seed 1] [--no-baseline] [--app-pid PID]
//
// URL defaults to http://127.0.0.1:$PORT (PORT 3000). DATABASE_URL must name the app's database:
// the script mints a write token there for the signed-in user (deleted at the end) and the
// baseline reads it. PARLEY_LOAD_EMAIL and PARLEY_LOAD_PASSWORD sign in (a member of the
// workspace who may edit). The writes are real statements in that workspace: run it on a copy.
// Start the app with a write allowance above the test's (PARLEY_RATE_LIMIT_WRITES=100000), or
// the writes beyond it are answered 429 and counted as "limited". Requests the admission gate
// refuses (503, scripts/admission.mjs) count as errors and are shown again under 503. Each
// rate's table ends with the machine's load average and, given --app-pid (the parley-server
// process, scripts/serve.mjs, on Linux), the app's RSS.
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { BASELINE_CELLS_SQL } from "../tests/bench/baseline-sql.mjs";

const KINDS = ["matrix page", "matrix JSON", "document page", "search", "write"];
const SEARCH_WORDS = ["guarantees", "NATO", "expansion", "security", "missiles", "Ukraine"];
const TIMEOUT_MS = 30_000;

function parseArgs(argv) {
  const options = {
    url: `http://127.0.0.1:${process.env.PORT || 3000}`,
    rates: [10, 25, 50],
    duration: 30,
    slug: "security-guarantees",
    asOf: "2022-02-16",
    seed: 1,
    baseline: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === "--help" || arg === "-h") options.help = true;
    else if (arg === "--rates") options.rates = value().split(",").map(Number);
    else if (arg === "--duration") options.duration = Number(value());
    else if (arg === "--slug") options.slug = value();
    else if (arg === "--as-of") options.asOf = value();
    else if (arg === "--seed") options.seed = Number(value());
    else if (arg === "--no-baseline") options.baseline = false;
    else if (arg === "--app-pid") options.appPid = Number(value());
    else if (arg === "--baseline-server") options.baselineServer = true;
    else if (/^https?:\/\//.test(arg)) options.url = arg.replace(/\/$/, "");
    else if (/^\d+$/.test(arg)) options.url = `http://127.0.0.1:${arg}`;
    else throw new Error(`unknown argument ${arg} (see --help)`);
  }
  if (options.rates.some((r) => !(r > 0)) || !(options.duration > 0)) throw new Error("rates and duration must be > 0");
  return options;
}

// ---------------------------------------------------------------- the baseline server

// getMatrix's whole output by hand (BASELINE_CELLS_SQL, the bench's own), with the labels, parties
// and issues alongside, all sent at once.

function serveBaseline() {
  // The app's default pool size, so neither side has more connections to queue on.
  const pool = new pg.Pool({
    connectionString: requiredDatabaseUrl(),
    max: Number(process.env.DATABASE_POOL_MAX || 5),
  });
  const server = http.createServer(async (request, response) => {
    try {
      const url = new URL(request.url, "http://baseline");
      const workspaceId = url.searchParams.get("workspace");
      const asOf = url.searchParams.get("asOf");
      const [settings, parties, issues, cells] = await Promise.all([
        pool.query(`SELECT slug, title, "positionLabels" FROM workspaces WHERE id = $1::uuid`, [workspaceId]),
        pool.query(
          `SELECT id, name, "shortName", colour FROM parties WHERE "workspaceId" = $1::uuid AND "archivedAt" IS NULL ORDER BY "sortOrder", name`,
          [workspaceId],
        ),
        pool.query(
          `SELECT id, title, description FROM issues WHERE "workspaceId" = $1::uuid AND "archivedAt" IS NULL ORDER BY "sortOrder", title`,
          [workspaceId],
        ),
        pool.query(BASELINE_CELLS_SQL, [workspaceId, asOf]),
      ]);
      const workspace = settings.rows[0];
      const body = JSON.stringify({
        workspace: { slug: workspace.slug, title: workspace.title },
        asOf,
        positionLabels: workspace.positionLabels,
        parties: parties.rows,
        issues: issues.rows,
        cells: cells.rows.map(({ issueId, partyId, version, ...s }) => ({
          issueId,
          partyId,
          version,
          statement: s.id ? { ...s, confidence: s.confidence ?? "MEDIUM" } : null,
        })),
      });
      response.writeHead(200, { "Content-Type": "application/json" }).end(body);
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  });
  server.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));
}

async function startBaseline() {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), "--baseline-server"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: process.env,
  });
  const port = await new Promise((resolve, reject) => {
    child.stdout.once("data", (chunk) => resolve(Number(String(chunk).trim())));
    child.once("exit", (code) => reject(new Error(`the baseline server exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

// ---------------------------------------------------------------- the app

function requiredDatabaseUrl() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL must name the database the app uses (see --help)");
  return url;
}

async function signIn(base, email, password) {
  const jar = new Map();
  const absorb = (response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      // Auth.js sets the CSRF cookie twice (proxy and route): keep the last, as a browser does.
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  absorb(csrf);
  const { csrfToken } = await csrf.json();
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/` }),
  });
  absorb(response);
  if (![...jar.keys()].some((name) => name.endsWith("parley.session-token")))
    throw new Error(
      `signing in as ${email} failed (HTTP ${response.status}): check PARLEY_LOAD_EMAIL and PARLEY_LOAD_PASSWORD`,
    );
  return cookie();
}

/** The workspace's ids, documents and cells, and a write token minted for the user in its database. */
async function prepare(client, options, email) {
  const workspace = (await client.query(`SELECT id FROM workspaces WHERE slug = $1`, [options.slug])).rows[0];
  if (!workspace) throw new Error(`no workspace ${options.slug} in DATABASE_URL's database`);
  const user = (await client.query(`SELECT id FROM users WHERE email = lower($1)`, [email])).rows[0];
  if (!user) throw new Error(`no user ${email} in DATABASE_URL's database`);
  const documents = (
    await client.query(`SELECT id FROM documents WHERE "workspaceId" = $1 ORDER BY "importedAt", id`, [workspace.id])
  ).rows.map((r) => r.id);
  const cells = (
    await client.query(
      `SELECT i.id AS "issueId", p.id AS "partyId", coalesce(c.version, 0) AS version
       FROM issues i JOIN parties p ON p."workspaceId" = i."workspaceId" AND p."archivedAt" IS NULL
       LEFT JOIN stance_cells c ON c."workspaceId" = i."workspaceId" AND c."issueId" = i.id AND c."partyId" = p.id
       WHERE i."workspaceId" = $1 AND i."archivedAt" IS NULL ORDER BY i."sortOrder", p."sortOrder"`,
      [workspace.id],
    )
  ).rows;
  if (documents.length === 0 || cells.length === 0) throw new Error(`${options.slug} has no documents or no cells`);
  const secret = `parley_pat_${randomBytes(32).toString("base64url")}`;
  const token = (
    await client.query(
      `INSERT INTO api_tokens (id, "userId", name, "tokenHash", scope, "expiresAt")
       VALUES (gen_random_uuid(), $1, 'npm run load', $2, 'WRITE', now() + interval '1 day') RETURNING id`,
      [user.id, createHash("sha256").update(secret).digest("hex")],
    )
  ).rows[0];
  await client.query(`INSERT INTO api_token_workspaces ("tokenId", "workspaceId") VALUES ($1, $2)`, [
    token.id,
    workspace.id,
  ]);
  return { workspaceId: workspace.id, documents, cells, secret, tokenId: token.id };
}

// ---------------------------------------------------------------- the schedule

/** A small seeded generator (mulberry32), so every run and both targets get the same schedule. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Arrival times (ms from the start) of a Poisson process at `rate` a second, each with its kind. */
function schedule(rate, seconds, seed) {
  const next = random(seed);
  const arrivals = [];
  for (let at = 0, i = 0; ; i++) {
    at += (-Math.log(1 - next()) / rate) * 1000;
    if (at >= seconds * 1000) break;
    const pick = next();
    // One write in ten; the reads share the rest equally.
    const kind = pick < 0.1 ? "write" : KINDS[Math.floor(((pick - 0.1) / 0.9) * 4)];
    arrivals.push({ at, kind, n: i });
  }
  return arrivals;
}

async function timedFetch(url, init) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const response = await fetch(url, { ...init, signal: controller.signal, redirect: "manual" });
    const body = await response.text();
    return { status: response.status, body };
  } finally {
    clearTimeout(timer);
  }
}

function appRequester(options, context, cookie) {
  const { url, slug, asOf } = options;
  const versions = context.cells.map((c) => c.version);
  let nextCell = 0;
  let statements = 0;
  return async ({ kind, n }) => {
    if (kind === "write") {
      // Round-robin over the cells, so concurrent writes rarely race for one cell.
      const cell = nextCell++ % context.cells.length;
      const { issueId, partyId } = context.cells[cell];
      const answer = await timedFetch(`${url}/api/v1/workspaces/${slug}/statements`, {
        method: "POST",
        headers: { Authorization: `Bearer ${context.secret}`, "Content-Type": "application/json" },
        body: JSON.stringify({
          issueId,
          partyId,
          baseVersion: versions[cell],
          position: "OPEN",
          summary: `Load test statement ${++statements}.`,
          statedOn: new Date().toISOString().slice(0, 10),
        }),
      });
      if (answer.status === 201) versions[cell] = JSON.parse(answer.body).version;
      if (answer.status === 409) versions[cell] = JSON.parse(answer.body).current?.version ?? versions[cell];
      return answer.status;
    }
    const path = {
      "matrix page": `/w/${slug}?asOf=${asOf}`,
      "matrix JSON": `/api/w/${slug}/matrix?asOf=${asOf}`,
      "document page": `/w/${slug}/documents/${context.documents[n % context.documents.length]}`,
      search: `/w/${slug}/search?q=${encodeURIComponent(SEARCH_WORDS[n % SEARCH_WORDS.length])}`,
    }[kind];
    return (await timedFetch(`${url}${path}`, { headers: { Cookie: cookie } })).status;
  };
}

function baselineRequester(baseUrl, options, context) {
  const path = `/matrix?workspace=${context.workspaceId}&asOf=${options.asOf}`;
  return async () => (await timedFetch(`${baseUrl}${path}`)).status;
}

/** Fires every arrival at its time (never waiting for earlier answers) and records each outcome. */
async function run(arrivals, send) {
  const results = [];
  const start = performance.now();
  const pending = [];
  for (const arrival of arrivals) {
    const wait = start + arrival.at - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const scheduled = start + arrival.at;
    pending.push(
      send(arrival).then(
        (status) => results.push({ kind: arrival.kind, status, ms: performance.now() - scheduled }),
        (error) =>
          results.push({ kind: arrival.kind, status: error.name === "AbortError" ? "timeout" : "error", ms: null }),
      ),
    );
  }
  await Promise.all(pending);
  return { results, seconds: (performance.now() - start) / 1000 };
}

// ---------------------------------------------------------------- the report

function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summarise(results, kinds) {
  const rows = {};
  for (const kind of [...kinds, "all"]) {
    const mine = results.filter((r) => kind === "all" || r.kind === kind);
    const ok = mine.filter((r) => typeof r.status === "number" && r.status < 400);
    const latencies = mine
      .filter((r) => r.ms !== null)
      .map((r) => r.ms)
      .sort((a, b) => a - b);
    rows[kind] = {
      count: mine.length,
      ok: ok.length,
      conflicts: mine.filter((r) => r.status === 409).length,
      limited: mine.filter((r) => r.status === 429).length,
      busy: mine.filter((r) => r.status === 503).length,
      errors: mine.filter(
        (r) => typeof r.status !== "number" || (r.status >= 400 && r.status !== 409 && r.status !== 429),
      ).length,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
    };
  }
  return rows;
}

/** The app's resident memory in MB, from /proc (Linux), or null. */
function rssOf(pid) {
  if (!pid) return null;
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

const ms = (v) => (Number.isNaN(v) ? "–" : v < 10 ? v.toFixed(1) : v.toFixed(0));
const ratio = (a, b) => (Number.isNaN(a) || Number.isNaN(b) || b === 0 ? "–" : (a / b).toFixed(2));

function printRate(rate, app, baseline, machine) {
  const lines = [
    `\n${rate} req/s for ${app.seconds.toFixed(0)} s (open loop, Poisson; latency from the scheduled send, ms)`,
    `${"kind".padEnd(14)}${"n".padStart(6)}${"p50".padStart(8)}${"p95".padStart(8)}${"p99".padStart(8)}${"errors".padStart(8)}${"409".padStart(6)}${"429".padStart(6)}${"503".padStart(6)}${baseline ? "  ×baseline p50/p95/p99" : ""}`,
  ];
  const base = baseline?.rows.all;
  for (const [kind, row] of Object.entries(app.rows)) {
    lines.push(
      `${kind.padEnd(14)}${String(row.count).padStart(6)}${ms(row.p50).padStart(8)}${ms(row.p95).padStart(8)}${ms(row.p99).padStart(8)}${String(row.errors).padStart(8)}${String(row.conflicts).padStart(6)}${String(row.limited).padStart(6)}${String(row.busy).padStart(6)}${base ? `  ${ratio(row.p50, base.p50)} / ${ratio(row.p95, base.p95)} / ${ratio(row.p99, base.p99)}` : ""}`,
    );
  }
  if (base)
    lines.push(
      `${"baseline".padEnd(14)}${String(base.count).padStart(6)}${ms(base.p50).padStart(8)}${ms(base.p95).padStart(8)}${ms(base.p99).padStart(8)}${String(base.errors).padStart(8)}      –     –     –  (matrix read by hand, every request)`,
    );
  lines.push(
    `machine load average ${machine.load.map((l) => l.toFixed(1)).join(" / ")} (1/5/15 min, ${os.cpus().length} CPUs)${machine.rss === null ? "" : `; app RSS ${machine.rss} MB after the app's run`}`,
  );
  console.log(lines.join("\n"));
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    const text = readFileSync(fileURLToPath(import.meta.url), "utf8");
    console.log(
      text
        .split("\n")
        .slice(1)
        .filter((l) => l.startsWith("//"))
        .map((l) => l.replace(/^\/\/ ?/, ""))
        .join("\n"),
    );
    return;
  }
  if (options.baselineServer) return serveBaseline();
  const email = process.env.PARLEY_LOAD_EMAIL;
  const password = process.env.PARLEY_LOAD_PASSWORD;
  if (!email || !password) throw new Error("set PARLEY_LOAD_EMAIL and PARLEY_LOAD_PASSWORD (see --help)");
  const client = new pg.Client({ connectionString: requiredDatabaseUrl() });
  await client.connect();
  const baseline = options.baseline ? await startBaseline() : null;
  let context;
  try {
    const cookie = await signIn(options.url, email, password);
    context = await prepare(client, options, email);
    const app = appRequester(options, context, cookie);
    // Warm both up (route code, caches, connections) outside the measurement.
    for (const kind of KINDS.filter((k) => k !== "write")) await app({ kind, n: 0 });
    const base = baseline ? baselineRequester(baseline.url, options, context) : null;
    if (base) await base({});
    console.log(
      `Parley at ${options.url}, workspace ${options.slug}, as of ${options.asOf}; rates ${options.rates.join(", ")} req/s, ${options.duration} s each, seed ${options.seed}`,
    );
    for (const rate of options.rates) {
      const arrivals = schedule(rate, options.duration, options.seed + rate);
      const measured = await run(arrivals, app);
      const appRows = { rows: summarise(measured.results, KINDS), seconds: measured.seconds };
      const machine = { load: os.loadavg(), rss: rssOf(options.appPid) };
      const baseRows = base ? { rows: summarise((await run(arrivals, base)).results, []) } : null;
      printRate(rate, appRows, baseRows, machine);
    }
  } finally {
    if (context) await client.query(`DELETE FROM api_tokens WHERE id = $1`, [context.tokenId]);
    await client.end();
    baseline?.stop();
  }
}

main().catch((error) => {
  console.error(`npm run load: ${error.message}`);
  process.exitCode = 1;
});
