import { randomBytes } from "node:crypto";
import type { Locator } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/platform/db/client";
import { signIn, useBrowser } from "./browser";

// The settings page's lists of issues (rows) and parties (columns), used as an editor would:
// add, rename, move, archive and bring back, for both kinds.

const run = randomBytes(4).toString("hex");
let slug: string;

beforeAll(async () => {
  const admin = await db().user.findUniqueOrThrow({ where: { email: inject("adminEmail") }, select: { id: true } });
  const workspace = await db().workspace.create({
    data: {
      slug: `structure-${run}`,
      title: `Structure ${run}`,
      memberships: { create: { userId: admin.id, role: Role.OWNER } },
    },
    select: { id: true, slug: true, title: true },
  });
  slug = workspace.slug;
});

async function waitForText(locator: Locator, text: string) {
  await expect.poll(() => locator.innerText(), { timeout: 20_000 }).toContain(text);
}

describe("structure settings", () => {
  const session = useBrowser();

  it("adds, renames, reorders, archives and brings back issues and parties", async () => {
    const { page, baseUrl } = session;
    await signIn(page, baseUrl, inject("adminEmail"), inject("adminPassword"));
    await page.goto(`${baseUrl}/w/${slug}/settings`);

    const issueForm = page.getByRole("form", { name: "Add issue" });
    for (const title of ["Sanctions relief", "Troop withdrawal"]) {
      await issueForm.getByLabel("Title").fill(title);
      await issueForm.getByRole("button", { name: "Add issue" }).click();
      await waitForText(issueForm.getByRole("status"), `Added “${title}”`);
    }
    const issues = page.getByRole("list", { name: "Issues, in matrix row order" });
    await waitForText(issues, "Troop withdrawal");

    await page.getByRole("button", { name: "Rename Sanctions relief" }).click();
    const rename = page.getByRole("form", { name: "Rename Sanctions relief" });
    await rename.getByLabel("Title").fill("Sanctions");
    await rename.getByRole("button", { name: "Save" }).click();
    await page.getByRole("button", { name: "Rename Sanctions", exact: true }).waitFor({ timeout: 20_000 });

    await page.getByRole("button", { name: "Archive Troop withdrawal" }).click();
    await page.getByText("Archived issues (1)").click();
    await page.getByRole("button", { name: "Unarchive Troop withdrawal" }).click();
    await page.getByRole("button", { name: "Archive Troop withdrawal" }).waitFor({ timeout: 20_000 });
    await page.getByRole("button", { name: "Move Troop withdrawal up" }).click();
    await expect
      .poll(() => issues.getByRole("listitem").first().innerText(), { timeout: 20_000 })
      .toContain("Troop withdrawal");

    const partyForm = page.getByRole("form", { name: "Add party" });
    for (const [name, short] of [
      ["Republic of Arcadia", "AR"],
      ["Borduria", "BO"],
    ] as const) {
      await partyForm.getByLabel("Name", { exact: true }).fill(name);
      await partyForm.getByLabel("Short name").fill(short);
      await partyForm.getByRole("button", { name: "Add party" }).click();
      await waitForText(page.getByRole("list", { name: "Parties, in matrix column order" }), name);
    }
    await page.getByRole("button", { name: "Rename Borduria" }).click();
    const renameParty = page.getByRole("form", { name: "Rename Borduria" });
    await renameParty.getByLabel("Short name").fill("BOR");
    await renameParty.getByRole("button", { name: "Save" }).click();
    await page.getByRole("button", { name: "Rename Borduria" }).waitFor({ timeout: 20_000 });

    await expect
      .poll(
        async () => {
          const workspace = await db().workspace.findUniqueOrThrow({
            where: { slug },
            select: {
              issues: { where: { archivedAt: null }, orderBy: { sortOrder: "asc" }, select: { title: true } },
              parties: { orderBy: { sortOrder: "asc" }, select: { name: true, shortName: true } },
            },
          });
          return { issues: workspace.issues.map((i) => i.title), parties: workspace.parties };
        },
        { timeout: 20_000 },
      )
      .toEqual({
        issues: ["Troop withdrawal", "Sanctions"],
        parties: [
          { name: "Republic of Arcadia", shortName: "AR" },
          { name: "Borduria", shortName: "BOR" },
        ],
      });
    const actions = await db().activityEvent.findMany({
      where: { workspace: { slug } },
      orderBy: { id: "asc" },
      select: { action: true, subjectType: true },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "issue.created",
      "issue.created",
      "issue.renamed",
      "issue.archived",
      "issue.unarchived",
      "issue.reordered",
      "party.created",
      "party.created",
      "party.renamed",
    ]);
  }, 180_000);
});
