// What `npm run backup` and `npm run restore` share: which database `npm start` would use, the
// PostgreSQL client tools, and telling the two kinds of backup file apart.
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import pg from "pg";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export class BackupError extends Error {
  constructor(message) {
    super(message);
    this.name = "BackupError";
  }
}

/** The database `npm start` would use: DATABASE_URL, else the embedded one in PARLEY_DATA_DIR/pglite. */
export function targetDatabase() {
  if (process.env.DATABASE_URL) return { kind: "postgresql", url: process.env.DATABASE_URL };
  const dataDir = path.resolve(root, process.env.PARLEY_DATA_DIR || ".data");
  return { kind: "embedded", dataDir: path.join(dataDir, "pglite") };
}

/** A path as the user would type it: relative inside the current folder, else absolute. */
export function shown(file) {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}

export function describeTarget(target) {
  if (target.kind === "embedded") return `the embedded database in ${shown(target.dataDir)}`;
  const url = new URL(target.url);
  return `PostgreSQL database "${decodeURIComponent(url.pathname.slice(1))}" on ${url.host}`;
}

/**
 * The connection as libpq environment variables: passing them instead of the URL keeps the
 * password out of the process list, and Prisma-only URL parameters (`schema`, `connection_limit`)
 * away from pg_dump, which refuses unknown ones.
 */
export function libpqEnv(databaseUrl) {
  const url = new URL(databaseUrl);
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith("PG")) delete env[key];
  env.PGHOST = url.hostname.replace(/^\[|\]$/g, "") || "localhost";
  env.PGPORT = url.port || "5432";
  env.PGDATABASE = decodeURIComponent(url.pathname.slice(1)) || "postgres";
  if (url.username) env.PGUSER = decodeURIComponent(url.username);
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  const sslmode = url.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  const host = url.searchParams.get("host");
  if (host) env.PGHOST = host;
  return env;
}

export async function withClient(databaseUrl, work) {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`cannot connect to the database in DATABASE_URL: ${error.message}`);
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function serverMajorVersion(databaseUrl) {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query("SHOW server_version_num");
    return Math.floor(Number(rows[0].server_version_num) / 10000);
  });
}

/**
 * Finds pg_dump or pg_restore (PARLEY_PG_BIN names their folder; else PATH) and checks that it
 * is not older than the server: an older pg_dump refuses a newer server, and an older
 * pg_restore cannot read a newer pg_dump's file.
 */
export function postgresTool(name, serverMajor) {
  const command = process.env.PARLEY_PG_BIN ? path.join(process.env.PARLEY_PG_BIN, name) : name;
  const result = spawnSync(command, ["--version"], { encoding: "utf8" });
  if (result.error?.code === "ENOENT") {
    throw new BackupError(
      `${name} was not found${process.env.PARLEY_PG_BIN ? ` in PARLEY_PG_BIN (${process.env.PARLEY_PG_BIN})` : " on the PATH"}. ` +
        `Backups of a PostgreSQL database need PostgreSQL's client tools, version ${serverMajor} or newer ` +
        `(Debian/Ubuntu: apt-get install postgresql-client-${serverMajor}; macOS: brew install libpq), ` +
        "or set PARLEY_PG_BIN to the folder that holds them.",
    );
  }
  if (result.status !== 0) throw new BackupError(`${command} --version failed: ${result.stderr || result.error}`);
  const major = Number(/(\d+)(?:\.\d+)?/.exec(result.stdout)?.[1]);
  if (serverMajor !== undefined && major < serverMajor) {
    throw new BackupError(
      `${command} is version ${major}, older than the database server (PostgreSQL ${serverMajor}); it cannot ` +
        `${name === "pg_dump" ? "dump" : "restore into"} it. Install postgresql-client-${serverMajor} (or newer) ` +
        "and put it first on the PATH, or set PARLEY_PG_BIN to its bin folder.",
    );
  }
  return { command, major };
}

function readHead(file, length) {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(length);
    const read = readSync(fd, buffer, 0, length, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * "postgresql" for pg_dump's custom format (starts with PGDMP), "embedded" for PGlite's
 * dumpDataDir (a gzip'd tar of a PostgreSQL data directory, which holds PG_VERSION), else
 * throws a message that says what the file is not.
 */
export function backupKind(file) {
  if (!existsSync(file)) throw new BackupError(`${file}: no such file`);
  if (!statSync(file).isFile()) throw new BackupError(`${file} is not a file`);
  const head = readHead(file, 1 << 20);
  if (head.subarray(0, 5).toString("latin1") === "PGDMP") return "postgresql";
  if (head[0] === 0x1f && head[1] === 0x8b) {
    let tar;
    try {
      tar = gunzipSync(head, { finishFlush: 2 /* Z_SYNC_FLUSH: a prefix is enough */ });
    } catch {
      tar = Buffer.alloc(0);
    }
    // Tar headers are 512-byte blocks with the entry's name first and "ustar" at offset 257.
    if (tar.subarray(257, 262).toString("latin1") === "ustar" && tar.includes("PG_VERSION")) return "embedded";
  }
  throw new BackupError(
    `${file} is not a Parley backup: expected a file written by \`npm run backup\` ` +
      "(pg_dump's custom format for PostgreSQL, or a PGlite data directory dump for the embedded database)",
  );
}

export function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

export function megabytes(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The command line of backup and restore: one FILE (as given, and resolved) and whether --force
 * was given; anything else is refused with `usage`.
 */
export function fileArgument(usage) {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const files = args.filter((arg) => arg !== "--force");
  if (files.length !== 1 || files[0].startsWith("-")) throw new BackupError(usage);
  // `npm run` starts scripts in the project folder; a relative FILE means where npm was run.
  return { given: files[0], file: path.resolve(process.env.INIT_CWD ?? process.cwd(), files[0]), force };
}

/** Runs the script's main, printing a BackupError as one line and exiting 1. */
export async function main(work) {
  try {
    await work();
  } catch (error) {
    if (error instanceof BackupError) {
      console.error(`${path.basename(process.argv[1], ".mjs")}: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
