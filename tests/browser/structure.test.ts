import { randomBytes } from "node:crypto";
import { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/platform/db/client";
import { userIdByEmail } from "../support/seed";
import { expect, test } from "./fixtures";

// The settings page's lists of issues (rows) and parties (columns), used as an editor would:
// add, rename, move, archive and bring back, for both kinds.

const run = randomBytes(4).toString("hex");
let slug: string;

test.beforeAll(async ({ admin }) => {
  const adminId = await userIdByEmail(admin.email);
  const workspace = await db().workspace.create({
    data: {
      slug: `structure-${run}`,
      title: `Structure ${run}`,
      memberships: { create: { userId: adminId, role: Role.OWNER } },
    },
    select: { id: true, slug: true, title: true },
  });
  slug = workspace.slug;
});

test.describe("structure settings", () => {
  test("adds, renames, reorders, archives and brings back issues and parties", async ({ page, signIn }) => {
    await signIn();
    await page.goto(`/w/${slug}/settings`);

    const issueForm = page.getByRole("form", { name: "Add issue" });
    for (const title of ["Sanctions relief", "Troop withdrawal"]) {
      await issueForm.getByLabel("Title").fill(title);
      await issueForm.getByRole("button", { name: "Add issue" }).click();
      await expect(issueForm.getByRole("status")).toContainText(`Added “${title}”`);
    }
    const issues = page.getByRole("list", { name: "Issues, in matrix row order" });
    await expect(issues).toContainText("Troop withdrawal");

    await page.getByRole("button", { name: "Rename Sanctions relief" }).click();
    const rename = page.getByRole("form", { name: "Rename Sanctions relief" });
    await rename.getByLabel("Title").fill("Sanctions");
    await rename.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("button", { name: "Rename Sanctions", exact: true })).toBeVisible();

    await page.getByRole("button", { name: "Archive Troop withdrawal" }).click();
    await page.getByText("Archived issues (1)").click();
    await page.getByRole("button", { name: "Unarchive Troop withdrawal" }).click();
    await expect(page.getByRole("button", { name: "Archive Troop withdrawal" })).toBeVisible();
    await page.getByRole("button", { name: "Move Troop withdrawal up" }).click();
    await expect(issues.getByRole("listitem").first()).toContainText("Troop withdrawal");

    const partyForm = page.getByRole("form", { name: "Add party" });
    for (const [name, short] of [
      ["Republic of Arcadia", "AR"],
      ["Borduria", "BO"],
    ] as const) {
      await partyForm.getByLabel("Name", { exact: true }).fill(name);
      await partyForm.getByLabel("Short name").fill(short);
      await partyForm.getByRole("button", { name: "Add party" }).click();
      await expect(page.getByRole("list", { name: "Parties, in matrix column order" })).toContainText(name);
    }
    await page.getByRole("button", { name: "Rename Borduria" }).click();
    const renameParty = page.getByRole("form", { name: "Rename Borduria" });
    await renameParty.getByLabel("Short name").fill("BOR");
    await renameParty.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("button", { name: "Rename Borduria" })).toBeVisible();

    await expect
      .poll(async () => {
        const workspace = await db().workspace.findUniqueOrThrow({
          where: { slug },
          select: {
            issues: { where: { archivedAt: null }, orderBy: { sortOrder: "asc" }, select: { title: true } },
            parties: { orderBy: { sortOrder: "asc" }, select: { name: true, shortName: true } },
          },
        });
        return { issues: workspace.issues.map((i) => i.title), parties: workspace.parties };
      })
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
  });
});
