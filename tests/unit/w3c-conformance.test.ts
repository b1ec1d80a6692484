import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Ajv, { type ValidateFunction } from "ajv-draft-04";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { locateQuote } from "@/lib/evidence/anchor";
import type { EvidenceExport } from "@/lib/exports/model";
import { buildEvidenceAnnotations } from "@/lib/exports/w3c";
import { DEFAULT_POSITION_LABELS } from "@/lib/matrix/positions";
import { exportedQuote, linkedStatement } from "../support/evidence-export";

// The W3C export against the W3C's own test suite (tests/fixtures/w3c-anno-tests, see SOURCE.md):
// every assertion of its "Musts" tests for collections, pages and annotations, plus the
// recommended (SHOULD/MAY) assertions that apply to what Parley exports.

const SUITE = path.join(process.cwd(), "tests", "fixtures", "w3c-anno-tests");

type Assertion = { id: string; assertionType: string };

function jsonFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return jsonFiles(full);
    return entry.name.endsWith(".json") ? [full] : [];
  });
}

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const compiled = new Map<string, ValidateFunction>();

beforeAll(() => {
  for (const file of jsonFiles(path.join(SUITE, "definitions"))) ajv.addSchema(JSON.parse(readFileSync(file, "utf8")));
});

/** An assertion schema, compiled without its own id (two files in the suite share one). */
function assertion(suitePath: string): ValidateFunction {
  let validate = compiled.get(suitePath);
  if (!validate) {
    const { id: _id, ...schema } = JSON.parse(readFileSync(path.join(SUITE, suitePath), "utf8")) as Assertion;
    validate = ajv.compile(schema);
    compiled.set(suitePath, validate);
  }
  return validate;
}

function assertionsOf(testFile: string): string[] {
  return (JSON.parse(readFileSync(path.join(SUITE, testFile), "utf8")) as { assertions: string[] }).assertions;
}

/** The assertions (by suite path) that the document fails. */
function failures(document: unknown, assertions: readonly string[]): string[] {
  return assertions.filter((suitePath) => !assertion(suitePath)(document));
}

const text = "🇺🇦 Intro 😀 — the minister said: «We want guarantees, in writing», then left.";
const quote = locateQuote(text, "We want guarantees, in writing")!;

function model(): EvidenceExport {
  const evidence = (creator: EvidenceExport["evidence"][number]["creator"]) =>
    exportedQuote(quote, creator, [
      { relation: "SUPPORTS", statement: linkedStatement("DEMANDS", "Wants them in writing.") },
      { relation: "CONTEXT", statement: linkedStatement("OPPOSES", "Wants them in writing.") },
    ]);
  // A Russian original and the English passage paired with it.
  const original = evidence(null);
  original.document.language = "ru";
  const translation = { ...evidence(null), links: [], translationOfId: original.id };
  return {
    workspace: { id: randomUUID(), slug: "talks", title: "Talks" },
    positionLabels: DEFAULT_POSITION_LABELS,
    evidence: [evidence({ id: randomUUID(), name: "Analyst" }), evidence(null), original, translation],
  };
}

// Recommended assertions that apply to Parley's export (the others concern keys it does not use).
const COLLECTION_SHOULDS = [
  "collections/5.1-collectionLabelImplemented.json",
  "collections/5.1-collectionLastImplemented.json",
];
const PAGE_SHOULDS = ["collections/pages/5.2-pagePartOfImplemented.json"];
const ANNOTATION_SHOULDS = [
  "annotations/3.3.1-annotationCreatedImplemented.json",
  "annotations/3.3.5-annotationMotivationImplemented.json",
  "annotations/3.3.5-annotationSingleMotivationImplemented.json",
  "annotations/3.1-bodyKeyFound.json",
  "annotations/bodiesTargets/3.2.1-targFormat.json",
  "annotations/bodiesTargets/3.2.1-targLanguage.json",
];
const CREATOR_SHOULDS = [
  "annotations/3.3.1-annotationCreatorImplemented.json",
  "annotations/3.3.2-annotationCreatorAgentIdImplemented.json",
  "annotations/3.3.2-annotationCreatorAgentTypeImplemented.json",
  "annotations/3.3.2-annotationCreatorAgentNameImplemented.json",
];

describe.each([
  ["without a public URL", null],
  ["with a public URL", "https://parley.example.org/"],
])("the W3C export %s", (_label, baseUrl) => {
  const collection = buildEvidenceAnnotations(model(), { baseUrl });
  const page = collection.first;
  // Annotations embedded in a collection take its @context; alone, each carries it.
  const annotations = page.items.map((item) => ({ "@context": collection["@context"], ...item }));

  it("passes every MUST of the collection and page tests", () => {
    expect(failures(collection, assertionsOf("collections/collectionMusts.test"))).toEqual([]);
    const pageMusts = assertionsOf("collections/pages/pageMusts.test");
    expect(failures({ "@context": collection["@context"], ...page }, pageMusts)).toEqual([]);
  });

  it("passes every MUST of the annotation tests, for each annotation", () => {
    const musts = assertionsOf("annotations/annotationMusts.test");
    expect(musts.length).toBeGreaterThan(40);
    for (const annotation of annotations) expect(failures(annotation, musts)).toEqual([]);
  });

  it("meets the SHOULDs that apply: page id and partOf, collection last, creator id, target format and language", () => {
    expect(failures(collection, COLLECTION_SHOULDS)).toEqual([]);
    expect(failures({ "@context": collection["@context"], ...page }, PAGE_SHOULDS)).toEqual([]);
    for (const annotation of annotations) expect(failures(annotation, ANNOTATION_SHOULDS)).toEqual([]);
    const withCreator = annotations.filter((a) => "creator" in a);
    expect(withCreator).toHaveLength(1);
    expect(failures(withCreator[0], CREATOR_SHOULDS)).toEqual([]);
  });

  it("carries both sides of a quote pair: each side's annotation targets both passages, its own first", () => {
    const [, , original, translation] = page.items;
    const languages = (item: typeof original) => [item!.target].flat().map((t) => t.source.language);
    expect(languages(original)).toEqual(["ru", "en"]);
    expect(languages(translation)).toEqual(["en", "ru"]);
    expect(translation!.body.at(-1)).toMatchObject({
      purpose: "linking",
      value: expect.stringContaining("Translation (en) of the original (ru)"),
    });
    expect(failures(annotations[3], ANNOTATION_SHOULDS)).toEqual([]);
  });

  it("fails the suite where it should: the old export's page had no id", () => {
    const { id: _id, ...pageWithoutId } = page;
    expect(
      failures({ "@context": collection["@context"], ...pageWithoutId }, [
        "collections/pages/5.2-pageIdValidated.json",
      ]),
    ).toEqual(["collections/pages/5.2-pageIdValidated.json"]);
  });
});
