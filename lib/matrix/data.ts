import "server-only";
import { db } from "@/lib/db/client";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";
import type { Position } from "@/lib/generated/prisma/enums";
import { fromCalendarDate, toCalendarDate } from "@/lib/matrix/dates";
import { resolvePositionLabels } from "@/lib/matrix/positions";
import type { MatrixView } from "@/lib/matrix/schema";

type MatrixRow = {
  issueId: string;
  partyId: string;
  version: number;
  id: string | null;
  position: Position | null;
  summary: string | null;
  statedOn: Date | null;
  evidenceCount: number;
};

// One index probe per cell (LATERAL … LIMIT 1 on the statements index) rather than a scan of
// every statement up to the date: the cost follows the size of the matrix, not of its history.
// Amended (corrected or retracted) statements never show; their replacements do. The cell's
// version is the one an edit must be based on (see mutations.ts).
function latestStatementsAsOf(workspaceId: string, asOf: string) {
  return db().$queryRaw<MatrixRow[]>`
    SELECT i.id AS "issueId", p.id AS "partyId", COALESCE(c.version, 0) AS version,
           s.id, s.position, s.summary, s."statedOn",
           (SELECT count(*)::int FROM statement_evidence se WHERE se."statementId" = s.id) AS "evidenceCount"
    FROM issues i
    CROSS JOIN parties p
    LEFT JOIN stance_cells c ON c."workspaceId" = i."workspaceId" AND c."issueId" = i.id AND c."partyId" = p.id
    LEFT JOIN LATERAL (
      SELECT st.id, st.position, st.summary, st."statedOn"
      FROM stance_statements st
      WHERE st."workspaceId" = i."workspaceId" AND st."issueId" = i.id AND st."partyId" = p.id
        AND st."statedOn" <= ${fromCalendarDate(asOf)}::date
        AND NOT EXISTS (SELECT 1 FROM statement_amendments a WHERE a."statementId" = st.id)
      ORDER BY st."statedOn" DESC, st."recordedAt" DESC, st.id DESC
      LIMIT 1
    ) s ON true
    WHERE i."workspaceId" = ${workspaceId}::uuid AND p."workspaceId" = ${workspaceId}::uuid
      AND i."archivedAt" IS NULL AND p."archivedAt" IS NULL
      AND (s.id IS NOT NULL OR c.version IS NOT NULL)`;
}

export async function getMatrix(workspace: AuthorizedWorkspace, asOf: string): Promise<MatrixView> {
  const [settings, parties, issues, rows] = await Promise.all([
    db().workspace.findUniqueOrThrow({ where: { id: workspace.id }, select: { positionLabels: true } }),
    db().party.findMany({
      where: { workspaceId: workspace.id, archivedAt: null },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { id: true, name: true, shortName: true, colour: true },
    }),
    db().issue.findMany({
      where: { workspaceId: workspace.id, archivedAt: null },
      orderBy: [{ sortOrder: "asc" }, { title: "asc" }],
      select: { id: true, title: true, description: true },
    }),
    latestStatementsAsOf(workspace.id, asOf),
  ]);
  return {
    workspace: { slug: workspace.slug, title: workspace.title },
    asOf,
    positionLabels: resolvePositionLabels(settings.positionLabels),
    parties,
    issues,
    cells: rows.map((row) => ({
      issueId: row.issueId,
      partyId: row.partyId,
      version: row.version,
      statement:
        row.id && row.position && row.summary !== null && row.statedOn
          ? { id: row.id, position: row.position, summary: row.summary, statedOn: toCalendarDate(row.statedOn), evidenceCount: row.evidenceCount }
          : null,
    })),
  };
}

/** Every date on which some statement in the workspace was stated, oldest first. */
export async function listChangeDates(workspace: AuthorizedWorkspace): Promise<string[]> {
  const rows = await db().$queryRaw<{ statedOn: Date }[]>`
    SELECT DISTINCT "statedOn" FROM stance_statements WHERE "workspaceId" = ${workspace.id}::uuid ORDER BY "statedOn"`;
  return rows.map((row) => toCalendarDate(row.statedOn));
}

/**
 * The nearest dates before and after `asOf` on which a statement was stated, for stepping
 * through time: two index probes on (workspaceId, statedOn), whatever the length of the history.
 */
export async function adjacentChangeDates(workspace: AuthorizedWorkspace, asOf: string): Promise<{ previous: string | null; next: string | null }> {
  const date = fromCalendarDate(asOf);
  const [row] = await db().$queryRaw<{ previous: Date | null; next: Date | null }[]>`
    SELECT (SELECT max("statedOn") FROM stance_statements WHERE "workspaceId" = ${workspace.id}::uuid AND "statedOn" < ${date}::date) AS previous,
           (SELECT min("statedOn") FROM stance_statements WHERE "workspaceId" = ${workspace.id}::uuid AND "statedOn" > ${date}::date) AS next`;
  return { previous: row?.previous ? toCalendarDate(row.previous) : null, next: row?.next ? toCalendarDate(row.next) : null };
}

export async function getCellHistory(workspace: AuthorizedWorkspace, issueId: string, partyId: string) {
  const [settings, issue, party] = await Promise.all([
    db().workspace.findUniqueOrThrow({ where: { id: workspace.id }, select: { positionLabels: true } }),
    db().issue.findFirst({ where: { id: issueId, workspaceId: workspace.id }, select: { id: true, title: true, description: true } }),
    db().party.findFirst({ where: { id: partyId, workspaceId: workspace.id }, select: { id: true, name: true, shortName: true, colour: true } }),
  ]);
  if (!issue || !party) return null;
  const statements = await db().stanceStatement.findMany({
    where: { workspaceId: workspace.id, issueId, partyId },
    orderBy: [{ statedOn: "desc" }, { recordedAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      position: true,
      summary: true,
      statedOn: true,
      recordedAt: true,
      recordedBy: { select: { name: true, email: true } },
      amendment: { select: { kind: true, reason: true, amendedAt: true, replacementId: true, amendedBy: { select: { name: true, email: true } } } },
      links: {
        orderBy: { evidence: { saidOn: "asc" } },
        select: {
          relation: true,
          evidence: {
            select: {
              id: true,
              exact: true,
              saidOn: true,
              kind: true,
              speaker: { select: { name: true } },
              document: { select: { id: true, title: true, outlet: true } },
            },
          },
        },
      },
    },
  });
  return {
    issue,
    party,
    positionLabels: resolvePositionLabels(settings.positionLabels),
    statements: statements.map((s) => ({
      ...s,
      statedOn: toCalendarDate(s.statedOn),
      links: s.links.map((l) => ({ ...l, evidence: { ...l.evidence, saidOn: toCalendarDate(l.evidence.saidOn) } })),
    })),
  };
}
