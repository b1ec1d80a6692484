import { randomBytes } from "node:crypto";
import { db } from "@/lib/platform/db/client";
import { seedWorkspace, userIdByEmail } from "../support/seed";
import { expect, screenshot, test } from "./fixtures";
import { DocumentReader } from "./pages/document-reader";

// From a pasted article to quotes on the matrix, in a workspace of this file's own.

const run = randomBytes(4).toString("hex");
const ARTICLE = `MOSCOW, March 3. “We are open to dialogue, but not at the expense of our security,” Sergey Lavrov said.

The spokesman Dmitry Peskov noted that the Kremlin saw little cause for optimism.

A local reporter wrote that the talks in Geneva would resume after a pause of several weeks.`;

let slug: string;
let cell: { issue: string; party: string; issueId: string; partyId: string };

test.beforeAll(async ({ admin }) => {
  const ownerId = await userIdByEmail(admin.email);
  const loaded = await seedWorkspace({ title: `Evidence ${run}`, slug: `evidence-${run}`, ownerId });
  slug = loaded.slug;
  const statement = await db().stanceStatement.findFirstOrThrow({
    where: { workspaceId: loaded.id, party: { name: "Russia" } },
    orderBy: { statedOn: "desc" },
    select: { issueId: true, partyId: true, issue: { select: { title: true } }, party: { select: { name: true } } },
  });
  cell = {
    issue: statement.issue.title,
    party: statement.party.name,
    issueId: statement.issueId,
    partyId: statement.partyId,
  };
});

test.describe("evidence from a pasted article", () => {
  // The merge works on the speaker the first test creates.
  test.describe.configure({ mode: "serial" });

  test("imports, accepts a suggestion, saves a selection with a new speaker linked to a stance, and counts it", async ({
    page,
    signIn,
  }) => {
    await signIn();
    const cellLink = `/w/${slug}/cells/${cell.issueId}/${cell.partyId}`;
    await page.goto(cellLink);
    await expect(page.getByRole("main")).toBeVisible();
    const quotesBefore = await page.locator("figure blockquote").count();

    await page.goto(`/w/${slug}/documents/new`);
    await page.getByLabel("Title").fill(`Lavrov on dialogue ${run}`);
    await page.getByLabel("Published").fill("2022-03-03");
    await page.getByLabel("…or paste the text").fill(ARTICLE);
    await page.getByRole("button", { name: "Import document" }).click();
    await expect(page.getByRole("heading", { name: `Lavrov on dialogue ${run}` })).toBeVisible();
    const reader = new DocumentReader(page);
    const dialog = reader.quoteForm;

    // Accept the suggested direct quote: the form opens with the passage and the speaker matched.
    await reader.suggestion("We are open to dialogue").click();
    await page.getByTestId("suggestion-card").getByRole("button", { name: "Accept…" }).click();
    await expect(dialog.getByText(/Speaker: .*Lavrov/)).toBeVisible();
    await dialog.getByRole("button", { name: "Save evidence" }).click();
    // The step offered next, recording a stance, is left for later here.
    await page
      .getByRole("dialog", { name: "Quote saved — record the stance?" })
      .getByRole("button", { name: "Not now" })
      .click();
    await expect(reader.quote("We are open to dialogue")).toBeVisible();

    // Select another sentence by typing its words, and save it with a new speaker linked to a stance.
    await reader.selectByTyping("the talks in Geneva would resume after a pause of several weeks");
    await page.getByRole("button", { name: "Save as evidence" }).click();
    await dialog.getByRole("button", { name: "Create a new person" }).click();
    // Another spelling of someone already in the directory is pointed out before a duplicate is made.
    await dialog.getByRole("textbox", { name: "Name", exact: true }).fill("Dmitri Peskov");
    await expect(dialog.getByRole("status").filter({ hasText: "perhaps the same person" })).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Use Dmitry Peskov" })).toBeVisible();
    await dialog.getByRole("textbox", { name: "Name", exact: true }).fill(`Local Reporter ${run}`);
    await expect(dialog.getByText("perhaps the same person")).toHaveCount(0);
    await dialog.getByRole("textbox", { name: "Organisation" }).fill("City Gazette");
    await dialog.getByLabel("Kind").selectOption("REPORTED_SPEECH");
    await dialog.getByLabel("Filter stances").fill(cell.issue);
    await dialog
      .getByRole("checkbox", { name: new RegExp(`^${cell.party} on `) })
      .first()
      .check();
    await dialog.getByRole("button", { name: "Save evidence" }).click();
    await expect(reader.quote("talks in Geneva")).toBeVisible();
    await expect(reader.quote()).toHaveCount(2);
    await screenshot(page, "evidence-document");

    // A mouse selection brings a toolbar floating beside it; the text does not move, mid-drag or after.
    const passage = "the Kremlin saw little cause for optimism";
    const before = await reader.passageBox(passage);
    await reader.selectByDragging(passage, {
      whileDragging: async () => expect(await reader.passageBox(passage)).toEqual(before),
    });
    await expect(reader.toolbar).toBeVisible();
    expect(await reader.passageBox(passage)).toEqual(before);
    await screenshot(page, "reader-toolbar-desktop");
    await reader.toolbar.getByRole("button", { name: "Save as evidence" }).click();
    await expect(dialog.locator("blockquote")).toHaveText(`“${passage}”`);
    await dialog.getByLabel("Search people by name or alias").fill("Dmitry Peskov");
    await dialog.getByRole("list", { name: "Matching people" }).getByRole("button").first().click();
    await dialog.getByRole("button", { name: "Save evidence" }).click();
    await expect(reader.quote(passage)).toBeVisible();

    // At phone width the toolbar opens below the selection, clear of it; Escape closes it.
    await page.setViewportSize({ width: 390, height: 800 });
    await reader.selectByTyping("A local reporter wrote");
    await expect(reader.toolbar.getByRole("button", { name: "Save as evidence" })).toBeVisible();
    const selected = await reader.passageBox("A local reporter wrote");
    const bar = await reader.toolbar.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    expect(bar).toBeGreaterThanOrEqual(selected.bottom);
    await screenshot(page, "reader-toolbar-390");
    await page.keyboard.press("Escape");
    await expect(reader.toolbar).toHaveCount(0);
    await page.setViewportSize({ width: 1280, height: 800 });

    // The cell the quote was linked to now shows it.
    await page.goto(cellLink);
    await expect(page.getByText("the talks in Geneva would resume").first()).toBeVisible();
    await expect(page.locator("figure blockquote")).toHaveCount(quotesBefore + 1);
  });

  test("merges the new speaker into another entry in a dialog showing both, their quotes and which name survives", async ({
    page,
    signIn,
  }) => {
    const native: string[] = [];
    page.on("dialog", (d) => {
      native.push(d.message());
      void d.dismiss();
    });
    const reporter = `Local Reporter ${run}`;
    const peskov = await db().person.findFirstOrThrow({
      where: { workspace: { slug }, name: "Dmitry Peskov" },
      select: { id: true },
    });
    await signIn();
    await page.goto(`/w/${slug}/people`);
    await page.getByRole("button", { name: `Merge ${reporter}` }).click();
    const dialog = page.getByRole("dialog", { name: `Merge ${reporter} with another entry` });
    await dialog.getByLabel("The same person as").selectOption(peskov.id);
    await dialog.getByRole("radio", { name: "Keep “Dmitry Peskov”" }).check();
    await expect(
      dialog
        .getByRole("status")
        .getByText(`“Dmitry Peskov” survives. “${reporter}” becomes an alias of “Dmitry Peskov”, and 1 quote moves`),
    ).toBeVisible();
    // Both entries' quotes are there to compare.
    await expect(dialog.getByText("the talks in Geneva would resume")).toBeVisible();
    await expect(dialog.getByText(/^\d+ quotes?$/)).toHaveCount(2);
    await dialog.getByRole("button", { name: `Merge “${reporter}” into “Dmitry Peskov”` }).click();
    await expect(
      page.getByRole("status").getByText(`Merged ${reporter} into Dmitry Peskov; 1 quote moved.`),
    ).toBeVisible();
    await expect(page.getByText(new RegExp(`Also written: .*${reporter}`))).toBeVisible();
    expect(native).toEqual([]);
  });
});
