#!/usr/bin/env node
// `npm run eval:suggestions`: scores the quote-suggestion engine (lib/evidence/suggest.ts)
// against hand labels — the held-out articles (tests/fixtures/suggestions/heldout.json, split
// into a tuning set and the test sets test, test2, test3) and the five demo articles — and prints precision, recall,
// speaker, party and issue accuracy per set and per kind of document. Not a test: it exits 0
// whatever the figures (tests/unit/suggest-pipeline.test.ts guards them).
//
//   --errors        list false positives, misses and wrong speakers/issues of the tuning, demo and
//                   already-seen test sets (test, test2, test3: each was scored and reported before
//                   test4 was collected); never of an unseen set (UNSEEN_TESTS: test4), whose errors
//                   would spoil it
//   --json          print the rows as JSON instead of a table
//   --show <id>     print every suggestion of one document outside the unseen sets (speaker, party, issues)
//   --sets a,b      score only these sets (e.g. `--sets tuning,demo,test,test2` keeps a fresh test
//                   set unseen while rules change; it is run once, at the end)
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runnerImport } from "vite";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const load = async (file) =>
  (
    await runnerImport(path.join(root, file), {
      configFile: false,
      root,
      logLevel: "silent",
      resolve: { alias: { "@": root, "server-only": path.join(root, "tests", "support", "empty-module.ts") } },
    })
  ).module;

const { suggestQuotes } = await load("lib/evidence/suggest.ts");
const { evaluate, formatRows, UNSEEN_TESTS } = await load("tests/support/suggest-eval.ts");
const { loadDemo, loadHeldOut } = await load("tests/support/suggest-eval-data.ts");

const argv = process.argv.slice(2);
const args = new Set(argv);
const setsAt = argv.indexOf("--sets");
const onlySets = setsAt >= 0 ? new Set((argv[setsAt + 1] ?? "").split(",")) : null;
const documents = [...loadHeldOut(root), ...loadDemo(root)].filter((d) => !onlySets || onlySets.has(d.set));
const suggest = (doc) =>
  suggestQuotes(doc.text, doc.people, {
    issues: doc.issues,
    parties: doc.parties,
    author: doc.author ?? null,
    title: doc.title ?? null,
  });

const t0 = performance.now();
const { reports, rows } = evaluate(documents, suggest);
const ms = performance.now() - t0;

// The speed goal of issue #14: a 20,000-word document (a demo article repeated) in under 1 s.
const base = readFileSync(path.join(root, "prisma", "demo", "corpus", "004_a0234a12196ec47a.txt"), "utf8");
const big = Array.from({ length: Math.ceil(20_000 / base.split(/\s+/).length) }, () => base).join("\n\n");
const t1 = performance.now();
const cpu = process.cpuUsage();
const bigFound = suggestQuotes(big, []);
const bigMs = performance.now() - t1;
const bigCpu = process.cpuUsage(cpu);

if (args.has("--json")) {
  console.log(JSON.stringify(rows, null, 1));
} else {
  console.log(formatRows(rows));
  console.log(`\n${documents.length} documents scored in ${ms.toFixed(0)} ms`);
  console.log(
    `a ${big.split(/\s+/).length}-word document: ${bigFound.length} suggestions in ${bigMs.toFixed(0)} ms (${((bigCpu.user + bigCpu.system) / 1000).toFixed(0)} ms CPU; goal: under 1000 ms)`,
  );
}

const showAt = argv.indexOf("--show");
if (showAt >= 0) {
  const doc = documents.find((d) => d.id === argv[showAt + 1]);
  if (!doc || UNSEEN_TESTS.has(doc.set)) console.log(`\n--show: no seen document ${argv[showAt + 1]}`);
  else
    for (const s of suggest(doc))
      console.log(
        `[${s.speaker?.name ?? s.speakerName ?? "-"} | ${s.party?.key ?? "-"} | ${s.issues.map((i) => `${i.key}:${i.confidence}`).join(",")} | ${s.cue}] ${s.text.slice(0, 140)}`,
      );
}

if (args.has("--errors")) {
  for (const r of reports) {
    if (UNSEEN_TESTS.has(r.set)) continue;
    const lines = [
      ...r.falsePositives.map((x) => `  FP   [${x.speaker ?? "-"}] ${x.text}`),
      ...r.misses.map((x) => `  MISS [${x.speaker ?? "-"}] ${x.text}`),
      ...r.wrongSpeakers.map((x) => `  WHO  expected ${x.expected ?? "-"}, got ${x.got ?? "-"}: ${x.text}`),
      ...r.wrongIssues.map((x) => `  ISSUE expected [${x.expected}], got [${x.got}]: ${x.text}`),
    ];
    if (lines.length) console.log(`\n${r.set} ${r.id}\n${lines.join("\n")}`);
  }
}
