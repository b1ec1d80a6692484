import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toCalendarDate } from "@/lib/matrix/dates";
import { resolvePositionLabels } from "@/lib/matrix/positions";
import { db } from "@/lib/platform/db/client";
import type { ImportContext } from "@/lib/stance-import/plan";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

type Client = Prisma.TransactionClient | ReturnType<typeof db>;

/** What a plan is checked against: the workspace's rows, columns, scale labels and dated cells. */
export async function readImportContext(workspace: AuthorizedWorkspace, client: Client = db()): Promise<ImportContext> {
  // One after the other: inside the commit's transaction the client is one connection, which
  // runs one query at a time anyway (and pg refuses overlapping ones from version 9).
  const settings = await client.workspace.findUniqueOrThrow({
    where: { id: workspace.id },
    select: { positionLabels: true },
  });
  const issues = await client.issue.findMany({
    where: { workspaceId: workspace.id },
    select: { id: true, title: true, archivedAt: true },
  });
  const parties = await client.party.findMany({
    where: { workspaceId: workspace.id },
    select: { id: true, name: true, shortName: true, archivedAt: true },
  });
  const statements = await client.stanceStatement.findMany({
    where: { workspaceId: workspace.id, amendment: null },
    select: { issueId: true, partyId: true, statedOn: true },
  });
  return {
    issues: issues.map((i) => ({ id: i.id, title: i.title, archived: i.archivedAt !== null })),
    parties: parties.map((p) => ({ id: p.id, name: p.name, shortName: p.shortName, archived: p.archivedAt !== null })),
    labels: resolvePositionLabels(settings.positionLabels),
    existing: new Set(statements.map((s) => `${s.issueId}|${s.partyId}|${toCalendarDate(s.statedOn)}`)),
  };
}
