import type { WorkspaceExport } from "@/lib/exports/workspace-file";

// A workspace export with everything that necessarily differs between two copies of the same
// workspace taken out: ids (replaced by keys derived from content), the slug, the workspace's
// creation time and the time of the export. Arrays are sorted by content and object keys
// alphabetically, so two exports of identical workspaces canonicalise to identical JSON.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Assigns `prefix:0`, `prefix:1`… in the order of each item's content signature. */
function keysBySignature<T extends { id: string }>(
  items: T[],
  prefix: string,
  signature: (item: T) => unknown,
): Map<string, string> {
  const ordered = items
    .map((item) => ({ id: item.id, signature: JSON.stringify(signature(item)) }))
    .sort((a, b) => compare(a.signature, b.signature));
  return new Map(ordered.map((item, index) => [item.id, `${prefix}:${index}`]));
}

function lookup(keys: Map<string, string>, id: string | null): string | null {
  if (id === null) return null;
  return keys.get(id) ?? `missing:${id}`;
}

export function sortKeysDeep(value: unknown): Json {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort(compare)
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .map((key) => [key, sortKeysDeep((value as Record<string, unknown>)[key])]),
    );
  }
  return value as Json;
}

const byKey = <T extends { key: string }>(items: T[]) => [...items].sort((a, b) => compare(a.key, b.key));
/** For records with no natural key: sorted by their whole canonical content. */
const byContent = <T>(items: T[]) =>
  items.sort((a, b) => compare(JSON.stringify(sortKeysDeep(a)), JSON.stringify(sortKeysDeep(b))));

/** Keys derived from content for every kind of record other records point at. */
function contentKeys(file: WorkspaceExport) {
  // Names and titles are unique within a workspace, so they key parties, issues and people.
  const partyKeys = new Map(file.parties.map((p) => [p.id, `party:${p.name}`]));
  const issueKeys = new Map(file.issues.map((i) => [i.id, `issue:${i.title}`]));
  const personKeys = new Map(file.people.map((p) => [p.id, `person:${p.name}`]));
  const documentKeys = keysBySignature(file.documents, "document", (d) => [
    d.importedAt,
    d.title,
    d.outlet,
    d.url,
    d.publishedOn,
    d.revisions.map((r) => [r.number, r.contentHash]).sort(),
  ]);
  const revisionKeys = new Map(
    file.documents.flatMap((d) =>
      d.revisions.map((r) => [r.id, `${documentKeys.get(d.id)}/revision:${r.number}`] as const),
    ),
  );
  const evidenceKeys = keysBySignature(file.evidence, "evidence", (e) => [
    lookup(revisionKeys, e.revisionId),
    e.startOffset,
    e.endOffset,
    e.createdAt,
    e.saidOn,
    e.kind,
    lookup(personKeys, e.speakerId),
    e.note,
  ]);
  const statementKeys = keysBySignature(file.statements, "statement", (s) => [
    lookup(issueKeys, s.issueId),
    lookup(partyKeys, s.partyId),
    s.statedOn,
    s.recordedAt,
    s.position,
    s.summary,
  ]);
  const proposalKeys = keysBySignature(file.proposals ?? [], "proposal", (p) => [
    p.proposedAt,
    lookup(issueKeys, p.issueId),
    lookup(partyKeys, p.partyId),
    p.kind,
    p.position,
    p.summary,
    p.rationale,
  ]);
  const commentKeys = keysBySignature(file.comments ?? [], "comment", (c) => [
    c.createdAt,
    lookup(evidenceKeys, c.evidenceId),
    lookup(statementKeys, c.statementId),
    lookup(proposalKeys, c.proposalId),
    c.author,
    c.body,
  ]);
  return {
    partyKeys,
    issueKeys,
    personKeys,
    documentKeys,
    revisionKeys,
    evidenceKeys,
    statementKeys,
    proposalKeys,
    commentKeys,
  };
}

type Keys = ReturnType<typeof contentKeys>;

function canonicalDocuments(documents: WorkspaceExport["documents"], keys: Keys) {
  return byKey(
    documents.map(({ id, revisions, translationOfId, ...d }) => ({
      key: keys.documentKeys.get(id)!,
      translationOf: lookup(keys.documentKeys, translationOfId),
      ...d,
      revisions: [...revisions].sort((a, b) => a.number - b.number).map(({ id: _id, ...r }) => r),
    })),
  );
}

function canonicalEvidence(evidence: WorkspaceExport["evidence"], keys: Keys) {
  const { evidenceKeys, documentKeys, revisionKeys, personKeys } = keys;
  return byKey(
    evidence.map(({ id, documentId, revisionId, speakerId, translationOfId, anchors, ...e }) => ({
      key: evidenceKeys.get(id)!,
      translationOf: lookup(evidenceKeys, translationOfId),
      document: lookup(documentKeys, documentId),
      revision: lookup(revisionKeys, revisionId),
      speaker: lookup(personKeys, speakerId),
      ...e,
      anchors: byKey(
        anchors.map(({ revisionId: anchorRevision, ...a }) => ({ key: lookup(revisionKeys, anchorRevision)!, ...a })),
      ),
    })),
  );
}

function canonicalStatements(statements: WorkspaceExport["statements"], keys: Keys) {
  const { statementKeys, partyKeys, issueKeys, evidenceKeys } = keys;
  return byKey(
    statements.map(({ id, partyId, issueId, evidence, amendment, conditionCell, ...s }) => ({
      key: statementKeys.get(id)!,
      party: lookup(partyKeys, partyId),
      issue: lookup(issueKeys, issueId),
      ...s,
      conditionCell: conditionCell
        ? {
            issue: lookup(issueKeys, conditionCell.issueId),
            party: lookup(partyKeys, conditionCell.partyId),
            minPosition: conditionCell.minPosition,
          }
        : null,
      evidence: byKey(evidence.map((l) => ({ key: lookup(evidenceKeys, l.evidenceId)!, relation: l.relation }))),
      amendment: amendment
        ? { ...amendment, replacementId: undefined, replacement: lookup(statementKeys, amendment.replacementId) }
        : null,
    })),
  );
}

function canonicalComments(comments: NonNullable<WorkspaceExport["comments"]>, keys: Keys) {
  return byKey(
    comments.map(({ id, evidenceId, statementId, proposalId, parentId, ...c }) => ({
      key: keys.commentKeys.get(id)!,
      evidence: lookup(keys.evidenceKeys, evidenceId),
      statement: lookup(keys.statementKeys, statementId),
      proposal: lookup(keys.proposalKeys, proposalId),
      parent: lookup(keys.commentKeys, parentId),
      ...c,
    })),
  );
}

function canonicalStanceProposals(proposals: NonNullable<WorkspaceExport["proposals"]>, keys: Keys) {
  const { issueKeys, partyKeys, statementKeys, evidenceKeys } = keys;
  return byContent(
    proposals.map(({ id: _id, issueId, partyId, targetStatementId, statementId, evidence, qualities, ...p }) => ({
      issue: lookup(issueKeys, issueId),
      party: lookup(partyKeys, partyId),
      qualities: qualities?.conditionCell
        ? {
            ...qualities,
            conditionCell: {
              issue: lookup(issueKeys, qualities.conditionCell.issueId),
              party: lookup(partyKeys, qualities.conditionCell.partyId),
              minPosition: qualities.conditionCell.minPosition,
            },
          }
        : (qualities ?? null),
      target: lookup(statementKeys, targetStatementId),
      statement: lookup(statementKeys, statementId),
      evidence: evidence
        .map((l) => ({ key: lookup(evidenceKeys, l.evidenceId)!, relation: l.relation }))
        .sort((a, b) => compare(a.key, b.key)),
      ...p,
    })),
  );
}

function canonicalDismissals(dismissals: NonNullable<WorkspaceExport["dismissedSuggestions"]>, keys: Keys) {
  return [...dismissals]
    .map(({ revisionId, ...d }) => ({ revision: lookup(keys.revisionKeys, revisionId), ...d }))
    .sort((a, b) =>
      compare(
        JSON.stringify([a.revision, a.startOffset, a.endOffset]),
        JSON.stringify([b.revision, b.startOffset, b.endOffset]),
      ),
    );
}

function canonicalEvents(events: NonNullable<WorkspaceExport["events"]>, keys: Keys) {
  return byContent(
    events.map(({ id: _id, partyIds, documentIds, ...e }) => ({
      ...e,
      parties: partyIds.map((p) => lookup(keys.partyKeys, p)!).sort(compare),
      documents: documentIds.map((d) => lookup(keys.documentKeys, d)!).sort(compare),
    })),
  );
}

function canonicalIssueLinks(links: NonNullable<WorkspaceExport["issueLinks"]>, keys: Keys) {
  return byContent(
    links.map(({ id: _id, firstIssueId, secondIssueId, partyId, ...link }) => ({
      ...link,
      firstIssue: lookup(keys.issueKeys, firstIssueId),
      secondIssue: lookup(keys.issueKeys, secondIssueId),
      party: lookup(keys.partyKeys, partyId),
    })),
  );
}

/** Coders by name and email, so a code names its coder rather than a place in the round's list. */
function canonicalCodingRounds(rounds: NonNullable<WorkspaceExport["codingRounds"]>, keys: Keys) {
  return byContent(
    rounds.map(({ id: _id, units, coders, codes, ...r }) => {
      const names = coders.map((c) => `${c.name} <${c.email}>`);
      return {
        ...r,
        units: units.map((u) => lookup(keys.evidenceKeys, u)),
        coders: [...names].sort(compare),
        codes: byContent(
          codes.map(({ evidenceId, coder, partyId, issueId, ...c }) => ({
            ...c,
            evidence: lookup(keys.evidenceKeys, evidenceId),
            coder: names[coder] ?? null,
            party: lookup(keys.partyKeys, partyId),
            issue: lookup(keys.issueKeys, issueId),
          })),
        ),
      };
    }),
  );
}

export function canonicalizeWorkspaceExport(file: WorkspaceExport): Json {
  const keys = contentKeys(file);
  const { partyKeys, issueKeys, personKeys } = keys;
  return sortKeysDeep({
    format: file.format,
    version: file.version,
    workspace: {
      title: file.workspace.title,
      description: file.workspace.description,
      positionLabels: file.workspace.positionLabels,
      reviewMode: file.workspace.reviewMode,
    },
    parties: byKey(file.parties.map(({ id, ...p }) => ({ key: partyKeys.get(id)!, ...p }))),
    issues: byKey(file.issues.map(({ id, ...i }) => ({ key: issueKeys.get(id)!, ...i }))),
    people: byKey(
      file.people.map(({ id, partyId, ...p }) => ({
        key: personKeys.get(id)!,
        party: lookup(partyKeys, partyId),
        ...p,
      })),
    ),
    documents: canonicalDocuments(file.documents, keys),
    evidence: canonicalEvidence(file.evidence, keys),
    statements: canonicalStatements(file.statements, keys),
    cells: byKey(
      file.cells.map(({ issueId, partyId, ...c }) => ({
        key: `${lookup(issueKeys, issueId)}|${lookup(partyKeys, partyId)}`,
        ...c,
      })),
    ),
    comments: canonicalComments(file.comments ?? [], keys),
    proposals: canonicalStanceProposals(file.proposals ?? [], keys),
    dismissedSuggestions: canonicalDismissals(file.dismissedSuggestions ?? [], keys),
    events: canonicalEvents(file.events ?? [], keys),
    negotiationProposals: canonicalProposals(file, keys),
    issueLinks: canonicalIssueLinks(file.issueLinks ?? [], keys),
    codingRounds: canonicalCodingRounds(file.codingRounds ?? [], keys),
  });
}

/** Proposals keyed by party, date and title; provisions by their quote, answers by the answered quote. */
function canonicalProposals(
  file: WorkspaceExport,
  keys: Record<"partyKeys" | "issueKeys" | "documentKeys" | "evidenceKeys", Map<string, string>>,
) {
  const proposals = file.negotiationProposals ?? [];
  const proposalKeys = new Map(
    proposals.map((p) => [p.id, `proposal:${lookup(keys.partyKeys, p.partyId)}|${p.proposedOn}|${p.title}`]),
  );
  const provisionKeys = new Map(
    proposals.flatMap((p) =>
      p.provisions.map((v) => [v.id, `${proposalKeys.get(p.id)}/${lookup(keys.evidenceKeys, v.evidenceId)}`] as const),
    ),
  );
  return proposals
    .map(({ id, partyId, documentId, answersId, provisions, ...p }) => ({
      ...p,
      key: proposalKeys.get(id)!,
      party: lookup(keys.partyKeys, partyId),
      document: lookup(keys.documentKeys, documentId),
      answers: lookup(proposalKeys, answersId),
      provisions: provisions
        .map(({ id: provisionId, evidenceId, issueIds, answersProvisionIds, ...v }) => ({
          ...v,
          key: provisionKeys.get(provisionId)!,
          evidence: lookup(keys.evidenceKeys, evidenceId),
          issues: issueIds.map((i) => lookup(keys.issueKeys, i)!).sort(compare),
          answers: answersProvisionIds.map((a) => lookup(provisionKeys, a)!).sort(compare),
        }))
        .sort((a, b) => compare(a.key, b.key)),
    }))
    .sort((a, b) => compare(a.key, b.key));
}
