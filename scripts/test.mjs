#!/usr/bin/env node
// `npm test`: format and lint, the structure check, typecheck, unit tests, integration tests on a
// fresh real PostgreSQL database and again on an in-memory embedded PGlite, then the end-to-end
// tests in Chromium against a built app.
// Stops at the first failing step; ends with `N passed, M failed` and a non-zero exit on failure.
import { AsyncLocalStorage } from "node:async_hooks";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  createTestDatabase,
  dropTestDatabase,
  migrateDatabase,
  randomSecret,
  startEmbeddedPostgres,
} from "../tests/support/provision.mjs";
import { runPrisma } from "./prisma.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const resultsDir = path.join(root, "test-results");
const bin = {
  tsc: path.join(root, "node_modules", "typescript", "bin", "tsc"),
  vitest: path.join(root, "node_modules", "vitest", "vitest.mjs"),
  next: path.join(root, "node_modules", "next", "dist", "bin", "next"),
  biome: path.join(root, "node_modules", "@biomejs", "biome", "bin", "biome"),
};
process.env.NEXT_TELEMETRY_DISABLED = "1";
const DISPOSABLE = "PARLEY_TEST_DISPOSABLE_DATABASE_URL";
const separator = process.argv.indexOf("--");
const vitestFilters = separator === -1 ? process.argv.slice(2) : process.argv.slice(separator + 1);

const totals = { passed: 0, failed: 0 };
const timings = [];
/** Each failed test's step, file, name and first lines of error, repeated at the very end of the log. */
const failures = [];
/** The output of a step that runs beside others, printed whole when it ends so logs do not interleave. */
const stepOutput = new AsyncLocalStorage();

function run(command, args, env = process.env) {
  const output = stepOutput.getStore();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: output ? ["ignore", "pipe", "pipe"] : "inherit" });
    if (output) {
      child.stdout.on("data", (chunk) => output.push(chunk));
      child.stderr.on("data", (chunk) => output.push(chunk));
    }
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

/** The start of a failure's messages: enough to name the cause in a log that only keeps its tail. */
function firstLines(messages = []) {
  return messages
    .filter(Boolean)
    .join("\n")
    .split("\n")
    .filter((line) => !/^\s*at .*(node_modules|node:internal|<anonymous>)/.test(line))
    .slice(0, 12)
    .map((line) => `    ${line}`)
    .join("\n");
}

/** Runs Vitest projects and adds their counts to the totals; resolves to its exit code. */
async function vitest(projects, label, env = process.env, extraArgs = []) {
  // Arguments after `--` (file filters, `-t name`) narrow every Vitest step: `npm test -- stance`.
  const report = path.join(resultsDir, `${label}.json`);
  rmSync(report, { force: true });
  const code = await run(
    process.execPath,
    [
      bin.vitest,
      "run",
      ...[projects].flat().flatMap((project) => ["--project", project]),
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${report}`,
      ...extraArgs,
      ...vitestFilters,
    ],
    env,
  );
  let passed = 0;
  let failed = 0;
  if (existsSync(report)) {
    const results = JSON.parse(readFileSync(report, "utf8"));
    passed = results.numPassedTests ?? 0;
    failed = results.numFailedTests ?? 0;
    for (const file of results.testResults ?? []) {
      const where = path.relative(root, file.name);
      const failedTests = (file.assertionResults ?? []).filter((test) => test.status === "failed");
      for (const test of failedTests)
        failures.push(`${label} · ${where} › ${test.fullName ?? test.title}\n${firstLines(test.failureMessages)}`);
      if (failedTests.length === 0 && file.status === "failed")
        failures.push(`${label} · ${where} (the file failed to load or a hook failed)\n${firstLines([file.message])}`);
    }
  }
  // A file that fails to load or a failing hook fails the run without failing a test.
  if (code !== 0 && failed === 0) failed = 1;
  totals.passed += passed;
  totals.failed += failed;
  return code;
}

async function step(name, work, { beside = false } = {}) {
  const started = Date.now();
  console.log(beside ? `\n▶ ${name} (started; its output follows when it ends)` : `\n▶ ${name}`);
  const output = beside ? [] : undefined;
  let code;
  try {
    code = await (output ? stepOutput.run(output, work) : work());
  } catch (error) {
    (output ?? []).push(Buffer.from(`${error instanceof Error ? error.message : error}\n`));
    if (!output) console.error(error instanceof Error ? error.message : error);
    code = 1;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${code === 0 ? "✓" : "✗"} ${name}: ${seconds} s`);
  if (output) {
    console.log(`\n▼ ${name}`);
    process.stdout.write(Buffer.concat(output));
  }
  console.log(`${code === 0 ? "✓" : "✗"} ${name} (${seconds} s)`);
  return code === 0;
}

async function prismaGenerate() {
  const result = await runPrisma(["generate"], { stdio: "pipe" });
  if (result.status !== 0) throw new Error(`prisma generate failed:\n${result.stdout}${result.stderr}`);
  return 0;
}

// The shared-process project, then the files that need a module graph of their own (vitest.config.ts).
const INTEGRATION_PROJECTS = ["integration", "integration-isolated"];

async function integrationOnPostgres() {
  const database = await createTestDatabase();
  try {
    return await vitest(INTEGRATION_PROJECTS, "integration-postgresql", {
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
    return await vitest(INTEGRATION_PROJECTS, "integration-embedded", {
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

// The end-to-end files run in shards side by side (PARLEY_E2E_SHARDS, 2 by default), each with its
// own app server and database: a test waits on the server and the browser more than it computes,
// so one shard leaves a core idle.
const E2E_SHARDS = Math.max(1, Number(process.env.PARLEY_E2E_SHARDS ?? 2) || 1);

async function endToEnd(shard) {
  const database = await createTestDatabase();
  try {
    const sharded = vitestFilters.length === 0;
    return await vitest(
      "e2e",
      sharded ? `e2e-${shard}` : "e2e",
      {
        ...process.env,
        DATABASE_URL: database.url,
        PARLEY_DATABASE_KIND: "postgresql",
        AUTH_SECRET: randomSecret(),
        ...(sharded ? { PARLEY_E2E_SHARD: String(shard) } : {}),
      },
      sharded ? [`--shard=${shard}/${E2E_SHARDS}`] : [],
    );
  } finally {
    await dropTestDatabase(database.url);
  }
}

// With file filters (`npm test -- name`) one run takes the chosen files.
const endToEndLanes =
  vitestFilters.length === 0
    ? Array.from({ length: E2E_SHARDS }, (_, i) => [
        ["e2e", `end-to-end tests (Chromium), shard ${i + 1}/${E2E_SHARDS}`, () => endToEnd(i + 1)],
      ])
    : [[["e2e", "end-to-end tests (Chromium)", () => endToEnd(1)]]];

// A group's lanes run at the same time; the steps of a lane run in order. The build goes first and
// alone (it is CPU-bound, and two cores would only make it take turns); then the end-to-end tests,
// the longest step, run beside everything else, which mostly waits on databases (the tests are
// written to hold on a busy machine).
// PARLEY_TEST_SERIAL=1 runs every step one after the other, each one's output as it comes.
const allSteps = [
  [[["generate", "prisma generate", prismaGenerate]]],
  [
    [["lint", "format and lint (biome ci)", () => run(process.execPath, [bin.biome, "ci", "."])]],
    [
      [
        "structure",
        "structure check (long functions, upward imports)",
        () => run(process.execPath, [path.join(root, "scripts", "check-structure.mjs")]),
      ],
    ],
  ],
  [[["build", "next build", build]]],
  [
    ...endToEndLanes,
    [
      ["typecheck", "typecheck (tsc --noEmit)", () => run(process.execPath, [bin.tsc, "--noEmit"])],
      ["unit", "unit tests", () => vitest("unit", "unit")],
    ],
    [["postgresql", "integration tests on PostgreSQL", integrationOnPostgres]],
    [["embedded", "integration tests on embedded PGlite", integrationOnEmbedded]],
  ],
];
// PARLEY_TEST_STEPS=postgresql,embedded runs only those steps (for local work; CI runs all).
const chosen = process.env.PARLEY_TEST_STEPS?.split(",").map((name) => name.trim());
const serial = process.env.PARLEY_TEST_SERIAL === "1";
const groups = allSteps
  .map((group) =>
    group
      .map((lane) => lane.filter(([key]) => !chosen || key === "generate" || chosen.includes(key)))
      .filter((lane) => lane.length > 0),
  )
  .flatMap((group) => (serial ? group.flat().map((one) => [[one]]) : [group]))
  .filter((group) => group.length > 0);

/** Runs a lane's steps in order; a failed step skips the rest of its lane. */
async function runLane(lane, beside) {
  let laneOk = true;
  for (const [, name, work] of lane) {
    if (!laneOk) {
      timings.push(`- ${name}: skipped`);
      continue;
    }
    laneOk = await step(name, work, { beside });
  }
  return laneOk;
}

mkdirSync(resultsDir, { recursive: true });
const started = Date.now();
let ok = true;
for (const group of groups) {
  if (!ok) {
    for (const [, name] of group.flat()) timings.push(`- ${name}: skipped`);
    continue;
  }
  const failedBefore = totals.failed;
  const results = await Promise.all(group.map((lane) => runLane(lane, group.length > 1)));
  ok = results.every(Boolean);
  // A failing typecheck, build or database setup fails no test; count it so the summary of a
  // failed run never reads "0 failed".
  if (!ok && totals.failed === failedBefore) totals.failed += 1;
}

if (failures.length > 0) console.log(`\nFailed tests:\n${failures.map((failure) => `✗ ${failure}`).join("\n")}`);
console.log(`\n${timings.join("\n")}\ntotal: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(ok ? 0 : 1);
