#!/usr/bin/env node
// `npm run backup -- FILE [--force]`: writes a restorable copy of the whole database that
// `npm start` would use, whether the app is running or not.
//   PostgreSQL (DATABASE_URL): pg_dump's custom format, one consistent snapshot; needs pg_dump
//     of the server's major version or newer (PARLEY_PG_BIN names its folder if not on the PATH).
//   Embedded (.data/pglite, or PARLEY_DATA_DIR/pglite): PGlite's own dump of its data directory
//     (a .tar.gz). A running app holds the directory, so the app makes the dump, between two
//     queries; a stopped one is opened here.
// The file appears only once complete (written beside it, then renamed).
import { spawn } from "node:child_process";
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  BackupError,
  describeTarget,
  fileArgument,
  libpqEnv,
  main,
  megabytes,
  postgresTool,
  seconds,
  serverMajorVersion,
  targetDatabase,
} from "./backup-files.mjs";
import { askOwner, DataDirInUseError, isEmptyDataDir, openPGlite } from "./embedded-postgres.mjs";

const USAGE = "usage: npm run backup -- FILE [--force]   (--force overwrites an existing FILE)";

async function dumpPostgres(url, partial) {
  const serverMajor = await serverMajorVersion(url);
  const pgDump = postgresTool("pg_dump", serverMajor);
  const child = spawn(pgDump.command, ["--format=custom", "--file", partial], {
    env: libpqEnv(url),
    stdio: ["ignore", "inherit", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const code = await new Promise((resolve) => child.on("close", resolve));
  if (code !== 0) throw new BackupError(`pg_dump failed (exit ${code}):\n${stderr.trim()}`);
  return `pg_dump ${pgDump.major}, server PostgreSQL ${serverMajor}`;
}

async function dumpEmbedded(dataDir, partial) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const answer = await askOwner(dataDir, "/dump");
    if (answer) {
      if (answer.status !== 200) throw new BackupError(`the running app could not dump: ${answer.body.toString()}`);
      writeFileSync(partial, answer.body);
      return "dumped by the running app";
    }
    if (isEmptyDataDir(dataDir)) {
      throw new BackupError(`there is no embedded database in ${dataDir} (start the app once to create it)`);
    }
    try {
      const pglite = await openPGlite({ dataDir });
      try {
        const dump = await pglite.db.dumpDataDir("gzip");
        writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
      } finally {
        await pglite.close();
      }
      return "the app was not running";
    } catch (error) {
      // The app started between the question and the claim: ask it instead.
      if (!(error instanceof DataDirInUseError)) throw error;
    }
  }
  throw new BackupError(`could not get hold of ${dataDir}: it keeps changing hands`);
}

await main(async () => {
  const { given, file, force } = fileArgument(USAGE);
  if (existsSync(file) && !force) throw new BackupError(`${given} already exists (add --force to overwrite it)`);
  if (!existsSync(path.dirname(file))) throw new BackupError(`folder ${path.dirname(given)} does not exist`);

  const target = targetDatabase();
  const started = Date.now();
  const partial = `${file}.partial-${process.pid}`;
  try {
    const how =
      target.kind === "postgresql"
        ? await dumpPostgres(target.url, partial)
        : await dumpEmbedded(target.dataDir, partial);
    renameSync(partial, file);
    console.log(
      `Backed up ${describeTarget(target)} to ${given} (${megabytes(statSync(file).size)}, ${seconds(started)}; ${how}).`,
    );
  } finally {
    rmSync(partial, { force: true });
  }
});
