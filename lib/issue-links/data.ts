import "server-only";
import { db } from "@/lib/db/client";
import type { IssueLinkView } from "@/lib/issue-links/schema";
import { toCalendarDate } from "@/lib/matrix/dates";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

export const ISSUE_LINK_SELECT = {
  id: true,
  kind: true,
  note: true,
  holdsFrom: true,
  firstIssue: { select: { id: true, title: true } },
  secondIssue: { select: { id: true, title: true } },
  party: { select: { id: true, name: true } },
} as const;

type Row = {
  id: string;
  kind: IssueLinkView["kind"];
  note: string;
  holdsFrom: Date | null;
  firstIssue: { id: string; title: string };
  secondIssue: { id: string; title: string };
  party: { id: string; name: string } | null;
};

export function issueLinkView(row: Row): IssueLinkView {
  return { ...row, holdsFrom: row.holdsFrom ? toCalendarDate(row.holdsFrom) : null };
}

/**
 * The workspace's linked issues, in the matrix's issue order. Links to an archived issue are
 * kept (the archive is reversible) but left out, as the issue is from the matrix.
 */
export async function listIssueLinks(workspace: AuthorizedWorkspace): Promise<IssueLinkView[]> {
  const rows = await db().issueLink.findMany({
    where: { workspaceId: workspace.id, firstIssue: { archivedAt: null }, secondIssue: { archivedAt: null } },
    orderBy: [{ firstIssue: { sortOrder: "asc" } }, { secondIssue: { sortOrder: "asc" } }, { createdAt: "asc" }],
    select: ISSUE_LINK_SELECT,
  });
  return rows.map(issueLinkView);
}
