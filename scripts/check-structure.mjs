#!/usr/bin/env node
// The structure check `npm test` runs beside the linter (issue #11):
//   - no function or component in app/, components/ or lib/ over 80 lines, counted from its first
//     line to its last, nested functions included, as a reader sees them. The ones that were
//     already longer are listed in scripts/long-functions.json: a listed one may shrink, never
//     grow, and leaves the list once split (the list only gets shorter);
//   - nothing imports upwards: lib/ not from app/, components/ or prisma/ (the schema's seed and
//     demo data), components/ not from app/, and lib/platform/ (auth, database, HTTP, jobs, live
//     streams: what every feature stands on) not from the features beside it in lib/, only from
//     itself and lib/generated/; where platform code needs a feature's rule, the feature hands it
//     in (the live hub's grant check, the job worker's handlers). The few upward imports that
//     remain are listed in the same file. Relative specifiers count as the paths they resolve to.
// `--list` prints every long function and exits 0; `--update` rewrites the list to match the tree,
// for a commit that splits functions (an entry it adds or raises shows in that commit's diff).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const MAX_LINES = 80;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const FOLDERS = ["app", "components", "lib"];
// Generated code is not ours to split.
const SKIPPED = [path.join("lib", "generated")];

function sourceFiles(folder) {
  return readdirSync(path.join(root, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts"))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .filter((file) => !SKIPPED.some((skipped) => file.startsWith(skipped + path.sep)));
}

/** The name a reader would look for: the declaration's, or that of the variable, property or call it is given to. */
function nameOf(node) {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text;
  if (node.name) return node.name.getText();
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))
    return parent.name.getText();
  if (ts.isCallExpression(parent)) {
    const callee = parent.expression.getText().split("\n")[0];
    return `(callback of ${callee.length > 40 ? `${callee.slice(0, 40)}…` : callee})`;
  }
  return "(anonymous)";
}

function longFunctions(file) {
  const text = readFileSync(path.join(root, file), "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found = [];
  const visit = (node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
      const lines = end - start + 1;
      if (lines > MAX_LINES) found.push({ file, line: start, name: nameOf(node), lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const LIST_FILE = path.join(root, "scripts", "long-functions.json");
const PLATFORM = path.join("lib", "platform");
// `except` narrows `to`: lib/platform/ may import lib/ only below itself.
const UPWARD = [
  { from: "lib", to: ["@/app/", "@/components/", "@/prisma/"] },
  { from: "components", to: ["@/app/"] },
  { from: PLATFORM, to: ["@/lib/"], except: ["@/lib/platform/", "@/lib/generated/"] },
];

/** file › name, numbered when a file has two functions of the same name (e.g. two callbacks of map). */
function keyed(found) {
  const seen = new Map();
  return found.map((f) => {
    const base = `${f.file} › ${f.name}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { ...f, key: n === 1 ? base : `${base} #${n}` };
  });
}

/** "./anchor" in lib/evidence/suggest.ts as "@/lib/evidence/anchor"; other specifiers as written. */
function aliased(file, specifier) {
  if (!specifier.startsWith(".")) return specifier;
  return `@/${path.posix.join(path.posix.dirname(file.split(path.sep).join("/")), specifier)}`;
}

function upwardImports(file) {
  const rules = UPWARD.filter((r) => file.startsWith(r.from + path.sep));
  if (rules.length === 0) return [];
  const text = readFileSync(path.join(root, file), "utf8");
  return [...text.matchAll(/(?:from|import\()\s*["']([^"']+)["']/g)]
    .map((m) => m[1])
    .filter((specifier) => {
      const target = aliased(file, specifier);
      return rules.some(
        (rule) =>
          rule.to.some((prefix) => target.startsWith(prefix)) &&
          !(rule.except ?? []).some((prefix) => target.startsWith(prefix)),
      );
    })
    .map((specifier) => `${file} → ${specifier}`);
}

const files = FOLDERS.flatMap(sourceFiles);
const long = keyed(files.flatMap(longFunctions)).sort((a, b) => b.lines - a.lines);
const upward = [...new Set(files.flatMap(upwardImports))].sort();

if (process.argv.includes("--list")) {
  for (const { file, line, name, lines } of long) console.log(`${lines} lines  ${name}  ${file}:${line}`);
  console.log(`${long.length} functions over ${MAX_LINES} lines; ${upward.length} upward imports`);
  process.exit(0);
}

const problems = [];
if (process.argv.includes("--update")) {
  const longFunctions = Object.fromEntries(long.map((f) => [f.key, f.lines]));
  writeFileSync(LIST_FILE, `${JSON.stringify({ longFunctions, upwardImports: upward }, null, 2)}\n`);
  console.log(`${path.relative(root, LIST_FILE)}: ${long.length} long functions, ${upward.length} upward imports`);
  process.exit(0);
}

const listed = JSON.parse(readFileSync(LIST_FILE, "utf8"));
for (const f of long) {
  const allowed = listed.longFunctions[f.key];
  if (allowed === undefined)
    problems.push(`${f.file}:${f.line} ${f.name} is ${f.lines} lines (at most ${MAX_LINES}): split it`);
  else if (f.lines > allowed)
    problems.push(`${f.file}:${f.line} ${f.name} grew to ${f.lines} lines (listed at ${allowed}): split it`);
}
for (const u of upward) if (!listed.upwardImports.includes(u)) problems.push(`upward import ${u}`);

// A stale entry would let a function grow back unseen: the list follows every split.
const update = "run `node scripts/check-structure.mjs --update`";
const current = new Set(long.map((f) => f.key));
for (const key of Object.keys(listed.longFunctions))
  if (!current.has(key)) problems.push(`${key} is no longer over ${MAX_LINES} lines: ${update}`);
for (const u of listed.upwardImports) if (!upward.includes(u)) problems.push(`${u} is gone: ${update}`);

if (problems.length > 0) {
  console.log(problems.join("\n"));
  console.log(`structure check: ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
  process.exit(1);
}
console.log(
  `structure check: ${long.length} listed long functions, ${upward.length} listed upward imports, nothing new`,
);
