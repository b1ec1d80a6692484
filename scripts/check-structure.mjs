#!/usr/bin/env node
// Lists the functions and components in app/, components/ and lib/ that run over 80 lines, longest
// first, and exits non-zero when there is one (`--list` only lists them and exits 0). A function's
// lines are those from its first to its last, nested functions included, as a reader sees them.
import { readdirSync, readFileSync } from "node:fs";
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

const long = FOLDERS.flatMap(sourceFiles)
  .flatMap(longFunctions)
  .sort((a, b) => b.lines - a.lines);
for (const { file, line, name, lines } of long) console.log(`${lines} lines  ${name}  ${file}:${line}`);
const listOnly = process.argv.includes("--list");
if (long.length > 0) {
  console.log(`${long.length} function${long.length === 1 ? "" : "s"} over ${MAX_LINES} lines: split them.`);
  if (!listOnly) process.exit(1);
} else {
  console.log(`no function over ${MAX_LINES} lines`);
}
