import "server-only";
import { randomBytes } from "node:crypto";
import { importWorkspaceExport } from "@/lib/exports/mutations";
import { NewPasswordSchema } from "@/lib/platform/auth/password";
import { db } from "@/lib/platform/db/client";
import { env } from "@/lib/platform/env";
import { EmailSchema } from "@/lib/platform/validation";
import { createUserWithPassword } from "@/lib/users/mutations";

export const DEFAULT_ADMIN_EMAIL = "admin@parley.localhost";

/** Where the demo workspace lives; its content is the file the server's start hands in. */
export const DEMO_SLUG = "security-guarantees";

/**
 * First run on an empty database: an owner account (from PARLEY_ADMIN_EMAIL/PASSWORD, or
 * generated and printed once) and the demo workspace, imported from the workspace-export file the
 * server's start reads through readDemoFile, only on a first run (instrumentation.ts:
 * prisma/demo/security-guarantees.workspace.json), through the same import as any team's file. A
 * start that finds both does nothing; one whose demo import failed tries again and fails as loudly.
 */
export async function ensureFirstRun(
  readDemoFile: () => Promise<unknown>,
  log: (line: string) => void = console.log,
): Promise<void> {
  const owner =
    (await db().user.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true } })) ??
    (await createFirstOwner(log));
  if (!owner || env().PARLEY_SKIP_DEMO || (await db().workspace.count()) > 0) return;
  const imported = await importWorkspaceExport(await readDemoFile(), { slug: DEMO_SLUG, ownerUserId: owner.id });
  if (imported.ok) log(`Parley: loaded the demo workspace "${DEMO_SLUG}"`);
  // Another app server imported it at the same moment.
  else if (imported.code !== "slug_taken")
    throw new Error(
      `The demo workspace file was refused: ${imported.message} ${imported.code === "invalid_file" ? imported.details.problems.join("; ") : ""}`,
    );
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
