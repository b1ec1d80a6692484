import "server-only";
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db/client";
import type { WorkspaceFixture } from "@/lib/demo/types";
import { sha256 } from "@/lib/documents/hash";
import { locateQuote } from "@/lib/evidence/anchor";
import type { Role } from "@/lib/generated/prisma/enums";
import { cellKey } from "@/lib/matrix/as-of";
import { fromCalendarDate } from "@/lib/matrix/dates";

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

/**
 * Creates a whole workspace from a fixture in one transaction. Every quote is located in its
 * document by exact match; one that is not found verbatim aborts the load with its key.
 */
export async function loadWorkspaceFixture(
  fixture: WorkspaceFixture,
  options: { corpusDir?: string; slug?: string; members?: { userId: string; role: Role }[]; createdById?: string } = {},
): Promise<LoadedWorkspace> {
  const corpusDir = options.corpusDir ?? DEMO_CORPUS_DIR;
  const workspaceId = randomUUID();
  const slug = options.slug ?? fixture.slug;
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

  const evidenceRows = fixture.evidence.map((item) => {
    const where = `evidence "${item.key}"`;
    const documentId = resolve(documentIds, item.document, "document", where);
    const anchor = locateQuote(texts.get(item.document)!, item.exact, item.occurrence ?? 0);
    if (!anchor) {
      throw new FixtureError(
        `${where} is not found verbatim in document "${item.document}": “${item.exact.slice(0, 80)}”`,
      );
    }
    return {
      id: evidenceIds.get(item.key)!,
      workspaceId,
      documentId,
      revisionId: revisionIds.get(item.document)!,
      ...anchor,
      speakerId: item.speaker ? resolve(personIds, item.speaker, "person", where) : null,
      saidOn: fromCalendarDate(item.saidOn),
      kind: item.kind,
      note: item.note ?? "",
      createdById: options.createdById ?? null,
    };
  });

  const statementRows = fixture.statements.map((s, i) => {
    const where = `statement ${i + 1} (${s.party} on ${s.issue})`;
    return {
      id: randomUUID(),
      workspaceId,
      partyId: resolve(partyIds, s.party, "party", where),
      issueId: resolve(issueIds, s.issue, "issue", where),
      position: s.position,
      summary: s.summary,
      statedOn: fromCalendarDate(s.statedOn),
      recordedById: options.createdById ?? null,
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

  const eventRows = (fixture.events ?? []).map((event) => {
    const where = `event "${event.title}"`;
    return {
      id: randomUUID(),
      kind: event.kind,
      title: event.title,
      description: event.description ?? "",
      occurredOn: fromCalendarDate(event.occurredOn),
      parties: event.parties.map((key) => resolve(partyIds, key, "party", where)),
      documents: event.documents.map((key) => resolve(documentIds, key, "document", where)),
    };
  });

  const proposals = proposalRows(fixture, { partyIds, issueIds, documentIds, evidenceIds }, evidenceRows);
  const issueLinkRows = (fixture.issueLinks ?? []).map((link) => {
    const where = `issue link "${link.first}" – "${link.second}"`;
    return {
      workspaceId,
      kind: link.kind,
      firstIssueId: resolve(issueIds, link.first, "issue", where),
      secondIssueId: resolve(issueIds, link.second, "issue", where),
      note: link.note ?? "",
      partyId: link.party ? resolve(partyIds, link.party, "party", where) : null,
      holdsFrom: link.holdsFrom ? fromCalendarDate(link.holdsFrom) : null,
    };
  });

  const cellVersions = new Map<string, { issueId: string; partyId: string; version: number }>();
  for (const s of statementRows) {
    const key = cellKey(s.issueId, s.partyId);
    const cell = cellVersions.get(key) ?? { issueId: s.issueId, partyId: s.partyId, version: 0 };
    cell.version++;
    cellVersions.set(key, cell);
  }

  await db().$transaction(
    async (tx) => {
      // Every time comes from the database's clock, as every later edit's does: the workspace and its
      // documents and quotes at the transaction's start, then each statement a millisecond apart
      // (distinct, ordered recording times keep same-day statements in fixture order).
      const [{ now: createdAt }] = await tx.$queryRaw<[{ now: Date }]>`SELECT now() AS now`;
      const recordedAt = (i: number) => new Date(createdAt.getTime() + 1 + i);
      await tx.workspace.create({
        data: { id: workspaceId, slug, title: fixture.title, description: fixture.description, createdAt },
      });
      if (options.members?.length) {
        await tx.membership.createMany({
          data: options.members.map((m) => ({ workspaceId, userId: m.userId, role: m.role, createdAt })),
        });
      }
      await tx.party.createMany({
        data: fixture.parties.map((p, i) => ({
          id: partyIds.get(p.key)!,
          workspaceId,
          name: p.name,
          shortName: p.shortName,
          colour: p.colour,
          sortOrder: i,
        })),
      });
      await tx.issue.createMany({
        data: fixture.issues.map((issue, i) => ({
          id: issueIds.get(issue.key)!,
          workspaceId,
          title: issue.title,
          description: issue.description,
          sortOrder: i,
        })),
      });
      await tx.person.createMany({
        data: fixture.people.map((p) => ({
          id: personIds.get(p.key)!,
          workspaceId,
          name: p.name,
          aliases: p.aliases,
          role: p.role,
          partyId: p.party ? resolve(partyIds, p.party, "party", `person "${p.key}"`) : null,
          organisation: p.organisation ?? "",
        })),
      });
      await tx.document.createMany({
        data: fixture.documents.map((d) => ({
          id: documentIds.get(d.key)!,
          workspaceId,
          title: d.title,
          outlet: d.outlet,
          url: d.url,
          language: d.language,
          publishedOn: d.publishedOn,
          importedById: options.createdById ?? null,
          importedAt: createdAt,
        })),
      });
      await tx.documentRevision.createMany({
        data: fixture.documents.map((d) => ({
          id: revisionIds.get(d.key)!,
          workspaceId,
          documentId: documentIds.get(d.key)!,
          number: 1,
          text: texts.get(d.key)!,
          contentHash: sha256(texts.get(d.key)!),
          createdById: options.createdById ?? null,
          createdAt,
        })),
      });
      await tx.evidence.createMany({ data: evidenceRows.map((row) => ({ ...row, createdAt })) });
      await tx.stanceStatement.createMany({
        data: statementRows.map(({ links: _links, ...row }, i) => ({ ...row, recordedAt: recordedAt(i) })),
      });
      await tx.statementEvidence.createMany({
        data: statementRows.flatMap((s) => s.links.map((l) => ({ workspaceId, statementId: s.id, ...l }))),
      });
      await tx.stanceCell.createMany({
        data: [...cellVersions.values()].map((c) => ({
          workspaceId,
          ...c,
          updatedAt: recordedAt(statementRows.length),
        })),
      });
      await tx.negotiationEvent.createMany({
        data: eventRows.map(({ parties: _parties, documents: _documents, ...row }) => ({
          ...row,
          workspaceId,
          createdById: options.createdById ?? null,
          createdAt,
          updatedAt: createdAt,
        })),
      });
      await tx.negotiationEventParty.createMany({
        data: eventRows.flatMap((e) => e.parties.map((partyId) => ({ workspaceId, eventId: e.id, partyId }))),
      });
      await tx.negotiationEventDocument.createMany({
        data: eventRows.flatMap((e) => e.documents.map((documentId) => ({ workspaceId, eventId: e.id, documentId }))),
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
      await tx.issueLink.createMany({ data: issueLinkRows.map((row) => ({ ...row, createdAt })) });
      await tx.activityEvent.create({
        data: {
          workspaceId,
          actorId: options.createdById ?? null,
          at: createdAt,
          action: "workspace.created",
          subjectType: "workspace",
          subjectId: workspaceId,
          after: { slug, source: "fixture" },
        },
      });
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  return { id: workspaceId, slug, title: fixture.title };
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
