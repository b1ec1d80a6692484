#!/usr/bin/env node
// `npm run bench:request-log`: what the structured request log and the request metrics cost per
// request (tests/bench/request-log.overhead.ts). Ends with `request-log ratio: <x.xx>` (with the
// log and metrics, over without, on a handler that does nothing: the worst case).
// PARLEY_BENCH_LOG_LEVEL=silent measures the hook and metrics without writing the lines.
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, "test-results", "bench");
const outFile = path.join(outDir, "request-log.json");
const logFile = path.join(outDir, "request-log.log");
mkdirSync(outDir, { recursive: true });
rmSync(outFile, { force: true });

const child = spawn(
  process.execPath,
  [
    path.join(root, "node_modules", "vitest", "vitest.mjs"),
    "run",
    "--config",
    "tests/bench/request-log.vitest.config.ts",
  ],
  {
    cwd: root,
    // The hook reads the validated environment; no database is used.
    env: {
      DATABASE_URL: "postgresql://parley@127.0.0.1:5432/unused",
      ...process.env,
      PARLEY_LOG_LEVEL: process.env.PARLEY_BENCH_LOG_LEVEL ?? "info",
      PARLEY_BENCH_OUT: outFile,
    },
    stdio: ["ignore", "pipe", "pipe"],
  },
);
const log = createWriteStream(logFile);
child.stdout.pipe(log);
child.stderr.pipe(log);
const code = await new Promise((resolve) => child.on("exit", (exitCode) => resolve(exitCode ?? 1)));
let result;
try {
  result = JSON.parse(readFileSync(outFile, "utf8"));
} catch {
  console.error(`the measurement failed (exit ${code}); see ${path.relative(root, logFile)}`);
  process.exit(1);
}
const load = os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(" ");
console.log(`request log + metrics on a do-nothing handler, ${result.requests} requests each way, load ${load}:`);
console.log(
  `  without: ${result.plainMicroseconds.toFixed(1)} µs of CPU per request (median of rounds; client and server in one process)`,
);
console.log(`  with:    ${result.loggedMicroseconds.toFixed(1)} µs of CPU per request`);
console.log(`  overhead: ${result.overheadMicroseconds.toFixed(1)} µs of CPU per request`);
console.log(`request-log ratio: ${result.ratio.toFixed(2)}`);
