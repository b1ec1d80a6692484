import "server-only";
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { WorkspaceFixture } from "@/lib/demo/types";
import { sha256 } from "@/lib/documents/hash";
import { locateQuote } from "@/lib/evidence/anchor";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { cellKey } from "@/lib/matrix/as-of";
import { fromCalendarDate } from "@/lib/matrix/dates";
import { db } from "@/lib/platform/db/client";

export const DEMO_CORPUS_DIR = path.join(process.cwd(), "prisma", "demo", "corpus");

export class FixtureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FixtureError";
  }
}

function index<T extends { key: string }>(items: T[], what: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const item of items) {
    if (ids.has(item.key)) throw new FixtureError(`duplicate ${what} key "${item.key}"`);
    ids.set(item.key, randomUUID());
  }
  return ids;
}

function resolve(ids: Map<string, string>, key: string, what: string, where: string): string {
  const id = ids.get(key);
  if (!id) throw new FixtureError(`${where} names unknown ${what} "${key}"`);
  return id;
}

export type LoadedWorkspace = { id: string; slug: string; title: string };

type Transaction = Prisma.TransactionClient;

type LoadOptions = {
  corpusDir?: string;
  slug?: string;
  members?: { userId: string; role: Role }[];
  createdById?: string;
};

type FixtureKeys = Record<
  "partyIds" | "issueIds" | "personIds" | "documentIds" | "evidenceIds" | "revisionIds",
  Map<string, string>
>;

type RowContext = { fixture: WorkspaceFixture; ids: FixtureKeys; workspaceId: string; createdById: string | null };

/** Every quote located in its document's text by exact match; one that is not found verbatim aborts the load. */
function evidenceRowsOf({ fixture, ids, workspaceId, createdById }: RowContext, texts: Map<string, string>) {
  return fixture.evidence.map((item) => {
    const where = `evidence "${item.key}"`;
    const documentId = resolve(ids.documentIds, item.document, "document", where);
    const anchor = locateQuote(texts.get(item.document)!, item.exact, item.occurrence ?? 0);
    if (!anchor) {
      throw new FixtureError(
        `${where} is not found verbatim in document "${item.document}": “${item.exact.slice(0, 80)}”`,
      );
    }
    return {
      id: ids.evidenceIds.get(item.key)!,
      workspaceId,
      documentId,
      revisionId: ids.revisionIds.get(item.document)!,
      ...anchor,
      speakerId: item.speaker ? resolve(ids.personIds, item.speaker, "person", where) : null,
      saidOn: fromCalendarDate(item.saidOn),
      kind: item.kind,
      note: item.note ?? "",
      createdById,
    };
  });
}

function statementRowsOf({ fixture, ids, workspaceId, createdById }: RowContext) {
  const { partyIds, issueIds, evidenceIds } = ids;
  return fixture.statements.map((s, i) => {
    const where = `statement ${i + 1} (${s.party} on ${s.issue})`;
    return {
      id: randomUUID(),
      workspaceId,
      partyId: resolve(partyIds, s.party, "party", where),
      issueId: resolve(issueIds, s.issue, "issue", where),
      position: s.position,
      summary: s.summary,
      statedOn: fromCalendarDate(s.statedOn),
      recordedById: createdById,
      redLine: s.redLine ?? false,
      conditionText: s.condition?.text ?? null,
      conditionIssueId: s.condition?.cell ? resolve(issueIds, s.condition.cell.issue, "issue", where) : null,
      conditionPartyId: s.condition?.cell ? resolve(partyIds, s.condition.cell.party, "party", where) : null,
      conditionMinPosition: s.condition?.cell?.minPosition ?? null,
      links: s.evidence.map((link) => ({
        evidenceId: resolve(evidenceIds, link.key, "evidence", where),
        relation: link.relation,
      })),
    };
  });
}

function eventRowsOf({ fixture, ids }: RowContext) {
  return (fixture.events ?? []).map((event) => {
    const where = `event "${event.title}"`;
    return {
      id: randomUUID(),
      kind: event.kind,
      title: event.title,
      description: event.description ?? "",
      occurredOn: fromCalendarDate(event.occurredOn),
      parties: event.parties.map((key) => resolve(ids.partyIds, key, "party", where)),
      documents: event.documents.map((key) => resolve(ids.documentIds, key, "document", where)),
    };
  });
}

function issueLinkRowsOf({ fixture, ids, workspaceId }: RowContext) {
  return (fixture.issueLinks ?? []).map((link) => {
    const where = `issue link "${link.first}" – "${link.second}"`;
    return {
      workspaceId,
      kind: link.kind,
      firstIssueId: resolve(ids.issueIds, link.first, "issue", where),
      secondIssueId: resolve(ids.issueIds, link.second, "issue", where),
      note: link.note ?? "",
      partyId: link.party ? resolve(ids.partyIds, link.party, "party", where) : null,
      holdsFrom: link.holdsFrom ? fromCalendarDate(link.holdsFrom) : null,
    };
  });
}

/** Each cell's version: how many statements it has. */
function cellVersionsOf(statements: { issueId: string; partyId: string }[]) {
  const cellVersions = new Map<string, { issueId: string; partyId: string; version: number }>();
  for (const s of statements) {
    const key = cellKey(s.issueId, s.partyId);
    const cell = cellVersions.get(key) ?? { issueId: s.issueId, partyId: s.partyId, version: 0 };
    cell.version++;
    cellVersions.set(key, cell);
  }
  return [...cellVersions.values()];
}

/** The fixture as rows with fresh ids, every key resolved; throws FixtureError on the first that is not. */
async function planFixture(fixture: WorkspaceFixture, options: LoadOptions) {
  const corpusDir = options.corpusDir ?? DEMO_CORPUS_DIR;
  const workspaceId = randomUUID();
  const partyIds = index(fixture.parties, "party");
  const issueIds = index(fixture.issues, "issue");
  const personIds = index(fixture.people, "person");
  const documentIds = index(fixture.documents, "document");
  const evidenceIds = index(fixture.evidence, "evidence");
  const texts = new Map<string, string>();
  for (const document of fixture.documents) {
    texts.set(document.key, await readFile(path.join(/*turbopackIgnore: true*/ corpusDir, document.file), "utf8"));
  }
  const revisionIds = new Map(fixture.documents.map((d) => [d.key, randomUUID()]));
  const ids = { partyIds, issueIds, personIds, documentIds, evidenceIds, revisionIds };
  const rows: RowContext = { fixture, ids, workspaceId, createdById: options.createdById ?? null };
  const evidence = evidenceRowsOf(rows, texts);
  const statements = statementRowsOf(rows);
  const events = eventRowsOf(rows);
  const proposals = proposalRows(fixture, ids, evidence);
  const issueLinks = issueLinkRowsOf(rows);
  return {
    ...rows,
    slug: options.slug ?? fixture.slug,
    members: options.members ?? [],
    texts,
    evidence,
    statements,
    cells: cellVersionsOf(statements),
    events,
    proposals,
    issueLinks,
  };
}

type FixturePlan = Awaited<ReturnType<typeof planFixture>>;

/** The workspace, its members and the matrix's rows, columns and speakers. */
async function writeWorkspace(tx: Transaction, plan: FixturePlan, createdAt: Date) {
  const { fixture, ids, workspaceId } = plan;
  await tx.workspace.create({
    data: { id: workspaceId, slug: plan.slug, title: fixture.title, description: fixture.description, createdAt },
  });
  if (plan.members.length) {
    await tx.membership.createMany({
      data: plan.members.map((m) => ({ workspaceId, userId: m.userId, role: m.role, createdAt })),
    });
  }
  await tx.party.createMany({
    data: fixture.parties.map((p, i) => ({
      id: ids.partyIds.get(p.key)!,
      workspaceId,
      name: p.name,
      shortName: p.shortName,
      colour: p.colour,
      sortOrder: i,
    })),
  });
  await tx.issue.createMany({
    data: fixture.issues.map((issue, i) => ({
      id: ids.issueIds.get(issue.key)!,
      workspaceId,
      title: issue.title,
      description: issue.description,
      sortOrder: i,
    })),
  });
  await tx.person.createMany({
    data: fixture.people.map((p) => ({
      id: ids.personIds.get(p.key)!,
      workspaceId,
      name: p.name,
      aliases: p.aliases,
      role: p.role,
      partyId: p.party ? resolve(ids.partyIds, p.party, "party", `person "${p.key}"`) : null,
      organisation: p.organisation ?? "",
    })),
  });
}

/** Documents with their one revision, the quotes in them, and the statements citing the quotes. */
async function writeRecord(tx: Transaction, plan: FixturePlan, createdAt: Date) {
  const { fixture, ids, workspaceId, createdById, texts, statements } = plan;
  // Each statement a millisecond apart: distinct, ordered recording times keep same-day statements in fixture order.
  const recordedAt = (i: number) => new Date(createdAt.getTime() + 1 + i);
  await tx.document.createMany({
    data: fixture.documents.map((d) => ({
      id: ids.documentIds.get(d.key)!,
      workspaceId,
      title: d.title,
      outlet: d.outlet,
      url: d.url,
      language: d.language,
      publishedOn: d.publishedOn,
      importedById: createdById,
      importedAt: createdAt,
    })),
  });
  await tx.documentRevision.createMany({
    data: fixture.documents.map((d) => ({
      id: ids.revisionIds.get(d.key)!,
      workspaceId,
      documentId: ids.documentIds.get(d.key)!,
      number: 1,
      text: texts.get(d.key)!,
      contentHash: sha256(texts.get(d.key)!),
      createdById,
      createdAt,
    })),
  });
  await tx.evidence.createMany({ data: plan.evidence.map((row) => ({ ...row, createdAt })) });
  await tx.stanceStatement.createMany({
    data: statements.map(({ links: _links, ...row }, i) => ({ ...row, recordedAt: recordedAt(i) })),
  });
  await tx.statementEvidence.createMany({
    data: statements.flatMap((s) => s.links.map((l) => ({ workspaceId, statementId: s.id, ...l }))),
  });
  await tx.stanceCell.createMany({
    data: plan.cells.map((c) => ({ workspaceId, ...c, updatedAt: recordedAt(statements.length) })),
  });
}

/** The negotiation's events, the parties' proposals with their provisions, and the links between issues. */
async function writeNegotiation(tx: Transaction, plan: FixturePlan, createdAt: Date) {
  const { workspaceId, createdById, events, proposals } = plan;
  await tx.negotiationEvent.createMany({
    data: events.map(({ parties: _parties, documents: _documents, ...row }) => ({
      ...row,
      workspaceId,
      createdById,
      createdAt,
      updatedAt: createdAt,
    })),
  });
  await tx.negotiationEventParty.createMany({
    data: events.flatMap((e) => e.parties.map((partyId) => ({ workspaceId, eventId: e.id, partyId }))),
  });
  await tx.negotiationEventDocument.createMany({
    data: events.flatMap((e) => e.documents.map((documentId) => ({ workspaceId, eventId: e.id, documentId }))),
  });
  await tx.negotiationProposal.createMany({
    data: proposals.proposals.map((row) => ({ ...row, workspaceId, createdAt, updatedAt: createdAt })),
  });
  await tx.proposalProvision.createMany({
    data: proposals.provisions.map(({ issueIds: _issues, answers: _answers, ...row }) => ({
      ...row,
      workspaceId,
      createdAt,
    })),
  });
  await tx.provisionIssue.createMany({
    data: proposals.provisions.flatMap((p) =>
      p.issueIds.map((issueId) => ({ workspaceId, provisionId: p.id, issueId })),
    ),
  });
  await tx.provisionAnswer.createMany({
    data: proposals.provisions.flatMap((p) =>
      p.answers.map((answeredProvisionId) => ({ workspaceId, provisionId: p.id, answeredProvisionId })),
    ),
  });
  await tx.issueLink.createMany({ data: plan.issueLinks.map((row) => ({ ...row, createdAt })) });
}

/**
 * Creates a whole workspace from a fixture in one transaction. Every quote is located in its
 * document by exact match; one that is not found verbatim aborts the load with its key.
 */
export async function loadWorkspaceFixture(
  fixture: WorkspaceFixture,
  options: LoadOptions = {},
): Promise<LoadedWorkspace> {
  const plan = await planFixture(fixture, options);
  await db().$transaction(
    async (tx) => {
      // Every time comes from the database's clock, as every later edit's does: the workspace and its
      // documents and quotes at the transaction's start, then each statement a millisecond apart.
      const [{ now: createdAt }] = await tx.$queryRaw<[{ now: Date }]>`SELECT now() AS now`;
      await writeWorkspace(tx, plan, createdAt);
      await writeRecord(tx, plan, createdAt);
      await writeNegotiation(tx, plan, createdAt);
      await tx.activityEvent.create({
        data: {
          workspaceId: plan.workspaceId,
          actorId: plan.createdById,
          at: createdAt,
          action: "workspace.created",
          subjectType: "workspace",
          subjectId: plan.workspaceId,
          after: { slug: plan.slug, source: "fixture" },
        },
      });
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  return { id: plan.workspaceId, slug: plan.slug, title: fixture.title };
}

type FixtureIds = Record<"partyIds" | "issueIds" | "documentIds" | "evidenceIds", Map<string, string>>;

/**
 * The fixture's proposals as rows, in an order the foreign keys accept (a proposal after the one
 * it answers). A provision quotes its proposal's document and answers only the proposal it answers.
 */
function proposalRows(fixture: WorkspaceFixture, ids: FixtureIds, evidence: { id: string; documentId: string }[]) {
  const list = fixture.proposals ?? [];
  const proposalIds = index(list, "proposal");
  const provisionIds = index(
    list.flatMap((p) => p.provisions),
    "provision",
  );
  const documentOf = new Map(evidence.map((e) => [e.id, e.documentId]));
  const proposals = list.map((p) => {
    const where = `proposal "${p.key}"`;
    const answered = p.answers ? list.find((other) => other.key === p.answers) : undefined;
    if (p.answers && (!answered || list.indexOf(answered) > list.indexOf(p)))
      throw new FixtureError(`${where} answers "${p.answers}", which does not come before it`);
    return {
      id: proposalIds.get(p.key)!,
      partyId: resolve(ids.partyIds, p.party, "party", where),
      kind: p.kind,
      title: p.title,
      proposedOn: fromCalendarDate(p.proposedOn),
      documentId: resolve(ids.documentIds, p.document, "document", where),
      documentPart: p.documentPart ?? "",
      answersId: answered ? proposalIds.get(answered.key)! : null,
    };
  });
  const provisions = list.flatMap((p, i) =>
    p.provisions.map((v, sortOrder) => {
      const where = `provision "${v.key}"`;
      const evidenceId = resolve(ids.evidenceIds, v.quote, "evidence", where);
      if (documentOf.get(evidenceId) !== proposals[i]!.documentId)
        throw new FixtureError(`${where} quotes another document than its proposal's`);
      const answerable = new Set(list.find((other) => other.key === p.answers)?.provisions.map((a) => a.key));
      for (const key of v.answers ?? [])
        if (!answerable.has(key)) throw new FixtureError(`${where} answers "${key}", not in the proposal it answers`);
      return {
        id: provisionIds.get(v.key)!,
        proposalId: proposals[i]!.id,
        evidenceId,
        label: v.label,
        sortOrder,
        issueIds: v.issues.map((key) => resolve(ids.issueIds, key, "issue", where)),
        answers: (v.answers ?? []).map((key) => provisionIds.get(key)!),
      };
    }),
  );
  return { proposals, provisions };
}
