import "server-only";
import type { ActivitySinceQuery } from "@/lib/activity/schema";
import type { ActivityNames } from "@/lib/activity/sentences";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fromCalendarDate } from "@/lib/matrix/dates";
import { resolvePositionLabels } from "@/lib/matrix/positions";
import { db } from "@/lib/platform/db/client";
import { displayName } from "@/lib/users/display-name";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

export type ActivityScope =
  | { kind: "workspace" }
  | { kind: "cell"; issueId: string; partyId: string }
  | { kind: "document"; documentId: string };

/** Narrowing the log: by who acted, by kind of change, by the issue or party a stance is on, by date. */
export type ActivityFilters = {
  actorId?: string;
  /** The first word of the action: stance, evidence, document, comment, person, member, issue, party… */
  kind?: string;
  issueId?: string;
  partyId?: string;
  from?: string;
  to?: string;
};

async function scopeWhere(
  workspace: AuthorizedWorkspace,
  scope: ActivityScope,
  filters: ActivityFilters,
): Promise<Prisma.ActivityEventWhereInput> {
  const issueId = scope.kind === "cell" ? scope.issueId : filters.issueId;
  const partyId = scope.kind === "cell" ? scope.partyId : filters.partyId;
  const conditions: Prisma.ActivityEventWhereInput[] = [{ workspaceId: workspace.id }];
  if (issueId || partyId) {
    const statements = await db().stanceStatement.findMany({
      where: { workspaceId: workspace.id, ...(issueId ? { issueId } : {}), ...(partyId ? { partyId } : {}) },
      select: { id: true },
    });
    conditions.push({ subjectType: "stance_statement", subjectId: { in: statements.map((s) => s.id) } });
  }
  if (scope.kind === "document") {
    const evidence = await db().evidence.findMany({
      where: { workspaceId: workspace.id, documentId: scope.documentId },
      select: { id: true },
    });
    conditions.push({
      OR: [
        { subjectType: "document", subjectId: scope.documentId },
        { subjectType: "evidence", subjectId: { in: evidence.map((e) => e.id) } },
      ],
    });
  }
  if (filters.actorId) conditions.push({ actorId: filters.actorId });
  if (filters.kind) conditions.push({ action: { startsWith: `${filters.kind}.` } });
  if (filters.from) conditions.push({ at: { gte: fromCalendarDate(filters.from) } });
  if (filters.to) conditions.push({ at: { lt: new Date(fromCalendarDate(filters.to).getTime() + 86_400_000) } });
  return { AND: conditions };
}

const ACTIVITY_SELECT = {
  id: true,
  at: true,
  action: true,
  subjectType: true,
  subjectId: true,
  before: true,
  after: true,
  actor: { select: { name: true, email: true } },
} as const;

/** The append-only log, newest first: the whole workspace, one cell, or one document, narrowed by filters. */
export async function listActivity(
  workspace: AuthorizedWorkspace,
  scope: ActivityScope,
  filters: ActivityFilters = {},
  take = 200,
) {
  return db().activityEvent.findMany({
    where: await scopeWhere(workspace, scope, filters),
    orderBy: { id: "desc" },
    take,
    select: ACTIVITY_SELECT,
  });
}

export type ActivityEvent = Awaited<ReturnType<typeof listActivity>>[number];

/** The kinds of change a briefing's "What changed" lists: the record, not the team or its talk. */
const RECORD_KINDS = ["stance", "stances", "evidence", "document"];

/** The latest changes to stances, quotes and documents logged by the end of `until`, newest first. */
export async function listRecordChanges(workspace: AuthorizedWorkspace, until: string, take: number) {
  return db().activityEvent.findMany({
    where: {
      workspaceId: workspace.id,
      at: { lt: new Date(fromCalendarDate(until).getTime() + 86_400_000) },
      OR: RECORD_KINDS.map((kind) => ({ action: { startsWith: `${kind}.` } })),
    },
    orderBy: { id: "desc" },
    take,
    select: ACTIVITY_SELECT,
  });
}

/** The names the events' ids stand for, read in one round of queries. */
export async function activityNames(workspace: AuthorizedWorkspace, events: ActivityEvent[]): Promise<ActivityNames> {
  const ids = (type: string) => events.filter((e) => e.subjectType === type).map((e) => e.subjectId);
  const statementIds = [
    ...ids("stance_statement"),
    ...events.flatMap((e) => {
      const after = (e.after ?? {}) as Record<string, unknown>;
      return typeof after.statementId === "string" ? [after.statementId] : [];
    }),
  ];
  const [issues, parties, people, documents, users, statements, settings] = await Promise.all([
    db().issue.findMany({ where: { workspaceId: workspace.id }, select: { id: true, title: true } }),
    db().party.findMany({ where: { workspaceId: workspace.id }, select: { id: true, name: true } }),
    db().person.findMany({ where: { workspaceId: workspace.id }, select: { id: true, name: true } }),
    db().document.findMany({ where: { workspaceId: workspace.id }, select: { id: true, title: true } }),
    db().user.findMany({
      where: { id: { in: ids("membership") } },
      select: { id: true, name: true, email: true },
    }),
    db().stanceStatement.findMany({
      where: { workspaceId: workspace.id, id: { in: statementIds } },
      select: { id: true, issueId: true, partyId: true },
    }),
    db().workspace.findUniqueOrThrow({ where: { id: workspace.id }, select: { positionLabels: true } }),
  ]);
  return {
    issues: new Map(issues.map((i) => [i.id, i.title])),
    parties: new Map(parties.map((p) => [p.id, p.name])),
    people: new Map(people.map((p) => [p.id, p.name])),
    documents: new Map(documents.map((d) => [d.id, d.title])),
    users: new Map(users.map((u) => [u.id, displayName(u)])),
    statements: new Map(statements.map((s) => [s.id, { issueId: s.issueId, partyId: s.partyId }])),
    positions: resolvePositionLabels(settings.positionLabels),
  };
}

/** Who has acted in the workspace, for the log's filter. */
export async function listActivityActors(workspace: AuthorizedWorkspace) {
  const actors = await db().user.findMany({
    where: { activity: { some: { workspaceId: workspace.id } } },
    select: { id: true, name: true, email: true },
    orderBy: { name: "asc" },
  });
  return actors.map((a) => ({ id: a.id, name: displayName(a) }));
}

/**
 * The log oldest first from just after `after`, for a script keeping a copy in sync: ids only grow,
 * so the last id seen is where the next call starts (`nextCursor`, unchanged when nothing is new).
 */
type SinceRow = {
  id: bigint;
  xid: string;
  at: Date;
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
  actorName: string | null;
  actorEmail: string | null;
};

/**
 * Sync: the events after a cursor, in the order their transactions committed. Only events of
 * transactions older than every one still running are given, so an event committed later can
 * never land behind a cursor a script already holds (ids alone can: a long import takes its ids
 * early and commits late). The cursor is `<transaction>-<event id>`; "0" starts from the beginning.
 */
export async function listActivitySince(workspace: AuthorizedWorkspace, query: ActivitySinceQuery) {
  const [xid, id] = query.after === "0" ? ["0", "0"] : query.after.split("-");
  // A cursor from beyond this server's transactions (handed out before a restore from backup)
  // starts over: the script sees events again rather than missing any.
  const events = await db().$queryRaw<SinceRow[]>`
    WITH cursor AS (
      SELECT CASE WHEN ${xid}::xid8 < pg_snapshot_xmax(pg_current_snapshot()) THEN ${xid}::xid8 ELSE '0'::xid8 END AS xid,
             CASE WHEN ${xid}::xid8 < pg_snapshot_xmax(pg_current_snapshot()) THEN ${id}::bigint ELSE 0 END AS id
    )
    SELECT e.id, e.xid::text AS xid, e.at, e.action, e."subjectType", e."subjectId", e.before, e.after,
           u.name AS "actorName", u.email AS "actorEmail"
    FROM activity_events e
    CROSS JOIN cursor c
    LEFT JOIN users u ON u.id = e."actorId"
    WHERE e."workspaceId" = ${workspace.id}::uuid
      AND (e.xid, e.id) > (c.xid, c.id)
      AND e.xid < pg_snapshot_xmin(pg_current_snapshot())
    ORDER BY e.xid, e.id
    LIMIT ${query.limit}`;
  const last = events.at(-1);
  return {
    events: events.map(({ id, xid: _xid, at, actorName, actorEmail, ...event }) => ({
      ...event,
      id: id.toString(),
      at: at.toISOString(),
      actor: actorEmail ? actorName || actorEmail : null,
    })),
    nextCursor: last ? `${last.xid}-${last.id}` : query.after,
  };
}
