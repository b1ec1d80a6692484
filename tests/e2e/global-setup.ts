import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readFileSync } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createTestDatabase, dropTestDatabase, freePort, randomSecret } from "../support/provision.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    adminEmail: string;
    adminPassword: string;
  }
}

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const serverLog = path.join(root, "test-results", "e2e-server.log");
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
  // Workers seed their own data through the app's functions, so they need the same database.
  for (const key of ["DATABASE_URL", "PARLEY_DATABASE_KIND", "AUTH_SECRET"] as const) process.env[key] = env[key];

  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log("e2e: no build in .next, building the app first…");
    const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, env, stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
  }

  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  mkdirSync(path.dirname(serverLog), { recursive: true });
  const log = createWriteStream(serverLog);
  const server = spawn(process.execPath, [nextBin, "start", "-p", String(port)], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  const killOnExit = () => server.kill("SIGKILL");
  process.once("exit", killOnExit);

  const teardown = async () => {
    process.off("exit", killOnExit);
    await stopServer(server);
    log.end();
    if (ownDatabase) await dropTestDatabase(ownDatabase);
  };

  try {
    await waitUntilHealthy(baseUrl, server);
  } catch (error) {
    await teardown();
    const tail = readFileSync(serverLog, "utf8").split("\n").slice(-40).join("\n");
    throw new Error(`${(error as Error).message}\n--- last lines of ${path.relative(root, serverLog)} ---\n${tail}`);
  }

  project.provide("baseUrl", baseUrl);
  project.provide("adminEmail", ADMIN_EMAIL);
  project.provide("adminPassword", env.PARLEY_ADMIN_PASSWORD);
  return teardown;
}

async function waitUntilHealthy(baseUrl: string, server: ChildProcess, timeoutMs = 90_000): Promise<void> {
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
