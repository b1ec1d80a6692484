import { randomUUID } from "node:crypto";
import { Role } from "@/lib/generated/prisma/enums";
import { getMatrix } from "@/lib/matrix/data";
import { db } from "@/lib/platform/db/client";
import { type AuthorizedWorkspace, trustedWorkspace } from "@/lib/workspaces/access";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import { loadWorkspaceFixture } from "@/tests/support/fixture/load";
import { uniqueSlug } from "./seed";

/**
 * A new analyst owning two copies of the security-guarantees demo: `workspace` to work in, and
 * `other`, whose parties, issues and documents the first must refuse like missing ones.
 */
export async function seedDemoWorkspacePair(
  prefix: string,
  analystName: string,
): Promise<{ analystId: string; workspace: AuthorizedWorkspace; other: AuthorizedWorkspace }> {
  const analystId = (
    await db().user.create({
      data: { email: `${prefix}-${randomUUID().slice(0, 8)}@parley.test`, name: analystName },
      select: { id: true },
    })
  ).id;
  const load = async (slugPrefix: string) =>
    trustedWorkspace(
      await loadWorkspaceFixture(securityGuarantees, {
        slug: uniqueSlug(slugPrefix),
        members: [{ userId: analystId, role: "OWNER" }],
        createdById: analystId,
      }),
      analystId,
    );
  const workspace = await load(prefix);
  const other = await load(`${prefix}-other`);
  return { analystId, workspace, other };
}

/** A new user "Owner" owning a fresh copy of the security-guarantees demo, slug `${slugPrefix}-…`. */
export async function seedOwnedDemoWorkspace(slugPrefix: string): Promise<AuthorizedWorkspace> {
  const ownerUser = await db().user.create({
    data: { email: `owner-${randomUUID().slice(0, 8)}@parley.test`, name: "Owner" },
    select: { id: true },
  });
  const owner = trustedWorkspace(
    await loadWorkspaceFixture(securityGuarantees, { slug: `${slugPrefix}-${randomUUID().slice(0, 8)}` }),
    ownerUser.id,
  );
  await db().membership.create({ data: { workspaceId: owner.id, userId: ownerUser.id, role: Role.OWNER } });
  return owner;
}

/** A new user named `name`, joined to the owner's workspace with `role`, as that workspace authorizes them. */
export async function addMember(owner: AuthorizedWorkspace, name: string, role: Role): Promise<AuthorizedWorkspace> {
  const user = await db().user.create({
    data: { email: `${name.toLowerCase()}-${randomUUID().slice(0, 8)}@parley.test`, name },
    select: { id: true },
  });
  await db().membership.create({ data: { workspaceId: owner.id, userId: user.id, role } });
  return { ...owner, userId: user.id, role } as AuthorizedWorkspace;
}

/**
 * Fills `partyId` and `issueId` with the ids of a demo copy's parties and issues by their fixture
 * keys: the keys are not stored, and names and titles are unique per workspace.
 */
export async function mapDemoKeys(
  workspace: AuthorizedWorkspace,
  partyId: Map<string, string>,
  issueId: Map<string, string>,
): Promise<void> {
  const matrix = await getMatrix(workspace, "2022-02-16");
  for (const party of securityGuarantees.parties)
    partyId.set(party.key, matrix.parties.find((p) => p.name === party.name)!.id);
  for (const issue of securityGuarantees.issues)
    issueId.set(issue.key, matrix.issues.find((i) => i.title === issue.title)!.id);
}

/** Two copies of the demo with no members: `workspace` to work in, and `other`, whose records the first must refuse. */
export async function loadDemoPair(
  prefix: string,
): Promise<{ workspace: AuthorizedWorkspace; other: AuthorizedWorkspace }> {
  const slug = `${prefix}-${randomUUID().slice(0, 8)}`;
  const workspace = trustedWorkspace(await loadWorkspaceFixture(securityGuarantees, { slug }));
  const other = trustedWorkspace(await loadWorkspaceFixture(securityGuarantees, { slug: `${slug}-other` }));
  return { workspace, other };
}
