import { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/platform/db/client";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import { loadWorkspaceFixture } from "@/tests/support/fixture/load";
import { testServer } from "./test-server";

/**
 * A copy of the demo workspace for one test file, owned by the admin the suite signs in as: other
 * files edit the shared demo workspace. Returns the copy's slug.
 */
export async function loadOwnDemoCopy(title: string, slug: string): Promise<string> {
  const admin = await db().user.findUniqueOrThrow({ where: { email: testServer().admin.email }, select: { id: true } });
  const copy = await loadWorkspaceFixture(
    { ...securityGuarantees, title },
    { slug, members: [{ userId: admin.id, role: Role.OWNER }], createdById: admin.id },
  );
  return copy.slug;
}

/** The id of the workspace's quote that starts earliest in its document. */
export async function earliestQuoteId(workspaceId: string): Promise<string> {
  const quote = await db().evidence.findFirstOrThrow({
    where: { workspaceId },
    orderBy: { startOffset: "asc" },
    select: { id: true },
  });
  return quote.id;
}
