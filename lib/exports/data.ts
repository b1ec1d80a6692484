import "server-only";
import { activityNames, listRecordChanges } from "@/lib/activity/data";
import { activitySentence } from "@/lib/activity/sentences";
import { ROUND_HEADING_SELECT } from "@/lib/coding/data";
import { COMMENT_STATE_SELECT } from "@/lib/comments/data";
import { getWhatMoved } from "@/lib/convergence/data";
import { orderSides, PAIR_SELECT, type QuoteOrder, quotePair } from "@/lib/evidence/pairs";
import type {
  BriefingDigest,
  CellStatement,
  Citation,
  CommentThread,
  EvidenceExport,
  MatrixExport,
  RecordedChange,
  Speaker,
} from "@/lib/exports/model";
import { briefingDigestOf } from "@/lib/exports/text";
import {
  type ExportActor,
  WORKSPACE_EXPORT_FORMAT,
  WORKSPACE_EXPORT_VERSION,
  type WorkspaceExport,
  WorkspaceExportSchema,
} from "@/lib/exports/workspace-file";
import { Prisma } from "@/lib/generated/prisma/client";
import { getMatrix, listChangeDates, STANCE_CONTENT_SELECT, STATEMENT_LINE_SELECT } from "@/lib/matrix/data";
import { toCalendarDate } from "@/lib/matrix/dates";
import { POSITIONS, resolvePositionLabels } from "@/lib/matrix/positions";
import type { MatrixView } from "@/lib/matrix/schema";
import { db } from "@/lib/platform/db/client";
import { PROPOSED_STANCE_SELECT } from "@/lib/review/data";
import { ProposalLinksSchema, ProposalQualitiesSchema } from "@/lib/review/schema";
import { displayName } from "@/lib/users/display-name";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

const ACTOR = { select: { id: true, name: true, email: true } } as const;
const SPEAKER = { select: { name: true, role: true, organisation: true, party: { select: { name: true } } } } as const;

type Actor = { name: string; email: string } | null;

const actor = (user: Actor): ExportActor => (user ? { name: user.name, email: user.email } : null);
const iso = (value: Date | null) => (value ? value.toISOString() : null);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function speakerOf(
  person: { name: string; role: string; organisation: string; party: { name: string } | null } | null,
): Speaker | null {
  return person
    ? { name: person.name, role: person.role, affiliation: person.party?.name ?? person.organisation }
    : null;
}

// ---------------------------------------------------------------- matrix and briefing

/**
 * Open threads on the given statements and quotes: first comments not resolved, with their
 * replies. Deleted comments are left out; a thread whose first comment was deleted still shows
 * while it has replies.
 */
async function findOpenThreads(workspace: AuthorizedWorkspace, statementIds: string[], evidenceIds: string[]) {
  const comment = { body: true, createdAt: true, editedAt: true, author: ACTOR } as const;
  const roots = await db().comment.findMany({
    where: {
      workspaceId: workspace.id,
      parentId: null,
      resolvedAt: null,
      OR: [{ statementId: { in: statementIds } }, { evidenceId: { in: evidenceIds } }],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      statementId: true,
      evidenceId: true,
      deletedAt: true,
      ...comment,
      replies: { where: { deletedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: comment },
    },
  });
  const shape = (c: {
    body: string;
    createdAt: Date;
    editedAt: Date | null;
    author: { name: string; email: string };
  }) => ({
    author: displayName(c.author),
    body: c.body,
    createdAt: c.createdAt.toISOString(),
    edited: c.editedAt !== null,
  });
  const byStatement = new Map<string, CommentThread[]>();
  const byEvidence = new Map<string, CommentThread[]>();
  for (const root of roots) {
    if (root.deletedAt && root.replies.length === 0) continue;
    const thread = { id: root.id, root: root.deletedAt ? null : shape(root), replies: root.replies.map(shape) };
    const [map, key] = root.statementId ? [byStatement, root.statementId] : [byEvidence, root.evidenceId!];
    map.set(key, [...(map.get(key) ?? []), thread]);
  }
  return { byStatement, byEvidence };
}

function pairOfCitation(evidence: Parameters<typeof quotePair>[0], order: QuoteOrder): Pick<Citation, "pair"> {
  const sides = quotePair(evidence);
  if (!sides) return {};
  return {
    pair: orderSides(sides, order).map((s) => ({
      evidenceId: s.id,
      role: s.role,
      exact: s.exact,
      language: s.document.language,
      title: s.document.title,
    })),
  };
}

/** How many of the latest changes a briefing lists; the activity page has the rest. */
const BRIEFING_CHANGES = 20;

/** The latest changes to the record up to the end of `asOf`, in the activity log's sentences. */
async function findRecordedChanges(workspace: AuthorizedWorkspace, asOf: string): Promise<RecordedChange[]> {
  const events = await listRecordChanges(workspace, asOf, BRIEFING_CHANGES);
  if (events.length === 0) return [];
  const names = await activityNames(workspace, events);
  return events.map((event) => {
    const sentence = activitySentence(
      workspace.slug,
      { ...event, actor: event.actor ? displayName(event.actor) : null },
      names,
    );
    return { at: event.at.toISOString(), actor: sentence.actor, text: sentence.text, detail: sentence.detail };
  });
}

/**
 * The briefing's digest of what moved from `from` (by default the change date before the latest
 * one up to asOf, so the latest change is in it) to asOf; null when there is no such window.
 */
export async function findBriefingDigest(
  workspace: AuthorizedWorkspace,
  asOf: string,
  from: string | undefined,
  baseUrl: string | undefined,
): Promise<BriefingDigest | null> {
  const start = from ?? (await listChangeDates(workspace)).filter((date) => date <= asOf).at(-2);
  if (!start || start >= asOf) return null;
  return briefingDigestOf(await getWhatMoved(workspace, start, asOf), baseUrl);
}

type OpenThreads = Awaited<ReturnType<typeof findOpenThreads>>;

function findCitedEvidence(workspace: AuthorizedWorkspace, statementIds: string[]) {
  return db().statementEvidence.findMany({
    where: { workspaceId: workspace.id, statementId: { in: statementIds } },
    select: {
      statementId: true,
      relation: true,
      evidence: {
        select: {
          id: true,
          exact: true,
          kind: true,
          saidOn: true,
          startOffset: true,
          speaker: SPEAKER,
          document: { select: { id: true, title: true, outlet: true, url: true, publishedOn: true, language: true } },
          revision: { select: { number: true } },
          ...PAIR_SELECT,
        },
      },
    },
  });
}

/** Each statement's citations, by date said, then document and place in it. */
function citationsByStatement(
  links: Awaited<ReturnType<typeof findCitedEvidence>>,
  threads: OpenThreads,
  quoteOrder: QuoteOrder,
): (statementId: string) => Citation[] {
  const citations = new Map<string, (Citation & { startOffset: number })[]>();
  for (const { statementId, relation, evidence } of links) {
    const list = citations.get(statementId) ?? [];
    list.push({
      evidenceId: evidence.id,
      relation,
      exact: evidence.exact,
      kind: evidence.kind,
      saidOn: toCalendarDate(evidence.saidOn),
      startOffset: evidence.startOffset,
      speaker: speakerOf(evidence.speaker),
      document: {
        id: evidence.document.id,
        title: evidence.document.title,
        outlet: evidence.document.outlet,
        url: evidence.document.url,
        publishedOn: evidence.document.publishedOn,
        revision: evidence.revision.number,
      },
      threads: threads.byEvidence.get(evidence.id) ?? [],
      ...pairOfCitation(evidence, quoteOrder),
    });
    citations.set(statementId, list);
  }
  return (statementId) =>
    (citations.get(statementId) ?? [])
      .sort(
        (a, b) =>
          compare(a.saidOn, b.saidOn) ||
          compare(a.document.title, b.document.title) ||
          a.startOffset - b.startOffset ||
          compare(a.evidenceId, b.evidenceId),
      )
      .map(({ startOffset: _startOffset, ...citation }) => citation);
}

/** The matrix's cells, issue by issue and party by party, each with its shown statement or null. */
function exportCells(
  matrix: MatrixView,
  citationsOf: (statementId: string) => Citation[],
  threads: OpenThreads,
): MatrixExport["cells"] {
  const shown = new Map(matrix.cells.map((c) => [`${c.issueId}/${c.partyId}`, c.statement]));
  const issueTitles = new Map(matrix.issues.map((i) => [i.id, i.title]));
  const partyNames = new Map(matrix.parties.map((p) => [p.id, p.name]));
  return matrix.issues.flatMap((issue) =>
    matrix.parties.map((party) => {
      const statement = shown.get(`${issue.id}/${party.id}`) ?? null;
      const cell: CellStatement | null = statement && {
        id: statement.id,
        position: statement.position as CellStatement["position"],
        summary: statement.summary,
        statedOn: statement.statedOn,
        confidence: statement.confidence,
        confidenceRationale: statement.confidenceRationale,
        redLine: statement.redLine ?? false,
        conditionText: statement.conditionText ?? null,
        conditionCell: statement.conditionCell
          ? {
              issue: issueTitles.get(statement.conditionCell.issueId) ?? "",
              party: partyNames.get(statement.conditionCell.partyId) ?? "",
              minPosition: statement.conditionCell.minPosition,
            }
          : null,
        citations: citationsOf(statement.id),
        threads: threads.byStatement.get(statement.id) ?? [],
      };
      return { issueId: issue.id, partyId: party.id, statement: cell };
    }),
  );
}

/** The matrix as of a date, each shown statement with its citations (and, for briefings, open threads). */
export async function getMatrixExport(
  workspace: AuthorizedWorkspace,
  asOf: string,
  options: { threads: boolean; changes?: boolean; quoteOrder?: QuoteOrder },
): Promise<MatrixExport> {
  const matrix = await getMatrix(workspace, asOf);
  const meta = await db().workspace.findUniqueOrThrow({ where: { id: workspace.id }, select: { description: true } });
  const statementIds = matrix.cells.flatMap((c) => (c.statement ? [c.statement.id] : []));
  const links = await findCitedEvidence(workspace, statementIds);
  const threads = options.threads
    ? await findOpenThreads(workspace, statementIds, [...new Set(links.map((l) => l.evidence.id))])
    : { byStatement: new Map<string, CommentThread[]>(), byEvidence: new Map<string, CommentThread[]>() };
  const citationsOf = citationsByStatement(links, threads, options.quoteOrder ?? "original");
  const changes = options.changes ? await findRecordedChanges(workspace, asOf) : [];
  return {
    workspace: { slug: workspace.slug, title: workspace.title, description: meta.description },
    asOf,
    positionLabels: resolvePositionLabels(matrix.positionLabels),
    parties: matrix.parties,
    issues: matrix.issues,
    cells: exportCells(matrix, citationsOf, threads),
    changes,
  };
}

// ---------------------------------------------------------------- evidence as annotations

function findAnnotatedEvidence(workspace: AuthorizedWorkspace) {
  return db().evidence.findMany({
    where: { workspaceId: workspace.id },
    select: {
      id: true,
      exact: true,
      prefix: true,
      suffix: true,
      startOffset: true,
      endOffset: true,
      kind: true,
      saidOn: true,
      note: true,
      createdAt: true,
      createdBy: ACTOR,
      speaker: SPEAKER,
      document: { select: { id: true, title: true, outlet: true, url: true, language: true, publishedOn: true } },
      revision: { select: { id: true, number: true } },
      translationOfId: true,
      links: {
        select: {
          relation: true,
          statement: {
            select: {
              ...STATEMENT_LINE_SELECT,
              issue: { select: { title: true } },
              party: { select: { name: true } },
              amendment: { select: { kind: true } },
            },
          },
        },
      },
    },
  });
}

type AnnotatedEvidence = Awaited<ReturnType<typeof findAnnotatedEvidence>>[number];

/** The statements a quote supports or undercuts, by date stated, then party. */
function annotationLinks(links: AnnotatedEvidence["links"]) {
  return links
    .map(({ relation, statement: s }) => ({
      relation,
      statement: {
        id: s.id,
        issueId: s.issueId,
        partyId: s.partyId,
        issue: s.issue.title,
        party: s.party.name,
        position: s.position,
        summary: s.summary,
        statedOn: toCalendarDate(s.statedOn),
        amendment: s.amendment?.kind ?? null,
      },
    }))
    .sort(
      (a, b) =>
        compare(a.statement.statedOn, b.statement.statedOn) ||
        compare(a.statement.party, b.statement.party) ||
        compare(a.statement.id, b.statement.id),
    );
}

export async function getEvidenceExport(workspace: AuthorizedWorkspace): Promise<EvidenceExport> {
  const settings = await db().workspace.findUniqueOrThrow({
    where: { id: workspace.id },
    select: { positionLabels: true },
  });
  const evidence = await findAnnotatedEvidence(workspace);
  return {
    workspace: { id: workspace.id, slug: workspace.slug, title: workspace.title },
    positionLabels: resolvePositionLabels(settings.positionLabels),
    evidence: evidence
      .sort(
        (a, b) =>
          compare(a.document.title, b.document.title) ||
          compare(a.document.id, b.document.id) ||
          a.revision.number - b.revision.number ||
          a.startOffset - b.startOffset ||
          compare(a.id, b.id),
      )
      .map((e) => ({
        id: e.id,
        exact: e.exact,
        prefix: e.prefix,
        suffix: e.suffix,
        startOffset: e.startOffset,
        endOffset: e.endOffset,
        kind: e.kind,
        saidOn: toCalendarDate(e.saidOn),
        note: e.note,
        createdAt: e.createdAt.toISOString(),
        creator: e.createdBy ? { id: e.createdBy.id, name: displayName(e.createdBy) } : null,
        speaker: speakerOf(e.speaker),
        document: { ...e.document, revision: e.revision.number, revisionId: e.revision.id },
        translationOfId: e.translationOfId,
        links: annotationLinks(e.links),
      })),
  };
}

// ---------------------------------------------------------------- the whole workspace

/** Only the labels a workspace overrides, as stored; the defaults are not the workspace's data. */
function storedPositionLabels(stored: unknown): Partial<Record<(typeof POSITIONS)[number], string>> {
  const labels: Partial<Record<(typeof POSITIONS)[number], string>> = {};
  if (stored && typeof stored === "object") {
    for (const position of POSITIONS) {
      const value = (stored as Record<string, unknown>)[position];
      if (typeof value === "string" && value) labels[position] = value;
    }
  }
  return labels;
}
type Transaction = Prisma.TransactionClient;
type Scope = { workspaceId: string };

function readWorkspaceMeta(tx: Transaction, workspaceId: string) {
  return tx.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { slug: true, title: true, description: true, positionLabels: true, createdAt: true, reviewMode: true },
  });
}

/** Who and what the matrix is about: parties, issues and the people who speak. */
async function readCast(tx: Transaction, where: Scope) {
  const parties = await tx.party.findMany({
    where,
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true, shortName: true, colour: true, sortOrder: true, archivedAt: true },
  });
  const issues = await tx.issue.findMany({
    where,
    orderBy: [{ sortOrder: "asc" }, { title: "asc" }],
    select: { id: true, title: true, description: true, sortOrder: true, archivedAt: true },
  });
  const people = await tx.person.findMany({
    where,
    orderBy: { name: "asc" },
    select: { id: true, name: true, aliases: true, role: true, partyId: true, organisation: true },
  });
  return { parties, issues, people };
}

function readDocuments(tx: Transaction, where: Scope) {
  return tx.document.findMany({
    where,
    orderBy: [{ importedAt: "asc" }, { title: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      outlet: true,
      url: true,
      language: true,
      publishedOn: true,
      translationOfId: true,
      importedAt: true,
      importedBy: ACTOR,
      revisions: {
        orderBy: { number: "asc" },
        select: {
          id: true,
          number: true,
          text: true,
          contentHash: true,
          note: true,
          createdAt: true,
          createdBy: ACTOR,
        },
      },
    },
  });
}

function readEvidence(tx: Transaction, where: Scope) {
  return tx.evidence.findMany({
    where,
    select: {
      id: true,
      documentId: true,
      revisionId: true,
      startOffset: true,
      endOffset: true,
      exact: true,
      prefix: true,
      suffix: true,
      speakerId: true,
      saidOn: true,
      kind: true,
      note: true,
      createdAt: true,
      createdBy: ACTOR,
      translationOfId: true,
      anchors: {
        select: {
          revisionId: true,
          status: true,
          score: true,
          startOffset: true,
          endOffset: true,
          exact: true,
          createdAt: true,
          reviewedAt: true,
          reviewedById: true,
        },
      },
    },
  });
}

/** The recorded stances: every statement ever made, and each cell's version. */
async function readStances(tx: Transaction, where: Scope) {
  const statements = await tx.stanceStatement.findMany({
    where,
    select: {
      id: true,
      partyId: true,
      issueId: true,
      ...STANCE_CONTENT_SELECT,
      recordedAt: true,
      recordedBy: ACTOR,
      links: { select: { evidenceId: true, relation: true } },
      amendment: { select: { kind: true, replacementId: true, reason: true, amendedAt: true, amendedBy: ACTOR } },
    },
  });
  const cells = await tx.stanceCell.findMany({
    where,
    select: { issueId: true, partyId: true, version: true, updatedAt: true },
  });
  return { statements, cells };
}

/** The team's review work: comments, stance proposals and dismissed suggestions. */
async function readReview(tx: Transaction, where: Scope) {
  const comments = await tx.comment.findMany({
    where,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      evidenceId: true,
      statementId: true,
      proposalId: true,
      parentId: true,
      author: ACTOR,
      ...COMMENT_STATE_SELECT,
    },
  });
  const proposals = await tx.stanceProposal.findMany({
    where,
    orderBy: [{ proposedAt: "asc" }, { id: "asc" }],
    select: {
      ...PROPOSED_STANCE_SELECT,
      qualities: true,
      rationale: true,
      status: true,
      proposedAt: true,
      proposedBy: ACTOR,
      decidedAt: true,
      decidedBy: ACTOR,
      decisionRationale: true,
      statementId: true,
    },
  });
  const dismissals = await tx.suggestionDismissal.findMany({
    where,
    select: { revisionId: true, startOffset: true, endOffset: true, dismissedAt: true, dismissedById: true },
  });
  return { comments, proposals, dismissals };
}

/** The negotiation itself: events, the parties' proposals with their provisions, and links between issues. */
async function readNegotiation(tx: Transaction, where: Scope) {
  const events = await tx.negotiationEvent.findMany({
    where,
    orderBy: [{ occurredOn: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      kind: true,
      title: true,
      description: true,
      occurredOn: true,
      createdAt: true,
      createdBy: ACTOR,
      parties: { select: { partyId: true } },
      documents: { select: { documentId: true } },
    },
  });
  const negotiationProposals = await tx.negotiationProposal.findMany({
    where,
    orderBy: [{ proposedOn: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      partyId: true,
      kind: true,
      title: true,
      proposedOn: true,
      documentId: true,
      documentPart: true,
      answersId: true,
      createdAt: true,
      provisions: {
        orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
        select: {
          id: true,
          evidenceId: true,
          label: true,
          issues: { select: { issueId: true } },
          answers: { select: { answeredProvisionId: true } },
        },
      },
    },
  });
  const issueLinks = await tx.issueLink.findMany({
    where,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      kind: true,
      firstIssueId: true,
      secondIssueId: true,
      note: true,
      partyId: true,
      holdsFrom: true,
      createdAt: true,
    },
  });
  return { events, negotiationProposals, issueLinks };
}

function readCodingRounds(tx: Transaction, where: Scope) {
  return tx.codingRound.findMany({
    where,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      ...ROUND_HEADING_SELECT,
      createdBy: ACTOR,
      units: { orderBy: { sortOrder: "asc" }, select: { evidenceId: true } },
      coders: { orderBy: { userId: "asc" }, select: { user: ACTOR } },
      codes: {
        orderBy: [{ evidenceId: "asc" }, { coderId: "asc" }],
        select: { evidenceId: true, coderId: true, partyId: true, issueId: true, position: true, codedAt: true },
      },
    },
  });
}

/** Anchors, comments and dismissals name their reviewers by id only (no relation in the schema). */
async function readUsersByIds(tx: Transaction, ids: (string | null)[]) {
  const userIds = [...new Set(ids.filter((id): id is string => id !== null))];
  const users = await tx.user.findMany({
    where: { id: { in: userIds } },
    select: { id: true, name: true, email: true },
  });
  return new Map(users.map((u) => [u.id, u]));
}

/**
 * Everything that makes up the workspace's content, read in one REPEATABLE READ transaction so
 * the file is a consistent snapshot even while others edit.
 */
function readWorkspaceSnapshot(workspace: AuthorizedWorkspace) {
  const where = { workspaceId: workspace.id };
  return db().$transaction(
    async (tx) => {
      const meta = await readWorkspaceMeta(tx, workspace.id);
      const cast = await readCast(tx, where);
      const documents = await readDocuments(tx, where);
      const evidence = await readEvidence(tx, where);
      const stances = await readStances(tx, where);
      const review = await readReview(tx, where);
      const negotiation = await readNegotiation(tx, where);
      const codingRounds = await readCodingRounds(tx, where);
      const users = await readUsersByIds(tx, [
        ...evidence.flatMap((e) => e.anchors.map((a) => a.reviewedById)),
        ...review.comments.map((c) => c.resolvedById),
        ...review.dismissals.map((d) => d.dismissedById),
      ]);
      return { meta, ...cast, documents, evidence, ...stances, ...review, ...negotiation, codingRounds, users };
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 60_000, maxWait: 10_000 },
  );
}

type Snapshot = Awaited<ReturnType<typeof readWorkspaceSnapshot>>;

/**
 * The content orders the file's arrays follow: parties and issues as sorted, documents by import,
 * evidence by where it sits in its document, statements by cell and date.
 */
function exportOrdering(file: Snapshot) {
  const partyOrder = new Map(file.parties.map((p, i) => [p.id, i]));
  const issueOrder = new Map(file.issues.map((issue, i) => [issue.id, i]));
  const documentOrder = new Map(file.documents.map((d, i) => [d.id, i]));
  const revisionNumber = new Map(file.documents.flatMap((d) => d.revisions.map((r) => [r.id, r.number] as const)));
  const revisionOrder = new Map(
    file.documents.flatMap((d, i) => d.revisions.map((r) => [r.id, i * 1_000_000 + r.number] as const)),
  );
  const evidence = [...file.evidence].sort(
    (a, b) =>
      documentOrder.get(a.documentId)! - documentOrder.get(b.documentId)! ||
      revisionNumber.get(a.revisionId)! - revisionNumber.get(b.revisionId)! ||
      a.startOffset - b.startOffset ||
      a.endOffset - b.endOffset ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      compare(a.id, b.id),
  );
  const evidenceOrder = new Map(evidence.map((e, i) => [e.id, i]));
  const cellOrder = (c: { issueId: string; partyId: string }) =>
    issueOrder.get(c.issueId)! * 1_000_000 + partyOrder.get(c.partyId)!;
  const statements = [...file.statements].sort(
    (a, b) =>
      cellOrder(a) - cellOrder(b) ||
      a.statedOn.getTime() - b.statedOn.getTime() ||
      a.recordedAt.getTime() - b.recordedAt.getTime() ||
      compare(a.id, b.id),
  );
  return {
    partyOrder,
    issueOrder,
    documentOrder,
    revisionNumber,
    revisionOrder,
    evidenceOrder,
    cellOrder,
    evidence,
    statements,
  };
}

type Ordering = ReturnType<typeof exportOrdering>;
type UserActor = (id: string | null) => ExportActor;

function serialiseWorkspace(meta: Snapshot["meta"]) {
  return {
    slug: meta.slug,
    title: meta.title,
    description: meta.description,
    positionLabels: storedPositionLabels(meta.positionLabels),
    createdAt: meta.createdAt.toISOString(),
    reviewMode: meta.reviewMode,
  };
}

function serialiseDocuments(documents: Snapshot["documents"]) {
  return documents.map((d) => ({
    ...d,
    importedAt: d.importedAt.toISOString(),
    importedBy: actor(d.importedBy),
    revisions: d.revisions.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      createdBy: actor(r.createdBy),
    })),
  }));
}

function serialiseEvidence(order: Ordering, userActor: UserActor) {
  return order.evidence.map(({ anchors, ...e }) => ({
    ...e,
    saidOn: toCalendarDate(e.saidOn),
    createdAt: e.createdAt.toISOString(),
    createdBy: actor(e.createdBy),
    anchors: anchors
      .sort((a, b) => order.revisionNumber.get(a.revisionId)! - order.revisionNumber.get(b.revisionId)!)
      .map(({ reviewedById, ...a }) => ({
        ...a,
        createdAt: a.createdAt.toISOString(),
        reviewedAt: iso(a.reviewedAt),
        reviewedBy: userActor(reviewedById),
      })),
  }));
}

function serialiseStatements(order: Ordering) {
  return order.statements.map(
    ({ links, amendment, conditionIssueId, conditionPartyId, conditionMinPosition, ...s }) => ({
      ...s,
      conditionCell:
        conditionIssueId && conditionPartyId && conditionMinPosition
          ? { issueId: conditionIssueId, partyId: conditionPartyId, minPosition: conditionMinPosition }
          : null,
      statedOn: toCalendarDate(s.statedOn),
      recordedAt: s.recordedAt.toISOString(),
      recordedBy: actor(s.recordedBy),
      evidence: links.sort((a, b) => order.evidenceOrder.get(a.evidenceId)! - order.evidenceOrder.get(b.evidenceId)!),
      amendment: amendment
        ? { ...amendment, amendedAt: amendment.amendedAt.toISOString(), amendedBy: actor(amendment.amendedBy) }
        : null,
    }),
  );
}

function serialiseComments(comments: Snapshot["comments"], userActor: UserActor) {
  return comments.map(({ resolvedById, ...c }) => ({
    ...c,
    author: actor(c.author),
    createdAt: c.createdAt.toISOString(),
    editedAt: iso(c.editedAt),
    deletedAt: iso(c.deletedAt),
    resolvedAt: iso(c.resolvedAt),
    resolvedBy: userActor(resolvedById),
  }));
}

function serialiseProposals(proposals: Snapshot["proposals"]) {
  return proposals.map(({ links, proposedBy, decidedBy, qualities, ...p }) => ({
    ...p,
    qualities: qualities === null ? null : ProposalQualitiesSchema.parse(qualities),
    statedOn: p.statedOn ? toCalendarDate(p.statedOn) : null,
    evidence: ProposalLinksSchema.parse(links),
    proposedAt: p.proposedAt.toISOString(),
    proposedBy: actor(proposedBy),
    decidedAt: iso(p.decidedAt),
    decidedBy: actor(decidedBy),
  }));
}

function serialiseDismissals(dismissals: Snapshot["dismissals"], order: Ordering, userActor: UserActor) {
  return dismissals
    .map(({ dismissedById, ...d }) => ({
      ...d,
      dismissedAt: d.dismissedAt.toISOString(),
      dismissedBy: userActor(dismissedById),
    }))
    .sort(
      (a, b) =>
        order.revisionOrder.get(a.revisionId)! - order.revisionOrder.get(b.revisionId)! ||
        a.startOffset - b.startOffset ||
        a.endOffset - b.endOffset,
    );
}

function serialiseEvents(events: Snapshot["events"], order: Ordering) {
  return events.map(({ parties, documents, ...e }) => ({
    ...e,
    occurredOn: toCalendarDate(e.occurredOn),
    createdAt: e.createdAt.toISOString(),
    createdBy: actor(e.createdBy),
    partyIds: parties.map((p) => p.partyId).sort((a, b) => order.partyOrder.get(a)! - order.partyOrder.get(b)!),
    documentIds: documents
      .map((d) => d.documentId)
      .sort((a, b) => order.documentOrder.get(a)! - order.documentOrder.get(b)!),
  }));
}

function serialiseNegotiationProposals(proposals: Snapshot["negotiationProposals"], order: Ordering) {
  return proposals.map(({ provisions, ...p }) => ({
    ...p,
    proposedOn: toCalendarDate(p.proposedOn),
    createdAt: p.createdAt.toISOString(),
    provisions: provisions.map(({ issues, answers, ...provision }) => ({
      ...provision,
      issueIds: issues.map((i) => i.issueId).sort((a, b) => order.issueOrder.get(a)! - order.issueOrder.get(b)!),
      answersProvisionIds: answers.map((a) => a.answeredProvisionId).sort(),
    })),
  }));
}

function serialiseCodingRounds(rounds: Snapshot["codingRounds"]) {
  return rounds.map(({ units, coders, codes, ...r }) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    closedAt: iso(r.closedAt),
    createdBy: actor(r.createdBy),
    units: units.map((u) => u.evidenceId),
    coders: coders.map(({ user }) => actor(user)),
    codes: codes.map(({ coderId, ...c }) => ({
      ...c,
      coder: coders.findIndex(({ user }) => user.id === coderId),
      codedAt: c.codedAt.toISOString(),
    })),
  }));
}

/**
 * The whole workspace as one file, from a consistent snapshot. Arrays are ordered by content, so
 * two exports of the same workspace differ only where its content does.
 */
export async function getWorkspaceExport(workspace: AuthorizedWorkspace): Promise<WorkspaceExport> {
  const file = await readWorkspaceSnapshot(workspace);
  const userActor: UserActor = (id) => (id ? actor(file.users.get(id) ?? null) : null);
  const order = exportOrdering(file);
  return WorkspaceExportSchema.parse({
    format: WORKSPACE_EXPORT_FORMAT,
    version: WORKSPACE_EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    workspace: serialiseWorkspace(file.meta),
    parties: file.parties.map((p) => ({ ...p, archivedAt: iso(p.archivedAt) })),
    issues: file.issues.map((i) => ({ ...i, archivedAt: iso(i.archivedAt) })),
    people: file.people,
    documents: serialiseDocuments(file.documents),
    evidence: serialiseEvidence(order, userActor),
    statements: serialiseStatements(order),
    cells: [...file.cells]
      .sort((a, b) => order.cellOrder(a) - order.cellOrder(b))
      .map((c) => ({ ...c, updatedAt: c.updatedAt.toISOString() })),
    comments: serialiseComments(file.comments, userActor),
    proposals: serialiseProposals(file.proposals),
    dismissedSuggestions: serialiseDismissals(file.dismissals, order, userActor),
    events: serialiseEvents(file.events, order),
    negotiationProposals: serialiseNegotiationProposals(file.negotiationProposals, order),
    issueLinks: file.issueLinks.map((link) => ({
      ...link,
      holdsFrom: link.holdsFrom ? toCalendarDate(link.holdsFrom) : null,
      createdAt: link.createdAt.toISOString(),
    })),
    codingRounds: serialiseCodingRounds(file.codingRounds),
  });
}
