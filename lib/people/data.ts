import "server-only";
import { toCalendarDate } from "@/lib/matrix/dates";
import { db } from "@/lib/platform/db/client";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

export async function listPeople(workspace: AuthorizedWorkspace) {
  const people = await db().person.findMany({
    where: { workspaceId: workspace.id },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      aliases: true,
      role: true,
      organisation: true,
      party: { select: { id: true, name: true, colour: true } },
      _count: { select: { evidence: true } },
      // A few of their quotes, so a merge can be checked against what each entry actually said.
      evidence: {
        orderBy: [{ saidOn: "desc" }, { id: "asc" }],
        take: 3,
        select: { id: true, exact: true, saidOn: true },
      },
    },
  });
  return people.map(({ _count, evidence, ...p }) => ({
    ...p,
    evidenceCount: _count.evidence,
    quotes: evidence.map((e) => ({ ...e, saidOn: toCalendarDate(e.saidOn) })),
  }));
}

export type PersonListItem = Awaited<ReturnType<typeof listPeople>>[number];
