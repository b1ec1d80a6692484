import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createWriteStream, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createTestDatabase, dropTestDatabase, freePort, randomSecret } from "../support/provision.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    adminEmail: string;
    adminPassword: string;
    serverLog: string;
  }
}

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
// `npm test` runs the end-to-end files in shards side by side, each with its own server and database.
const shard = process.env.PARLEY_E2E_SHARD;
const serverLog = path.join(root, "test-results", shard ? `e2e-server-${shard}.log` : "e2e-server.log");
const ADMIN_EMAIL = "admin@parley.test";

/**
 * Starts the built app with `next start` on a free port against the database `npm test` made for
 * this run (or, run alone, one made here), and hands its address to the tests through `inject`.
 * The app's first start creates the owner account and loads the demo workspace.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  let ownDatabase: string | undefined;
  if (!env.DATABASE_URL) {
    ownDatabase = (await createTestDatabase()).url;
    env.DATABASE_URL = ownDatabase;
    env.PARLEY_DATABASE_KIND = "postgresql";
  }
  env.PARLEY_DATABASE_KIND ??= "postgresql";
  env.AUTH_SECRET ??= randomSecret();
  env.PARLEY_ADMIN_EMAIL = ADMIN_EMAIL;
  env.PARLEY_ADMIN_PASSWORD = `e2e-${randomBytes(15).toString("base64url")}`;
  // Tests that exercise throttling name their own client in x-forwarded-for (tests/e2e/abuse.test.ts);
  // all others are one client, the loopback address, which registers more than a person would.
  env.PARLEY_TRUSTED_PROXY = "x-forwarded-for";
  env.PARLEY_REGISTER_ADDRESS_LIMIT ??= "500";
  // The fuzzer writes and exports far faster than a person; tests/e2e/api-tokens.test.ts reads the
  // allowance from the RateLimit header and uses it up on purpose.
  env.PARLEY_RATE_LIMIT_WRITES ??= "1000";
  env.PARLEY_RATE_LIMIT_EXPENSIVE_READS ??= "1000";
  // tests/e2e/deployment.test.ts reaches this server through a TLS-terminating proxy of its own,
  // which says so in X-Forwarded-Proto; direct requests are unchanged by it.
  env.AUTH_TRUST_HOST = "1";
  env.PARLEY_METRICS_TOKEN ??= randomSecret();
  // A short heartbeat and stall limit, so the live-stream tests wait seconds rather than tens of them.
  env.PARLEY_LIVE_HEARTBEAT_MS ??= "2000";
  env.PARLEY_LIVE_STALL_MS ??= "4000";
  // Workers seed their own data through the app's functions (and read these settings), so they
  // need the same values.
  for (const key of [
    "DATABASE_URL",
    "PARLEY_DATABASE_KIND",
    "AUTH_SECRET",
    "PARLEY_LIVE_HEARTBEAT_MS",
    "PARLEY_LIVE_STALL_MS",
    "PARLEY_METRICS_TOKEN",
  ] as const)
    process.env[key] = env[key];

  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log("e2e: no build in .next, building the app first…");
    const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, env, stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
  }

  mkdirSync(path.dirname(serverLog), { recursive: true });
  const log = createWriteStream(serverLog);
  let server: ChildProcess | undefined;
  const killOnExit = () => server?.kill("SIGKILL");
  process.once("exit", killOnExit);
  const teardown = async () => {
    process.off("exit", killOnExit);
    if (server) await stopServer(server);
    log.end();
    if (ownDatabase) await dropTestDatabase(ownDatabase);
  };

  // freePort() only finds a port that was free a moment ago: on a machine shared with other test
  // runs another process can take it first. Then next start exits at once; try another port.
  let baseUrl = "";
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    baseUrl = `http://localhost:${port}`;
    const started = spawn(process.execPath, [nextBin, "start", "-p", String(port)], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    server = started;
    let output = "";
    for (const stream of [started.stdout, started.stderr]) {
      stream?.on("data", (chunk: Buffer) => {
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
      await teardown();
      const tail = readFileSync(serverLog, "utf8").split("\n").slice(-40).join("\n");
      throw new Error(`${(error as Error).message}\n--- last lines of ${path.relative(root, serverLog)} ---\n${tail}`);
    }
  }

  project.provide("baseUrl", baseUrl);
  project.provide("adminEmail", ADMIN_EMAIL);
  project.provide("adminPassword", env.PARLEY_ADMIN_PASSWORD);
  project.provide("serverLog", serverLog);
  return teardown;
}

async function waitUntilHealthy(baseUrl: string, server: ChildProcess, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  let brokenSince: number | undefined;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`next start exited (${server.signalCode ?? server.exitCode}) before it was healthy`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
      // 503 means the database is not reachable yet; a lasting 500 means the app is broken.
      brokenSince = response.status === 500 ? (brokenSince ?? Date.now()) : undefined;
      if (brokenSince && Date.now() - brokenSince > 10_000) break;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${baseUrl}/api/health did not answer 200 (last: ${last})`);
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = once(server, "exit");
  server.kill("SIGTERM");
  const timer = setTimeout(() => server.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}
