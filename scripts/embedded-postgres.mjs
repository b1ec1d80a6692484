// The embedded database: PGlite (PostgreSQL compiled to WebAssembly) served over the ordinary
// PostgreSQL wire protocol on 127.0.0.1, so the app and Prisma's CLI talk to it exactly as they
// would to a real server.
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import http from "node:http";
import net from "node:net";

// The server drops connections beyond this limit instead of queueing them. The app's pool
// (DATABASE_POOL_MAX, 1 in embedded mode) plus the migration engine, the live-update reader and
// a test run's pools must stay below it.
export const EMBEDDED_MAX_CONNECTIONS = 48;

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * The data directory's owner listens on this Unix socket, beside the directory. PGlite is one
 * process: a second PGlite on the same files corrupts them, so whoever opens a data directory
 * (`npm start`, backup, restore) claims the socket first; a backup of a running app asks the
 * owner for the dump through it.
 */
export function controlSocketPath(dataDir) {
  return `${dataDir}.sock`;
}

export class DataDirInUseError extends Error {
  constructor(dataDir, owner) {
    super(`${dataDir} is in use by another process${owner?.pid ? ` (pid ${owner.pid})` : ""}`);
    this.name = "DataDirInUseError";
    this.owner = owner;
  }
}

/** Asks the data directory's owner a question; resolves to undefined when nobody owns it. */
export function askOwner(dataDir, pathname, { timeoutMs = 600_000 } = {}) {
  return new Promise((resolve, reject) => {
    const request = http.get({ socketPath: controlSocketPath(dataDir), path: pathname, timeout: timeoutMs }, (res) => {
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    request.on("timeout", () => request.destroy(new Error(`no answer from ${controlSocketPath(dataDir)}`)));
    request.on("error", (error) => {
      // No socket, or one left behind by a process that died (kill -9): nobody owns the directory.
      if (error.code === "ENOENT" || error.code === "ECONNREFUSED") resolve(undefined);
      else reject(error);
    });
  });
}

async function ownerStatus(dataDir) {
  const answer = await askOwner(dataDir, "/status", { timeoutMs: 10_000 });
  if (!answer) return undefined;
  try {
    return JSON.parse(answer.body.toString("utf8"));
  } catch {
    return {};
  }
}

/**
 * Claims the data directory (see controlSocketPath) and answers on its socket: GET /status, and
 * GET /dump when `dump` is given. Throws DataDirInUseError when a live process owns it.
 */
export async function claimDataDir(dataDir, { status = () => ({}), dump } = {}) {
  const socketPath = controlSocketPath(dataDir);
  const server = http.createServer((req, res) => {
    if (req.url === "/status") {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ pid: process.pid, ...status() }));
    } else if (req.url === "/dump" && dump) {
      dump().then(
        (bytes) => {
          res.setHeader("content-type", "application/gzip");
          res.end(bytes);
        },
        (error) => {
          res.statusCode = 500;
          res.end(error instanceof Error ? error.message : String(error));
        },
      );
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  const listen = () =>
    new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(socketPath, () => {
        server.off("error", reject);
        resolve();
      });
    });
  try {
    await listen();
  } catch (error) {
    if (error.code !== "EADDRINUSE") throw error;
    const owner = await ownerStatus(dataDir);
    if (owner) throw new DataDirInUseError(dataDir, owner);
    rmSync(socketPath, { force: true });
    await listen();
  }
  // Only this user may ask for a dump of the database.
  chmodSync(socketPath, 0o600);
  return {
    async release() {
      await new Promise((resolve) => server.close(() => resolve()));
      rmSync(socketPath, { force: true });
    },
  };
}

/** True when the directory is missing or empty: nothing to lose. */
export function isEmptyDataDir(dataDir) {
  return !existsSync(dataDir) || readdirSync(dataDir).length === 0;
}

/**
 * Opens PGlite on `dataDir` (in memory without one). `loadDataDir` (a Blob of PGlite's
 * dumpDataDir) fills a new, empty directory. With a directory, the caller owns it until close().
 */
export async function openPGlite({ dataDir, loadDataDir, serveDumps = false, status } = {}) {
  const { PGlite } = await import("@electric-sql/pglite");
  // The migrations create it (search over unaccented text); PGlite ships it as a contrib module.
  const { unaccent } = await import("@electric-sql/pglite/contrib/unaccent");
  let claim;
  let db;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    claim = await claimDataDir(dataDir, {
      status,
      // CHECKPOINT first so the copy needs little recovery; PGlite runs the dump exclusively,
      // between queries, so it is a consistent (crash-consistent) image of committed data.
      dump: serveDumps
        ? async () => {
            await db.query("CHECKPOINT");
            return Buffer.from(await (await db.dumpDataDir("gzip")).arrayBuffer());
          }
        : undefined,
    });
  }
  try {
    db = await PGlite.create({
      extensions: { unaccent },
      // PostgreSQL's buffer cache lives in PGlite's WebAssembly memory, inside this process. At
      // the default 128 MB the process held ~350 MB after a few queries on the demo; at 32 MB,
      // ~250 MB and no slower on it. The data files stay in the operating system's cache too.
      startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=32MB"],
      ...(dataDir ? { dataDir } : {}),
      ...(loadDataDir ? { loadDataDir } : {}),
    });
  } catch (error) {
    await claim?.release();
    throw error;
  }
  return {
    db,
    async close() {
      await db.close();
      await claim?.release();
    },
  };
}

export async function startEmbeddedPostgres({ dataDir, port } = {}) {
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  let url;
  const pglite = await openPGlite({ dataDir, serveDumps: true, status: () => ({ url }) });
  let server;
  // A port freePort() found can be taken by another process before we listen (other test runs
  // share the machine): then take another.
  for (let attempt = 1; ; attempt++) {
    const listenPort = port ?? (await freePort());
    url = `postgresql://postgres:postgres@127.0.0.1:${listenPort}/postgres?sslmode=disable`;
    server = new PGLiteSocketServer({
      db: pglite.db,
      host: "127.0.0.1",
      port: listenPort,
      maxConnections: EMBEDDED_MAX_CONNECTIONS,
    });
    try {
      await server.start();
      break;
    } catch (error) {
      if (port === undefined && error?.code === "EADDRINUSE" && attempt < 5) continue;
      await pglite.close();
      throw error;
    }
  }
  return {
    url,
    async stop() {
      await server.stop();
      await pglite.close();
    },
  };
}
