import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { loadWorkspaceFixture } from "@/lib/demo/load";
import { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/platform/db/client";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import { screenshot, signIn, useBrowser } from "./browser";

// From a pasted article to quotes on the matrix, in a workspace of this file's own.

const run = randomBytes(4).toString("hex");
const ARTICLE = `MOSCOW, March 3. “We are open to dialogue, but not at the expense of our security,” Sergey Lavrov said.

The spokesman Dmitry Peskov noted that the Kremlin saw little cause for optimism.

A local reporter wrote that the talks in Geneva would resume after a pause of several weeks.`;

let slug: string;
let cell: { issue: string; party: string; issueId: string; partyId: string };

beforeAll(async () => {
  const admin = await db().user.findUniqueOrThrow({ where: { email: inject("adminEmail") }, select: { id: true } });
  const loaded = await loadWorkspaceFixture(
    { ...securityGuarantees, title: `Evidence ${run}` },
    { slug: `evidence-${run}`, createdById: admin.id, members: [{ userId: admin.id, role: Role.OWNER }] },
  );
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

// The box of the first occurrence of words in the document's text, in page coordinates.
function passageBox(page: Page, words: string) {
  return page.getByTestId("document-text").evaluate((el, words) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(words) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + words.length);
      const box = range.getBoundingClientRect();
      return { left: box.left + scrollX, top: box.top + scrollY, bottom: box.bottom + scrollY, width: box.width };
    }
    throw new Error(`not in the text: ${words}`);
  }, words);
}

// Where a mouse drag over the words starts and ends, in viewport coordinates, after scrolling them into view.
function passageEnds(page: Page, words: string) {
  return page.getByTestId("document-text").evaluate((el, words) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(words) ?? -1;
      if (at < 0) continue;
      node.parentElement?.scrollIntoView({ block: "center" });
      const char = (i: number) => {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        return range.getBoundingClientRect();
      };
      const first = char(at);
      const last = char(at + words.length - 1);
      return {
        start: { x: first.left + 1, y: (first.top + first.bottom) / 2 },
        end: { x: last.right - 1, y: (last.top + last.bottom) / 2 },
      };
    }
    throw new Error(`not in the text: ${words}`);
  }, words);
}

describe("evidence from a pasted article", () => {
  const session = useBrowser();

  it("imports, accepts a suggestion, saves a selection with a new speaker linked to a stance, and counts it", async () => {
    const { page, baseUrl } = session;
    await signIn(page, baseUrl, inject("adminEmail"), inject("adminPassword"));
    const cellLink = `${baseUrl}/w/${slug}/cells/${cell.issueId}/${cell.partyId}`;
    await page.goto(cellLink);
    const quotesBefore = await page.locator("figure blockquote").count();

    await page.goto(`${baseUrl}/w/${slug}/documents/new`);
    await page.getByLabel("Title").fill(`Lavrov on dialogue ${run}`);
    await page.getByLabel("Published").fill("2022-03-03");
    await page.getByLabel("…or paste the text").fill(ARTICLE);
    await page.getByRole("button", { name: "Import document" }).click();
    await page.getByRole("heading", { name: `Lavrov on dialogue ${run}` }).waitFor();

    // Accept the suggested direct quote: the form opens with the passage and the speaker matched.
    await page.locator("mark.suggestion", { hasText: "We are open to dialogue" }).click();
    await page.getByTestId("suggestion-card").getByRole("button", { name: "Accept…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText(/Speaker: .*Lavrov/).waitFor();
    await dialog.getByRole("button", { name: "Save evidence" }).click();
    // The step offered next, recording a stance, is left for later here.
    await page
      .getByRole("dialog", { name: "Quote saved — record the stance?" })
      .getByRole("button", { name: "Not now" })
      .click();
    await page.locator("mark.quote", { hasText: "We are open to dialogue" }).waitFor();

    // Select another sentence by typing its words, and save it with a new speaker linked to a stance.
    await page
      .getByPlaceholder("Type or paste the exact words")
      .fill("the talks in Geneva would resume after a pause of several weeks");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Save as evidence" }).click();
    await dialog.getByRole("button", { name: "Create a new person" }).click();
    // Another spelling of someone already in the directory is pointed out before a duplicate is made.
    await dialog.getByRole("textbox", { name: "Name", exact: true }).fill("Dmitri Peskov");
    await dialog.getByRole("status").filter({ hasText: "perhaps the same person" }).waitFor();
    await dialog.getByRole("button", { name: "Use Dmitry Peskov" }).waitFor();
    await dialog.getByRole("textbox", { name: "Name", exact: true }).fill(`Local Reporter ${run}`);
    expect(await dialog.getByText("perhaps the same person").count()).toBe(0);
    await dialog.getByRole("textbox", { name: "Organisation" }).fill("City Gazette");
    await dialog.getByLabel("Kind").selectOption("REPORTED_SPEECH");
    await dialog.getByLabel("Filter stances").fill(cell.issue);
    await dialog
      .getByRole("checkbox", { name: new RegExp(`^${cell.party} on `) })
      .first()
      .check();
    await dialog.getByRole("button", { name: "Save evidence" }).click();
    await page.locator("mark.quote", { hasText: "talks in Geneva" }).waitFor();
    expect(await page.locator("mark.quote").count()).toBe(2);
    await screenshot(page, "evidence-document");

    // A mouse selection brings a toolbar floating beside it; the text does not move, mid-drag or after.
    const passage = "the Kremlin saw little cause for optimism";
    const ends = await passageEnds(page, passage);
    const before = await passageBox(page, passage);
    await page.mouse.move(ends.start.x, ends.start.y);
    await page.mouse.down();
    await page.mouse.move(ends.end.x, ends.end.y, { steps: 4 });
    expect(await passageBox(page, passage)).toEqual(before);
    await page.mouse.up();
    const toolbar = page.getByRole("toolbar", { name: "Selected passage" });
    await toolbar.waitFor();
    expect(await passageBox(page, passage)).toEqual(before);
    await screenshot(page, "reader-toolbar-desktop");
    await toolbar.getByRole("button", { name: "Save as evidence" }).click();
    expect(await dialog.locator("blockquote").textContent()).toBe(`“${passage}”`);
    await dialog.getByLabel("Search people by name or alias").fill("Dmitry Peskov");
    await dialog.getByRole("list", { name: "Matching people" }).getByRole("button").first().click();
    await dialog.getByRole("button", { name: "Save evidence" }).click();
    await page.locator("mark.quote", { hasText: passage }).waitFor();

    // At phone width the toolbar opens below the selection, clear of it; Escape closes it.
    await page.setViewportSize({ width: 390, height: 800 });
    await page.getByPlaceholder("Type or paste the exact words").fill("A local reporter wrote");
    await page.keyboard.press("Enter");
    await toolbar.getByRole("button", { name: "Save as evidence" }).waitFor();
    const selected = await passageBox(page, "A local reporter wrote");
    const bar = await toolbar.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    expect(bar).toBeGreaterThanOrEqual(selected.bottom);
    await screenshot(page, "reader-toolbar-390");
    await page.keyboard.press("Escape");
    await toolbar.waitFor({ state: "detached" });
    await page.setViewportSize({ width: 1280, height: 800 });

    // The cell the quote was linked to now shows it.
    await page.goto(cellLink);
    await page.getByText("the talks in Geneva would resume").first().waitFor();
    expect(await page.locator("figure blockquote").count()).toBe(quotesBefore + 1);
  });

  it("merges the new speaker into another entry in a dialog showing both, their quotes and which name survives", async () => {
    const { page, baseUrl } = session;
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
    await signIn(page, baseUrl, inject("adminEmail"), inject("adminPassword"));
    await page.goto(`${baseUrl}/w/${slug}/people`);
    await page.getByRole("button", { name: `Merge ${reporter}` }).click();
    const dialog = page.getByRole("dialog", { name: `Merge ${reporter} with another entry` });
    await dialog.getByLabel("The same person as").selectOption(peskov.id);
    await dialog.getByRole("radio", { name: "Keep “Dmitry Peskov”" }).check();
    await dialog
      .getByRole("status")
      .getByText(`“Dmitry Peskov” survives. “${reporter}” becomes an alias of “Dmitry Peskov”, and 1 quote moves`)
      .waitFor();
    // Both entries' quotes are there to compare.
    await dialog.getByText("the talks in Geneva would resume").waitFor();
    expect(await dialog.getByText(/^\d+ quotes?$/).count()).toBe(2);
    await dialog.getByRole("button", { name: `Merge “${reporter}” into “Dmitry Peskov”` }).click();
    await page.getByRole("status").getByText(`Merged ${reporter} into Dmitry Peskov; 1 quote moved.`).waitFor();
    await page.getByText(new RegExp(`Also written: .*${reporter}`)).waitFor();
    expect(native).toEqual([]);
  });
});
