// The built app for the end-to-end tests: scripts/serve.mjs (as `npm start` serves it) on a free
// port against a test database.
// Plain JavaScript so that the runner (scripts/test.mjs, which starts one server per shard and
// hands it to both test runners) and the Vitest and Playwright global setups (which start their
// own when run alone) share it; types in app-server.d.mts.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createWriteStream, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase, dropTestDatabase, freePort, randomSecret } from "./provision.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const serveScript = path.join(root, "scripts", "serve.mjs");
const ADMIN_EMAIL = "admin@parley.test";

/**
 * Where the test processes find a running server, and the settings they share with it: tests seed
 * their own data through the app's functions, which read the same database and settings.
 */
export const SERVER_ENV_KEYS = [
  "PARLEY_E2E_BASE_URL",
  "PARLEY_E2E_ADMIN_EMAIL",
  "PARLEY_E2E_ADMIN_PASSWORD",
  "PARLEY_E2E_SERVER_LOG",
  "DATABASE_URL",
  "PARLEY_DATABASE_KIND",
  "AUTH_SECRET",
  "PARLEY_LIVE_HEARTBEAT_MS",
  "PARLEY_LIVE_STALL_MS",
  "PARLEY_METRICS_TOKEN",
];

/**
 * Starts the built app (building it first when .next has no build) against `DATABASE_URL`, or a
 * database made here and dropped by `stop()`. The app's first start creates the owner account
 * and loads the demo workspace. `testEnv` holds SERVER_ENV_KEYS for the test processes. `env`, the
 * server's environment before these settings, is this process's unless given.
 */
export async function startAppServer({ shard, env: baseEnv = process.env } = {}) {
  const env = { ...baseEnv, NEXT_TELEMETRY_DISABLED: "1" };
  let ownDatabase;
  if (!env.DATABASE_URL) {
    ownDatabase = (await createTestDatabase()).url;
    env.DATABASE_URL = ownDatabase;
    env.PARLEY_DATABASE_KIND = "postgresql";
  }
  env.PARLEY_DATABASE_KIND ??= "postgresql";
  env.AUTH_SECRET ??= randomSecret();
  env.PARLEY_ADMIN_EMAIL = ADMIN_EMAIL;
  env.PARLEY_ADMIN_PASSWORD = `e2e-${randomBytes(15).toString("base64url")}`;
  // Tests that exercise throttling name their own client in x-forwarded-for (tests/browser/abuse.test.ts);
  // all others are one client, the loopback address, which registers more than a person would.
  env.PARLEY_TRUSTED_PROXY = "x-forwarded-for";
  env.PARLEY_REGISTER_ADDRESS_LIMIT ??= "500";
  // The fuzzer writes and exports far faster than a person; tests/browser/api-tokens.test.ts reads the
  // allowance from the RateLimit header and uses it up on purpose.
  env.PARLEY_RATE_LIMIT_WRITES ??= "1000";
  env.PARLEY_RATE_LIMIT_EXPENSIVE_READS ??= "1000";
  // tests/browser/deployment.test.ts reaches this server through a TLS-terminating proxy of its own,
  // which says so in X-Forwarded-Proto; direct requests are unchanged by it.
  env.AUTH_TRUST_HOST = "1";
  env.PARLEY_METRICS_TOKEN ??= randomSecret();
  // A short heartbeat and stall limit, so the live-stream tests wait seconds rather than tens of them.
  env.PARLEY_LIVE_HEARTBEAT_MS ??= "2000";
  env.PARLEY_LIVE_STALL_MS ??= "4000";
  const serverLog = path.join(root, "test-results", shard ? `e2e-server-${shard}.log` : "e2e-server.log");

  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log("e2e: no build in .next, building the app first…");
    const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, env, stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
  }

  mkdirSync(path.dirname(serverLog), { recursive: true });
  const log = createWriteStream(serverLog);
  let server;
  const killOnExit = () => server?.kill("SIGKILL");
  process.once("exit", killOnExit);
  const stop = async () => {
    process.off("exit", killOnExit);
    if (server) await stopServer(server);
    log.end();
    if (ownDatabase) await dropTestDatabase(ownDatabase);
  };

  // freePort() only finds a port that was free a moment ago: on a machine shared with other test
  // runs another process can take it first. Then the server exits at once; try another port.
  let baseUrl = "";
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    baseUrl = `http://localhost:${port}`;
    const started = spawn(process.execPath, [serveScript, "-p", String(port)], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    server = started;
    let output = "";
    for (const stream of [started.stdout, started.stderr]) {
      stream.on("data", (chunk) => {
        output += chunk;
        log.write(chunk);
      });
    }
    try {
      await waitUntilHealthy(baseUrl, started);
      break;
    } catch (error) {
      if (attempt < 3 && output.includes("EADDRINUSE")) {
        await stopServer(started);
        continue;
      }
      await stop();
      const tail = readFileSync(serverLog, "utf8").split("\n").slice(-40).join("\n");
      throw new Error(`${error.message}\n--- last lines of ${path.relative(root, serverLog)} ---\n${tail}`);
    }
  }

  env.PARLEY_E2E_BASE_URL = baseUrl;
  env.PARLEY_E2E_ADMIN_EMAIL = ADMIN_EMAIL;
  env.PARLEY_E2E_ADMIN_PASSWORD = env.PARLEY_ADMIN_PASSWORD;
  env.PARLEY_E2E_SERVER_LOG = serverLog;
  const testEnv = Object.fromEntries(SERVER_ENV_KEYS.map((key) => [key, env[key]]));
  return { baseUrl, testEnv, stop };
}

async function waitUntilHealthy(baseUrl, server, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  let brokenSince;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`the app server exited (${server.signalCode ?? server.exitCode}) before it was healthy`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
      // 503 means the database is not reachable yet; a lasting 500 means the app is broken.
      brokenSince = response.status === 500 ? (brokenSince ?? Date.now()) : undefined;
      if (brokenSince && Date.now() - brokenSince > 10_000) break;
    } catch (error) {
      last = error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${baseUrl}/api/health did not answer 200 (last: ${last})`);
}

async function stopServer(server) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = once(server, "exit");
  server.kill("SIGTERM");
  const timer = setTimeout(() => server.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * The server a test process should use: the one named in the environment (scripts/test.mjs
 * starts one per shard for both runners), or a new one, whose settings then go into this
 * process's environment for the test workers it starts. Resolves to the function that stops it.
 */
export async function useAppServer() {
  if (process.env.PARLEY_E2E_BASE_URL) return async () => {};
  const before = Object.fromEntries(SERVER_ENV_KEYS.map((key) => [key, process.env[key]]));
  const server = await startAppServer({ shard: process.env.PARLEY_E2E_SHARD });
  Object.assign(process.env, server.testEnv);
  return async () => {
    await server.stop();
    for (const [key, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}
