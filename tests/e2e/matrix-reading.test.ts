import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { postComment } from "@/lib/comments/mutations";
import { loadWorkspaceFixture } from "@/lib/demo/load";
import { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/platform/db/client";
import { unwrap } from "@/lib/platform/errors";
import { trustedWorkspace } from "@/lib/workspaces/access";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import { bigMatrixFixture } from "./big-matrix";
import { screenshot, signIn, useBrowser } from "./browser";

// Reading the matrix at a glance: sticky headers, the legend above, comment counts, the latest
// quote on hover or focus, H for a cell's history, changed wording marked in compare mode and the
// cell's own quotes first in the editor. A copy of the demo workspace of this file's own.
const run = randomBytes(4).toString("hex");
let slug: string;
let commented: { issueId: string; partyId: string };
let bigSlug: string;

beforeAll(async () => {
  const admin = await db().user.findUniqueOrThrow({ where: { email: inject("adminEmail") }, select: { id: true } });
  const loaded = await loadWorkspaceFixture(
    { ...securityGuarantees, title: `Matrix reading ${run}` },
    { slug: `matrix-reading-${run}`, members: [{ userId: admin.id, role: Role.OWNER }], createdById: admin.id },
  );
  slug = loaded.slug;
  bigSlug = (
    await loadWorkspaceFixture(bigMatrixFixture(`Big matrix ${run}`), {
      slug: `big-matrix-${run}`,
      members: [{ userId: admin.id, role: Role.OWNER }],
      createdById: admin.id,
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
    await postComment(trustedWorkspace(loaded, admin.id), {
      target: { statementId: statement.id },
      body: `Is this reading right? ${run}`,
      mentionUserIds: [],
    }),
  );
});

describe("reading the matrix", () => {
  const session = useBrowser();

  it("keeps the party row in view, counts comments, previews the latest quote and opens history with H", async () => {
    const { page, baseUrl } = session;
    await page.setViewportSize({ width: 1280, height: 700 });
    await signIn(page, baseUrl, inject("adminEmail"), inject("adminPassword"));
    await page.goto(`/w/${slug}?asOf=2022-02-16&cell=${commented.issueId}:${commented.partyId}`);
    const grid = page.getByRole("grid");
    await grid.waitFor();
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
    const header = grid.getByRole("columnheader").nth(1);
    await scroller.evaluate((box) => box.scrollTo(0, 0));
    const top = (await scroller.boundingBox())!.y;
    await scroller.evaluate((box) => box.scrollBy(0, 400));
    await expect.poll(async () => Math.abs((await header.boundingBox())!.y - top)).toBeLessThan(2);
    await scroller.evaluate((box) => box.scrollTo(0, 0));

    const cell = page.locator(`[data-testid="matrix-cell"][aria-label*="1 comment, 1 open"]`);
    await expect.poll(() => cell.count()).toBe(1);
    await expect.poll(() => cell.getByTestId("cell-comments").innerText()).toContain("1 open");

    // Focus previews the latest quote behind the cell's statement.
    await cell.focus();
    const preview = cell.getByTestId("cell-preview");
    await expect.poll(() => preview.locator("q").count()).toBe(1);
    expect((await preview.locator("q").innerText()).length).toBeGreaterThan(10);
    await screenshot(page, "matrix-preview-1280x700");

    await page.keyboard.press("h");
    await page.waitForURL((url) => url.pathname === `/w/${slug}/cells/${commented.issueId}/${commented.partyId}`);
  }, 90_000);

  it("marks the words that changed in compare mode, and lists the cell's own quotes first in the editor", async () => {
    const { page, baseUrl } = session;
    await signIn(page, baseUrl, inject("adminEmail"), inject("adminPassword"));
    await page.goto(`/w/${slug}?asOf=2022-02-16&compare=2022-01-20`);
    const changed = page.getByTestId("wording-change").first();
    await changed.waitFor();
    expect(await changed.locator("del, ins").count()).toBeGreaterThan(0);
    await screenshot(page, "matrix-compare-wording");

    await page.goto(`/w/${slug}?asOf=2022-02-16&cell=${commented.issueId}:${commented.partyId}`);
    const cell = page.locator(`[data-testid="matrix-cell"][aria-label*="1 comment, 1 open"]`);
    await cell.click();
    const editor = page.getByRole("dialog");
    const title = (await editor.locator("#cell-editor-title").innerText()).replace(/\s+/g, " ");
    const firstGroup = editor.getByTestId("quote-group").first();
    await firstGroup.waitFor();
    // "Russia on Security guarantees" heads the editor; the first group is "Russia · Security guarantees".
    expect((await firstGroup.innerText()).toLowerCase()).toBe(title.replace(" on ", " · ").toLowerCase());
  }, 90_000);

  it("renders only the rows in view of a 60 × 10 matrix, and the arrow keys still reach every row", async () => {
    const { page, baseUrl } = session;
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, baseUrl, inject("adminEmail"), inject("adminPassword"));
    await page.goto(`/w/${bigSlug}?asOf=2022-02-16`);
    const grid = page.getByRole("grid");
    await grid.waitFor();
    expect(await grid.getAttribute("aria-rowcount")).toBe("61");
    const rendered = await grid.locator("tbody tr[data-index]").count();
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(60);
    expect(await grid.getByTestId("matrix-row-gap").count()).toBeGreaterThan(0);

    const cells = grid.getByTestId("matrix-cell");
    await cells.first().focus();
    const active = () => page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "");
    for (let i = 0; i < 59; i++) await page.keyboard.press("ArrowDown");
    await expect.poll(active).toMatch(/^Party 1 on Issue 60:/);
    await page.keyboard.press("ArrowRight");
    await expect.poll(active).toMatch(/^Party 2 on Issue 60:/);
    // The last row's cell is shown, and the top rows have left the DOM.
    expect(await grid.locator('tbody tr[aria-rowindex="61"]').count()).toBe(1);
    expect(await grid.locator('tbody tr[aria-rowindex="2"]').count()).toBe(0);
    for (let i = 0; i < 59; i++) await page.keyboard.press("ArrowUp");
    await expect.poll(active).toMatch(/^Party 2 on Issue 1:/);
  }, 120_000);
});
