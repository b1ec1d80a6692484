import { sha256 } from "@/lib/documents/hash";
import { codePointLength, codePoints, type TextAnchor } from "@/lib/evidence/anchor";
import type { WorkspaceExport } from "@/lib/exports/workspace-file";

// What the schema cannot see: that every reference inside the file points at a record of the
// file, that texts match their hashes and that every quote is exactly the words at its offsets.
// The database would refuse most of these too, but one by one and in its own words; this lists
// them all, by where they are in the file.

const MAX_PROBLEMS = 20;

/** verifyAnchor's checks (and the database trigger's), on a text already split into code points. */
function anchorMismatch(chars: string[], anchor: TextAnchor): string | null {
  const { startOffset: start, endOffset: end } = anchor;
  if (start >= end) return "empty";
  if (end > chars.length) return "out of range";
  if (chars.slice(start, end).join("") !== anchor.exact) return "exact mismatch";
  const prefixLength = codePointLength(anchor.prefix);
  const suffixLength = codePointLength(anchor.suffix);
  if (start < prefixLength || chars.slice(start - prefixLength, start).join("") !== anchor.prefix)
    return "context mismatch";
  if (chars.slice(end, end + suffixLength).join("") !== anchor.suffix) return "context mismatch";
  return null;
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) (seen.has(value) ? repeated : seen).add(value);
  return [...repeated];
}

type Report = (message: string) => void;
type Unique = (what: string, values: string[]) => void;

/** The file's records by id, for checking that what one names is in the file. */
function indexFile(file: WorkspaceExport) {
  const revisions = new Map(
    file.documents.flatMap((d) => d.revisions.map((r) => [r.id, { documentId: d.id, text: r.text }] as const)),
  );
  // Split each text once: a file may hold thousands of quotes on a text of two million characters.
  const split = new Map<string, string[]>();
  const charsOf = (revisionId: string) =>
    split.get(revisionId) ?? split.set(revisionId, codePoints(revisions.get(revisionId)!.text)).get(revisionId)!;
  return {
    parties: new Set(file.parties.map((p) => p.id)),
    issues: new Set(file.issues.map((i) => i.id)),
    people: new Set(file.people.map((p) => p.id)),
    revisions,
    charsOf,
    documents: new Map(file.documents.map((d) => [d.id, d])),
    evidence: new Map(file.evidence.map((e) => [e.id, e])),
    statements: new Map(file.statements.map((s) => [s.id, s])),
  };
}

type FileIndex = ReturnType<typeof indexFile>;

function findRepeatedIds(file: WorkspaceExport, unique: Unique) {
  unique(
    "The party id",
    file.parties.map((p) => p.id),
  );
  unique(
    "The party name",
    file.parties.map((p) => p.name),
  );
  unique(
    "The issue id",
    file.issues.map((i) => i.id),
  );
  unique(
    "The issue title",
    file.issues.map((i) => i.title),
  );
  unique(
    "The person id",
    file.people.map((p) => p.id),
  );
  unique(
    "The person name",
    file.people.map((p) => p.name),
  );
  unique(
    "The document id",
    file.documents.map((d) => d.id),
  );
  unique(
    "The revision id",
    file.documents.flatMap((d) => d.revisions.map((r) => r.id)),
  );
  unique(
    "The evidence id",
    file.evidence.map((e) => e.id),
  );
  unique(
    "The statement id",
    file.statements.map((s) => s.id),
  );
  unique(
    "The proposal id",
    (file.proposals ?? []).map((p) => p.id),
  );
  unique(
    "The comment id",
    (file.comments ?? []).map((c) => c.id),
  );
}

/** Revisions run 1, 2, 3… and each text matches its hash. */
function findRevisionProblems(file: WorkspaceExport, problem: Report) {
  file.documents.forEach((document, i) => {
    const numbers = document.revisions.map((r) => r.number).sort((a, b) => a - b);
    if (numbers.some((n, at) => n !== at + 1))
      problem(
        `documents[${i}] (${document.title}) has revisions numbered ${numbers.join(", ")}; they must run 1, 2, 3…`,
      );
    for (const revision of document.revisions) {
      if (sha256(revision.text) !== revision.contentHash)
        problem(
          `documents[${i}] (${document.title}), revision ${revision.number}: the text does not match its content hash.`,
        );
    }
  });
}

/** Each quote's anchor on a later revision: placed or orphaned as its status says, on that revision's words. */
function findAnchorProblems(
  quote: WorkspaceExport["evidence"][number],
  where: string,
  index: FileIndex,
  problem: Report,
) {
  const anchored = new Set<string>();
  for (const anchor of quote.anchors) {
    const target = index.revisions.get(anchor.revisionId);
    if (!target || target.documentId !== quote.documentId || anchor.revisionId === quote.revisionId) {
      problem(`${where}: an anchor names a revision that is not a later revision of its document.`);
      continue;
    }
    if (anchored.has(anchor.revisionId)) problem(`${where}: two anchors for the same revision.`);
    anchored.add(anchor.revisionId);
    const placed = anchor.startOffset !== null && anchor.endOffset !== null;
    if ((anchor.status === "ORPHANED") === placed || (anchor.startOffset === null) !== (anchor.endOffset === null)) {
      problem(`${where}: an ${anchor.status.toLowerCase()} anchor ${placed ? "has" : "lacks"} offsets.`);
      continue;
    }
    if (anchor.startOffset === null || anchor.endOffset === null) continue;
    const chars = index.charsOf(anchor.revisionId);
    if (anchor.startOffset >= anchor.endOffset || anchor.endOffset > chars.length) {
      problem(`${where}: an anchor lies outside its revision's text.`);
    } else if (anchor.exact !== null && chars.slice(anchor.startOffset, anchor.endOffset).join("") !== anchor.exact) {
      problem(`${where}: an anchor's words are not the text at its offsets.`);
    }
  }
}

function findQuoteProblems(file: WorkspaceExport, index: FileIndex, problem: Report) {
  file.evidence.forEach((quote, i) => {
    const where = `evidence[${i}]`;
    const revision = index.revisions.get(quote.revisionId);
    if (!revision || revision.documentId !== quote.documentId) {
      problem(`${where}: its revision is not a revision of its document in the file.`);
      return;
    }
    if (quote.speakerId && !index.people.has(quote.speakerId)) problem(`${where}: its speaker is not in the file.`);
    const mismatch = anchorMismatch(index.charsOf(quote.revisionId), quote);
    if (mismatch) problem(`${where}: “${quote.exact.slice(0, 60)}” is not the text at its offsets (${mismatch}).`);
    findAnchorProblems(quote, where, index, problem);
  });
}

// Translations go one level deep, as the app keeps them: an original is never itself a
// translation, and a quote renders a quote of the document its own document translates.
function findTranslationProblems(file: WorkspaceExport, index: FileIndex, problem: Report) {
  const { documents, evidence } = index;
  file.documents.forEach((document, i) => {
    if (document.translationOfId === null) return;
    const original = documents.get(document.translationOfId);
    if (!original || original.id === document.id || original.translationOfId !== null)
      problem(`documents[${i}] (${document.title}) translates a document that is not an original in the file.`);
  });
  const pairs = new Set<string>();
  file.evidence.forEach((quote, i) => {
    if (quote.translationOfId === null) return;
    const original = evidence.get(quote.translationOfId);
    if (
      !original ||
      original.translationOfId !== null ||
      documents.get(quote.documentId)?.translationOfId !== original.documentId
    ) {
      problem(`evidence[${i}]: it translates a quote that is not a quote of its document's original in the file.`);
      return;
    }
    const pair = `${quote.translationOfId}/${quote.documentId}`;
    if (pairs.has(pair)) problem(`evidence[${i}]: its original already has a translation in the same document.`);
    pairs.add(pair);
  });
}

function findStatementProblems(file: WorkspaceExport, index: FileIndex, problem: Report) {
  const { parties, issues, evidence, statements } = index;
  file.statements.forEach((statement, i) => {
    const where = `statements[${i}]`;
    const condition = statement.conditionCell;
    if (condition && (!parties.has(condition.partyId) || !issues.has(condition.issueId)))
      problem(`${where}: its condition names an issue or party that is not in the file.`);
    if (!parties.has(statement.partyId) || !issues.has(statement.issueId))
      problem(`${where}: its party or issue is not in the file.`);
    for (const link of statement.evidence)
      if (!evidence.has(link.evidenceId)) problem(`${where}: a linked quote is not in the file.`);
    for (const id of duplicates(statement.evidence.map((l) => l.evidenceId)))
      problem(`${where}: the quote ${id} is linked twice.`);
    const amendment = statement.amendment;
    if (!amendment) return;
    if ((amendment.kind === "CORRECTED") !== (amendment.replacementId !== null)) {
      problem(
        `${where}: a ${amendment.kind.toLowerCase()} statement must ${amendment.kind === "CORRECTED" ? "name" : "not name"} a replacement.`,
      );
    } else if (amendment.replacementId !== null) {
      const replacement = statements.get(amendment.replacementId);
      if (!replacement || replacement.id === statement.id)
        problem(`${where}: its replacement is not another statement in the file.`);
      else if (replacement.issueId !== statement.issueId || replacement.partyId !== statement.partyId)
        problem(`${where}: its replacement is in another cell.`);
    }
  });
}

function findCellProblems(file: WorkspaceExport, index: FileIndex, problem: Report) {
  const cells = file.cells.map((c) => `${c.issueId}/${c.partyId}`);
  for (const cell of duplicates(cells)) problem(`The cell ${cell} appears more than once.`);
  file.cells.forEach((cell, i) => {
    if (!index.issues.has(cell.issueId) || !index.parties.has(cell.partyId))
      problem(`cells[${i}]: its issue or party is not in the file.`);
  });
}

/** A comment is on one thing in the file; a reply is on its thread's first comment's. */
function findCommentProblems(file: WorkspaceExport, index: FileIndex, problem: Report) {
  const comments = new Map((file.comments ?? []).map((c) => [c.id, c]));
  const proposals = new Set((file.proposals ?? []).map((p) => p.id));
  (file.comments ?? []).forEach((comment, i) => {
    const where = `comments[${i}]`;
    if ([comment.evidenceId, comment.statementId, comment.proposalId].filter((t) => t !== null).length !== 1) {
      problem(`${where}: a comment is on exactly one quote, statement or proposal.`);
      return;
    }
    if (comment.proposalId && !proposals.has(comment.proposalId)) problem(`${where}: its proposal is not in the file.`);
    if (comment.evidenceId && !index.evidence.has(comment.evidenceId))
      problem(`${where}: its quote is not in the file.`);
    if (comment.statementId && !index.statements.has(comment.statementId))
      problem(`${where}: its statement is not in the file.`);
    if (comment.parentId === null) return;
    const parent = comments.get(comment.parentId);
    if (!parent || parent.parentId !== null)
      problem(`${where}: a reply must point at the first comment of a thread in the file.`);
    else if (
      parent.evidenceId !== comment.evidenceId ||
      parent.statementId !== comment.statementId ||
      parent.proposalId !== comment.proposalId
    )
      problem(`${where}: a reply is on another quote, statement or proposal than its thread.`);
  });
}

function findStanceProposalProblems(file: WorkspaceExport, index: FileIndex, problem: Report) {
  const { parties, issues, evidence, statements } = index;
  (file.proposals ?? []).forEach((proposal, i) => {
    const where = `proposals[${i}]`;
    const condition = proposal.qualities?.conditionCell;
    if (condition && (!parties.has(condition.partyId) || !issues.has(condition.issueId)))
      problem(`${where}: its condition names an issue or party that is not in the file.`);
    if (!parties.has(proposal.partyId) || !issues.has(proposal.issueId))
      problem(`${where}: its party or issue is not in the file.`);
    for (const id of [proposal.targetStatementId, proposal.statementId])
      if (id !== null && !statements.has(id)) problem(`${where}: a statement it names is not in the file.`);
    for (const link of proposal.evidence)
      if (!evidence.has(link.evidenceId)) problem(`${where}: a linked quote is not in the file.`);
    if (
      (proposal.kind === "RECORD") !== (proposal.targetStatementId === null) ||
      (proposal.kind === "RECORD") !== (proposal.reason === null)
    )
      problem(`${where}: a correction or retraction names its statement and reason; a new statement neither.`);
    if (
      proposal.kind !== "RETRACT" &&
      (proposal.position === null || proposal.summary === null || proposal.statedOn === null)
    )
      problem(`${where}: a proposed statement needs a position, a summary and a date.`);
    if ((proposal.status === "OPEN") !== (proposal.decidedAt === null))
      problem(`${where}: an open proposal has no decision; a decided one has its date.`);
  });
}

function findEventProblems(file: WorkspaceExport, index: FileIndex, problem: Report, unique: Unique) {
  unique(
    "The event id",
    (file.events ?? []).map((e) => e.id),
  );
  (file.events ?? []).forEach((event, i) => {
    const where = `events[${i}] (${event.title})`;
    if (event.partyIds.some((id) => !index.parties.has(id))) problem(`${where} names a party that is not in the file.`);
    if (event.documentIds.some((id) => !index.documents.has(id)))
      problem(`${where} names a document that is not in the file.`);
    if (new Set(event.partyIds).size !== event.partyIds.length) problem(`${where} names a party twice.`);
    if (new Set(event.documentIds).size !== event.documentIds.length) problem(`${where} names a document twice.`);
  });
}

function findIssueLinkProblems(file: WorkspaceExport, index: FileIndex, problem: Report) {
  (file.issueLinks ?? []).forEach((link, i) => {
    const where = `issueLinks[${i}]`;
    if (!index.issues.has(link.firstIssueId) || !index.issues.has(link.secondIssueId))
      problem(`${where} names an issue that is not in the file.`);
    if (link.firstIssueId === link.secondIssueId) problem(`${where} links an issue to itself.`);
    if (link.partyId !== null && !index.parties.has(link.partyId))
      problem(`${where} names a party that is not in the file.`);
  });
}

export function findExportProblems(file: WorkspaceExport): string[] {
  const problems: string[] = [];
  const problem: Report = (message) => {
    if (problems.length < MAX_PROBLEMS) problems.push(message);
  };
  const unique: Unique = (what, values) => {
    for (const value of duplicates(values)) problem(`${what} “${value}” appears more than once.`);
  };
  findRepeatedIds(file, unique);

  const index = indexFile(file);
  file.people.forEach((person, i) => {
    if (person.partyId && !index.parties.has(person.partyId))
      problem(`people[${i}] (${person.name}) speaks for a party that is not in the file.`);
  });
  findRevisionProblems(file, problem);
  findQuoteProblems(file, index, problem);
  findTranslationProblems(file, index, problem);
  findStatementProblems(file, index, problem);
  findCellProblems(file, index, problem);
  findCommentProblems(file, index, problem);
  findStanceProposalProblems(file, index, problem);
  (file.dismissedSuggestions ?? []).forEach((dismissal, i) => {
    if (!index.revisions.has(dismissal.revisionId))
      problem(`dismissedSuggestions[${i}]: its revision is not in the file.`);
    if (dismissal.startOffset >= dismissal.endOffset) problem(`dismissedSuggestions[${i}]: an empty range.`);
  });
  findEventProblems(file, index, problem, unique);
  findProposalProblems(file, problem, unique);
  findIssueLinkProblems(file, index, problem);
  findCodingRoundProblems(file, index.evidence, index.parties, index.issues, problem);
  return problems;
}

/** Proposals name the file's parties, documents and issues; provisions quote their proposal's document. */
function findProposalProblems(file: WorkspaceExport, problem: Report, unique: Unique) {
  const proposals = file.negotiationProposals ?? [];
  const provisions = proposals.flatMap((p) => p.provisions);
  unique(
    "The negotiation proposal id",
    proposals.map((p) => p.id),
  );
  unique(
    "The provision id",
    provisions.map((p) => p.id),
  );
  const parties = new Set(file.parties.map((p) => p.id));
  const issues = new Set(file.issues.map((i) => i.id));
  const documents = new Set(file.documents.map((d) => d.id));
  const evidenceDocument = new Map(file.evidence.map((e) => [e.id, e.documentId]));
  const byId = new Map(proposals.map((p) => [p.id, p]));
  proposals.forEach((proposal, i) => {
    const where = `negotiationProposals[${i}] (${proposal.title})`;
    if (!parties.has(proposal.partyId)) problem(`${where} names a party that is not in the file.`);
    if (proposal.documentId !== null && !documents.has(proposal.documentId))
      problem(`${where} names a document that is not in the file.`);
    const answered = proposal.answersId === null ? null : byId.get(proposal.answersId);
    if (proposal.answersId !== null && (!answered || proposal.answersId === proposal.id))
      problem(`${where} answers a proposal that is not in the file.`);
    const answerable = new Set(answered?.provisions.map((p) => p.id) ?? []);
    for (const provision of proposal.provisions) {
      const at = `${where}, provision ${provision.label}`;
      if (evidenceDocument.get(provision.evidenceId) !== proposal.documentId || proposal.documentId === null)
        problem(`${at} is not a quote of the proposal's document.`);
      if (provision.issueIds.some((id) => !issues.has(id))) problem(`${at} names an issue that is not in the file.`);
      if (provision.answersProvisionIds.some((id) => !answerable.has(id)))
        problem(`${at} answers a provision that is not in the proposal it answers.`);
      if (new Set(provision.issueIds).size !== provision.issueIds.length) problem(`${at} names an issue twice.`);
      if (new Set(provision.answersProvisionIds).size !== provision.answersProvisionIds.length)
        problem(`${at} answers a provision twice.`);
    }
  });
}

function findCodingRoundProblems(
  file: WorkspaceExport,
  evidence: Map<string, unknown>,
  parties: Set<string>,
  issues: Set<string>,
  problem: (message: string) => void,
) {
  for (const id of duplicates((file.codingRounds ?? []).map((r) => r.id)))
    problem(`The coding round id “${id}” appears more than once.`);
  (file.codingRounds ?? []).forEach((round, i) => {
    const where = `codingRounds[${i}] (${round.title})`;
    if ((round.status === "CLOSED") !== (round.closedAt !== null))
      problem(`${where}: a closed round has its closing date; an open one none.`);
    if (round.units.some((id) => !evidence.has(id))) problem(`${where} names a quote that is not in the file.`);
    if (duplicates(round.units).length > 0) problem(`${where} names a quote twice.`);
    if (duplicates(round.coders.map((c) => c.email.toLowerCase())).length > 0) problem(`${where} names a coder twice.`);
    const units = new Set(round.units);
    const coded = round.codes.map((c) => `${c.evidenceId}/${c.coder}`);
    if (duplicates(coded).length > 0) problem(`${where}: a coder codes a quote twice.`);
    round.codes.forEach((code, j) => {
      if (!units.has(code.evidenceId) || code.coder >= round.coders.length)
        problem(`${where}, codes[${j}]: its quote or coder is not one of the round's.`);
      if (!parties.has(code.partyId) || !issues.has(code.issueId))
        problem(`${where}, codes[${j}]: its party or issue is not in the file.`);
    });
  });
}
