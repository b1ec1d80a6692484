import { createHash, randomUUID } from "node:crypto";
import { ANCHOR_CONTEXT_LENGTH } from "@/lib/evidence/anchor";
import { WORKSPACE_EXPORT_FORMAT, WORKSPACE_EXPORT_VERSION, type WorkspaceExport } from "@/lib/exports/workspace-file";

// A workspace export of the size that starved the pool: two documents of ~1.85 million code points
// (accents, dashes and an emoji, so code points, UTF-16 units and bytes all differ) with 750
// quotes each spread over the whole text, and statements citing them. About 4.7 MB as JSON.

const WORDS = ["treaty", "guarantees", "sécurité", "neutrality", "ceasefire", "—", "withdrawal", "🕊️", "accord"];

function documentText(seed: number, length: number): string[] {
  const chars: string[] = [];
  let n = seed;
  while (chars.length < length) {
    n = (n * 1103515245 + 12345) % 2147483648;
    const sentence = `Delegation ${n % 97} said the ${WORDS[n % WORDS.length]} must hold (${n % 1000}). `;
    for (const char of sentence) chars.push(char);
  }
  chars.length = length;
  return chars;
}

export type BigExportOptions = { documents?: number; documentLength?: number; quotesPerDocument?: number };

export function makeBigWorkspaceExport({
  documents = 2,
  documentLength = 1_850_000,
  quotesPerDocument = 750,
}: BigExportOptions = {}): WorkspaceExport {
  const at = "2022-02-16T09:00:00.000Z";
  const parties = ["Alpha", "Beta", "Gamma"].map((name, i) => ({
    id: randomUUID(),
    name: `Party ${name}`,
    shortName: name,
    colour: ["#1f77b4", "#ff7f0e", "#2ca02c"][i]!,
    sortOrder: i,
    archivedAt: null,
  }));
  const issues = ["Guarantees", "Sanctions", "Borders", "Timeline"].map((title, i) => ({
    id: randomUUID(),
    title,
    description: "",
    sortOrder: i,
    archivedAt: null,
  }));
  const file: WorkspaceExport = {
    format: WORKSPACE_EXPORT_FORMAT,
    version: WORKSPACE_EXPORT_VERSION,
    exportedAt: at,
    workspace: {
      slug: "big-export",
      title: "Big negotiation",
      description: "",
      positionLabels: {},
      createdAt: at,
      reviewMode: false,
    },
    parties,
    issues,
    people: [],
    documents: [],
    evidence: [],
    statements: [],
    cells: [],
    comments: [],
    dismissedSuggestions: [],
  };
  for (let d = 0; d < documents; d++) {
    const chars = documentText(d + 1, documentLength);
    const text = chars.join("");
    const documentId = randomUUID();
    const revisionId = randomUUID();
    file.documents.push({
      id: documentId,
      title: `Transcript ${d + 1}`,
      outlet: "",
      url: "",
      language: "en",
      publishedOn: "2022-02-10",
      translationOfId: null,
      importedAt: at,
      importedBy: null,
      revisions: [
        {
          id: revisionId,
          number: 1,
          text,
          contentHash: createHash("sha256").update(text).digest("hex"),
          note: "",
          createdAt: at,
          createdBy: null,
        },
      ],
    });
    const stride = Math.floor((documentLength - 400) / quotesPerDocument);
    for (let q = 0; q < quotesPerDocument; q++) {
      const start = 100 + q * stride;
      const end = start + 120 + (q % 80);
      file.evidence.push({
        id: randomUUID(),
        documentId,
        revisionId,
        startOffset: start,
        endOffset: end,
        exact: chars.slice(start, end).join(""),
        prefix: chars.slice(start - ANCHOR_CONTEXT_LENGTH, start).join(""),
        suffix: chars.slice(end, end + ANCHOR_CONTEXT_LENGTH).join(""),
        speakerId: null,
        saidOn: "2022-02-10",
        kind: "DIRECT_QUOTE",
        note: "",
        createdAt: at,
        createdBy: null,
        translationOfId: null,
        anchors: [],
      });
    }
  }
  parties.forEach((party, p) => {
    issues.forEach((issue, i) => {
      const quotes = file.evidence.slice((p * issues.length + i) * 3, (p * issues.length + i) * 3 + 3);
      file.statements.push({
        id: randomUUID(),
        partyId: party.id,
        issueId: issue.id,
        position: "SUPPORTS",
        summary: `${party.shortName} on ${issue.title}`,
        statedOn: "2022-02-10",
        confidence: "MEDIUM",
        confidenceRationale: null,
        redLine: false,
        conditionText: null,
        conditionCell: null,
        recordedAt: at,
        recordedBy: null,
        evidence: quotes.map((quote) => ({ evidenceId: quote.id, relation: "SUPPORTS" as const })),
        amendment: null,
      });
      file.cells.push({ issueId: issue.id, partyId: party.id, version: 1, updatedAt: at });
    });
  });
  return file;
}
