#!/usr/bin/env node
// `npm start` (and `npm run dev` with --dev): one command from a fresh clone to a running app.
// Uses DATABASE_URL when set, else the embedded PostgreSQL in .data/pglite; applies migrations;
// builds when the sources changed since the last build; then serves on PORT (default 3000).
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DataDirInUseError, startEmbeddedPostgres } from "./embedded-postgres.mjs";
import { runPrisma } from "./prisma.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// PARLEY_DATA_DIR: where the embedded database and the generated AUTH_SECRET live (default .data).
const dataDir = path.resolve(root, process.env.PARLEY_DATA_DIR || ".data");
const dev = process.argv.includes("--dev");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const port = process.env.PORT || "3000";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function fail(message) {
  console.error(`\nParley could not start: ${message}`);
  process.exit(1);
}

function authSecret() {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  console.log(`Parley: generated AUTH_SECRET in ${path.relative(root, file)} (kept for later starts)`);
  return secret;
}

const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "prisma/demo",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
];

function sourceFingerprint() {
  const hash = createHash("sha256");
  const visit = (relative) => {
    const full = path.join(root, relative);
    if (!existsSync(full) || relative.startsWith(path.join("lib", "generated"))) return;
    const stat = statSync(full);
    if (stat.isDirectory()) {
      for (const name of readdirSync(full).sort()) visit(path.join(relative, name));
    } else {
      hash.update(`${relative}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  BUILD_INPUTS.forEach(visit);
  return hash.digest("hex");
}

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function ensureBuild() {
  const stamp = path.join(root, ".next", "parley-source-fingerprint");
  const fingerprint = sourceFingerprint();
  if (
    existsSync(path.join(root, ".next", "BUILD_ID")) &&
    existsSync(stamp) &&
    readFileSync(stamp, "utf8") === fingerprint
  )
    return;
  console.log("Parley: building the app (first start or changed sources)…");
  if ((await run(process.execPath, [nextBin, "build"])) !== 0) fail("the build failed (see above).");
  writeFileSync(stamp, fingerprint);
}

async function waitUntilHealthy(url, child) {
  for (let attempt = 0; attempt < 600 && child.exitCode === null; attempt++) {
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

const started = Date.now();
let embedded;
if (!env.DATABASE_URL) {
  try {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pglite") });
  } catch (error) {
    if (!(error instanceof DataDirInUseError)) throw error;
    fail(`${error.message}: Parley is already running on this embedded database, or a backup or restore is.`);
  }
  env.DATABASE_URL = embedded.url;
  env.PARLEY_DATABASE_KIND = "embedded";
  // One connection: PGlite's socket server can interleave the messages of connections that
  // query at the same moment, so the app sends it one query at a time.
  env.DATABASE_POOL_MAX ??= "1";
  console.log(
    `Parley: using the embedded PostgreSQL in ${path.relative(root, path.join(dataDir, "pglite"))} (set DATABASE_URL to use your own server)`,
  );
} else {
  env.PARLEY_DATABASE_KIND ??= "postgresql";
}
env.AUTH_SECRET = authSecret();

const migration = await runPrisma(["migrate", "deploy"], { env, stdio: "pipe" });
if (migration.status !== 0) {
  await embedded?.stop();
  fail(`database migrations failed:\n${migration.stdout}${migration.stderr}`);
}

// PARLEY_SKIP_BUILD=1 serves the build in .next as it is (tests that reuse the build `npm test` made).
if (!dev && !(env.PARLEY_SKIP_BUILD === "1" && existsSync(path.join(root, ".next", "BUILD_ID")))) await ensureBuild();

const serve = dev ? [nextBin, "dev", "-p", port] : [path.join(root, "scripts", "serve.mjs"), "-p", port];
const server = spawn(process.execPath, serve, {
  cwd: root,
  env,
  stdio: "inherit",
});
let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  if (server.exitCode === null) server.kill("SIGTERM");
  await embedded?.stop().catch(() => {});
  process.exit(code);
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
server.on("exit", (code) => stop(code ?? 0));

const url = `http://localhost:${port}`;
if (await waitUntilHealthy(url, server)) {
  console.log(`\nParley is running at ${url}  (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}
