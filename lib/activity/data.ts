import "server-only";
import { db } from "@/lib/db/client";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";
import type { Prisma } from "@/lib/generated/prisma/client";

export type ActivityScope = { kind: "workspace" } | { kind: "cell"; issueId: string; partyId: string } | { kind: "document"; documentId: string };

/** The append-only log, newest first: the whole workspace, one cell, or one document. */
export async function listActivity(workspace: AuthorizedWorkspace, scope: ActivityScope, take = 200) {
  let where: Prisma.ActivityEventWhereInput = { workspaceId: workspace.id };
  if (scope.kind === "cell") {
    const statements = await db().stanceStatement.findMany({ where: { workspaceId: workspace.id, issueId: scope.issueId, partyId: scope.partyId }, select: { id: true } });
    where = { workspaceId: workspace.id, subjectType: "stance_statement", subjectId: { in: statements.map((s) => s.id) } };
  } else if (scope.kind === "document") {
    const evidence = await db().evidence.findMany({ where: { workspaceId: workspace.id, documentId: scope.documentId }, select: { id: true } });
    where = {
      workspaceId: workspace.id,
      OR: [
        { subjectType: "document", subjectId: scope.documentId },
        { subjectType: "evidence", subjectId: { in: evidence.map((e) => e.id) } },
      ],
    };
  }
  return db().activityEvent.findMany({
    where,
    orderBy: { id: "desc" },
    take,
    select: { id: true, at: true, action: true, subjectType: true, subjectId: true, before: true, after: true, actor: { select: { name: true, email: true } } },
  });
}
