import "server-only";
import type { MentionCandidate } from "@/lib/comments/mentions";
import { CommentViewSchema, type ThreadView, ThreadViewSchema } from "@/lib/comments/schema";
import { db } from "@/lib/platform/db/client";
import { displayName } from "@/lib/users/display-name";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

/** A comment's words and what became of it: written, edited, deleted, its thread resolved and by whom. */
export const COMMENT_STATE_SELECT = {
  body: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  resolvedAt: true,
  resolvedById: true,
} as const;

const commentSelect = {
  id: true,
  parentId: true,
  statementId: true,
  proposalId: true,
  ...COMMENT_STATE_SELECT,
  author: { select: { id: true, name: true, email: true } },
} as const;

type CommentRow = {
  id: string;
  parentId: string | null;
  statementId: string | null;
  proposalId: string | null;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  resolvedAt: Date | null;
  resolvedById: string | null;
  author: { id: string; name: string; email: string };
};

function toView(row: CommentRow) {
  return CommentViewSchema.parse({
    id: row.id,
    parentId: row.parentId,
    author: { id: row.author.id, name: displayName(row.author) },
    body: row.deletedAt ? "" : row.body,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deleted: row.deletedAt !== null,
  });
}

async function resolverNames(rows: CommentRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => (r.resolvedById ? [r.resolvedById] : [])))];
  const users = ids.length
    ? await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } })
    : [];
  return new Map(users.map((u) => [u.id, displayName(u)]));
}

/** Threads in the order they were started, each with its replies in order. */
function toThreads(rows: CommentRow[], resolverName: Map<string, string>): ThreadView[] {
  const replies = new Map<string, CommentRow[]>();
  for (const row of rows) if (row.parentId) replies.set(row.parentId, [...(replies.get(row.parentId) ?? []), row]);
  return rows
    .filter((row) => row.parentId === null)
    .map((root) =>
      ThreadViewSchema.parse({
        root: toView(root),
        replies: (replies.get(root.id) ?? []).map(toView),
        resolved: root.resolvedAt
          ? {
              at: root.resolvedAt.toISOString(),
              by: root.resolvedById ? (resolverName.get(root.resolvedById) ?? null) : null,
            }
          : null,
      }),
    );
}

export async function listEvidenceThreads(workspace: AuthorizedWorkspace, evidenceId: string): Promise<ThreadView[]> {
  const rows = await db().comment.findMany({
    where: { workspaceId: workspace.id, evidenceId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: commentSelect,
  });
  return toThreads(rows, await resolverNames(rows));
}

/** The threads on each of the given statements or proposals (of one cell), keyed by their id. */
async function listThreadsOn(
  workspace: AuthorizedWorkspace,
  on: "statementId" | "proposalId",
  ids: string[],
): Promise<Map<string, ThreadView[]>> {
  const byId = new Map<string, ThreadView[]>();
  if (ids.length === 0) return byId;
  const rows = await db().comment.findMany({
    where: { workspaceId: workspace.id, [on]: { in: ids } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: commentSelect,
  });
  const names = await resolverNames(rows);
  for (const id of ids)
    byId.set(
      id,
      toThreads(
        rows.filter((r) => r[on] === id),
        names,
      ),
    );
  return byId;
}

export function listStatementThreads(workspace: AuthorizedWorkspace, statementIds: string[]) {
  return listThreadsOn(workspace, "statementId", statementIds);
}

/** The discussion of each competing reading, keyed by proposal id. */
export function listProposalThreads(workspace: AuthorizedWorkspace, proposalIds: string[]) {
  return listThreadsOn(workspace, "proposalId", proposalIds);
}

/** Comments still shown in a set of threads: deleted ones keep their place but do not count. */
export function countComments(threads: ThreadView[]): number {
  return threads.reduce((sum, t) => sum + [t.root, ...t.replies].filter((c) => !c.deleted).length, 0);
}

/** Who can be @mentioned: the workspace's current members. */
export async function listMentionCandidates(workspace: AuthorizedWorkspace): Promise<MentionCandidate[]> {
  const members = await db().membership.findMany({
    where: { workspaceId: workspace.id },
    orderBy: { user: { name: "asc" } },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  return members.map(({ user }) => ({ id: user.id, name: displayName(user), email: user.email }));
}

export type CellCommentCount = { comments: number; unresolved: number };

/**
 * For the matrix: how many comments each cell's statements carry, and how many threads are still
 * open, keyed `issueId:partyId`; cells without comments are absent.
 */
export async function countCellComments(workspace: AuthorizedWorkspace): Promise<Record<string, CellCommentCount>> {
  const rows = await db().$queryRaw<{ issueId: string; partyId: string; comments: number; unresolved: number }[]>`
    SELECT st."issueId", st."partyId", count(*)::int AS comments,
           (count(*) FILTER (WHERE c."parentId" IS NULL AND c."resolvedAt" IS NULL))::int AS unresolved
    FROM comments c
    JOIN stance_statements st ON st.id = c."statementId" AND st."workspaceId" = c."workspaceId"
    WHERE c."workspaceId" = ${workspace.id}::uuid AND c."deletedAt" IS NULL
    GROUP BY st."issueId", st."partyId"`;
  return Object.fromEntries(
    rows.map((r) => [`${r.issueId}:${r.partyId}`, { comments: r.comments, unresolved: r.unresolved }]),
  );
}
