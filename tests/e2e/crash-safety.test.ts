import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { once } from "node:events";
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { askOwner, freePort } from "../support/provision.mjs";

// The embedded default survives a crash: `npm start` on its own embedded database, stance
// statements (each with a linked quote) recorded through the running app's server action by
// several writers at once, the whole process group killed with SIGKILL while writes are in
// flight, then `npm start` again on the same directory. Every write the app acknowledged is there
// with its activity row and its link; nothing is half-written (a statement without its activity
// row or links, a link or activity row without its statement, a cell version that does not
// count its statements). Reuses the build in .next (PARLEY_SKIP_BUILD=1).

const root = process.cwd();
const DEMO = "security-guarantees";
const SESSION_COOKIE = "__Host-parley.session-token";
const ADMIN_EMAIL = "crash-admin@parley.test";
const ADMIN_PASSWORD = `crash-${randomBytes(15).toString("base64url")}`;
const run = randomUUID().slice(0, 8);
const dataDir = mkdtempSync(path.join(os.tmpdir(), "parley-crash-"));
const logFile = path.join(root, "test-results", `crash-safety-${run}.log`);
const WRITERS = 4;
const ACKS_BEFORE_KILL = 12;

type App = { child: ChildProcess; baseUrl: string };
let app: App | undefined;

async function startApp(): Promise<App> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ["DATABASE_URL", "PARLEY_DATABASE_KIND", "DATABASE_POOL_MAX", "AUTH_SECRET"]) delete env[key];
  Object.assign(env, {
    PORT: String(port),
    PARLEY_DATA_DIR: dataDir,
    PARLEY_SKIP_BUILD: "1",
    PARLEY_ADMIN_EMAIL: ADMIN_EMAIL,
    PARLEY_ADMIN_PASSWORD: ADMIN_PASSWORD,
    NEXT_TELEMETRY_DISABLED: "1",
  });
  const log = createWriteStream(logFile, { flags: "a" });
  // Its own process group, so that one kill reaches start.mjs, the embedded database and `next start`.
  const child = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], {
    cwd: root,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const baseUrl = `http://localhost:${port}`;
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return { child, baseUrl };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  killGroup(child, "SIGKILL");
  const tail = readFileSync(logFile, "utf8").split("\n").slice(-30).join("\n");
  throw new Error(`npm start did not become healthy (exit ${child.exitCode}):\n${tail}`);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

async function stopApp(signal: NodeJS.Signals) {
  if (!app) return;
  const { child } = app;
  app = undefined;
  const exited = child.exitCode === null ? once(child, "exit") : Promise.resolve();
  killGroup(child, signal);
  await exited;
}

// ------------------------------------------------------------------ HTTP, as the browser does it

type Jar = Map<string, string>;
const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
function absorb(jar: Jar, response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const at = pair!.indexOf("=");
    jar.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
}

async function signIn(baseUrl: string): Promise<Jar> {
  const jar: Jar = new Map();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  absorb(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email: ADMIN_EMAIL, password: ADMIN_PASSWORD, callbackUrl: baseUrl }),
  });
  absorb(jar, response);
  if (!jar.has(SESSION_COOKIE)) throw new Error(`signing in set no session cookie (HTTP ${response.status})`);
  return jar;
}

function recordStatementActionId(): string {
  const file = path.join(root, ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as Record<string, Record<string, { exportedName: string }>>;
  const entry = Object.entries({ ...manifest.node, ...manifest.edge }).find(
    ([, e]) => e.exportedName === "recordStatementAction",
  );
  if (!entry) throw new Error("recordStatementAction is not in the build's server-reference-manifest.json");
  return entry[0];
}

/** The action's return value: row 1 of the React Flight reply (row 0 is `{"a":"$@1",…}`). */
function actionResult(body: string): unknown {
  const row = body.split("\n").find((line) => line.startsWith("1:"));
  return row ? JSON.parse(row.slice(2)) : undefined;
}

type Cell = { issueId: string; partyId: string; version: number };

describe("crash safety of the embedded database", () => {
  afterAll(async () => {
    await stopApp("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it("keeps every acknowledged write and no half-written one across a SIGKILL of npm start", async () => {
    app = await startApp();
    const jar = await signIn(app.baseUrl);
    const get = async <T>(pathname: string): Promise<T> => {
      const response = await fetch(`${app!.baseUrl}${pathname}`, { headers: { Cookie: cookieHeader(jar) } });
      expect(response.status, pathname).toBe(200);
      return (await response.json()) as T;
    };
    const matrix = await get<{ cells: Cell[] }>(`/api/w/${DEMO}/matrix`);
    const { evidence } = await get<{ evidence: { id: string }[] }>(`/api/w/${DEMO}/evidence`);
    expect(evidence.length).toBeGreaterThan(0);
    const cells = matrix.cells.slice(0, WRITERS).map((c) => ({ ...c }));
    const startVersions = cells.map((c) => c.version);
    const actionId = recordStatementActionId();
    const baseUrl = app.baseUrl;

    const acknowledged: { id: string; summary: string; evidenceId: string }[] = [];
    let killed = false;
    let crash!: () => void;
    const crashed = new Promise<void>((resolve) => {
      crash = resolve;
    });

    // Each writer records one statement after another in its own cell, so none conflicts.
    const writer = async (w: number) => {
      const cell = cells[w]!;
      for (let n = 0; !killed; n++) {
        const summary = `crash-${run}-w${w}-n${n}`;
        const evidenceId = evidence[(w + n) % evidence.length]!.id;
        const input = {
          workspaceSlug: DEMO,
          issueId: cell.issueId,
          partyId: cell.partyId,
          baseVersion: cell.version,
          position: n % 2 ? "SUPPORTS" : "OPPOSES",
          summary,
          statedOn: "2022-03-01",
          links: [{ evidenceId, relation: "SUPPORTS" }],
        };
        let body: string;
        try {
          const response = await fetch(`${baseUrl}/`, {
            method: "POST",
            headers: {
              "Next-Action": actionId,
              Origin: baseUrl,
              Accept: "text/x-component",
              "Content-Type": "text/plain;charset=UTF-8",
              Cookie: cookieHeader(jar),
            },
            body: JSON.stringify([input]),
          });
          body = await response.text();
        } catch {
          return; // the server is gone: this write was never acknowledged
        }
        const result = actionResult(body) as { data?: { ok: boolean; statementId: string; version: number } };
        if (!result?.data?.ok) throw new Error(`write ${summary} was refused: ${body.slice(0, 500)}`);
        if (killed) return; // answered after the kill was decided: count only what came before
        acknowledged.push({ id: result.data.statementId, summary, evidenceId });
        cell.version = result.data.version;
        if (acknowledged.length >= ACKS_BEFORE_KILL) crash();
      }
    };
    const writers = cells.map((_, w) => writer(w));
    await Promise.race([crashed, Promise.all(writers)]);
    // The other writers' requests are in flight now: kill everything at once, mid-write.
    killed = true;
    const victim = app.child;
    await stopApp("SIGKILL");
    expect(victim.signalCode).toBe("SIGKILL");
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);

    app = await startApp();
    const status = await askOwner(path.join(dataDir, "pglite"), "/status");
    const { url } = JSON.parse(status!.body.toString("utf8")) as { url: string };
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows: found } = await client.query<{
        id: string;
        summary: string;
        activities: number;
        links: string[];
      }>(
        `SELECT s.id, s.summary,
                (SELECT count(*)::int FROM activity_events a
                  WHERE a."subjectId" = s.id::text AND a.action = 'stance.recorded') AS activities,
                ARRAY(SELECT se."evidenceId"::text FROM statement_evidence se WHERE se."statementId" = s.id) AS links
           FROM stance_statements s WHERE s.summary LIKE $1`,
        [`crash-${run}-%`],
      );
      const byId = new Map(found.map((row) => [row.id, row]));
      console.log(
        `crash safety: ${acknowledged.length} writes acknowledged before the SIGKILL, ${found.length} found after the restart ` +
          `(the rest were in flight at the kill)`,
      );
      for (const write of acknowledged) {
        expect(byId.get(write.id), `acknowledged ${write.summary}`).toMatchObject({
          summary: write.summary,
          activities: 1,
          links: [write.evidenceId],
        });
      }
      // Writes in flight at the kill may have committed or not, but never in part.
      for (const row of found) expect(row, row.summary).toMatchObject({ activities: 1, links: [expect.any(String)] });

      const { rows: orphans } = await client.query(
        `SELECT 'link' AS what FROM statement_evidence se
           LEFT JOIN stance_statements s ON s.id = se."statementId" WHERE s.id IS NULL
         UNION ALL
         SELECT 'activity' FROM activity_events a
           LEFT JOIN stance_statements s ON s.id::text = a."subjectId"
          WHERE a."subjectType" = 'stance_statement' AND s.id IS NULL`,
      );
      expect(orphans).toEqual([]);

      for (const [w, cell] of cells.entries()) {
        const { rows } = await client.query<{ version: number; ours: number }>(
          `SELECT c.version,
                  (SELECT count(*)::int FROM stance_statements s
                    WHERE s."issueId" = c."issueId" AND s."partyId" = c."partyId" AND s.summary LIKE $3) AS ours
             FROM stance_cells c WHERE c."issueId" = $1 AND c."partyId" = $2`,
          [cell.issueId, cell.partyId, `crash-${run}-w${w}-%`],
        );
        expect(rows[0]!.version - startVersions[w]!, `cell of writer ${w}`).toBe(rows[0]!.ours);
      }
    } finally {
      await client.end();
    }

    // The app itself reads the recovered database.
    const after = await fetch(`${app.baseUrl}/api/w/${DEMO}/matrix`, { headers: { Cookie: cookieHeader(jar) } });
    expect(after.status).toBe(200);
    await stopApp("SIGTERM");
    expect(existsSync(path.join(dataDir, "pglite.sock"))).toBe(false);
  }, 900_000);
});
