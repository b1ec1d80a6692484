import "server-only";
import { randomBytes } from "node:crypto";
import { loadWorkspaceFixture } from "@/lib/demo/load";
import type { WorkspaceFixture } from "@/lib/demo/types";
import { Role } from "@/lib/generated/prisma/enums";
import { NewPasswordSchema } from "@/lib/platform/auth/password";
import { db } from "@/lib/platform/db/client";
import { env } from "@/lib/platform/env";
import { EmailSchema } from "@/lib/platform/validation";
import { createUserWithPassword } from "@/lib/users/mutations";

export const DEFAULT_ADMIN_EMAIL = "admin@parley.localhost";

/**
 * First run on an empty database: an owner account (from PARLEY_ADMIN_EMAIL/PASSWORD, or
 * generated and printed once) and the demo workspace, which the server's start hands in
 * (instrumentation.ts: prisma/demo/). A start that finds both does nothing; one whose demo load
 * failed (say, a seed quote no longer found) tries again and fails as loudly.
 */
export async function ensureFirstRun(demo: WorkspaceFixture, log: (line: string) => void = console.log): Promise<void> {
  const owner =
    (await db().user.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true } })) ??
    (await createFirstOwner(log));
  if (!owner || env().PARLEY_SKIP_DEMO || (await db().workspace.count()) > 0) return;
  try {
    await loadWorkspaceFixture(demo, {
      members: [{ userId: owner.id, role: Role.OWNER }],
      createdById: owner.id,
    });
    log(`Parley: loaded the demo workspace "${demo.slug}"`);
  } catch (error) {
    // Another app server loaded it at the same moment.
    if ((error as { code?: string }).code !== "P2002") throw error;
  }
}

async function createFirstOwner(log: (line: string) => void): Promise<{ id: string } | null> {
  const { PARLEY_ADMIN_EMAIL, PARLEY_ADMIN_PASSWORD } = env();
  const email = EmailSchema.parse(PARLEY_ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL);
  const password = PARLEY_ADMIN_PASSWORD ?? randomBytes(15).toString("base64url");
  const policy = NewPasswordSchema.safeParse(password);
  if (!policy.success) throw new Error(`PARLEY_ADMIN_PASSWORD is not acceptable: ${policy.error.issues[0]?.message}`);
  try {
    const owner = await createUserWithPassword({ email, name: "Administrator", password });
    log(
      PARLEY_ADMIN_PASSWORD
        ? `Parley: first run — created the owner account ${email} (password from PARLEY_ADMIN_PASSWORD)`
        : `Parley: first run — created the owner account ${email} with password ${password}\n        (shown only this once; change it under Account)`,
    );
    return owner;
  } catch (error) {
    // Another app server created the first account at the same moment; it carries on from here.
    if ((error as { code?: string }).code === "P2002") return null;
    throw error;
  }
}
