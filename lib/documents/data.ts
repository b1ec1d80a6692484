import "server-only";
import { cache } from "react";
import { pageAt, pageLabel } from "@/lib/documents/pages";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AnchorStatus, EvidenceKind, EvidenceRelation, Position } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/platform/db/client";
import { displayName } from "@/lib/users/display-name";
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

type PartyColour = { colour: string | null; shortName: string };
type PairedSide = { id: string; exact: string; document: { language: string } };

type DocumentRow = {
  id: string;
  title: string;
  outlet: string;
  url: string;
  language: string;
  publishedOn: string | null;
  importedAt: Date;
  importedBy: { name: string | null; email: string } | null;
  translationOf: { id: string; title: string; language: string } | null;
  translations: { id: string; title: string; language: string }[];
  revisionId: string;
  revisionNumber: number;
  text: string;
  contentHash: string;
  note: string;
  revisionCreatedAt: Date;
  pageStarts: number[];
  file: { fileName: string; size: number } | null;
  revisionCount: number;
  quotes: {
    id: string;
    startOffset: number;
    endOffset: number;
    exact: string;
    kind: EvidenceKind;
    saidOn: string;
    revisionId: string;
    speaker: { name: string; party: PartyColour | null } | null;
    /** The colour of the party of a stance the quote is linked to (the first the index finds), if any. */
    stanceColour: string | null;
    translationOf: PairedSide | null;
    translations: PairedSide[];
    status: AnchorStatus;
    score: number;
    reviewed: boolean;
  }[];
};

const pairedSide = (alias: string) =>
  Prisma.raw(`json_build_object('id', ${alias}.id, 'exact', ${alias}.exact,
    'document', json_build_object('language', (SELECT language FROM documents WHERE id = ${alias}."documentId")))`);

export function getDocument(workspace: AuthorizedWorkspace, documentId: string) {
  return readDocument(workspace.id, documentId);
}

// Once per request: a page's title and its body share the read. One round trip: the document, its
// latest revision and every quote placed on it (saved on it, or re-anchored into it from an
// earlier revision, where it shows where re-anchoring placed it or that it could not).
const readDocument = cache(async (workspaceId: string, documentId: string) => {
  const [document] = await db().$queryRaw<DocumentRow[]>`
    WITH doc AS (
      SELECT d.* FROM documents d WHERE d.id = ${documentId}::uuid AND d."workspaceId" = ${workspaceId}::uuid
    ), rev AS (
      SELECT r.* FROM document_revisions r JOIN doc ON r."documentId" = doc.id AND r."workspaceId" = doc."workspaceId"
      ORDER BY r.number DESC LIMIT 1
    ), placed AS (
      SELECT e.id, e."startOffset", e."endOffset", e.exact, 'ANCHORED' AS status, 1::float8 AS score, true AS reviewed, 0 AS source
      FROM evidence e JOIN rev ON e."documentId" = rev."documentId" AND e."revisionId" = rev.id AND e."workspaceId" = rev."workspaceId"
      UNION ALL
      SELECT e.id, coalesce(a."startOffset", -1), coalesce(a."endOffset", -1), coalesce(a.exact, e.exact),
             a.status::text, a.score, a."reviewedAt" IS NOT NULL, 1
      FROM evidence_anchors a JOIN rev ON a."revisionId" = rev.id AND a."workspaceId" = rev."workspaceId"
      JOIN evidence e ON e.id = a."evidenceId" AND e."workspaceId" = a."workspaceId"
    )
    SELECT doc.id, doc.title, doc.outlet, doc.url, doc.language, doc."publishedOn", doc."importedAt",
           (SELECT json_build_object('name', u.name, 'email', u.email) FROM users u WHERE u.id = doc."importedById") AS "importedBy",
           (SELECT json_build_object('id', o.id, 'title', o.title, 'language', o.language) FROM documents o
            WHERE o.id = doc."translationOfId" AND o."workspaceId" = doc."workspaceId") AS "translationOf",
           (SELECT coalesce(json_agg(json_build_object('id', t.id, 'title', t.title, 'language', t.language) ORDER BY t.title), '[]'::json)
            FROM documents t WHERE t."translationOfId" = doc.id AND t."workspaceId" = doc."workspaceId") AS translations,
           rev.id AS "revisionId", rev.number AS "revisionNumber", rev.text, rev."contentHash", rev.note,
           rev."createdAt" AS "revisionCreatedAt", rev."pageStarts",
           (SELECT json_build_object('fileName', f."fileName", 'size', f.size) FROM document_files f
            WHERE f."revisionId" = rev.id AND f."workspaceId" = rev."workspaceId" LIMIT 1) AS file,
           (SELECT count(*)::int FROM document_revisions r WHERE r."documentId" = doc.id AND r."workspaceId" = doc."workspaceId") AS "revisionCount",
           (SELECT coalesce(json_agg(json_build_object(
              'id', e.id, 'startOffset', q."startOffset", 'endOffset', q."endOffset", 'exact', q.exact, 'kind', e.kind,
              'saidOn', to_char(e."saidOn", 'YYYY-MM-DD'), 'revisionId', e."revisionId",
              'speaker', (SELECT json_build_object('name', p.name, 'party',
                            (SELECT json_build_object('colour', pp.colour, 'shortName', pp."shortName") FROM parties pp WHERE pp.id = p."partyId"))
                          FROM people p WHERE p.id = e."speakerId"),
              'stanceColour', (SELECT sp.colour FROM statement_evidence se JOIN stance_statements s ON s.id = se."statementId"
                               JOIN parties sp ON sp.id = s."partyId"
                               WHERE se."workspaceId" = e."workspaceId" AND se."evidenceId" = e.id LIMIT 1),
              'translationOf', (SELECT ${pairedSide("o")} FROM evidence o WHERE o.id = e."translationOfId"),
              'translations', (SELECT coalesce(json_agg(${pairedSide("t")} ORDER BY t."createdAt"), '[]'::json)
                               FROM evidence t WHERE t."translationOfId" = e.id),
              'status', q.status, 'score', q.score, 'reviewed', q.reviewed) ORDER BY q.source), '[]'::json)
            FROM placed q JOIN evidence e ON e.id = q.id) AS quotes
    FROM doc JOIN rev ON true`;
  if (!document) return null;
  const { revisionId, revisionNumber, text, contentHash, note, revisionCreatedAt, pageStarts, file, quotes, ...meta } =
    document;
  const revision = {
    id: revisionId,
    number: revisionNumber,
    text,
    contentHash,
    note,
    createdAt: revisionCreatedAt,
    pageStarts,
    file,
  };
  return {
    ...meta,
    revision,
    evidence: quotes
      .map(({ stanceColour, ...e }) => ({
        ...e,
        // A quote takes the colour of the party whose stance it is linked to, else its speaker's.
        colour: stanceColour ?? e.speaker?.party?.colour ?? null,
        page: e.status === "ORPHANED" ? null : pageAt(pageStarts, e.startOffset),
        pageLabel: e.status === "ORPHANED" ? null : pageLabel(pageStarts, e.startOffset, e.endOffset),
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

type EvidenceFormRow = {
  people: {
    id: string;
    name: string;
    aliases: string[];
    role: string;
    partyName: string | null;
    organisation: string;
  }[];
  parties: { id: string; name: string }[];
  statements: { id: string; position: Position; summary: string; statedOn: string; party: string; issue: string }[];
};

/** What the evidence form offers: speakers, parties, and statements to link, in one round trip. */
export async function getEvidenceFormOptions(workspace: AuthorizedWorkspace) {
  const [row] = await db().$queryRaw<EvidenceFormRow[]>`
    SELECT
      (SELECT coalesce(json_agg(json_build_object('id', p.id, 'name', p.name, 'aliases', p.aliases, 'role', p.role,
                'partyName', pp.name, 'organisation', p.organisation) ORDER BY p.name), '[]'::json)
       FROM people p LEFT JOIN parties pp ON pp.id = p."partyId"
       WHERE p."workspaceId" = ${workspace.id}::uuid) AS people,
      (SELECT coalesce(json_agg(json_build_object('id', x.id, 'name', x.name) ORDER BY x."sortOrder"), '[]'::json)
       FROM parties x WHERE x."workspaceId" = ${workspace.id}::uuid AND x."archivedAt" IS NULL) AS parties,
      (SELECT coalesce(json_agg(json_build_object('id', s.id, 'position', s.position, 'summary', s.summary,
                'statedOn', to_char(s."statedOn", 'YYYY-MM-DD'), 'party', sp.name, 'issue', si.title)
                ORDER BY s."statedOn" DESC, s."recordedAt" DESC), '[]'::json)
       FROM (SELECT * FROM stance_statements c
             WHERE c."workspaceId" = ${workspace.id}::uuid
               AND NOT EXISTS (SELECT 1 FROM statement_amendments a WHERE a."statementId" = c.id)
             ORDER BY c."statedOn" DESC, c."recordedAt" DESC LIMIT 300) s
       JOIN parties sp ON sp.id = s."partyId" JOIN issues si ON si.id = s."issueId") AS statements`;
  const { people, parties, statements } = row ?? { people: [], parties: [], statements: [] };
  return {
    people: people.map((p) => ({
      id: p.id,
      name: p.name,
      aliases: p.aliases,
      description: [p.role, p.partyName ?? p.organisation].filter(Boolean).join(", "),
    })),
    parties,
    statements: statements.map((s) => ({
      id: s.id,
      label: `${s.party} on ${s.issue}: ${s.summary}`,
      statedOn: s.statedOn,
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
    createdBy: createdBy ? displayName(createdBy) : null,
  }));
}
