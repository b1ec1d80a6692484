// Loads the labelled articles for scoring quote suggestions: the held-out set
// (tests/fixtures/suggestions/heldout.json, texts in heldout/) and the five demo articles
// (prisma/demo/corpus, labels in tests/fixtures/suggestions/labels.json).

import { readFileSync } from "node:fs";
import path from "node:path";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import type { EvalDocument, EvalIssue, EvalParty, EvalPerson } from "./suggest-eval";

type Negotiation = { issues: EvalIssue[]; parties: EvalParty[]; people: EvalPerson[] };
type HeldOut = {
  negotiations: Record<string, Negotiation>;
  documents: {
    id: string;
    kind: string;
    negotiation: string;
    set: string;
    url: string;
    title: string;
    author: string | null;
  }[];
  labels: {
    doc: string;
    exact: string;
    occurrence?: number;
    speaker: string | null;
    party: string | null;
    issues: string[];
  }[];
};
type DemoLabel = { file: string; exact: string; speaker: string | null; occurrence?: number };

export const DEMO_PEOPLE: EvalPerson[] = securityGuarantees.people.map((p) => ({
  id: p.key,
  name: p.name,
  aliases: p.aliases,
  party: p.party ?? null,
  role: p.role,
}));

const DEMO_ISSUES: EvalIssue[] = securityGuarantees.issues.map((i) => ({ key: i.key, title: i.title }));
const DEMO_PARTIES: EvalParty[] = securityGuarantees.parties.map((p) => ({ key: p.key, name: p.name }));

export function loadHeldOut(root: string): EvalDocument[] {
  const dir = path.join(root, "tests", "fixtures", "suggestions");
  const data = JSON.parse(readFileSync(path.join(dir, "heldout.json"), "utf8")) as HeldOut;
  return data.documents.map((d) => {
    const negotiation = data.negotiations[d.negotiation];
    if (!negotiation) throw new Error(`${d.id}: unknown negotiation ${d.negotiation}`);
    return {
      id: d.id,
      kind: d.kind,
      set: d.set,
      title: d.title,
      author: d.author,
      text: readFileSync(path.join(dir, "heldout", `${d.id}.txt`), "utf8"),
      labels: data.labels.filter((l) => l.doc === d.id),
      people: negotiation.people,
      issues: negotiation.issues,
      parties: negotiation.parties,
    };
  });
}

export function loadDemo(root: string): EvalDocument[] {
  const labels = JSON.parse(
    readFileSync(path.join(root, "tests", "fixtures", "suggestions", "labels.json"), "utf8"),
  ) as DemoLabel[];
  const files = [...new Set(labels.map((l) => l.file))].sort();
  return files.map((file) => ({
    id: file,
    kind: "demo",
    set: "demo",
    text: readFileSync(path.join(root, "prisma", "demo", "corpus", file), "utf8"),
    labels: labels
      .filter((l) => l.file === file)
      .map((l) => {
        const person = DEMO_PEOPLE.find((p) => p.id === l.speaker);
        return {
          exact: l.exact,
          occurrence: l.occurrence,
          speaker: person?.name ?? null,
          party: person ? (person.party ?? null) : undefined,
        };
      }),
    people: DEMO_PEOPLE,
    issues: DEMO_ISSUES,
    parties: DEMO_PARTIES,
  }));
}
