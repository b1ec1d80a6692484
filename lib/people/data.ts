import "server-only";
import { db } from "@/lib/db/client";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

export async function listPeople(workspace: AuthorizedWorkspace) {
  const people = await db().person.findMany({
    where: { workspaceId: workspace.id },
    orderBy: { name: "asc" },
    select: { id: true, name: true, aliases: true, role: true, organisation: true, party: { select: { id: true, name: true, colour: true } }, _count: { select: { evidence: true } } },
  });
  return people.map(({ _count, ...p }) => ({ ...p, evidenceCount: _count.evidence }));
}

export type PersonListItem = Awaited<ReturnType<typeof listPeople>>[number];
