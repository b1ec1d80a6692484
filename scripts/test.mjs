#!/usr/bin/env node
// `npm test`: typecheck, unit tests, integration tests on a fresh real PostgreSQL database and
// again on an in-memory embedded PGlite, then the end-to-end tests in Chromium against a built app.
// Stops at the first failing step; ends with `N passed, M failed` and a non-zero exit on failure.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase, dropTestDatabase, migrateDatabase, randomSecret, startEmbeddedPostgres } from "../tests/support/provision.mjs";
import { runPrisma } from "./prisma.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const resultsDir = path.join(root, "test-results");
const bin = {
  tsc: path.join(root, "node_modules", "typescript", "bin", "tsc"),
  vitest: path.join(root, "node_modules", "vitest", "vitest.mjs"),
  next: path.join(root, "node_modules", "next", "dist", "bin", "next"),
};
process.env.NEXT_TELEMETRY_DISABLED = "1";
const DISPOSABLE = "PARLEY_TEST_DISPOSABLE_DATABASE_URL";

const totals = { passed: 0, failed: 0 };
const timings = [];

function run(command, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    const forward = (signal) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** Runs one Vitest project and adds its counts to the totals; resolves to its exit code. */
async function vitest(project, label, env = process.env) {
  const report = path.join(resultsDir, `${label}.json`);
  rmSync(report, { force: true });
  const code = await run(process.execPath, [bin.vitest, "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], env);
  let passed = 0;
  let failed = 0;
  if (existsSync(report)) {
    const results = JSON.parse(readFileSync(report, "utf8"));
    passed = results.numPassedTests ?? 0;
    failed = results.numFailedTests ?? 0;
  }
  // A file that fails to load or a failing hook fails the run without failing a test.
  if (code !== 0 && failed === 0) failed = 1;
  totals.passed += passed;
  totals.failed += failed;
  return code;
}

async function step(name, work) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  let code;
  try {
    code = await work();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    code = 1;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${code === 0 ? "✓" : "✗"} ${name}: ${seconds} s`);
  console.log(`${code === 0 ? "✓" : "✗"} ${name} (${seconds} s)`);
  return code === 0;
}

async function prismaGenerate() {
  const result = await runPrisma(["generate"], { stdio: "pipe" });
  if (result.status !== 0) throw new Error(`prisma generate failed:\n${result.stdout}${result.stderr}`);
  return 0;
}

async function integrationOnPostgres() {
  const database = await createTestDatabase();
  try {
    return await vitest("integration", "integration-postgresql", {
      ...process.env,
      DATABASE_URL: database.url,
      [DISPOSABLE]: database.url,
      PARLEY_DATABASE_KIND: "postgresql",
      AUTH_SECRET: randomSecret(),
    });
  } finally {
    await dropTestDatabase(database.url);
  }
}

async function integrationOnEmbedded() {
  // In memory, served from this process while Vitest runs in a child.
  const server = await startEmbeddedPostgres();
  try {
    await migrateDatabase(server.url);
    return await vitest("integration", "integration-embedded", {
      ...process.env,
      DATABASE_URL: server.url,
      [DISPOSABLE]: server.url,
      PARLEY_DATABASE_KIND: "embedded",
      DATABASE_POOL_MAX: "1",
      AUTH_SECRET: randomSecret(),
    });
  } finally {
    await server.stop();
  }
}

async function build() {
  if (process.env.PARLEY_TEST_SKIP_BUILD === "1" && existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log("PARLEY_TEST_SKIP_BUILD=1: using the existing build in .next");
    return 0;
  }
  return run(process.execPath, [bin.next, "build"]);
}

async function endToEnd() {
  const database = await createTestDatabase();
  try {
    return await vitest("e2e", "e2e", {
      ...process.env,
      DATABASE_URL: database.url,
      PARLEY_DATABASE_KIND: "postgresql",
      AUTH_SECRET: randomSecret(),
    });
  } finally {
    await dropTestDatabase(database.url);
  }
}

const steps = [
  ["prisma generate", prismaGenerate],
  ["typecheck (tsc --noEmit)", () => run(process.execPath, [bin.tsc, "--noEmit"])],
  ["unit tests", () => vitest("unit", "unit")],
  ["integration tests on PostgreSQL", integrationOnPostgres],
  ["integration tests on embedded PGlite", integrationOnEmbedded],
  ["next build", build],
  ["end-to-end tests (Chromium)", endToEnd],
];

mkdirSync(resultsDir, { recursive: true });
const started = Date.now();
let ok = true;
for (const [name, work] of steps) {
  if (!ok) {
    timings.push(`- ${name}: skipped`);
    continue;
  }
  const failedBefore = totals.failed;
  ok = await step(name, work);
  // A failing typecheck, build or database setup fails no test; count it so the summary of a
  // failed run never reads "0 failed".
  if (!ok && totals.failed === failedBefore) totals.failed += 1;
}

console.log(`\n${timings.join("\n")}\ntotal: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(ok ? 0 : 1);
