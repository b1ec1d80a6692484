import path from "node:path";
import { runnerImport } from "vite";

const root = "/work/wt/suggest14";
const load = async (file) =>
  (
    await runnerImport(path.join(root, file), {
      configFile: false,
      root,
      logLevel: "silent",
      resolve: { alias: { "@": root, "server-only": path.join(root, "tests/support/empty-module.ts") } },
    })
  ).module;
const { findNewsQuotes } = await load("lib/evidence/suggest-news.ts");
const text = process.argv[2];
console.log(findNewsQuotes(text, []).map((s) => [s.speakerName, s.text.slice(0, 50)]));
