import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getWorkspaceExport } from "@/lib/exports/data";
import { getMatrix } from "@/lib/matrix/data";
import { recordStatement } from "@/lib/matrix/mutations";
import { createDatabase, type Database } from "@/lib/platform/db/client";
import { type AuthorizedWorkspace, trustedWorkspace } from "@/lib/workspaces/access";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import { loadWorkspaceFixture } from "@/tests/support/fixture/load";
import {
  createTestDatabase,
  dropTestDatabase,
  type EmbeddedPostgres,
  migrateDatabase,
  startEmbeddedPostgres,
} from "../support/database";

// `npm run backup` → `npm run restore` on the kind of database this run is about (the PostgreSQL
// step tests pg_dump/pg_restore, the embedded step PGlite's data directory dump, taken both from a
// running server and from a stopped one): the restored database's whole-workspace export and
// every table's rows are the same as before. The databases are this file's own, made and
// dropped here; the app's functions are pointed at each in turn.

const root = process.cwd();
const kind = process.env.PARLEY_DATABASE_KIND === "embedded" ? "embedded" : "postgresql";
const work = mkdtempSync(path.join(os.tmpdir(), "parley-backup-"));
const cleanups: (() => Promise<void>)[] = [];

type Run = { code: number | null; stdout: string; stderr: string };

/** Runs a script asynchronously: a running embedded server in this process must stay able to answer. */
function runScript(script: "backup" | "restore", args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "scripts", `${script}.mjs`), ...args], {
      cwd: root,
      env: { ...env, INIT_CWD: work },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The environment `npm start` would see for one database: DATABASE_URL, or the embedded PARLEY_DATA_DIR. */
function envFor(target: { url: string } | { dataDir: string }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.PARLEY_DATA_DIR;
  if ("url" in target) env.DATABASE_URL = target.url;
  else env.PARLEY_DATA_DIR = target.dataDir;
  return env;
}

async function withDatabase<T>(url: string, work: () => Promise<T>): Promise<T> {
  const global = globalThis as unknown as { parleyDb?: Database };
  const previous = global.parleyDb;
  const database = createDatabase(url, 1);
  global.parleyDb = database;
  try {
    return await work();
  } finally {
    global.parleyDb = previous;
    await database.$disconnect();
  }
}

/** Every app table's rows, as one hash per table, and the export minus its time. */
async function snapshot(url: string, workspace: AuthorizedWorkspace) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const tables: Record<string, string> = {};
  try {
    const { rows } = await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    for (const { tablename } of rows) {
      // The activity log's transaction ids belong to the server that wrote them; a PostgreSQL
      // restore resets them (scripts/restore.mjs), so they are left out of the comparison.
      const row = tablename === "activity_events" ? "(to_jsonb(t) - 'xid')" : "t";
      const { rows: hash } = await client.query<{ n: number; md5: string | null }>(
        `SELECT count(*)::int AS n, md5(string_agg(${row}::text, E'\\n' ORDER BY ${row}::text)) AS md5 FROM "${tablename}" t`,
      );
      tables[tablename] = `${hash[0]!.n} ${hash[0]!.md5}`;
    }
  } finally {
    await client.end();
  }
  const { exportedAt: _, ...file } = await withDatabase(url, () => getWorkspaceExport(workspace));
  return { tables, file };
}

/** The demo workspace plus a statement recorded through the app's mutation, with a quote linked. */
async function seed(url: string): Promise<AuthorizedWorkspace> {
  return withDatabase(url, async () => {
    const loaded = await loadWorkspaceFixture(securityGuarantees, { slug: `backup-${randomUUID().slice(0, 8)}` });
    const workspace = trustedWorkspace(loaded);
    const matrix = await getMatrix(workspace, "2030-01-01");
    const cell = matrix.cells.find((c) => c.statement)!;
    const result = await recordStatement(workspace, {
      workspaceSlug: workspace.slug,
      issueId: cell.issueId,
      partyId: cell.partyId,
      baseVersion: cell.version,
      position: "CONDITIONAL",
      summary: "Recorded before the backup.",
      statedOn: "2022-03-01",
      links: [],
    });
    expect(result).toMatchObject({ ok: true });
    return workspace;
  });
}

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  rmSync(work, { recursive: true, force: true });
});

function onPostgresql() {
  describe("backup and restore on PostgreSQL", () => {
    let source: string;
    let target: string;
    let workspace: AuthorizedWorkspace;

    beforeAll(async () => {
      source = (await createTestDatabase()).url;
      cleanups.push(() => dropTestDatabase(source));
      target = (await createTestDatabase({ migrate: false })).url;
      cleanups.push(() => dropTestDatabase(target));
      workspace = await seed(source);
    }, 120_000);

    it("restores a pg_dump backup into an empty database with the same export and rows", async () => {
      const file = path.join(work, "parley.dump");
      const backup = await runScript("backup", [file], envFor({ url: source }));
      expect(backup, backup.stderr).toMatchObject({ code: 0 });
      expect(backup.stdout).toMatch(/Backed up PostgreSQL database .*; pg_dump 1\d, server PostgreSQL 1\d/);

      const restore = await runScript("restore", [file], envFor({ url: target }));
      expect(restore, restore.stderr).toMatchObject({ code: 0 });
      const before = await snapshot(source, workspace);
      const after = await snapshot(target, workspace);
      expect(after.file).toEqual(before.file);
      expect(after.tables).toEqual(before.tables);

      const again = await runScript("restore", [file], envFor({ url: target }));
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/is not empty .* add --force/);
      const forced = await runScript("restore", [file, "--force"], envFor({ url: target }));
      expect(forced, forced.stderr).toMatchObject({ code: 0 });
      expect((await snapshot(target, workspace)).tables).toEqual(before.tables);
    }, 180_000);

    it("says clearly when pg_dump is missing", async () => {
      const run = await runScript("backup", [path.join(work, "never.dump")], {
        ...envFor({ url: source }),
        PARLEY_PG_BIN: path.join(work, "no-such-folder"),
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/pg_dump was not found .* version 1\d or newer/);
    });
  });
}

function onEmbedded() {
  describe("backup and restore on the embedded database", () => {
    const sourceDir = path.join(work, "source");
    const targetDir = path.join(work, "target");
    let server: EmbeddedPostgres | undefined;
    let workspace: AuthorizedWorkspace;

    beforeAll(async () => {
      server = await startEmbeddedPostgres({ dataDir: path.join(sourceDir, "pglite") });
      cleanups.push(async () => server?.stop());
      await migrateDatabase(server.url);
      workspace = await seed(server.url);
    }, 240_000);

    it("backs up a running embedded database and a stopped one; both restore to the same export and rows", async () => {
      const running = path.join(work, "running.tar.gz");
      const backup = await runScript("backup", [running], envFor({ dataDir: sourceDir }));
      expect(backup, backup.stderr).toMatchObject({ code: 0 });
      expect(backup.stdout).toMatch(/dumped by the running app/);
      const before = await snapshot(server!.url, workspace);

      const refused = await runScript("restore", [running, "--force"], envFor({ dataDir: sourceDir }));
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/Parley is running on .* stop it before restoring/);

      await server!.stop();
      server = undefined;
      const stopped = path.join(work, "stopped.tar.gz");
      const offline = await runScript("backup", [stopped], envFor({ dataDir: sourceDir }));
      expect(offline, offline.stderr).toMatchObject({ code: 0 });
      expect(offline.stdout).toMatch(/the app was not running/);

      for (const file of [running, stopped]) {
        rmSync(targetDir, { recursive: true, force: true });
        const restore = await runScript("restore", [file], envFor({ dataDir: targetDir }));
        expect(restore, restore.stderr).toMatchObject({ code: 0 });
        const restored = await startEmbeddedPostgres({ dataDir: path.join(targetDir, "pglite") });
        try {
          const after = await snapshot(restored.url, workspace);
          expect(after.file).toEqual(before.file);
          expect(after.tables).toEqual(before.tables);
        } finally {
          await restored.stop();
        }
      }

      const again = await runScript("restore", [stopped], envFor({ dataDir: targetDir }));
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/already holds a database.* add --force/);
    }, 600_000);
  });
}

if (kind === "postgresql") onPostgresql();
else onEmbedded();

describe("backup and restore", () => {
  it("refuses a missing file, a file that is not a backup, and a backup of the other kind", async () => {
    // The checks come before any connection: the target need not exist.
    const embedded = envFor({ dataDir: path.join(work, "none") });
    const missing = await runScript("restore", ["no-such.dump"], embedded);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no-such\.dump: no such file/);

    const notes = path.join(work, "notes.txt");
    writeFileSync(notes, "not a backup\n");
    const wrong = await runScript("restore", [notes], embedded);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/is not a Parley backup/);

    const pgDumpFile = path.join(work, "header-only.dump");
    writeFileSync(pgDumpFile, "PGDMP");
    const crossed = await runScript("restore", [pgDumpFile], embedded);
    expect(crossed.code).toBe(1);
    expect(crossed.stderr).toMatch(/is a PostgreSQL backup \(pg_dump\), but DATABASE_URL is not set/);

    const usage = await runScript("backup", [], embedded);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toMatch(/usage: npm run backup -- FILE/);
  });
});
