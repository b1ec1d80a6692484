import "server-only";
import { type ActivityEventView, activitySentence } from "@/lib/activity/sentences";
import { commentPermalink } from "@/lib/comments/permalink";
import type { Prisma } from "@/lib/generated/prisma/client";
import { resolvePositionLabels } from "@/lib/matrix/positions";
import { type NotificationView, NotificationViewSchema } from "@/lib/notifications/schema";
import { db } from "@/lib/platform/db/client";
import { displayName } from "@/lib/users/display-name";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

const INBOX_SIZE = 100;
const EXCERPT_LENGTH = 200;

// Only workspaces the user still belongs to: a removed member must not read on through old
// notifications what the workspace no longer shows them.
function inboxWhere(userId: string): Prisma.NotificationWhereInput {
  return { userId, workspace: { memberships: { some: { userId } } } };
}

const cellSelect = {
  issueId: true,
  partyId: true,
  party: { select: { name: true } },
  issue: { select: { title: true } },
} as const;

const notificationSelect = {
  id: true,
  kind: true,
  createdAt: true,
  readAt: true,
  actorId: true,
  workspace: { select: { id: true, slug: true, title: true, positionLabels: true } },
  comment: {
    select: {
      id: true,
      body: true,
      deletedAt: true,
      evidenceId: true,
      evidence: { select: { exact: true } },
      statement: { select: cellSelect },
      proposal: { select: cellSelect },
    },
  },
  statement: { select: { id: true, summary: true, ...cellSelect } },
  proposal: { select: { id: true, summary: true, reason: true, decisionRationale: true, ...cellSelect } },
  codingRound: { select: { id: true, title: true, _count: { select: { units: true } } } },
} as const satisfies Prisma.NotificationSelect;

const PROPOSAL_ACTIVITY = {
  PROPOSAL_WAITING: "proposed a reading for review",
  PROPOSAL_ACCEPTED: "accepted your proposal",
  PROPOSAL_REJECTED: "rejected your proposal",
} as const;

type Row = Prisma.NotificationGetPayload<{ select: typeof notificationSelect }>;

function excerpt(text: string, length = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > length ? `${flat.slice(0, length - 1).trimEnd()}…` : flat;
}

type StanceEvent = Pick<ActivityEventView, "action" | "subjectId" | "before" | "after">;

/**
 * The activity event behind each cell-change notification, keyed by notification: the notified
 * statement's recording or retraction, or the correction it replaced an earlier one in, whichever
 * was written with the notification: by the same person, and the nearest in time (both are
 * written in one transaction). The actor comes first because a correction and the retraction of
 * its result both name the same statement, and the clocks of the two rows may not agree closely
 * enough to tell them apart by time alone.
 */
async function stanceEvents(rows: Row[]): Promise<Map<string, StanceEvent>> {
  const notified = rows.flatMap((r) => (r.kind === "CELL_CHANGED" && r.statement ? [r] : []));
  if (notified.length === 0) return new Map();
  const ids = notified.map((r) => r.statement!.id);
  const workspaceIds = [...new Set(notified.map((r) => r.workspace.id))];
  const replaced = await db().statementAmendment.findMany({
    where: { workspaceId: { in: workspaceIds }, replacementId: { in: ids } },
    select: { statementId: true, replacementId: true },
  });
  const originals = new Map(replaced.map((a) => [a.replacementId!, a.statementId]));
  const events = await db().activityEvent.findMany({
    where: {
      workspaceId: { in: workspaceIds },
      subjectType: "stance_statement",
      subjectId: { in: [...ids, ...originals.values()] },
      action: { in: ["stance.recorded", "stance.corrected", "stance.retracted"] },
    },
    select: { action: true, subjectId: true, actorId: true, before: true, after: true, at: true },
  });
  const found = new Map<string, StanceEvent>();
  for (const row of notified) {
    const id = row.statement!.id;
    const candidates = events.filter(
      (e) =>
        e.actorId === row.actorId &&
        ((e.subjectId === id && e.action !== "stance.corrected") ||
          (e.subjectId === originals.get(id) && e.action === "stance.corrected")),
    );
    const distance = (e: { at: Date }) => Math.abs(e.at.getTime() - row.createdAt.getTime());
    const nearest = candidates.sort((a, b) => distance(a) - distance(b))[0];
    if (nearest) found.set(row.id, nearest);
  }
  return found;
}

function toView(row: Row, actors: Map<string, string>, events: Map<string, StanceEvent>): NotificationView | null {
  const base = {
    id: row.id,
    kind: row.kind,
    createdAt: row.createdAt.toISOString(),
    read: row.readAt !== null,
    workspace: { slug: row.workspace.slug, title: row.workspace.title },
    actorName: row.actorId ? (actors.get(row.actorId) ?? null) : null,
  };
  const slug = row.workspace.slug;
  if (row.kind === "PROPOSAL_WAITING" || row.kind === "PROPOSAL_ACCEPTED" || row.kind === "PROPOSAL_REJECTED") {
    if (!row.proposal) return null;
    const p = row.proposal;
    const what = p.summary ?? p.reason ?? "";
    return NotificationViewSchema.parse({
      ...base,
      subject: `${p.party.name} on ${p.issue.title}`,
      activity: `${PROPOSAL_ACTIVITY[row.kind]} on ${p.party.name} on ${p.issue.title}`,
      excerpt: excerpt(
        row.kind === "PROPOSAL_WAITING" || !p.decisionRationale ? what : `${p.decisionRationale} — on “${what}”`,
      ),
      href: `/w/${slug}/cells/${p.issueId}/${p.partyId}#proposal-${p.id}`,
    });
  }
  if (row.kind === "CODING_ROUND_ASSIGNED") {
    if (!row.codingRound) return null;
    const round = row.codingRound;
    return NotificationViewSchema.parse({
      ...base,
      subject: `the coding round “${round.title}”`,
      activity: `assigned you to the blind coding round “${round.title}”`,
      excerpt: `${round._count.units} quotes to code`,
      href: `/w/${slug}/review/rounds/${round.id}`,
    });
  }
  if (row.kind === "CELL_CHANGED") {
    if (!row.statement) return null;
    const s = row.statement;
    const event = events.get(row.id);
    // The same sentence the activity log says ("corrected Russia on …: Demands → Opposes, “…”").
    const sentence = event
      ? activitySentence(
          slug,
          { ...event, subjectType: "stance_statement", actor: base.actorName },
          {
            issues: new Map([[s.issueId, s.issue.title]]),
            parties: new Map([[s.partyId, s.party.name]]),
            people: new Map(),
            documents: new Map(),
            users: new Map(),
            statements: new Map([[event.subjectId, { issueId: s.issueId, partyId: s.partyId }]]),
            positions: resolvePositionLabels(row.workspace.positionLabels),
          },
        )
      : null;
    return NotificationViewSchema.parse({
      ...base,
      subject: `${s.party.name} on ${s.issue.title}`,
      activity: sentence?.text ?? null,
      excerpt: excerpt(sentence?.detail ?? s.summary),
      href: `/w/${slug}/cells/${s.issueId}/${s.partyId}#statement-${s.id}`,
    });
  }
  if (!row.comment) return null;
  const c = row.comment;
  const subject = c.evidence
    ? `the quote “${excerpt(c.evidence.exact, 80)}”`
    : c.statement
      ? `${c.statement.party.name} on ${c.statement.issue.title}`
      : c.proposal
        ? `a reading proposed for ${c.proposal.party.name} on ${c.proposal.issue.title}`
        : "a comment";
  return NotificationViewSchema.parse({
    ...base,
    subject,
    excerpt: c.deletedAt ? "(comment deleted)" : excerpt(c.body),
    href: commentPermalink(slug, c.id, { evidenceId: c.evidenceId, statement: c.statement, proposal: c.proposal }),
  });
}

/** The user's notifications across their workspaces: unread first, newest first within each. */
export async function listNotifications(userId: string): Promise<NotificationView[]> {
  const [unread, read] = await Promise.all([
    db().notification.findMany({
      where: { ...inboxWhere(userId), readAt: null },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: INBOX_SIZE,
      select: notificationSelect,
    }),
    db().notification.findMany({
      where: { ...inboxWhere(userId), readAt: { not: null } },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: INBOX_SIZE,
      select: notificationSelect,
    }),
  ]);
  const rows = [...unread, ...read];
  const actorIds = [...new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
  const actors = actorIds.length
    ? await db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } })
    : [];
  const names = new Map(actors.map((a) => [a.id, displayName(a)]));
  const events = await stanceEvents(rows);
  return rows.map((row) => toView(row, names, events)).filter((view): view is NotificationView => view !== null);
}

export async function countUnreadNotifications(userId: string): Promise<number> {
  return db().notification.count({ where: { ...inboxWhere(userId), readAt: null } });
}

export async function isFollowingCell(
  workspace: AuthorizedWorkspace,
  issueId: string,
  partyId: string,
): Promise<boolean> {
  const follow = await db().cellFollow.findUnique({
    where: {
      userId_workspaceId_issueId_partyId: { userId: workspace.userId, workspaceId: workspace.id, issueId, partyId },
    },
    select: { createdAt: true },
  });
  return follow !== null;
}
