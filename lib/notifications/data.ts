import "server-only";
import { db } from "@/lib/db/client";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";
import type { Prisma } from "@/lib/generated/prisma/client";
import { displayName } from "@/lib/comments/mentions";
import { commentPermalink } from "@/lib/comments/permalink";
import { NotificationViewSchema, type NotificationView } from "@/lib/notifications/schema";

const INBOX_SIZE = 100;
const EXCERPT_LENGTH = 200;

// Only workspaces the user still belongs to: a removed member must not read on through old
// notifications what the workspace no longer shows them.
function inboxWhere(userId: string): Prisma.NotificationWhereInput {
  return { userId, workspace: { memberships: { some: { userId } } } };
}

const cellSelect = { issueId: true, partyId: true, party: { select: { name: true } }, issue: { select: { title: true } } } as const;

const notificationSelect = {
  id: true,
  kind: true,
  createdAt: true,
  readAt: true,
  actorId: true,
  workspace: { select: { slug: true, title: true } },
  comment: {
    select: {
      id: true,
      body: true,
      deletedAt: true,
      evidenceId: true,
      evidence: { select: { exact: true } },
      statement: { select: cellSelect },
    },
  },
  statement: { select: { id: true, summary: true, ...cellSelect } },
} as const satisfies Prisma.NotificationSelect;

type Row = Prisma.NotificationGetPayload<{ select: typeof notificationSelect }>;

function excerpt(text: string, length = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > length ? `${flat.slice(0, length - 1).trimEnd()}…` : flat;
}

function toView(row: Row, actors: Map<string, string>): NotificationView | null {
  const base = { id: row.id, kind: row.kind, createdAt: row.createdAt.toISOString(), read: row.readAt !== null, workspace: row.workspace, actorName: row.actorId ? (actors.get(row.actorId) ?? null) : null };
  const slug = row.workspace.slug;
  if (row.kind === "CELL_CHANGED") {
    if (!row.statement) return null;
    const s = row.statement;
    return NotificationViewSchema.parse({ ...base, subject: `${s.party.name} on ${s.issue.title}`, excerpt: excerpt(s.summary), href: `/w/${slug}/cells/${s.issueId}/${s.partyId}#statement-${s.id}` });
  }
  if (!row.comment) return null;
  const c = row.comment;
  const subject = c.evidence ? `the quote “${excerpt(c.evidence.exact, 80)}”` : c.statement ? `${c.statement.party.name} on ${c.statement.issue.title}` : "a comment";
  return NotificationViewSchema.parse({
    ...base,
    subject,
    excerpt: c.deletedAt ? "(comment deleted)" : excerpt(c.body),
    href: commentPermalink(slug, c.id, { evidenceId: c.evidenceId, statement: c.statement }),
  });
}

/** The user's notifications across their workspaces: unread first, newest first within each. */
export async function listNotifications(userId: string): Promise<NotificationView[]> {
  const [unread, read] = await Promise.all([
    db().notification.findMany({ where: { ...inboxWhere(userId), readAt: null }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: INBOX_SIZE, select: notificationSelect }),
    db().notification.findMany({ where: { ...inboxWhere(userId), readAt: { not: null } }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: INBOX_SIZE, select: notificationSelect }),
  ]);
  const rows = [...unread, ...read];
  const actorIds = [...new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
  const actors = actorIds.length ? await db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } }) : [];
  const names = new Map(actors.map((a) => [a.id, displayName(a)]));
  return rows.map((row) => toView(row, names)).filter((view): view is NotificationView => view !== null);
}

export async function countUnreadNotifications(userId: string): Promise<number> {
  return db().notification.count({ where: { ...inboxWhere(userId), readAt: null } });
}

export async function isFollowingCell(workspace: AuthorizedWorkspace, issueId: string, partyId: string): Promise<boolean> {
  const follow = await db().cellFollow.findUnique({
    where: { userId_workspaceId_issueId_partyId: { userId: workspace.userId, workspaceId: workspace.id, issueId, partyId } },
    select: { createdAt: true },
  });
  return follow !== null;
}
