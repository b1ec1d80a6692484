import "server-only";
import { recordWorkspaceActivity } from "@/lib/activity/record";
import type { IssueLinkInput } from "@/lib/issue-links/schema";
import { fromCalendarDate, toCalendarDate } from "@/lib/matrix/dates";
import { db } from "@/lib/platform/db/client";
import { type Failure, fail, ok, type Success } from "@/lib/platform/errors";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

// Links are the analysts' reading of how issues are traded: created and deleted (not amended),
// each with its activity row in the same transaction. Every query names the workspace, so another
// workspace's issue, party or link behaves like a missing one (and the composite foreign keys
// refuse it even if a query forgot).

type Refusal = Failure<"not_found">;

const actorOf = (workspace: AuthorizedWorkspace) => workspace.userId || null;

export async function createIssueLink(
  workspace: AuthorizedWorkspace,
  input: IssueLinkInput,
): Promise<Success<{ issueLinkId: string }> | Refusal> {
  return db().$transaction(async (tx) => {
    const issues = await tx.issue.count({
      where: { workspaceId: workspace.id, id: { in: [input.firstIssueId, input.secondIssueId] } },
    });
    if (issues !== 2) return fail("not_found", "One of those issues is not in this workspace.");
    if (input.partyId && !(await tx.party.count({ where: { workspaceId: workspace.id, id: input.partyId } })))
      return fail("not_found", "That party is not in this workspace.");
    const link = await tx.issueLink.create({
      data: {
        workspaceId: workspace.id,
        kind: input.kind,
        firstIssueId: input.firstIssueId,
        secondIssueId: input.secondIssueId,
        note: input.note,
        partyId: input.partyId,
        holdsFrom: input.holdsFrom ? fromCalendarDate(input.holdsFrom) : null,
      },
      select: { id: true },
    });
    await recordWorkspaceActivity(tx, workspace, {
      action: "issue_link.created",
      subjectType: "issue_link",
      subjectId: link.id,
      after: { ...input },
    });
    return ok({ issueLinkId: link.id });
  });
}

export async function deleteIssueLink(workspace: AuthorizedWorkspace, issueLinkId: string): Promise<Success | Refusal> {
  return db().$transaction(async (tx) => {
    const before = await tx.issueLink.findFirst({
      where: { id: issueLinkId, workspaceId: workspace.id },
      select: { kind: true, firstIssueId: true, secondIssueId: true, note: true, partyId: true, holdsFrom: true },
    });
    if (!before) return fail("not_found", "That link is not in this workspace.");
    await tx.issueLink.deleteMany({ where: { id: issueLinkId, workspaceId: workspace.id } });
    await recordWorkspaceActivity(tx, workspace, {
      action: "issue_link.deleted",
      subjectType: "issue_link",
      subjectId: issueLinkId,
      before: { ...before, holdsFrom: before.holdsFrom ? toCalendarDate(before.holdsFrom) : null },
    });
    return ok();
  });
}
