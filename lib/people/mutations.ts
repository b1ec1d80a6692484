import "server-only";
import { recordWorkspaceActivity } from "@/lib/activity/record";
import { db } from "@/lib/platform/db/client";
import { type Failure, fail, ok, type Success } from "@/lib/platform/errors";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

type Refusal = Failure<"not_found" | "duplicate" | "same_person">;

export async function updatePerson(
  workspace: AuthorizedWorkspace,
  input: {
    personId: string;
    name: string;
    aliases: string[];
    role: string;
    partyId?: string | null;
    organisation: string;
  },
): Promise<Success | Refusal> {
  const before = await db().person.findFirst({
    where: { id: input.personId, workspaceId: workspace.id },
    select: { name: true, aliases: true, role: true, partyId: true, organisation: true },
  });
  if (!before) return fail("not_found", "That person is not in this workspace.");
  if (
    input.partyId &&
    !(await db().party.findFirst({ where: { id: input.partyId, workspaceId: workspace.id }, select: { id: true } }))
  ) {
    return fail("not_found", "That party does not exist in this workspace.");
  }
  const after = {
    name: input.name,
    aliases: [...new Set(input.aliases.filter((a) => a !== input.name))],
    role: input.role,
    partyId: input.partyId ?? null,
    organisation: input.organisation,
  };
  try {
    await db().$transaction(async (tx) => {
      await tx.person.update({ where: { id: input.personId }, data: after });
      await recordWorkspaceActivity(tx, workspace, {
        action: "person.updated",
        subjectType: "person",
        subjectId: input.personId,
        before,
        after,
      });
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002")
      return fail("duplicate", "Someone with that name is already in the directory: merge the two instead.");
    throw error;
  }
  return ok();
}

/**
 * Two directory entries that turn out to be one person: the quotes of `mergeId` move to `keepId`,
 * whose aliases gain the other's name and aliases; the merged entry is then removed.
 */
export async function mergePeople(
  workspace: AuthorizedWorkspace,
  keepId: string,
  mergeId: string,
): Promise<Success<{ moved: number }> | Refusal> {
  if (keepId === mergeId) return fail("same_person", "Choose two different people.");
  return db().$transaction(async (tx) => {
    const people = await tx.person.findMany({
      where: { workspaceId: workspace.id, id: { in: [keepId, mergeId] } },
      select: { id: true, name: true, aliases: true, role: true, organisation: true, partyId: true },
    });
    const keep = people.find((p) => p.id === keepId);
    const merge = people.find((p) => p.id === mergeId);
    if (!keep || !merge) return fail("not_found", "One of those people is not in this workspace.");
    const { count } = await tx.evidence.updateMany({
      where: { workspaceId: workspace.id, speakerId: merge.id },
      data: { speakerId: keep.id },
    });
    const aliases = [...new Set([...keep.aliases, merge.name, ...merge.aliases])].filter((a) => a !== keep.name);
    await tx.person.delete({ where: { id: merge.id } });
    await tx.person.update({
      where: { id: keep.id },
      data: {
        aliases,
        role: keep.role || merge.role,
        organisation: keep.organisation || merge.organisation,
        partyId: keep.partyId ?? merge.partyId,
      },
    });
    await recordWorkspaceActivity(tx, workspace, {
      action: "person.merged",
      subjectType: "person",
      subjectId: keep.id,
      before: { kept: keep, merged: merge },
      after: { aliases, evidenceMoved: count },
    });
    return ok({ moved: count });
  });
}
