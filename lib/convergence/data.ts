import "server-only";
import { buildWhatMoved, type WhatMoved, type WindowStatement } from "@/lib/convergence/digest";
import { type HeatMapCell, heatMapColumns, sweepHeatMap } from "@/lib/convergence/heat-map";
import { CELL_TIMELINES_SQL } from "@/lib/convergence/sql";
import { type CellTimeline, landTimelines, readAtTwoDates, retractedBetween } from "@/lib/convergence/timeline";
import { type ConvergenceView, convergenceOf } from "@/lib/convergence/view";
import { listEvents } from "@/lib/events/data";
import { getMatrix, listChangeDates, readMatrixFrame, STATEMENT_LINE_SELECT } from "@/lib/matrix/data";
import { fromCalendarDate, toCalendarDate } from "@/lib/matrix/dates";
import { db, dbPool } from "@/lib/platform/db/client";
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
    dates.length === 0 ? Promise.resolve([] as CellTimeline[]) : readCellTimelines(workspace),
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
  // ones; the cells' timelines give both dates' matrices and the count of those still standing.
  const inWindow = {
    workspaceId: workspace.id,
    statedOn: { gt: fromCalendarDate(from), lte: fromCalendarDate(to) },
    issue: { archivedAt: null },
    party: { archivedAt: null },
  };
  const [frame, timelines, stated, events] = await Promise.all([
    readMatrixFrame(workspace),
    readCellTimelines(workspace),
    db().stanceStatement.findMany({
      where: { ...inWindow, amendment: { is: null } },
      orderBy: [{ statedOn: "desc" }, { recordedAt: "desc" }, { id: "desc" }],
      take: DIGEST_LIST_LIMIT,
      select: WINDOW_STATEMENT,
    }),
    listEvents(workspace, { after: from, until: to }),
  ]);
  const retractions = retractedBetween(timelines, from, to, DIGEST_LIST_LIMIT);
  const retracted =
    retractions.latestIds.length === 0
      ? []
      : await db().stanceStatement.findMany({
          where: { workspaceId: workspace.id, id: { in: retractions.latestIds } },
          select: WINDOW_STATEMENT,
        });
  const latestFirst = new Map(retractions.latestIds.map((id, index) => [id, index]));
  retracted.sort((a, b) => (latestFirst.get(a.id) ?? 0) - (latestFirst.get(b.id) ?? 0));
  const { before, after, statedBetween } = readAtTwoDates(timelines, from, to);
  const digest = buildWhatMoved({
    slug: workspace.slug,
    from,
    to,
    labels: frame.positionLabels,
    issues: frame.issues,
    parties: frame.parties,
    before,
    after,
    statements: [...stated, ...retracted].map(
      (s): WindowStatement => ({ ...s, statedOn: toCalendarDate(s.statedOn), amendment: s.amendment ?? null }),
    ),
    events,
    locale,
  });
  return { ...digest, statedCount: statedBetween, retractedCount: retractions.total };
}

/** A statement as the digest lists it. */
const WINDOW_STATEMENT = {
  ...STATEMENT_LINE_SELECT,
  amendment: { select: { kind: true, reason: true } },
} as const;

/**
 * The timelines of every cell with a live or retracted statement (archived issues and parties left
 * out), through the pool: Prisma's handling of a megabyte of bytes costs more than the query.
 */
function readCellTimelines(workspace: AuthorizedWorkspace): Promise<CellTimeline[]> {
  return dbPool()
    .query<CellTimeline>(CELL_TIMELINES_SQL, [workspace.id])
    .then((result) => result.rows);
}
