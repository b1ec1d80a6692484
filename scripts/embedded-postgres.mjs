// The embedded database: PGlite (PostgreSQL compiled to WebAssembly) served over the ordinary
// PostgreSQL wire protocol on 127.0.0.1, so the app and Prisma's CLI talk to it exactly as they
// would to a real server.
import { mkdirSync } from "node:fs";
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

export async function startEmbeddedPostgres({ dataDir, port } = {}) {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ? { dataDir } : {});
  const listenPort = port ?? (await freePort());
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: listenPort, maxConnections: EMBEDDED_MAX_CONNECTIONS });
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${listenPort}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
