import { randomBytes } from "node:crypto";
import type { BrowserContext, Page } from "@playwright/test";
import { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/platform/db/client";
import { seedUser, seedWorkspace, userIdByEmail } from "../support/seed";
import { expect, newContext, screenshot, signIn, test, testServer } from "./fixtures";
import { MatrixPage } from "./pages/matrix";

const server = testServer();

// Review mode through the real UI, in a workspace of this file's own: the owner turns it on;
// editors Ana and Ben propose different readings of one cell; the reviewer, Rae, sees both side
// by side and accepts Ben's with a rationale; Ana hears of it in her inbox; the cell's history
// keeps both readings and the rationale.

const run = randomBytes(4).toString("hex");
const password = `Review-${randomBytes(12).toString("base64url")}`;
const ana = { name: "Ana Editor", email: `ana-${run}@parley.test` };
const ben = { name: "Ben Editor", email: `ben-${run}@parley.test` };
const rae = { name: "Rae Reviewer", email: `rae-${run}@parley.test` };
const MISSIONS = "NATO office in Moscow and Russian mission in Brussels";
const [PARTY, ISSUE] = ["United States", MISSIONS];
const CELL = `${PARTY} on ${ISSUE}`;
let slug: string;
let workspaceId: string;
let anaId: string;

test.beforeAll(async () => {
  const adminId = await userIdByEmail(server.admin.email);
  anaId = (await seedUser({ ...ana, password })).id;
  const benId = (await seedUser({ ...ben, password })).id;
  const raeId = (await seedUser({ ...rae, password })).id;
  const workspace = await seedWorkspace({
    title: `Review ${run}`,
    slug: `review-${run}`,
    ownerId: adminId,
    members: [
      { userId: anaId, role: Role.EDITOR },
      { userId: benId, role: Role.EDITOR },
      { userId: raeId, role: Role.REVIEWER },
    ],
  });
  slug = workspace.slug;
  workspaceId = workspace.id;
});

async function signedIn(context: BrowserContext, email: string, secret = password): Promise<Page> {
  const page = await context.newPage();
  await signIn(page, { email: email, password: secret });
  return page;
}

async function propose(page: Page, position: string, summary: string, rationale: string, pending: number) {
  const matrix = await new MatrixPage(page).goto(slug, "asOf=2022-02-16");
  const cell = matrix.cell(PARTY, ISSUE);
  const shownBefore = await cell.getAttribute("data-position");
  const editor = await matrix.openEditor(PARTY, ISSUE);
  await editor.position.selectOption(position);
  await editor.summary.fill(summary);
  await editor.dialog.getByLabel("Your rationale").fill(rationale);
  await editor.dialog.getByRole("button", { name: "Propose statement" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Proposed for review: ${CELL}.` })).toBeVisible();
  await expect(cell.getByTestId("cell-proposals").filter({ hasText: `${pending} pending` })).toBeVisible();
  // The matrix keeps showing the current statement.
  expect(await cell.getAttribute("data-position")).toBe(shownBefore);
  await expect(cell).not.toContainText(summary);
}

test.describe("review mode", () => {
  test("two editors propose, the reviewer compares and accepts one with a rationale, the other hears of it", async ({
    page,
    browser,
  }) => {
    // The owner switches review mode on in the settings.
    await signIn(page, server.admin);
    await page.goto(`/w/${slug}/settings`);
    await page.getByRole("checkbox", { name: /Review mode/ }).check();
    await page.getByRole("button", { name: "Save review mode" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Review mode is on." })).toBeVisible();
    expect(
      await db().workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { reviewMode: true } }),
    ).toEqual({ reviewMode: true });

    const anaSummary = `Opposes reopening the missions for now (${run}).`;
    const benSummary = `Would reopen the missions if Russia reopens its own first (${run}).`;
    const anaContext = await newContext(browser);
    const benContext = await newContext(browser);
    const raeContext = await newContext(browser);
    try {
      const anaPage = await signedIn(anaContext, ana.email);
      await propose(anaPage, "OPPOSES", anaSummary, "The spokesman ruled it out.", 1);
      const benPage = await signedIn(benContext, ben.email);
      await propose(benPage, "CONDITIONAL", benSummary, "The condition is stated in the same sentence.", 2);

      // Rae finds both in the queue, then compares them side by side on the cell page.
      const raePage = await signedIn(raeContext, rae.email);
      await raePage.goto(`/w/${slug}/review/proposals`);
      await expect(raePage.getByRole("heading", { name: "Proposals to review (2)" })).toBeVisible();
      await raePage.getByLabel("Author").selectOption({ label: `${ben.name} (1)` });
      await raePage.getByRole("button", { name: "Filter" }).click();
      await expect(raePage.getByTestId("queue-counts").filter({ hasText: "1 shown" })).toBeVisible();
      await screenshot(raePage, "review-queue");
      await raePage.setViewportSize({ width: 390, height: 844 });
      await screenshot(raePage, "review-queue-390");
      await raePage.setViewportSize({ width: 1280, height: 800 });
      await raePage.getByRole("link", { name: "Open the cell to compare readings" }).click();
      const readings = raePage.getByTestId("competing-readings").getByTestId("proposal");
      await expect(raePage.getByRole("heading", { name: "2 competing readings await review" })).toBeVisible();
      await expect(readings).toHaveCount(2);
      const [first, second] = [await readings.nth(0).boundingBox(), await readings.nth(1).boundingBox()];
      expect(first!.y).toBe(second!.y);
      expect(second!.x).toBeGreaterThan(first!.x + first!.width - 1);
      await expect(raePage.getByText(anaSummary)).toBeVisible();
      await expect(raePage.getByText("The condition is stated in the same sentence.")).toBeVisible();
      await screenshot(raePage, "review-competing-readings");
      await raePage.setViewportSize({ width: 390, height: 844 });
      await screenshot(raePage, "review-competing-readings-390");
      await raePage.setViewportSize({ width: 1280, height: 800 });

      // Rae asks about Ana's reading under its card; the question stays with it once decided.
      const question = `Where does the spokesman rule it out? (${run})`;
      const anaCard = readings.filter({ hasText: anaSummary });
      await anaCard.getByRole("button", { name: "Add a comment" }).click();
      await anaCard.getByRole("textbox", { name: "Comment on this reading" }).fill(question);
      await anaCard.getByRole("button", { name: "Comment", exact: true }).click();
      await expect(anaCard.getByRole("button", { name: "Comments (1)" })).toBeVisible();

      const benCard = readings.filter({ hasText: benSummary });
      await benCard.getByLabel("Decision rationale").fill("The condition is explicit in the quote.");
      await benCard.getByRole("button", { name: /^Accept the reading by Ben Editor/ }).click();
      const decided = raePage.getByTestId("decided-readings");
      await expect(decided.getByTestId("proposal").nth(1)).toBeVisible();
      await expect(raePage.getByRole("heading", { name: /await review/ })).toHaveCount(0);
      const rejected = decided.locator('[data-status="REJECTED"]');
      await expect(rejected.textContent()).resolves.toContain(anaSummary);
      await expect(rejected.textContent()).resolves.toContain("The condition is explicit in the quote.");
      await rejected.getByRole("button", { name: "Comments (1)" }).click();
      await expect(rejected.getByText(question)).toBeVisible();
      await expect(decided.locator('[data-status="ACCEPTED"]').textContent()).resolves.toContain(benSummary);
      // Ben's reading is now the cell's statement, recorded in his name.
      const history = raePage.locator("ol").filter({ hasText: benSummary }).first();
      await expect(history.textContent()).resolves.toContain(`by ${ben.name}`);
      await screenshot(raePage, "review-decided");
      await raePage.goto(`/w/${slug}/review/proposals`);
      await expect(raePage.getByRole("heading", { name: "Proposals to review (0)" })).toBeVisible();
      await screenshot(raePage, "review-queue-empty");

      // The matrix shows it.
      await raePage.goto(`/w/${slug}?asOf=2022-02-16`);
      const cell = new MatrixPage(raePage).cell(PARTY, ISSUE);
      await expect(cell.filter({ hasText: benSummary })).toBeVisible();
      await expect(cell.getByTestId("cell-proposals")).toHaveCount(0);

      // Ana hears that her proposal was rejected, and follows the notice to the cell.
      await anaPage.goto("/inbox");
      const notice = anaPage.getByRole("link", { name: new RegExp(`${rae.name} rejected your proposal on ${CELL}`) });
      await expect(notice).toBeVisible();
      await screenshot(anaPage, "review-inbox");
      await notice.click();
      await expect(anaPage.getByTestId("decided-readings")).toBeVisible();
      expect(await db().notification.count({ where: { userId: anaId, kind: "PROPOSAL_REJECTED", workspaceId } })).toBe(
        1,
      );
    } finally {
      await Promise.all([anaContext.close(), benContext.close(), raeContext.close()]);
    }
  });
});
