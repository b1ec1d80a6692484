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
const { suggestQuotes } = await load("lib/evidence/suggest.ts");
const { securityGuarantees: f } = await load("prisma/demo/security-guarantees.ts");
const text = process.argv[2];
const people = f.people.map((p) => ({
  id: p.key,
  name: p.name,
  aliases: p.aliases ?? [],
  role: p.role ?? null,
  party: p.party ?? null,
}));
const out = suggestQuotes(text, people, {
  issues: f.issues.map((i) => ({ key: i.key, title: i.title, description: i.description })),
  parties: f.parties.map((p) => ({ key: p.key, name: p.name, shortName: p.shortName })),
});
console.log(
  JSON.stringify(
    out.map((s) => ({
      text: s.text,
      sp: s.speaker?.name ?? s.speakerName,
      party: s.party?.key,
      issues: s.issues.map((i) => i.key + ":" + i.confidence),
      stance: s.stance,
    })),
    null,
    1,
  ),
);
