import "server-only";
import { buildWhatMoved, type WhatMoved, type WindowStatement } from "@/lib/convergence/digest";
import { type HeatMapCell, heatMapColumns, sweepHeatMap } from "@/lib/convergence/heat-map";
import { HEAT_MAP_SQL, SHOWN_AT_TWO_DATES_SQL } from "@/lib/convergence/sql";
import { type CellTimeline, landTimelines } from "@/lib/convergence/timeline";
import { type ConvergenceView, convergenceOf } from "@/lib/convergence/view";
import { db, dbPool } from "@/lib/db/client";
import { listEvents } from "@/lib/events/data";
import type { Position } from "@/lib/generated/prisma/enums";
import { getMatrix, listChangeDates, readMatrixFrame } from "@/lib/matrix/data";
import { fromCalendarDate, toCalendarDate } from "@/lib/matrix/dates";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

/** Per issue, the parties' positions as of the date, their spread and whether they are in the zone. */
export async function getConvergence(workspace: AuthorizedWorkspace, asOf: string): Promise<ConvergenceView> {
  return convergenceOf(await getMatrix(workspace, asOf));
}

export type HeatMap = { columns: string[]; issues: { issueId: string; title: string; cells: HeatMapCell[] }[] };

/** The spread of every issue on every column date (by default the change dates, or weeks; see heatMapColumns). */
export async function getHeatMap(workspace: AuthorizedWorkspace, columns?: readonly string[]): Promise<HeatMap> {
  const dates = [...(columns ?? heatMapColumns(await listChangeDates(workspace)))].sort();
  const [issues, rows] = await Promise.all([
    db().issue.findMany({
      where: { workspaceId: workspace.id, archivedAt: null },
      orderBy: [{ sortOrder: "asc" }, { title: "asc" }],
      select: { id: true, title: true },
    }),
    dates.length === 0
      ? Promise.resolve([] as CellTimeline[])
      : // Through the pool: Prisma's handling of a megabyte of bytes costs more than the query.
        dbPool()
          .query<CellTimeline>(HEAT_MAP_SQL, [workspace.id])
          .then((result) => result.rows),
  ]);
  const swept = sweepHeatMap(
    issues.map((issue) => issue.id),
    dates,
    landTimelines(rows, dates),
  );
  return {
    columns: dates,
    issues: issues.map((issue) => ({ issueId: issue.id, title: issue.title, cells: swept.get(issue.id) ?? [] })),
  };
}

/** The digest of what moved between two dates (from before to), with links to the cells. */
/** The digest lists at most this many new and retracted statements each (the latest), with totals. */
export const DIGEST_LIST_LIMIT = 200;

export async function getWhatMoved(
  workspace: AuthorizedWorkspace,
  from: string,
  to: string,
  locale?: string,
): Promise<WhatMoved> {
  // A year of a busy workspace holds tens of thousands of statements: the lists take the latest
  // ones, and the totals are counted where they lie.
  const inWindow = {
    workspaceId: workspace.id,
    statedOn: { gt: fromCalendarDate(from), lte: fromCalendarDate(to) },
    issue: { archivedAt: null },
    party: { archivedAt: null },
  };
  const standing = { ...inWindow, amendment: { is: null } };
  const retractedWhere = { ...inWindow, amendment: { is: { kind: "RETRACTED" as const } } };
  const latest = (where: typeof standing | typeof retractedWhere) =>
    db().stanceStatement.findMany({
      where,
      orderBy: [{ statedOn: "desc" }, { recordedAt: "desc" }, { id: "desc" }],
      take: DIGEST_LIST_LIMIT,
      select: {
        id: true,
        issueId: true,
        partyId: true,
        position: true,
        summary: true,
        statedOn: true,
        amendment: { select: { kind: true, reason: true } },
      },
    });
  const [frame, shown, stated, retracted, counts, events] = await Promise.all([
    readMatrixFrame(workspace),
    readShownAtTwoDates(workspace, from, to),
    latest(standing),
    latest(retractedWhere),
    countWindow(workspace, from, to),
    listEvents(workspace, { after: from, until: to }),
  ]);
  const digest = buildWhatMoved({
    slug: workspace.slug,
    from,
    to,
    labels: frame.positionLabels,
    issues: frame.issues,
    parties: frame.parties,
    ...shown,
    statements: [...stated, ...retracted].map(
      (s): WindowStatement => ({ ...s, statedOn: toCalendarDate(s.statedOn), amendment: s.amendment ?? null }),
    ),
    events,
    locale,
  });
  return { ...digest, ...counts };
}

type ShownAtTwoDates = {
  issueId: string;
  partyId: string;
  beforePosition: Position | null;
  beforeStatedOn: Date | null;
  beforeRedLine: boolean | null;
  afterPosition: Position | null;
  afterStatedOn: Date | null;
  afterRedLine: boolean | null;
};

/** Each cell's shown statement as of both dates, as the digest compares them. */
async function readShownAtTwoDates(workspace: AuthorizedWorkspace, from: string, to: string) {
  const rows = await db().$queryRawUnsafe<ShownAtTwoDates[]>(SHOWN_AT_TWO_DATES_SQL, workspace.id, from, to);
  const side = (position: Position | null, statedOn: Date | null, redLine: boolean | null) =>
    position && statedOn ? { position, statedOn: toCalendarDate(statedOn), redLine: redLine ?? false } : null;
  return {
    before: rows.map((r) => ({
      issueId: r.issueId,
      partyId: r.partyId,
      statement: side(r.beforePosition, r.beforeStatedOn, r.beforeRedLine),
    })),
    after: rows.map((r) => ({
      issueId: r.issueId,
      partyId: r.partyId,
      statement: side(r.afterPosition, r.afterStatedOn, r.afterRedLine),
    })),
  };
}

/**
 * The window's standing and retracted statements, counted in one pass over it (two counts would
 * each walk the tens of thousands of statements a year holds).
 */
async function countWindow(
  workspace: AuthorizedWorkspace,
  from: string,
  to: string,
): Promise<{ statedCount: number; retractedCount: number }> {
  const [counts] = await db().$queryRaw<{ statedCount: number; retractedCount: number }[]>`
    SELECT count(*) FILTER (WHERE a."statementId" IS NULL)::int AS "statedCount",
           count(*) FILTER (WHERE a.kind = 'RETRACTED')::int AS "retractedCount"
    FROM stance_statements st
    JOIN issues i ON i.id = st."issueId" AND i."workspaceId" = st."workspaceId" AND i."archivedAt" IS NULL
    JOIN parties p ON p.id = st."partyId" AND p."workspaceId" = st."workspaceId" AND p."archivedAt" IS NULL
    LEFT JOIN statement_amendments a ON a."statementId" = st.id
    WHERE st."workspaceId" = ${workspace.id}::uuid
      AND st."statedOn" > ${from}::date AND st."statedOn" <= ${to}::date`;
  return counts ?? { statedCount: 0, retractedCount: 0 };
}
