import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { pageAt, pageLabel } from "@/lib/documents/pages";
import { toCalendarDate } from "@/lib/matrix/dates";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

export async function listDocuments(workspace: AuthorizedWorkspace) {
  const documents = await db().document.findMany({
    where: { workspaceId: workspace.id },
    orderBy: [{ publishedOn: "desc" }, { importedAt: "desc" }],
    select: {
      id: true,
      title: true,
      outlet: true,
      publishedOn: true,
      language: true,
      translationOfId: true,
      _count: { select: { evidence: true } },
    },
  });
  return documents.map(({ _count, ...document }) => ({ ...document, evidenceCount: _count.evidence }));
}

const QUOTE_SELECT = {
  id: true,
  startOffset: true,
  endOffset: true,
  exact: true,
  kind: true,
  saidOn: true,
  revisionId: true,
  speaker: { select: { name: true, party: { select: { colour: true, shortName: true } } } },
  links: {
    select: { relation: true, statement: { select: { party: { select: { colour: true, shortName: true } } } } },
  },
  // The other side of a quote pair, shown under the quote.
  translationOf: { select: { id: true, exact: true, document: { select: { language: true } } } },
  translations: {
    orderBy: { createdAt: "asc" },
    select: { id: true, exact: true, document: { select: { language: true } } },
  },
} as const;

export function getDocument(workspace: AuthorizedWorkspace, documentId: string) {
  return readDocument(workspace.id, documentId);
}

// Once per request: a page's title and its body share the read.
const readDocument = cache(async (workspaceId: string, documentId: string) => {
  const document = await db().document.findFirst({
    where: { id: documentId, workspaceId: workspaceId },
    select: {
      id: true,
      title: true,
      outlet: true,
      url: true,
      language: true,
      translationOf: { select: { id: true, title: true, language: true } },
      translations: { orderBy: { title: "asc" }, select: { id: true, title: true, language: true } },
      publishedOn: true,
      importedAt: true,
      importedBy: { select: { name: true, email: true } },
      revisions: {
        orderBy: { number: "desc" },
        take: 1,
        select: {
          id: true,
          number: true,
          text: true,
          contentHash: true,
          note: true,
          createdAt: true,
          pageStarts: true,
          file: { select: { fileName: true, size: true } },
        },
      },
      _count: { select: { revisions: true } },
    },
  });
  const revision = document?.revisions[0];
  if (!document || !revision) return null;
  // Quotes saved on this revision keep their own anchors; quotes saved on earlier revisions
  // show where re-anchoring placed them in this one (or that it could not).
  const [own, reanchored] = await Promise.all([
    db().evidence.findMany({ where: { workspaceId: workspaceId, revisionId: revision.id }, select: QUOTE_SELECT }),
    db().evidenceAnchor.findMany({
      where: { workspaceId: workspaceId, revisionId: revision.id },
      select: {
        status: true,
        score: true,
        startOffset: true,
        endOffset: true,
        exact: true,
        reviewedAt: true,
        evidence: { select: QUOTE_SELECT },
      },
    }),
  ]);
  const quotes = [
    ...own.map((e) => ({ ...e, status: "ANCHORED" as const, score: 1, reviewed: true })),
    ...reanchored.map((a) => ({
      ...a.evidence,
      startOffset: a.startOffset ?? -1,
      endOffset: a.endOffset ?? -1,
      exact: a.exact ?? a.evidence.exact,
      status: a.status,
      score: a.score,
      reviewed: a.reviewedAt !== null,
    })),
  ];
  const { revisions: _latest, _count, ...meta } = document;
  return {
    ...meta,
    revision,
    revisionCount: _count.revisions,
    evidence: quotes
      .map((e) => ({
        ...e,
        saidOn: toCalendarDate(e.saidOn),
        // A quote takes the colour of the party whose stance it is linked to, else its speaker's.
        colour: e.links[0]?.statement.party.colour ?? e.speaker?.party?.colour ?? null,
        page: e.status === "ORPHANED" ? null : pageAt(revision.pageStarts, e.startOffset),
        pageLabel: e.status === "ORPHANED" ? null : pageLabel(revision.pageStarts, e.startOffset, e.endOffset),
      }))
      .sort((a, b) => a.startOffset - b.startOffset),
  };
});

/** The documents this one may be marked a translation of: originals, never translations themselves. */
export async function listOriginalCandidates(workspace: AuthorizedWorkspace, documentId: string) {
  return db().document.findMany({
    where: { workspaceId: workspace.id, translationOfId: null, id: { not: documentId } },
    orderBy: { title: "asc" },
    select: { id: true, title: true, language: true },
  });
}

export type DocumentView = NonNullable<Awaited<ReturnType<typeof getDocument>>>;

/** What the evidence form offers: speakers, parties, and statements to link. */
export async function getEvidenceFormOptions(workspace: AuthorizedWorkspace) {
  const [people, parties, statements] = await Promise.all([
    db().person.findMany({
      where: { workspaceId: workspace.id },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        aliases: true,
        role: true,
        party: { select: { name: true } },
        organisation: true,
      },
    }),
    db().party.findMany({
      where: { workspaceId: workspace.id, archivedAt: null },
      orderBy: { sortOrder: "asc" },
      select: { id: true, name: true },
    }),
    db().stanceStatement.findMany({
      where: { workspaceId: workspace.id, amendment: null },
      orderBy: [{ statedOn: "desc" }, { recordedAt: "desc" }],
      take: 300,
      select: {
        id: true,
        position: true,
        summary: true,
        statedOn: true,
        party: { select: { name: true } },
        issue: { select: { title: true } },
      },
    }),
  ]);
  return {
    people: people.map((p) => ({
      id: p.id,
      name: p.name,
      aliases: p.aliases,
      description: [p.role, p.party?.name ?? p.organisation].filter(Boolean).join(", "),
    })),
    parties,
    statements: statements.map((s) => ({
      id: s.id,
      label: `${s.party.name} on ${s.issue.title}: ${s.summary}`,
      statedOn: toCalendarDate(s.statedOn),
      position: s.position,
    })),
  };
}

export type EvidenceFormOptions = Awaited<ReturnType<typeof getEvidenceFormOptions>>;

/** Quotes whose re-anchoring in a corrected text needs a person's eye. */
export async function listAnchorsToReview(workspace: AuthorizedWorkspace) {
  const anchors = await db().evidenceAnchor.findMany({
    where: { workspaceId: workspace.id, status: { in: ["CHANGED", "ORPHANED"] }, reviewedAt: null },
    orderBy: { createdAt: "desc" },
    select: {
      status: true,
      score: true,
      exact: true,
      revisionId: true,
      revision: { select: { number: true, document: { select: { id: true, title: true } } } },
      evidence: { select: { id: true, exact: true, speaker: { select: { name: true } } } },
    },
  });
  return anchors;
}

/** Whether a document was imported from a file (kept with its first revision). */
export async function hasDocumentFile(workspace: AuthorizedWorkspace, documentId: string) {
  const file = await db().documentFile.findFirst({
    where: { workspaceId: workspace.id, revision: { documentId } },
    select: { fileName: true, size: true },
  });
  return file;
}

/** The file a document was imported from (its first revision's), bytes included. */
export async function getDocumentFile(workspace: AuthorizedWorkspace, documentId: string) {
  return db().documentFile.findFirst({
    where: { workspaceId: workspace.id, revision: { documentId } },
    orderBy: { revision: { number: "asc" } },
    select: { fileName: true, mediaType: true, size: true, sha256: true, bytes: true },
  });
}

/** A document's revisions, newest first, without their text. */
export async function listDocumentRevisions(workspace: AuthorizedWorkspace, documentId: string) {
  const revisions = await db().documentRevision.findMany({
    where: { workspaceId: workspace.id, documentId },
    orderBy: { number: "desc" },
    select: {
      id: true,
      number: true,
      contentHash: true,
      note: true,
      createdAt: true,
      createdBy: { select: { name: true, email: true } },
    },
  });
  return revisions.map(({ createdAt, createdBy, ...revision }) => ({
    ...revision,
    createdAt: createdAt.toISOString(),
    createdBy: createdBy ? createdBy.name || createdBy.email : null,
  }));
}
