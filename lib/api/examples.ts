import { anchorAt } from "@/lib/evidence/anchor";

// The examples the API reference shows, written as one session of a script against a workspace
// with one issue and one party: import a document, quote it twice, record a stance, correct it,
// retract it. tests/e2e/api-v1.test.ts sends every one of them in document order, swapping these
// placeholder ids for the ids the earlier answers gave.

export const EXAMPLE_SLUG = "my-talks";

export const EXAMPLE_IDS = {
  issueId: "6f1c2a9e-3b7d-4e21-9a55-0c4d8e7f1a01",
  partyId: "6f1c2a9e-3b7d-4e21-9a55-0c4d8e7f1a02",
  documentId: "6f1c2a9e-3b7d-4e21-9a55-0c4d8e7f1a03",
  revisionId: "6f1c2a9e-3b7d-4e21-9a55-0c4d8e7f1a04",
  evidenceId: "6f1c2a9e-3b7d-4e21-9a55-0c4d8e7f1a05",
  statementId: "6f1c2a9e-3b7d-4e21-9a55-0c4d8e7f1a06",
} as const;

export const EXAMPLE_TEXT =
  "Geneva, 14 February 2022. After the second round the delegation said that a neutral status is acceptable only with binding security guarantees from the permanent members.\n";

const QUOTED = "a neutral status is acceptable only with binding security guarantees";

export const EXAMPLE_BODIES = {
  importDocument: {
    title: "Delegation statement after the second round",
    outlet: "Press pool",
    url: "https://example.org/statements/second-round",
    language: "en",
    publishedAt: "2022-02-14",
    text: EXAMPLE_TEXT,
  },
  evidenceAtOffsets: {
    documentId: EXAMPLE_IDS.documentId,
    revisionId: EXAMPLE_IDS.revisionId,
    ...anchorAt(EXAMPLE_TEXT, EXAMPLE_TEXT.indexOf(QUOTED), EXAMPLE_TEXT.indexOf(QUOTED) + QUOTED.length),
    kind: "REPORTED_SPEECH",
    note: "Said to the press pool after the session.",
  },
  evidenceFromQuote: {
    documentId: EXAMPLE_IDS.documentId,
    quote: "binding security guarantees from the permanent members",
    kind: "REPORTED_SPEECH",
    newSpeaker: { name: "Head of delegation", role: "Chief negotiator" },
  },
  recordStatement: {
    issueId: EXAMPLE_IDS.issueId,
    partyId: EXAMPLE_IDS.partyId,
    baseVersion: 0,
    position: "CONDITIONAL",
    summary: "Accepts neutrality only with binding guarantees from the permanent members.",
    statedOn: "2022-02-14",
    links: [{ evidenceId: EXAMPLE_IDS.evidenceId, relation: "SUPPORTS" }],
    confidence: "HIGH",
    conditionText: "Binding security guarantees from the permanent members.",
  },
  correctStatement: {
    baseVersion: 1,
    position: "CONDITIONAL",
    summary: "Accepts neutrality only with binding security guarantees from the permanent members.",
    statedOn: "2022-02-14",
    reason: "The summary left out that the guarantees are security guarantees.",
  },
  retractStatement: {
    baseVersion: 2,
    reason: "The delegation withdrew the statement the next day.",
  },
} as const;
