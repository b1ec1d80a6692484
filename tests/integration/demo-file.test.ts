import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { canonicalizeWorkspaceExport } from "@/lib/exports/canonical";
import { getWorkspaceExport } from "@/lib/exports/data";
import { WorkspaceExportSchema } from "@/lib/exports/workspace-file";
import { db } from "@/lib/platform/db/client";
import { trustedWorkspace } from "@/lib/workspaces/access";
import { DEMO_SLUG, ensureFirstRun } from "@/lib/workspaces/bootstrap";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import { loadWorkspaceFixture } from "@/tests/support/fixture/load";
import { resetDatabase } from "../support/database";
import { uniqueSlug } from "../support/seed";

// The demo workspace ships as a workspace-export file, which the first start imports through the
// same import as any team's file. The file is written from the demo fixture, the source the tests
// load too: PARLEY_WRITE_DEMO_FILE=1 rewrites it; every run checks that it is still what the
// fixture exports, ids and times aside. Runs on PostgreSQL and PGlite (scripts/test.mjs).

const DEMO_FILE = path.join(process.cwd(), "prisma", "demo", "security-guarantees.workspace.json");

/** The file's content with every time of recording (a key ending in "At") set aside. */
function withoutTimes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTimes);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).map(([key, entry]) => [key, key.endsWith("At") ? null : withoutTimes(entry)]),
    );
  return value;
}

const contentOf = (file: unknown) => withoutTimes(canonicalizeWorkspaceExport(WorkspaceExportSchema.parse(file)));

async function shippedFile(): Promise<unknown> {
  return JSON.parse(await readFile(DEMO_FILE, "utf8"));
}

describe("the demo workspace file", () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it("is the demo fixture, exported, with no one credited", async () => {
    // No createdById: the fixture's records are nobody's, so the file credits no account.
    const loaded = await loadWorkspaceFixture(securityGuarantees, { slug: uniqueSlug("demo-file") });
    const exported = await getWorkspaceExport(trustedWorkspace(loaded));
    if (process.env.PARLEY_WRITE_DEMO_FILE === "1") {
      const file = { ...exported, workspace: { ...exported.workspace, slug: DEMO_SLUG } };
      await writeFile(DEMO_FILE, `${JSON.stringify(file, null, 1)}\n`);
    }
    expect(contentOf(await shippedFile())).toEqual(contentOf(exported));
  });

  it("is what a first start imports, next to the owner account it creates", async () => {
    const lines: string[] = [];
    await ensureFirstRun(shippedFile, (line) => lines.push(line));

    const workspace = await db().workspace.findUniqueOrThrow({
      where: { slug: DEMO_SLUG },
      select: {
        id: true,
        slug: true,
        title: true,
        memberships: { select: { role: true, user: { select: { email: true } } } },
      },
    });
    expect(workspace.memberships).toEqual([{ role: "OWNER", user: { email: "admin@parley.localhost" } }]);
    expect(lines.at(-1)).toBe(`Parley: loaded the demo workspace "${DEMO_SLUG}"`);
    const statements = await db().stanceStatement.findMany({
      where: { workspaceId: workspace.id },
      select: { recordedById: true },
    });
    expect(statements).toHaveLength(securityGuarantees.statements.length);
    expect(statements.every((s) => s.recordedById === null)).toBe(true);
    // Exported again, it is the file it came from.
    const again = await getWorkspaceExport(trustedWorkspace(workspace));
    expect(contentOf(again)).toEqual(contentOf(await shippedFile()));
  });

  it("is imported once when two servers start at the same moment, and not again on a later start", async () => {
    const quiet = () => {};
    await Promise.all([ensureFirstRun(shippedFile, quiet), ensureFirstRun(shippedFile, quiet)]);
    await ensureFirstRun(shippedFile, quiet);
    expect(await db().workspace.findMany({ select: { slug: true } })).toEqual([{ slug: DEMO_SLUG }]);
    expect(await db().user.count()).toBe(1);
  });

  it("refuses loudly a file that is not a workspace export", async () => {
    await expect(
      ensureFirstRun(
        async () => ({ format: "something else" }),
        () => {},
      ),
    ).rejects.toThrow(/The demo workspace file was refused/);
    expect(await db().workspace.count()).toBe(0);
  });
});
