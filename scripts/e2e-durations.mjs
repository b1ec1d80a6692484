#!/usr/bin/env node
// Rewrites tests/e2e/durations.json, which balances the end-to-end shards, from the JSON reports of
// the last `npm test`: Vitest's (test-results/e2e-*.json, tests/e2e) and Playwright's
// (test-results/browser-*.json, tests/browser). Run it after adding or growing end-to-end files.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const resultsDir = path.join(root, "test-results");
const target = path.join(root, "tests", "e2e", "durations.json");

const seconds = {};
for (const report of readdirSync(resultsDir).filter((name) => /^e2e(-\d+)?\.json$/.test(name))) {
  const results = JSON.parse(readFileSync(path.join(resultsDir, report), "utf8"));
  for (const file of results.testResults ?? []) {
    const name = path.relative(path.join(root, "tests", "e2e"), file.name);
    seconds[name] = Math.max(1, Math.round((file.endTime - file.startTime) / 1000));
  }
}
/** The time a Playwright suite's tests took, those of its `describe` blocks included. */
function testSeconds(suite) {
  const own = (suite.specs ?? [])
    .flatMap((spec) => spec.tests ?? [])
    .flatMap((test) => test.results ?? [])
    .reduce((sum, result) => sum + (result.duration ?? 0), 0);
  return own / 1000 + (suite.suites ?? []).reduce((sum, inner) => sum + testSeconds(inner), 0);
}
for (const report of readdirSync(resultsDir).filter((name) => /^browser(-\d+)?\.json$/.test(name))) {
  const results = JSON.parse(readFileSync(path.join(resultsDir, report), "utf8"));
  // Each top-level suite is one file of tests/browser.
  for (const file of results.suites ?? []) seconds[file.file] = Math.max(1, Math.round(testSeconds(file)));
}
if (Object.keys(seconds).length === 0) {
  console.error(`No end-to-end reports in ${resultsDir}: run npm test first.`);
  process.exit(1);
}
const sorted = Object.fromEntries(Object.entries(seconds).sort(([a, x], [b, y]) => y - x || a.localeCompare(b)));
writeFileSync(target, `${JSON.stringify({ seconds: sorted }, null, 2)}\n`);
console.log(`${Object.keys(sorted).length} files written to ${path.relative(root, target)}`);
