import "server-only";
import { commentPermalink } from "@/lib/comments/permalink";
import { type PairedQuote, type QuoteSide, quotePair } from "@/lib/evidence/pairs";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EvidenceKind, Position } from "@/lib/generated/prisma/enums";
import { fromCalendarDate, toCalendarDate } from "@/lib/matrix/dates";
import { resolvePositionLabels } from "@/lib/matrix/positions";
import { db } from "@/lib/platform/db/client";
import type { SearchQuery } from "@/lib/search/schema";
import { parseHeadline } from "@/lib/search/snippet";
import { searchTsQuery } from "@/lib/search/tsquery";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

// Full-text search (PostgreSQL, English stems and exact words over unaccented text, GIN-indexed:
// see the search_stemming migration) over the workspace's quotes, the current text of its
// documents, its current stance statements and its comments. Snippets come from ts_headline with
// the matched words between two control characters that parseHeadline turns into offsets, so no
// markup is ever built from the searched text.

export const SEARCH_LIMITS = { evidence: 50, documents: 20, statements: 30, comments: 30 } as const;

const MARKS = Prisma.sql`'StartSel=' || chr(2) || ', StopSel=' || chr(3)`;
const WHOLE = Prisma.sql`${MARKS} || ', HighlightAll=true'`;
const FRAGMENTS = Prisma.sql`${MARKS} || ', MaxFragments=2, MaxWords=24, MinWords=10, FragmentDelimiter=" … "'`;

type Counted = { total: number };

// The other side of a quote pair, as lib/evidence/pairs.ts's PairedQuote, read with the quote itself.
const PAIRED_QUOTE_JSON = Prisma.sql`json_build_object('id', q.id, 'exact', q.exact,
  'document', json_build_object('id', qd.id, 'title', qd.title, 'language', qd.language))`;
type EvidenceRow = Counted & {
  id: string;
  exact: string;
  headline: string;
  saidOn: Date;
  kind: EvidenceKind;
  documentId: string;
  documentTitle: string;
  documentLanguage: string;
  speaker: string | null;
  translationOf: PairedQuote | null;
  translations: PairedQuote[];
};
type DocumentRow = Counted & {
  id: string;
  title: string;
  outlet: string;
  publishedOn: string | null;
  headline: string;
  matchStart: number | null;
  matchLength: number | null;
};
type StatementRow = Counted & {
  id: string;
  summary: string;
  headline: string;
  position: Position;
  statedOn: Date;
  issueId: string;
  issueTitle: string;
  partyId: string;
  partyName: string;
};
type CommentRow = Counted & {
  id: string;
  headline: string;
  createdAt: Date;
  author: string;
  evidenceId: string | null;
  issueId: string | null;
  partyId: string | null;
};

export type SearchResults = Awaited<ReturnType<typeof search>>;

const total = (rows: Counted[]) => rows[0]?.total ?? 0;

function evidenceQuery(workspace: AuthorizedWorkspace, query: SearchQuery, tsQuery: Prisma.Sql | null) {
  const conditions = [
    Prisma.sql`e."workspaceId" = ${workspace.id}::uuid`,
    tsQuery ? Prisma.sql`e."searchVector" @@ ${tsQuery}` : Prisma.empty,
    query.speaker ? Prisma.sql`e."speakerId" = ${query.speaker}::uuid` : Prisma.empty,
    query.kind ? Prisma.sql`e.kind = ${query.kind}::"EvidenceKind"` : Prisma.empty,
    query.from ? Prisma.sql`e."saidOn" >= ${fromCalendarDate(query.from)}::date` : Prisma.empty,
    query.to ? Prisma.sql`e."saidOn" <= ${fromCalendarDate(query.to)}::date` : Prisma.empty,
    query.party
      ? Prisma.sql`(p."partyId" = ${query.party}::uuid OR EXISTS (SELECT 1 FROM statement_evidence se JOIN stance_statements s ON s.id = se."statementId" WHERE se."evidenceId" = e.id AND s."partyId" = ${query.party}::uuid))`
      : Prisma.empty,
    query.issue
      ? Prisma.sql`EXISTS (SELECT 1 FROM statement_evidence se JOIN stance_statements s ON s.id = se."statementId" WHERE se."evidenceId" = e.id AND s."issueId" = ${query.issue}::uuid)`
      : Prisma.empty,
  ].filter((c) => c !== Prisma.empty);
  return db().$queryRaw<EvidenceRow[]>`
    SELECT e.id, e.exact, e."saidOn", e.kind, e."documentId", d.title AS "documentTitle",
           d.language AS "documentLanguage", p.name AS speaker,
           ${tsQuery ? Prisma.sql`ts_headline('pg_catalog.english', e.exact, ${tsQuery}, ${WHOLE})` : Prisma.sql`e.exact`} AS headline,
           (SELECT ${PAIRED_QUOTE_JSON} FROM evidence q JOIN documents qd ON qd.id = q."documentId"
            WHERE q.id = e."translationOfId") AS "translationOf",
           (SELECT coalesce(json_agg(${PAIRED_QUOTE_JSON} ORDER BY q."createdAt"), '[]'::json)
            FROM evidence q JOIN documents qd ON qd.id = q."documentId"
            WHERE q."translationOfId" = e.id) AS translations,
           count(*) OVER ()::int AS total
    FROM evidence e
    JOIN documents d ON d.id = e."documentId"
    LEFT JOIN people p ON p.id = e."speakerId"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY ${tsQuery ? Prisma.sql`ts_rank(e."searchVector", ${tsQuery}) DESC,` : Prisma.empty} e."saidOn" DESC, e.id
    LIMIT ${SEARCH_LIMITS.evidence}`;
}

// Headlines parse the whole text, so they are made for the page of documents shown, not for every match.
function documentQuery(workspace: AuthorizedWorkspace, tsQuery: Prisma.Sql) {
  return db().$queryRaw<DocumentRow[]>`
    WITH found AS (
      SELECT d.id, d.title, d.outlet, d."publishedOn", r.text,
             ts_rank(r."searchVector", ${tsQuery}) AS rank, count(*) OVER ()::int AS total
      FROM document_revisions r
      JOIN documents d ON d.id = r."documentId"
      WHERE r."workspaceId" = ${workspace.id}::uuid AND r."searchVector" @@ ${tsQuery}
        AND r.number = (SELECT max(r2.number) FROM document_revisions r2 WHERE r2."documentId" = r."documentId")
      ORDER BY rank DESC, d.id
      LIMIT ${SEARCH_LIMITS.documents}
    ), lit AS (
      SELECT found.*, ts_headline('pg_catalog.english', found.text, ${tsQuery}, ${FRAGMENTS}) AS headline FROM found
    )
    SELECT id, title, outlet, "publishedOn", total, headline,
           nullif(strpos(text, substring(headline FROM chr(2) || '(.*?)' || chr(3))), 0) - 1 AS "matchStart",
           char_length(substring(headline FROM chr(2) || '(.*?)' || chr(3))) AS "matchLength"
    FROM lit
    ORDER BY rank DESC, id`;
}

function statementQuery(workspace: AuthorizedWorkspace, query: SearchQuery, tsQuery: Prisma.Sql) {
  const conditions = [
    Prisma.sql`s."workspaceId" = ${workspace.id}::uuid`,
    Prisma.sql`s."searchVector" @@ ${tsQuery}`,
    Prisma.sql`NOT EXISTS (SELECT 1 FROM statement_amendments a WHERE a."statementId" = s.id)`,
    query.party ? Prisma.sql`s."partyId" = ${query.party}::uuid` : Prisma.empty,
    query.issue ? Prisma.sql`s."issueId" = ${query.issue}::uuid` : Prisma.empty,
    query.from ? Prisma.sql`s."statedOn" >= ${fromCalendarDate(query.from)}::date` : Prisma.empty,
    query.to ? Prisma.sql`s."statedOn" <= ${fromCalendarDate(query.to)}::date` : Prisma.empty,
  ].filter((c) => c !== Prisma.empty);
  return db().$queryRaw<StatementRow[]>`
    SELECT s.id, s.summary, s.position, s."statedOn", s."issueId", i.title AS "issueTitle", s."partyId", p.name AS "partyName",
           ts_headline('pg_catalog.english', s.summary, ${tsQuery}, ${WHOLE}) AS headline,
           count(*) OVER ()::int AS total
    FROM stance_statements s
    JOIN issues i ON i.id = s."issueId"
    JOIN parties p ON p.id = s."partyId"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY ts_rank(s."searchVector", ${tsQuery}) DESC, s."statedOn" DESC, s.id
    LIMIT ${SEARCH_LIMITS.statements}`;
}

function commentQuery(workspace: AuthorizedWorkspace, tsQuery: Prisma.Sql) {
  return db().$queryRaw<CommentRow[]>`
    SELECT c.id, c."createdAt", coalesce(nullif(u.name, ''), u.email) AS author, c."evidenceId", s."issueId", s."partyId",
           ts_headline('pg_catalog.english', c.body, ${tsQuery}, ${FRAGMENTS}) AS headline,
           count(*) OVER ()::int AS total
    FROM comments c
    JOIN users u ON u.id = c."authorId"
    LEFT JOIN stance_statements s ON s.id = c."statementId"
    WHERE c."workspaceId" = ${workspace.id}::uuid AND c."deletedAt" IS NULL AND c."searchVector" @@ ${tsQuery}
    ORDER BY ts_rank(c."searchVector", ${tsQuery}) DESC, c."createdAt" DESC, c.id
    LIMIT ${SEARCH_LIMITS.comments}`;
}

/**
 * Each found quote with its pair (original and translations), so a quote found in either
 * language shows with the other. When both sides of a pair match, the pair is listed once, where
 * its better-ranked side stands.
 */
function withPairs(rows: EvidenceRow[]) {
  const shown = new Set<string>();
  const kept: (Omit<EvidenceRow, "translationOf" | "translations" | "documentLanguage"> & {
    pair: QuoteSide[] | null;
  })[] = [];
  for (const { translationOf, translations, documentLanguage, ...row } of rows) {
    const pair = quotePair({
      id: row.id,
      exact: row.exact,
      document: { id: row.documentId, title: row.documentTitle, language: documentLanguage },
      translationOf,
      translations,
    });
    const key = pair?.[0]?.id ?? row.id;
    if (shown.has(key)) continue;
    shown.add(key);
    kept.push({ ...row, pair });
  }
  return { rows: kept, repeated: rows.length - kept.length };
}

/** What a search finds, by kind, each with its total count (the lists stop at SEARCH_LIMITS). */
export async function search(workspace: AuthorizedWorkspace, query: SearchQuery) {
  const quoteFilters = Boolean(query.speaker || query.kind);
  const anyFilter = Boolean(quoteFilters || query.party || query.issue || query.from || query.to);
  const tsQuery = query.q ? searchTsQuery(query.q) : null;
  // Text with no word in it ("!!!", a row of dashes) matches nothing, as PostgreSQL would say.
  if ((!query.q && !anyFilter) || (query.q && !tsQuery)) return emptyResults();
  const [evidence, documents, statements, comments] = await Promise.all([
    evidenceQuery(workspace, query, tsQuery),
    tsQuery && !anyFilter ? documentQuery(workspace, tsQuery) : [],
    tsQuery && !quoteFilters ? statementQuery(workspace, query, tsQuery) : [],
    tsQuery && !anyFilter ? commentQuery(workspace, tsQuery) : [],
  ]);
  const { rows: quotes, repeated } = withPairs(evidence);
  return {
    evidence: quotes.map(({ total: _, headline, ...e }) => ({
      ...e,
      saidOn: toCalendarDate(e.saidOn),
      snippet: parseHeadline(headline),
    })),
    documents: documents.map(({ total: _, headline, matchStart, matchLength, ...d }) => ({
      ...d,
      snippet: parseHeadline(headline),
      match: matchStart === null || matchLength === null ? null : { start: matchStart, end: matchStart + matchLength },
    })),
    statements: statements.map(({ total: _, headline, ...s }) => ({
      ...s,
      statedOn: toCalendarDate(s.statedOn),
      snippet: parseHeadline(headline),
    })),
    comments: comments.map(({ total: _, headline, evidenceId, issueId, partyId, ...c }) => ({
      ...c,
      createdAt: c.createdAt.toISOString(),
      snippet: parseHeadline(headline),
      url: commentPermalink(workspace.slug, c.id, {
        evidenceId,
        statement: issueId && partyId ? { issueId, partyId } : null,
      }),
    })),
    counts: {
      evidence: total(evidence) - repeated,
      documents: total(documents),
      statements: total(statements),
      comments: total(comments),
    },
  };
}

type FilterOption = { id: string; name: string };

/**
 * What the search form's filters offer, in one round trip: speakers, current parties and issues,
 * and the workspace's position labels (for the stance results).
 */
export async function listSearchFilters(workspace: AuthorizedWorkspace) {
  const option = (name: Prisma.Sql) => Prisma.sql`json_build_object('id', x.id, 'name', ${name})`;
  const [row] = await db().$queryRaw<
    { people: FilterOption[]; parties: FilterOption[]; issues: FilterOption[]; positionLabels: Prisma.JsonValue }[]
  >`
    SELECT w."positionLabels",
           (SELECT coalesce(json_agg(${option(Prisma.sql`x.name`)} ORDER BY x.name), '[]'::json)
            FROM people x WHERE x."workspaceId" = w.id) AS people,
           (SELECT coalesce(json_agg(${option(Prisma.sql`x.name`)} ORDER BY x."sortOrder", x.name), '[]'::json)
            FROM parties x WHERE x."workspaceId" = w.id AND x."archivedAt" IS NULL) AS parties,
           (SELECT coalesce(json_agg(${option(Prisma.sql`x.title`)} ORDER BY x."sortOrder", x.title), '[]'::json)
            FROM issues x WHERE x."workspaceId" = w.id AND x."archivedAt" IS NULL) AS issues
    FROM workspaces w WHERE w.id = ${workspace.id}::uuid`;
  if (!row) throw new Error(`workspace ${workspace.id} is gone`);
  return { ...row, positionLabels: resolvePositionLabels(row.positionLabels) };
}

export type SearchResultKind = "quote" | "document" | "statement" | "comment";

/** The results as one list, each with a link, for the JSON route: the same results as the page. */
export function searchResultList(slug: string, results: SearchResults) {
  return [
    ...results.evidence.map((e) => ({
      kind: "quote" as const,
      id: e.id,
      text: e.exact,
      snippet: e.snippet,
      url: quoteUrl(slug, e),
      ...(e.pair
        ? {
            pair: e.pair.map((side) => ({
              role: side.role,
              id: side.id,
              text: side.exact,
              language: side.document.language,
              url: `/w/${slug}/evidence/${side.id}`,
            })),
          }
        : {}),
    })),
    ...results.statements.map((s) => ({
      kind: "statement" as const,
      id: s.id,
      text: s.summary,
      snippet: s.snippet,
      url: statementUrl(slug, s),
    })),
    ...results.documents.map((d) => ({
      kind: "document" as const,
      id: d.id,
      text: d.title,
      snippet: d.snippet,
      url: documentUrl(slug, d),
    })),
    ...results.comments.map((c) => ({
      kind: "comment" as const,
      id: c.id,
      text: c.snippet.text,
      snippet: c.snippet,
      url: c.url,
    })),
  ];
}

export const quoteUrl = (slug: string, e: { id: string; documentId: string }) =>
  `/w/${slug}/documents/${e.documentId}#quote-${e.id}`;
export const statementUrl = (slug: string, s: { issueId: string; partyId: string }) =>
  `/w/${slug}/cells/${s.issueId}/${s.partyId}`;
export const documentUrl = (slug: string, d: { id: string; match: { start: number; end: number } | null }) =>
  `/w/${slug}/documents/${d.id}${d.match ? `?at=${d.match.start}-${d.match.end}` : ""}`;

function emptyResults() {
  return {
    evidence: [],
    documents: [],
    statements: [],
    comments: [],
    counts: { evidence: 0, documents: 0, statements: 0, comments: 0 },
  };
}
