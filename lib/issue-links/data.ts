import "server-only";
import type { IssueLinkView } from "@/lib/issue-links/schema";
import { toCalendarDate } from "@/lib/matrix/dates";
import { db } from "@/lib/platform/db/client";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

type Row = {
  id: string;
  kind: IssueLinkView["kind"];
  note: string;
  holdsFrom: Date | null;
  firstId: string;
  firstTitle: string;
  secondId: string;
  secondTitle: string;
  partyId: string | null;
  partyName: string | null;
};

/**
 * The workspace's linked issues, in the matrix's issue order, with their names in one round trip
 * (the matrix page counts its queries). Links to an archived issue are kept (the archive is
 * reversible) but left out, as the issue is from the matrix.
 */
export async function listIssueLinks(workspace: AuthorizedWorkspace): Promise<IssueLinkView[]> {
  const rows = await db().$queryRaw<Row[]>`
    SELECT l.id, l.kind::text AS kind, l.note, l."holdsFrom",
           f.id AS "firstId", f.title AS "firstTitle", s.id AS "secondId", s.title AS "secondTitle",
           p.id AS "partyId", p.name AS "partyName"
    FROM issue_links l
    JOIN issues f ON f."workspaceId" = l."workspaceId" AND f.id = l."firstIssueId" AND f."archivedAt" IS NULL
    JOIN issues s ON s."workspaceId" = l."workspaceId" AND s.id = l."secondIssueId" AND s."archivedAt" IS NULL
    LEFT JOIN parties p ON p."workspaceId" = l."workspaceId" AND p.id = l."partyId"
    WHERE l."workspaceId" = ${workspace.id}::uuid
    ORDER BY f."sortOrder", s."sortOrder", l."createdAt", l.id`;
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    note: row.note,
    holdsFrom: row.holdsFrom ? toCalendarDate(row.holdsFrom) : null,
    firstIssue: { id: row.firstId, title: row.firstTitle },
    secondIssue: { id: row.secondId, title: row.secondTitle },
    party: row.partyId && row.partyName !== null ? { id: row.partyId, name: row.partyName } : null,
  }));
}
