import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";
import type { EvidenceKind } from "@/lib/generated/prisma/enums";
import { fromCalendarDate, toCalendarDate } from "@/lib/matrix/dates";
import { codePointLength, toCodePointOffset } from "@/lib/evidence/anchor";
import type { SearchQuery } from "@/lib/search/schema";

type EvidenceHit = { id: string; exact: string; saidOn: Date; kind: EvidenceKind; documentId: string; documentTitle: string; speaker: string | null; rank: number };
type DocumentHit = { id: string; title: string; outlet: string; publishedOn: string | null; text: string; rank: number };

const SNIPPET_RADIUS = 120;

/** Where the first searched word stands in a text, for a link that highlights it. */
function firstMatch(text: string, query: string) {
  const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const lower = text.toLowerCase();
  const at = words.map((w) => lower.indexOf(w)).filter((i) => i >= 0).sort((a, b) => a - b)[0];
  if (at === undefined) return null;
  const word = words.find((w) => lower.startsWith(w, at))!;
  const start = toCodePointOffset(text, at);
  return { start, end: start + codePointLength(word), snippet: `${at > SNIPPET_RADIUS ? "…" : ""}${text.slice(Math.max(0, at - SNIPPET_RADIUS), at + SNIPPET_RADIUS)}…` };
}

/**
 * Full-text search (PostgreSQL, 'simple' configuration, GIN-indexed) over the workspace's quotes
 * and the current text of its documents, with the quote filters applied to quotes.
 */
export async function search(workspace: AuthorizedWorkspace, query: SearchQuery) {
  const hasFilters = Boolean(query.speaker || query.party || query.issue || query.kind || query.from || query.to);
  if (!query.q && !hasFilters) return { evidence: [], documents: [] };
  const tsQuery = query.q ? Prisma.sql`websearch_to_tsquery('simple', ${query.q})` : null;
  const conditions = [
    Prisma.sql`e."workspaceId" = ${workspace.id}::uuid`,
    tsQuery ? Prisma.sql`to_tsvector('simple', e.exact) @@ ${tsQuery}` : Prisma.empty,
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

  const evidence = await db().$queryRaw<EvidenceHit[]>`
    SELECT e.id, e.exact, e."saidOn", e.kind, e."documentId", d.title AS "documentTitle", p.name AS speaker,
           ${tsQuery ? Prisma.sql`ts_rank(to_tsvector('simple', e.exact), ${tsQuery})` : Prisma.sql`0`}::float AS rank
    FROM evidence e
    JOIN documents d ON d.id = e."documentId"
    LEFT JOIN people p ON p.id = e."speakerId"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY rank DESC, e."saidOn" DESC
    LIMIT 50`;

  const documents =
    tsQuery && !hasFilters
      ? await db().$queryRaw<DocumentHit[]>`
          SELECT d.id, d.title, d.outlet, d."publishedOn", r.text, ts_rank(to_tsvector('simple', r.text), ${tsQuery})::float AS rank
          FROM document_revisions r
          JOIN documents d ON d.id = r."documentId"
          WHERE r."workspaceId" = ${workspace.id}::uuid AND to_tsvector('simple', r.text) @@ ${tsQuery}
            AND r.number = (SELECT max(r2.number) FROM document_revisions r2 WHERE r2."documentId" = r."documentId")
          ORDER BY rank DESC
          LIMIT 20`
      : [];

  return {
    evidence: evidence.map((e) => ({ ...e, saidOn: toCalendarDate(e.saidOn) })),
    documents: documents.map(({ text, ...d }) => ({ ...d, match: firstMatch(text, query.q) })),
  };
}
