#!/usr/bin/env node
// `npm run restore -- FILE [--force]`: brings a file from `npm run backup` back into the database
// `npm start` would use, which must be empty (a PostgreSQL database without tables; a missing or
// empty .data/pglite) unless --force: then the PostgreSQL database's public schema is dropped and
// replaced, or the embedded data directory is moved aside to pglite.replaced-<time>.
// The embedded database can only be restored while the app is stopped.
import { spawn } from "node:child_process";
import { readFileSync, renameSync } from "node:fs";
import {
  BackupError,
  backupKind,
  describeTarget,
  fileArgument,
  libpqEnv,
  main,
  postgresTool,
  seconds,
  shown,
  targetDatabase,
  withClient,
} from "./backup-files.mjs";
import { askOwner, DataDirInUseError, isEmptyDataDir, openPGlite } from "./embedded-postgres.mjs";

const USAGE = "usage: npm run restore -- FILE [--force]   (--force replaces a database that is not empty)";

async function userRelations(client) {
  const { rows } = await client.query(
    `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'
       AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')`,
  );
  return rows[0].n;
}

async function restorePostgres(url, file, force) {
  // pg_restore need not match the server: what it must read is the file, checked when it runs.
  const pgRestore = postgresTool("pg_restore");
  await withClient(url, async (client) => {
    const relations = await userRelations(client);
    if (relations === 0) return;
    if (!force) {
      throw new BackupError(
        `${describeTarget(targetDatabase())} is not empty (${relations} tables, views or sequences). ` +
          "Restore into an empty database, or add --force to drop its public schema and replace it.",
      );
    }
    await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
  });
  // One transaction: a failed restore leaves the database as it was.
  const child = spawn(
    pgRestore.command,
    [
      "--no-owner",
      "--no-privileges",
      "--exit-on-error",
      "--single-transaction",
      "--dbname",
      libpqEnv(url).PGDATABASE,
      file,
    ],
    { env: libpqEnv(url), stdio: ["ignore", "inherit", "pipe"] },
  );
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const code = await new Promise((resolve) => child.on("close", resolve));
  if (code !== 0) {
    const hint = /unsupported version/.test(stderr)
      ? `\nThe file was written by a newer pg_dump than this pg_restore (${pgRestore.major}): use pg_restore of that version or newer (PARLEY_PG_BIN).`
      : "";
    throw new BackupError(`pg_restore failed (exit ${code}); nothing was restored:\n${stderr.trim()}${hint}`);
  }
  // The activity log's sync order (lib/activity/data.ts) uses the ids of the transactions that
  // wrote it, which mean nothing on another server: every restored event counts as committed
  // before anything written from now on.
  await withClient(url, async (client) => {
    const { rowCount } = await client.query(
      `SELECT 1 FROM information_schema.columns WHERE table_name = 'activity_events' AND column_name = 'xid'`,
    );
    if (!rowCount) return;
    await client.query(`BEGIN;
      ALTER TABLE activity_events DISABLE TRIGGER activity_events_append_only;
      UPDATE activity_events SET xid = '0';
      ALTER TABLE activity_events ENABLE TRIGGER activity_events_append_only;
      COMMIT`);
  });
}

async function restoreEmbedded(dataDir, file, force) {
  const owner = await askOwner(dataDir, "/status", { timeoutMs: 10_000 });
  if (owner) {
    throw new BackupError(`Parley is running on ${shown(dataDir)} (or a backup is): stop it before restoring.`);
  }
  let movedTo;
  if (!isEmptyDataDir(dataDir)) {
    if (!force) {
      throw new BackupError(
        `${shown(dataDir)} already holds a database. Restore into a missing or empty ` +
          "directory (set PARLEY_DATA_DIR to use another), or add --force to move the current one aside.",
      );
    }
    movedTo = `${dataDir}.replaced-${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}`;
    renameSync(dataDir, movedTo);
  }
  let pglite;
  try {
    pglite = await openPGlite({ dataDir, loadDataDir: new Blob([readFileSync(file)]) });
    await pglite.db.query("SELECT count(*) FROM pg_class");
  } catch (error) {
    if (error instanceof DataDirInUseError) throw new BackupError(`${error.message}: stop it before restoring.`);
    throw new BackupError(`PGlite could not load ${file}: ${error instanceof Error ? error.message : error}`);
  } finally {
    await pglite?.close();
  }
  return movedTo;
}

await main(async () => {
  const { given, file, force } = fileArgument(USAGE);
  const kind = backupKind(file);
  const target = targetDatabase();
  if (kind !== target.kind) {
    throw new BackupError(
      kind === "postgresql"
        ? `${given} is a PostgreSQL backup (pg_dump), but DATABASE_URL is not set: set it to the empty PostgreSQL database to restore into.`
        : `${given} is a backup of the embedded database, but DATABASE_URL is set: unset it to restore into the embedded database (.data/pglite).`,
    );
  }
  const started = Date.now();
  let note = "";
  if (target.kind === "postgresql") {
    await restorePostgres(target.url, file, force);
  } else {
    const movedTo = await restoreEmbedded(target.dataDir, file, force);
    if (movedTo) note = ` The database that was there is now in ${shown(movedTo)}.`;
  }
  console.log(`Restored ${given} into ${describeTarget(target)} (${seconds(started)}).${note}`);
  console.log("`npm start` applies any newer migrations on its next start.");
});
