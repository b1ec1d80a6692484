import { randomBytes } from "node:crypto";
import { db } from "@/lib/platform/db/client";
import { seedWorkspace, userIdByEmail } from "../support/seed";
import { expect, screenshot, signIn, test, testServer } from "./fixtures";

const server = testServer();
const { baseUrl } = server;

// Reviewing an imported article's suggested quotes in the text, by keyboard: into a stance, or dismissed.

const run = randomBytes(4).toString("hex");
const ARTICLE = `MOSCOW, March 20. Russian Foreign Minister Sergei Lavrov said that Moscow demands legally binding guarantees that NATO will not expand further eastward.

He added that the deployment of strike weapons in Ukraine would be unacceptable for Russia.

“We will not accept any moratorium on enlargement instead of guarantees,” the Kremlin spokesman Dmitry Peskov told reporters.

NATO Secretary General Jens Stoltenberg said that the alliance is ready to discuss arms control and transparency measures with Russia.`;

let slug: string;
let workspaceId: string;

test.beforeAll(async () => {
  const adminId = await userIdByEmail(server.admin.email);
  const loaded = await seedWorkspace({
    title: `Suggestion review ${run}`,
    slug: `suggestion-review-${run}`,
    ownerId: adminId,
  });
  slug = loaded.slug;
  workspaceId = loaded.id;
});

test.describe("suggested quotes in the text", () => {
  test("moves with j/k, accepts one into a new stance of its cell, dismisses another for good", async ({ page }) => {
    await signIn(page, server.admin);
    await page.goto(`${baseUrl}/w/${slug}/documents/new`);
    await page.getByLabel("Title").fill(`Lavrov on guarantees ${run}`);
    await page.getByLabel("Published").fill("2022-03-20");
    await page.getByLabel("…or paste the text").fill(ARTICLE);
    await page.getByRole("button", { name: "Import document" }).click();
    await expect(page.getByRole("heading", { name: `Lavrov on guarantees ${run}` })).toBeVisible();
    const documentUrl = page.url();

    const marks = page.locator("mark.suggestion[data-suggestion-start]");
    await expect(marks.first()).toBeVisible();
    await expect(marks).toHaveCount(4);
    const lavrov = page.getByRole("group", { name: "Suggested quote by Sergei Lavrov" });
    await expect(lavrov).toHaveCount(2);
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? "");

    // Typing j in the find box types it; it does not move.
    await page.getByPlaceholder("Type or paste the exact words").fill("");
    await page.getByPlaceholder("Type or paste the exact words").press("j");
    await expect(page.getByPlaceholder("Type or paste the exact words")).toHaveValue("j");
    await expect(page.getByTestId("suggestion-card")).toHaveCount(0);
    await page.getByPlaceholder("Type or paste the exact words").fill("");
    await page.locator("h1").click();

    // j, j, k: the first, the second, the first again, each focused, with its card.
    await page.keyboard.press("j");
    expect(await focusedText()).toBe(
      "Moscow demands legally binding guarantees that NATO will not expand further eastward",
    );
    await page.keyboard.press("j");
    expect(await focusedText()).toBe("the deployment of strike weapons in Ukraine would be unacceptable for Russia");
    await page.keyboard.press("k");
    expect(await focusedText()).toBe(
      "Moscow demands legally binding guarantees that NATO will not expand further eastward",
    );
    const card = page.getByTestId("suggestion-card");
    await expect(card.getByText("Suggestion 1 of 4")).toBeVisible();
    const [speaker, party, issues, stance] = await card.locator("dd").allTextContents();
    expect(speaker).toMatch(/^Sergei Lavrov \(\d+%\)$/);
    expect(party).toMatch(/^Russia \(\d+%\)$/);
    expect(issues).toMatch(/^Legally binding guarantees vs\. a moratorium on enlargement \(\d+%\)/);
    expect(stance).toMatch(/^demands \(\d+%\)$/);
    // A modifier held: nothing happens.
    await page.keyboard.press("Control+j");
    expect(await focusedText()).toBe(
      "Moscow demands legally binding guarantees that NATO will not expand further eastward",
    );
    await screenshot(page, "suggestion-card-desktop");

    // a: the evidence form, prefilled; then one more step records the stance in the proposed cell.
    await page.keyboard.press("a");
    const form = page.getByRole("dialog", { name: "Save as evidence" });
    await expect(form.getByText(/Speaker: .*Sergei Lavrov/)).toBeVisible();
    await form.getByRole("button", { name: "Save evidence" }).click();
    const step = page.getByRole("dialog", { name: "Quote saved — record the stance?" });
    const record = step.getByRole("button", {
      name: "Record as a new stance in Legally binding guarantees vs. a moratorium on enlargement × Russia",
    });
    await expect(record).toBeVisible();
    await expect(step.getByLabel("Position")).toHaveValue("DEMANDS");
    const summary = `Demands binding guarantees of non-enlargement ${run}`;
    await step.getByLabel("Summary").fill(summary);
    await screenshot(page, "suggestion-stance-step");
    await record.click();
    await expect(step.getByRole("status").getByText("Recorded as a new stance of Russia")).toBeVisible();

    const statement = await db().stanceStatement.findFirstOrThrow({
      where: { workspaceId, summary },
      select: {
        position: true,
        issueId: true,
        partyId: true,
        links: { select: { relation: true, evidence: { select: { exact: true } } } },
      },
    });
    expect(statement.position).toBe("DEMANDS");
    expect(statement.links).toEqual([
      {
        relation: "SUPPORTS",
        evidence: { exact: "Moscow demands legally binding guarantees that NATO will not expand further eastward" },
      },
    ]);
    await step.getByRole("button", { name: "Close" }).click();
    await expect(step).toHaveCount(0);

    // d: Stoltenberg's suggestion is dismissed; after a reload it stays away, the others stay.
    await expect(page.locator("mark.quote", { hasText: "Moscow demands legally binding" })).toBeVisible();
    await page.locator("h1").click();
    const stoltenberg = page.getByRole("group", { name: "Suggested quote by Jens Stoltenberg" });
    for (let i = 0; i < 4 && !(await stoltenberg.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press("j");
    expect(await focusedText()).toBe(
      "the alliance is ready to discuss arms control and transparency measures with Russia",
    );
    await page.keyboard.press("d");
    await expect(stoltenberg).toHaveCount(0);
    await page.goto(documentUrl);
    await expect(page.getByRole("group", { name: "Suggested quote by Dmitry Peskov" })).toBeVisible();
    await expect(stoltenberg).toHaveCount(0);
    await expect(marks).toHaveCount(2);

    // The matrix cell shows the new stance.
    await page.goto(`${baseUrl}/w/${slug}/cells/${statement.issueId}/${statement.partyId}`);
    await expect(page.getByText(summary).first()).toBeVisible();
    await page.goto(`${baseUrl}/w/${slug}`);
    await expect(page.getByText(summary).first()).toBeVisible();
  });

  test("marks at phone width without a card off the screen", async ({ page }) => {
    await signIn(page, server.admin);
    const document = await db().document.findFirstOrThrow({
      where: { workspaceId, title: `Lavrov on guarantees ${run}` },
      select: { id: true },
    });
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${baseUrl}/w/${slug}/documents/${document.id}`);
    await expect(page.locator("mark.suggestion[data-suggestion-start]").first()).toBeVisible();
    await page.locator("h1").click();
    await page.keyboard.press("j");
    const card = page.getByTestId("suggestion-card");
    await expect(card).toBeVisible();
    const box = await card.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await screenshot(page, "suggestion-card-390");
  });
});
