#!/usr/bin/env node
// `npm test`: format and lint, the structure check, typecheck, unit tests, integration tests on a
// fresh real PostgreSQL database and again on an in-memory embedded PGlite, then the end-to-end
// tests against a built app (tests/e2e through Vitest over HTTP, tests/browser through Playwright in
// Chromium).
// Stops at the first failing step; ends with `N passed, M failed` and a non-zero exit on failure.
import { AsyncLocalStorage } from "node:async_hooks";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { balanceShards } from "../tests/e2e/shards.mjs";
import { startAppServer } from "../tests/support/app-server.mjs";
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
  playwright: path.join(root, "node_modules", "@playwright", "test", "cli.js"),
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

/**
 * Runs Vitest projects and adds their counts to the totals; resolves to its exit code. Arguments
 * after `--` (file filters, `-t name`) narrow it (`npm test -- stance`), unless `filters` is given.
 */
async function vitest(projects, label, env = process.env, extraArgs = [], filters = vitestFilters) {
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
      ...filters,
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

/** Playwright's errors and titles come with terminal colours; the summary is plain text. */
function plain(text = "") {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape that starts a colour code.
  return text.replace(/\u001b\[[0-9;]*m/g, "");
}

/** Runs the browser tests (playwright.config.ts) and adds their counts to the totals; resolves to its exit code. */
async function playwright(label, env, args) {
  const report = path.join(resultsDir, `${label}.json`);
  rmSync(report, { force: true });
  const code = await run(process.execPath, [bin.playwright, "test", "--reporter=list,json", ...args], {
    ...env,
    PLAYWRIGHT_JSON_OUTPUT_FILE: report,
    // The list reporter's colours would land in CI's plain log.
    FORCE_COLOR: "0",
  });
  let passed = 0;
  let failed = 0;
  if (existsSync(report)) {
    const results = JSON.parse(readFileSync(report, "utf8"));
    // A test that failed and then passed on a retry counts as passed (the config sets no retries).
    passed = (results.stats?.expected ?? 0) + (results.stats?.flaky ?? 0);
    failed = results.stats?.unexpected ?? 0;
    // The top-level suites are the files; the ones inside are `describe` blocks.
    const visit = (suite, titles) => {
      const inner = titles === undefined ? [] : [...titles, suite.title];
      for (const spec of suite.specs ?? []) {
        for (const test of spec.tests ?? []) {
          if (test.status !== "unexpected") continue;
          const messages = (test.results ?? []).flatMap((result) => (result.errors ?? []).map((e) => plain(e.message)));
          const where = path.join("tests", "browser", spec.file ?? suite.file ?? "");
          failures.push(`${label} · ${where} › ${[...inner, spec.title].join(" › ")}\n${firstLines(messages)}`);
        }
      }
      for (const child of suite.suites ?? []) visit(child, inner);
    };
    for (const suite of results.suites ?? []) visit(suite, undefined);
    // A file that fails to load or a failing global setup or hook outside a test.
    for (const error of results.errors ?? [])
      failures.push(`${label} (outside a test)\n${firstLines([plain(error.message ?? error.stack)])}`);
  }
  if (code !== 0 && failed === 0) failed = 1;
  totals.passed += passed;
  totals.failed += failed;
  return code;
}

// The end-to-end files: HTTP-level ones run by Vitest (tests/e2e), browser ones by Playwright
// (tests/browser). Both are named by their base names in tests/e2e/durations.json.
const E2E_RUNNERS = [
  { runner: "vitest", dir: path.join("tests", "e2e") },
  { runner: "playwright", dir: path.join("tests", "browser") },
];

function endToEndFiles() {
  return E2E_RUNNERS.flatMap(({ runner, dir }) =>
    readdirSync(path.join(root, dir))
      .filter((name) => name.endsWith(".test.ts"))
      .map((name) => ({ runner, name, file: path.join(dir, name) })),
  );
}

/**
 * The `--` arguments for the end-to-end runners: file filters choose files of either runner (a
 * file matches when its path contains one, as in Vitest); `-t name` becomes Playwright's `-g name`;
 * other options go to Vitest alone.
 */
function endToEndSelection() {
  const filters = [];
  const vitestOptions = [];
  const playwrightOptions = [];
  for (let i = 0; i < vitestFilters.length; i++) {
    const arg = vitestFilters[i];
    if (arg === "-t" || arg === "--testNamePattern") {
      const name = vitestFilters[++i] ?? "";
      vitestOptions.push(arg, name);
      playwrightOptions.push("-g", name);
    } else if (arg.startsWith("--testNamePattern=")) {
      vitestOptions.push(arg);
      playwrightOptions.push("-g", arg.slice("--testNamePattern=".length));
    } else if (arg.startsWith("-")) vitestOptions.push(arg);
    else filters.push(arg);
  }
  const files = endToEndFiles().filter(
    (file) => filters.length === 0 || filters.some((filter) => file.file.includes(path.normalize(filter))),
  );
  return { files, vitestOptions, playwrightOptions };
}

// The end-to-end files run in shards side by side (PARLEY_E2E_SHARDS, 2 by default), each with its
// own app server and database that both runners use: a test waits on the server and the browser
// more than it computes, so one shard leaves a core idle.
const E2E_SHARDS = Math.max(1, Number(process.env.PARLEY_E2E_SHARDS ?? 2) || 1);

/** One shard's files (all chosen ones when `shard` is undefined): the Vitest files, then the Playwright ones. */
async function endToEnd(files, shard) {
  const { vitestOptions, playwrightOptions } = endToEndSelection();
  if (files.length === 0) {
    console.log("e2e: no end-to-end file matches the filters");
    return 0;
  }
  const database = await createTestDatabase();
  const suffix = shard ? `-${shard}` : "";
  let server;
  try {
    server = await startAppServer({
      shard,
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        PARLEY_DATABASE_KIND: "postgresql",
        AUTH_SECRET: randomSecret(),
      },
    });
    console.log(`e2e${suffix}: app server at ${server.baseUrl}; ${files.map((file) => file.name).join(", ")}`);
    const env = { ...process.env, ...server.testEnv, ...(shard ? { PARLEY_E2E_SHARD: String(shard) } : {}) };
    const chosen = (runner) => files.filter((file) => file.runner === runner).map((file) => file.file);
    let code = 0;
    if (chosen("vitest").length > 0) code = await vitest("e2e", `e2e${suffix}`, env, vitestOptions, chosen("vitest"));
    if (chosen("playwright").length > 0) {
      const browserCode = await playwright(`browser${suffix}`, env, [...playwrightOptions, ...chosen("playwright")]);
      code ||= browserCode;
    }
    return code;
  } finally {
    await server?.stop();
    await dropTestDatabase(database.url);
  }
}

// With file filters (`npm test -- name`) one run takes the chosen files.
const endToEndLanes =
  vitestFilters.length === 0
    ? balanceShards(endToEndFiles(), E2E_SHARDS).map((files, i) => [
        ["e2e", `end-to-end tests, shard ${i + 1}/${E2E_SHARDS}`, () => endToEnd(files, i + 1)],
      ])
    : [[["e2e", "end-to-end tests", () => endToEnd(endToEndSelection().files)]]];

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
