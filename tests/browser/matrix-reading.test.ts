import { randomBytes } from "node:crypto";
import { postComment } from "@/lib/comments/mutations";
import { db } from "@/lib/platform/db/client";
import { unwrap } from "@/lib/platform/errors";
import { trustedWorkspace } from "@/lib/workspaces/access";
import { bigMatrixFixture } from "../support/big-matrix";
import { seedWorkspace, userIdByEmail } from "../support/seed";
import { expect, screenshot, test } from "./fixtures";
import { MatrixPage } from "./pages/matrix";

// Reading the matrix at a glance: sticky headers, the legend above, comment counts, the latest
// quote on hover or focus, H for a cell's history, changed wording marked in compare mode and the
// cell's own quotes first in the editor. A copy of the demo workspace of this file's own.
const run = randomBytes(4).toString("hex");
let slug: string;
let commented: { issueId: string; partyId: string };
let bigSlug: string;

test.beforeAll(async ({ admin }) => {
  const ownerId = await userIdByEmail(admin.email);
  const loaded = await seedWorkspace({ title: `Matrix reading ${run}`, slug: `matrix-reading-${run}`, ownerId });
  slug = loaded.slug;
  bigSlug = (
    await seedWorkspace({
      title: `Big matrix ${run}`,
      slug: `big-matrix-${run}`,
      ownerId,
      fixture: bigMatrixFixture(`Big matrix ${run}`),
    })
  ).slug;
  // A comment thread, left open, on the statement a cell shows on 16 February 2022.
  const statement = await db().stanceStatement.findFirstOrThrow({
    where: { workspaceId: loaded.id, statedOn: { lte: new Date("2022-02-16") }, links: { some: {} } },
    orderBy: [{ statedOn: "desc" }, { recordedAt: "desc" }],
    select: { id: true, issueId: true, partyId: true },
  });
  commented = { issueId: statement.issueId, partyId: statement.partyId };
  unwrap(
    await postComment(trustedWorkspace(loaded, ownerId), {
      target: { statementId: statement.id },
      body: `Is this reading right? ${run}`,
      mentionUserIds: [],
    }),
  );
});

test.describe("reading the matrix", () => {
  test("keeps the party row in view, counts comments, previews the latest quote and opens history with H", async ({
    page,
    signIn,
  }) => {
    await page.setViewportSize({ width: 1280, height: 700 });
    await signIn();
    const matrix = await new MatrixPage(page).goto(
      slug,
      `asOf=2022-02-16&cell=${commented.issueId}:${commented.partyId}`,
    );
    // The legend comes before the matrix's box, so it is on screen with it.
    const scroller = page.locator(".matrix-scroller");
    // Both read in one go: the selected cell may scroll the page into view between two reads.
    const [legendTop, scrollerTop] = await page.evaluate(() =>
      [document.querySelector('ul[aria-label="Positions"]'), document.querySelector(".matrix-scroller")].map(
        (element) => element?.getBoundingClientRect().top ?? Number.NaN,
      ),
    );
    expect(legendTop).toBeLessThan(scrollerTop!);

    // Scrolled inside its box, the header row stays at the box's top.
    const header = matrix.grid.getByRole("columnheader").nth(1);
    await scroller.evaluate((box) => box.scrollTo(0, 0));
    const top = (await scroller.boundingBox())!.y;
    await scroller.evaluate((box) => box.scrollBy(0, 400));
    await expect.poll(async () => Math.abs((await header.boundingBox())!.y - top)).toBeLessThan(2);
    await scroller.evaluate((box) => box.scrollTo(0, 0));

    const cell = page.locator(`[data-testid="matrix-cell"][aria-label*="1 comment, 1 open"]`);
    await expect(cell).toHaveCount(1);
    await expect(cell.getByTestId("cell-comments")).toContainText("1 open");

    // Focus previews the latest quote behind the cell's statement.
    await cell.focus();
    const quote = cell.getByTestId("cell-preview").locator("q");
    await expect(quote).toHaveCount(1);
    await expect(quote).toHaveText(/.{11,}/);
    await screenshot(page, "matrix-preview-1280x700");

    await page.keyboard.press("h");
    await expect(page).toHaveURL(
      (url) => url.pathname === `/w/${slug}/cells/${commented.issueId}/${commented.partyId}`,
    );
  });

  test("marks the words that changed in compare mode, and lists the cell's own quotes first in the editor", async ({
    page,
    signIn,
  }) => {
    await signIn();
    await page.goto(`/w/${slug}?asOf=2022-02-16&compare=2022-01-20`);
    const changed = page.getByTestId("wording-change").first();
    await expect(changed).toBeVisible();
    await expect(changed.locator("del, ins")).not.toHaveCount(0);
    await screenshot(page, "matrix-compare-wording");

    await page.goto(`/w/${slug}?asOf=2022-02-16&cell=${commented.issueId}:${commented.partyId}`);
    const cell = page.locator(`[data-testid="matrix-cell"][aria-label*="1 comment, 1 open"]`);
    await cell.click();
    const editor = page.getByRole("dialog");
    const title = editor.locator("#cell-editor-title");
    await expect(title).toBeVisible();
    const heading = (await title.innerText()).replace(/\s+/g, " ");
    // "Russia on Security guarantees" heads the editor; the first group is "Russia · Security guarantees".
    await expect(editor.getByTestId("quote-group").first()).toHaveText(
      new RegExp(`^${escapeRegExp(heading.replace(" on ", " · "))}$`, "i"),
      { useInnerText: true },
    );
  });

  test("renders only the rows in view of a 60 × 10 matrix, and the arrow keys still reach every row", async ({
    page,
    signIn,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn();
    const matrix = await new MatrixPage(page).goto(bigSlug, "asOf=2022-02-16");
    const { grid } = matrix;
    await expect(grid).toHaveAttribute("aria-rowcount", "61");
    const rendered = await grid.locator("tbody tr[data-index]").count();
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(60);
    await expect(grid.getByTestId("matrix-row-gap")).not.toHaveCount(0);

    await matrix.cells.first().focus();
    for (let i = 0; i < 59; i++) await page.keyboard.press("ArrowDown");
    await expect.poll(() => matrix.focusedLabel()).toMatch(/^Party 1 on Issue 60:/);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => matrix.focusedLabel()).toMatch(/^Party 2 on Issue 60:/);
    // The last row's cell is shown, and the top rows have left the DOM.
    await expect(grid.locator('tbody tr[aria-rowindex="61"]')).toHaveCount(1);
    await expect(grid.locator('tbody tr[aria-rowindex="2"]')).toHaveCount(0);
    for (let i = 0; i < 59; i++) await page.keyboard.press("ArrowUp");
    await expect.poll(() => matrix.focusedLabel()).toMatch(/^Party 2 on Issue 1:/);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
