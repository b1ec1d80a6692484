import "server-only";
import { randomUUID } from "node:crypto";
import type { ExportActor, WorkspaceExport } from "@/lib/exports/workspace-file";
import { Role } from "@/lib/generated/prisma/enums";
import { fromCalendarDate } from "@/lib/matrix/dates";
import type { Transaction } from "@/lib/platform/jobs/queue";
import { displayName } from "@/lib/users/display-name";

// The steps of a workspace import, one kind of record each, in the order their foreign keys need.

const COMMENT_BODY_MAX = 10000;

type IdMap = (id: string) => string;

/** New ids for the file's records, one map per kind so a crafted file cannot make two kinds collide. */
function newIds(items: { id: string }[]): IdMap {
  const ids = new Map(items.map((item) => [item.id, randomUUID()]));
  // findExportProblems has checked that every reference resolves.
  return (id: string) => ids.get(id)!;
}

export function newImportIds(file: WorkspaceExport) {
  const negotiationProposals = file.negotiationProposals ?? [];
  return {
    party: newIds(file.parties),
    issue: newIds(file.issues),
    person: newIds(file.people),
    document: newIds(file.documents),
    revision: newIds(file.documents.flatMap((d) => d.revisions)),
    evidence: newIds(file.evidence),
    statement: newIds(file.statements),
    comment: newIds(file.comments ?? []),
    event: newIds(file.events ?? []),
    negotiationProposal: newIds(negotiationProposals),
    provision: newIds(negotiationProposals.flatMap((p) => p.provisions)),
    proposal: newIds(file.proposals ?? []),
  };
}

export function countImportedRecords(file: WorkspaceExport): Record<string, number> {
  return {
    parties: file.parties.length,
    issues: file.issues.length,
    people: file.people.length,
    documents: file.documents.length,
    revisions: file.documents.reduce((n, d) => n + d.revisions.length, 0),
    evidence: file.evidence.length,
    statements: file.statements.length,
    comments: (file.comments ?? []).length,
    events: (file.events ?? []).length,
    negotiationProposals: (file.negotiationProposals ?? []).length,
    codingRounds: file.codingRounds?.length ?? 0,
  };
}

/** What every step needs: the file, where it goes, its new ids and whose authorship it keeps. */
export type ImportStep = {
  tx: Transaction;
  file: WorkspaceExport;
  workspaceId: string;
  ownerId: string;
  ids: ReturnType<typeof newImportIds>;
  /** The importing user's id where the actor is them, else null. */
  by: (actor: ExportActor) => string | null;
};

const date = (value: string) => new Date(value);
const optionalDate = (value: string | null) => (value === null ? null : new Date(value));
const orNull = (map: IdMap, id: string | null) => (id === null ? null : map(id));

export async function createImportedWorkspace({ tx, file, workspaceId, ownerId }: ImportStep, slug: string) {
  await tx.workspace.create({
    data: {
      id: workspaceId,
      slug,
      title: file.workspace.title,
      description: file.workspace.description,
      positionLabels: file.workspace.positionLabels,
      reviewMode: file.workspace.reviewMode,
    },
  });
  await tx.membership.create({ data: { workspaceId, userId: ownerId, role: Role.OWNER } });
}

/** Parties, issues and people. */
export async function importCast({ tx, file, workspaceId, ids }: ImportStep) {
  await tx.party.createMany({
    data: file.parties.map((p) => ({
      ...p,
      id: ids.party(p.id),
      workspaceId,
      archivedAt: optionalDate(p.archivedAt),
    })),
  });
  await tx.issue.createMany({
    data: file.issues.map((i) => ({
      ...i,
      id: ids.issue(i.id),
      workspaceId,
      archivedAt: optionalDate(i.archivedAt),
    })),
  });
  await tx.person.createMany({
    data: file.people.map((p) => ({ ...p, id: ids.person(p.id), workspaceId, partyId: orNull(ids.party, p.partyId) })),
  });
}

export async function importDocuments({ tx, file, workspaceId, ids, by }: ImportStep) {
  // Originals before their translations (one level deep, as findExportProblems checked),
  // so each translation's reference finds its original however the inserts are batched.
  for (const translations of [false, true])
    await tx.document.createMany({
      data: file.documents
        .filter((d) => (d.translationOfId !== null) === translations)
        .map(({ revisions: _revisions, importedBy, ...d }) => ({
          ...d,
          id: ids.document(d.id),
          workspaceId,
          translationOfId: orNull(ids.document, d.translationOfId),
          importedAt: date(d.importedAt),
          importedById: by(importedBy),
        })),
    });
  await tx.documentRevision.createMany({
    data: file.documents.flatMap((d) =>
      d.revisions.map(({ createdBy, ...r }) => ({
        ...r,
        id: ids.revision(r.id),
        workspaceId,
        documentId: ids.document(d.id),
        createdAt: date(r.createdAt),
        createdById: by(createdBy),
      })),
    ),
  });
}

/** Quotes and their anchors, which the database's trigger checks against their revisions. */
export async function importEvidence({ tx, file, workspaceId, ids, by }: ImportStep) {
  for (const translations of [false, true])
    await tx.evidence.createMany({
      data: file.evidence
        .filter((e) => (e.translationOfId !== null) === translations)
        .map(({ anchors: _anchors, createdBy, ...e }) => ({
          ...e,
          id: ids.evidence(e.id),
          workspaceId,
          documentId: ids.document(e.documentId),
          revisionId: ids.revision(e.revisionId),
          speakerId: orNull(ids.person, e.speakerId),
          translationOfId: orNull(ids.evidence, e.translationOfId),
          saidOn: fromCalendarDate(e.saidOn),
          createdAt: date(e.createdAt),
          createdById: by(createdBy),
        })),
    });
  await tx.evidenceAnchor.createMany({
    data: file.evidence.flatMap((e) =>
      e.anchors.map(({ reviewedBy, ...a }) => ({
        ...a,
        evidenceId: ids.evidence(e.id),
        revisionId: ids.revision(a.revisionId),
        workspaceId,
        createdAt: date(a.createdAt),
        reviewedAt: optionalDate(a.reviewedAt),
        reviewedById: by(reviewedBy),
      })),
    ),
  });
}

/** Statements with their quotes and amendments, and the cells' versions. */
export async function importStatements({ tx, file, workspaceId, ids, by }: ImportStep) {
  await tx.stanceStatement.createMany({
    data: file.statements.map(({ evidence: _links, amendment: _amendment, recordedBy, conditionCell, ...s }) => ({
      ...s,
      conditionIssueId: conditionCell ? ids.issue(conditionCell.issueId) : null,
      conditionPartyId: conditionCell ? ids.party(conditionCell.partyId) : null,
      conditionMinPosition: conditionCell?.minPosition ?? null,
      id: ids.statement(s.id),
      workspaceId,
      partyId: ids.party(s.partyId),
      issueId: ids.issue(s.issueId),
      statedOn: fromCalendarDate(s.statedOn),
      recordedAt: date(s.recordedAt),
      recordedById: by(recordedBy),
    })),
  });
  await tx.statementEvidence.createMany({
    data: file.statements.flatMap((s) =>
      s.evidence.map((l) => ({
        workspaceId,
        statementId: ids.statement(s.id),
        evidenceId: ids.evidence(l.evidenceId),
        relation: l.relation,
      })),
    ),
  });
  await tx.statementAmendment.createMany({
    data: file.statements.flatMap((s) =>
      s.amendment
        ? [
            {
              statementId: ids.statement(s.id),
              workspaceId,
              kind: s.amendment.kind,
              replacementId: orNull(ids.statement, s.amendment.replacementId),
              reason: s.amendment.reason,
              amendedAt: date(s.amendment.amendedAt),
              amendedById: by(s.amendment.amendedBy),
            },
          ]
        : [],
    ),
  });
  await tx.stanceCell.createMany({
    data: file.cells.map((c) => ({
      workspaceId,
      issueId: ids.issue(c.issueId),
      partyId: ids.party(c.partyId),
      version: c.version,
      updatedAt: date(c.updatedAt),
    })),
  });
}

export async function importDismissedSuggestions({ tx, file, workspaceId, ids, by }: ImportStep) {
  await tx.suggestionDismissal.createMany({
    data: (file.dismissedSuggestions ?? []).map(({ dismissedBy, ...d }) => ({
      ...d,
      revisionId: ids.revision(d.revisionId),
      workspaceId,
      dismissedAt: date(d.dismissedAt),
      dismissedById: by(dismissedBy),
    })),
  });
}

type StanceProposalFile = NonNullable<WorkspaceExport["proposals"]>[number];

/** Proposed stance edits awaiting or past review. */
export async function importStanceProposals({ tx, file, workspaceId, ids, by }: ImportStep) {
  const importedQualities = ({ conditionCell, ...named }: NonNullable<StanceProposalFile["qualities"]>) => ({
    ...named,
    ...(conditionCell === undefined
      ? {}
      : {
          conditionCell: conditionCell && {
            ...conditionCell,
            issueId: ids.issue(conditionCell.issueId),
            partyId: ids.party(conditionCell.partyId),
          },
        }),
  });
  await tx.stanceProposal.createMany({
    data: (file.proposals ?? []).map(({ evidence: links, proposedBy, decidedBy, qualities, ...p }) => ({
      ...p,
      qualities: qualities ? importedQualities(qualities) : undefined,
      id: ids.proposal(p.id),
      workspaceId,
      issueId: ids.issue(p.issueId),
      partyId: ids.party(p.partyId),
      targetStatementId: orNull(ids.statement, p.targetStatementId),
      statementId: orNull(ids.statement, p.statementId),
      statedOn: p.statedOn === null ? null : fromCalendarDate(p.statedOn),
      links: links.map((l) => ({ evidenceId: ids.evidence(l.evidenceId), relation: l.relation })),
      proposedAt: date(p.proposedAt),
      proposedById: by(proposedBy),
      decidedAt: optionalDate(p.decidedAt),
      decidedById: by(decidedBy),
    })),
  });
}

type CommentFile = NonNullable<WorkspaceExport["comments"]>[number];

/**
 * Comments, after the quotes, statements and proposals they are on. Another author's comment is
 * kept in the importer's name, opening with the original author's name.
 */
export async function importComments({ tx, file, workspaceId, ownerId, ids, by }: ImportStep) {
  const comments = file.comments ?? [];
  const commentBody = (c: CommentFile) => {
    if (by(c.author) || c.deletedAt) return c.body;
    return `(Originally by ${displayName(c.author)}.)\n\n${c.body}`.slice(0, COMMENT_BODY_MAX);
  };
  const commentRow = (c: CommentFile) => ({
    id: ids.comment(c.id),
    workspaceId,
    evidenceId: orNull(ids.evidence, c.evidenceId),
    statementId: orNull(ids.statement, c.statementId),
    proposalId: orNull(ids.proposal, c.proposalId),
    parentId: orNull(ids.comment, c.parentId),
    authorId: by(c.author) ?? ownerId,
    body: commentBody(c),
    createdAt: date(c.createdAt),
    editedAt: optionalDate(c.editedAt),
    deletedAt: optionalDate(c.deletedAt),
    resolvedAt: optionalDate(c.resolvedAt),
    resolvedById: by(c.resolvedBy),
  });
  // First comments before replies, as a reply's foreign key names its thread's first comment.
  await tx.comment.createMany({ data: comments.filter((c) => c.parentId === null).map(commentRow) });
  await tx.comment.createMany({ data: comments.filter((c) => c.parentId !== null).map(commentRow) });
}

/** Negotiation events with the parties and documents they involve. */
export async function importEvents({ tx, file, workspaceId, ids, by }: ImportStep) {
  const events = file.events ?? [];
  await tx.negotiationEvent.createMany({
    data: events.map(({ partyIds: _parties, documentIds: _documents, createdBy, ...e }) => ({
      ...e,
      id: ids.event(e.id),
      workspaceId,
      occurredOn: fromCalendarDate(e.occurredOn),
      createdAt: date(e.createdAt),
      updatedAt: date(e.createdAt),
      createdById: by(createdBy),
    })),
  });
  await tx.negotiationEventParty.createMany({
    data: events.flatMap((e) =>
      e.partyIds.map((partyId) => ({ workspaceId, eventId: ids.event(e.id), partyId: ids.party(partyId) })),
    ),
  });
  await tx.negotiationEventDocument.createMany({
    data: events.flatMap((e) =>
      e.documentIds.map((documentId) => ({
        workspaceId,
        eventId: ids.event(e.id),
        documentId: ids.document(documentId),
      })),
    ),
  });
}

export async function importIssueLinks({ tx, file, workspaceId, ids }: ImportStep) {
  await tx.issueLink.createMany({
    data: (file.issueLinks ?? []).map((link) => ({
      ...link,
      id: randomUUID(),
      workspaceId,
      firstIssueId: ids.issue(link.firstIssueId),
      secondIssueId: ids.issue(link.secondIssueId),
      partyId: orNull(ids.party, link.partyId),
      holdsFrom: link.holdsFrom === null ? null : fromCalendarDate(link.holdsFrom),
      createdAt: date(link.createdAt),
    })),
  });
}

/** Proposals first without what they answer, so an answer may come before what it answers in the file. */
export async function importNegotiationProposals({ tx, file, workspaceId, ids }: ImportStep) {
  const proposals = file.negotiationProposals ?? [];
  await tx.negotiationProposal.createMany({
    data: proposals.map(({ provisions: _provisions, answersId: _answers, ...p }) => ({
      ...p,
      id: ids.negotiationProposal(p.id),
      workspaceId,
      partyId: ids.party(p.partyId),
      documentId: p.documentId === null ? null : ids.document(p.documentId),
      proposedOn: fromCalendarDate(p.proposedOn),
      createdAt: new Date(p.createdAt),
      updatedAt: new Date(p.createdAt),
    })),
  });
  for (const p of proposals.filter((p) => p.answersId !== null))
    await tx.negotiationProposal.update({
      where: { id: ids.negotiationProposal(p.id) },
      data: { answersId: ids.negotiationProposal(p.answersId as string) },
    });
  const provisions = proposals.flatMap((p) => p.provisions.map((v, i) => ({ ...v, proposalId: p.id, sortOrder: i })));
  await tx.proposalProvision.createMany({
    data: provisions.map((v) => ({
      id: ids.provision(v.id),
      workspaceId,
      proposalId: ids.negotiationProposal(v.proposalId),
      evidenceId: ids.evidence(v.evidenceId),
      label: v.label,
      sortOrder: v.sortOrder,
    })),
  });
  await tx.provisionIssue.createMany({
    data: provisions.flatMap((v) =>
      v.issueIds.map((issueId) => ({ workspaceId, provisionId: ids.provision(v.id), issueId: ids.issue(issueId) })),
    ),
  });
  await tx.provisionAnswer.createMany({
    data: provisions.flatMap((v) =>
      v.answersProvisionIds.map((answered) => ({
        workspaceId,
        provisionId: ids.provision(v.id),
        answeredProvisionId: ids.provision(answered),
      })),
    ),
  });
}

type CodingRoundFile = NonNullable<WorkspaceExport["codingRounds"]>[number];

/**
 * Coding rounds with their quotes, coders and codes. A code is its coder's own reading, and a
 * coder needs an account: the importing user codes as themself; every other coder gets an account
 * of this import's own, under their name, that nobody can sign in to and that is no member — so
 * their codes and the round's agreement survive without crediting anyone here with them.
 */
export async function importCodingRounds({ tx, file, workspaceId, ids, by }: ImportStep) {
  const accounts = new Map<string, string>();
  const accountOf = async (coder: CodingRoundFile["coders"][number]) => {
    const own = by(coder);
    if (own) return own;
    const key = coder.email.toLowerCase();
    if (!accounts.has(key)) {
      const created = await tx.user.create({
        data: {
          email: `imported-coder-${randomUUID()}@parley.invalid`,
          name: displayName(coder),
          disabledAt: new Date(),
        },
        select: { id: true },
      });
      accounts.set(key, created.id);
    }
    return accounts.get(key)!;
  };
  for (const round of file.codingRounds ?? []) {
    const roundId = randomUUID();
    const coder: string[] = [];
    for (const c of round.coders) coder.push(await accountOf(c));
    await tx.codingRound.create({
      data: {
        id: roundId,
        workspaceId,
        title: round.title,
        status: round.status,
        createdAt: date(round.createdAt),
        closedAt: optionalDate(round.closedAt),
        createdById: by(round.createdBy),
      },
    });
    await tx.codingUnit.createMany({
      data: round.units.map((evidenceId, sortOrder) => ({
        roundId,
        workspaceId,
        evidenceId: ids.evidence(evidenceId),
        sortOrder,
      })),
    });
    await tx.codingCoder.createMany({ data: coder.map((userId) => ({ roundId, userId })) });
    await tx.codingCode.createMany({
      data: round.codes.map((c) => ({
        roundId,
        workspaceId,
        evidenceId: ids.evidence(c.evidenceId),
        coderId: coder[c.coder]!,
        partyId: ids.party(c.partyId),
        issueId: ids.issue(c.issueId),
        position: c.position,
        codedAt: date(c.codedAt),
      })),
    });
  }
}
