import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { db } from "@/lib/platform/db/client";
import { WORKSPACE_TEMPLATES } from "@/lib/workspaces/templates";
import { seedUser } from "../support/seed";
import { expect, signIn, test, testServer } from "./fixtures";
import { DocumentReader } from "./pages/document-reader";
import { MatrixPage } from "./pages/matrix";
import { MembersPage } from "./pages/members";

const server = testServer();

// A new user starts a negotiation of their own through the real form, then the demo workspace's
// main pages are photographed at phone and tablet widths, each checked for sideways overflow.

const run = randomBytes(4).toString("hex");
const DEMO = "security-guarantees";
const PASSWORD = `ws-${randomBytes(12).toString("base64url")}`;
const SCREENSHOTS = path.join(process.cwd(), "test-results", "screenshots");
const FIXTURES = path.join(import.meta.dirname, "..", "fixtures", "imports");

let newcomer: { email: string };

test.beforeAll(async () => {
  newcomer = await seedUser({
    email: `newcomer-${run}@parley.test`,
    name: `Newcomer ${run}`,
    password: PASSWORD,
  });
});

test.describe("starting a negotiation of one's own", () => {
  test("a new user creates a workspace from the multilateral template, adds a party and an issue, imports a PDF, quotes its page 2 and records a stance on it", async ({
    page,
  }) => {
    await signIn(page, { email: newcomer.email, password: PASSWORD });
    // No workspace yet: the list, with the way to start one.
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
    await main.getByRole("link", { name: "New workspace" }).click();

    await page.getByLabel("Title").fill("WTO fisheries subsidies");
    const slugField = page.getByLabel("Address");
    await expect(slugField).toHaveValue("wto-fisheries-subsidies");
    const slug = `wto-fisheries-subsidies-${run}`;
    await slugField.fill(slug);
    await expect(page.getByText("This address is free.")).toBeVisible();
    await page.getByLabel("Description").fill("Disciplines on harmful fisheries subsidies.");
    await page.getByRole("radio", { name: /Multilateral treaty review/ }).check();
    await expect(page.getByLabel(/^Parties/)).toHaveValue(/Delegation 1 \(D1\)/);
    await page.getByRole("button", { name: "Create workspace" }).click();

    // The new workspace's matrix, with the template's columns and rows.
    await expect(page.getByRole("heading", { name: "WTO fisheries subsidies" })).toBeVisible();
    await expect(page.getByRole("grid")).toBeVisible();
    await expect(page).toHaveURL((url) => url.pathname === `/w/${slug}`);
    const workspace = await db().workspace.findUniqueOrThrow({
      where: { slug },
      select: {
        id: true,
        positionLabels: true,
        memberships: { select: { role: true, user: { select: { email: true } } } },
      },
    });
    expect(workspace.memberships).toEqual([{ role: "OWNER", user: { email: newcomer.email } }]);
    expect(workspace.positionLabels).toEqual(WORKSPACE_TEMPLATES.multilateral.positionLabels);

    // A party and an issue of their own, in Settings.
    await page.goto(`/w/${slug}/settings`);
    const addParty = page.getByRole("form", { name: "Add party" });
    await addParty.getByLabel("Name", { exact: true }).fill("Small island developing states");
    await addParty.getByLabel("Short name").fill("SIDS");
    await addParty.getByRole("button", { name: "Add party" }).click();
    await expect(addParty.getByRole("status")).toBeVisible();
    const addIssue = page.getByRole("form", { name: "Add issue" });
    await addIssue.getByLabel("Title").fill("Special and differential treatment");
    await addIssue.getByRole("button", { name: "Add issue" }).click();
    await expect(addIssue.getByRole("status")).toBeVisible();

    // A source of their own: a two-page PDF, a passage of its page 2 saved as evidence.
    await page.goto(`/w/${slug}/documents/new`);
    await page.getByLabel("Title").fill(`Chair's draft ${run}`);
    await page.getByLabel("Published").fill("2026-03-02");
    await page.locator("#doc-file").setInputFiles(path.join(FIXTURES, "draft-text.pdf"));
    await expect(page.getByText("Will import “draft-text.pdf”")).toBeVisible();
    await page.getByRole("button", { name: "Import document" }).click();
    await expect(page.getByRole("heading", { name: `Chair's draft ${run}` })).toBeVisible();
    const passage = "notify the Committee of any subsidy granted to vessels fishing on the high seas";
    const reader = new DocumentReader(page);
    await reader.quotePassage(passage);
    await expect(reader.quote("notify the Committee")).toBeVisible();
    const evidence = await db().evidence.findFirstOrThrow({
      where: { workspaceId: workspace.id, exact: { startsWith: "notify the Committee" } },
      select: { id: true, documentId: true },
    });

    // A stance in the new cell, proven by that quote.
    const [sids, treatment] = ["Small island developing states", "Special and differential treatment"];
    const matrix = await new MatrixPage(page).goto(slug);
    const editor = await matrix.openEditor(sids, treatment);
    await editor.position.selectOption("DEMANDS");
    const summary = `SIDS want a permanent carve-out (${run}).`;
    await editor.summary.fill(summary);
    await editor.dialog.locator(`#link-${evidence.id}`).check();
    await editor.recordButton.click();
    await matrix.expectSummary(sids, treatment, summary);
    const cell = matrix.cell(sids, treatment);
    await expect(cell).toHaveAttribute("data-position", "DEMANDS");
    // Shown with the template's label for that position.
    await expect(cell).toContainText("Proposes");
    await expect
      .poll(() =>
        db().stanceStatement.count({
          where: {
            workspaceId: workspace.id,
            summary,
            position: "DEMANDS",
            links: { some: { evidenceId: evidence.id } },
          },
        }),
      )
      .toBe(1);

    // The quote's permalink opens the document at page 2 with the passage marked.
    await page.goto(`/w/${slug}/evidence/${evidence.id}`);
    await expect(page.getByText(/· p\. 2 · revision 1/)).toBeVisible();
    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link").click();
    await expect(page).toHaveURL(/\?page=2#quote-/);
    await expect(
      page.getByTestId("document-text").locator(`mark.quote[data-active="true"]`, { hasText: "notify the Committee" }),
    ).toBeVisible();
  });
});

// ---------------------------------------------------------------- phone and tablet

async function pageWidths(page: Page) {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
}

/** Party columns of the matrix shown whole, inside both its box and the window. */
function wholePartyColumns(page: Page): Promise<number> {
  return page.evaluate(() => {
    const grid = document.querySelector('[role="grid"]');
    const box = grid?.parentElement?.getBoundingClientRect();
    if (!grid || !box) return 0;
    return [...grid.querySelectorAll("thead th")].slice(1).filter((th) => {
      const r = th.getBoundingClientRect();
      return r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.right <= window.innerWidth;
    }).length;
  });
}

async function shoot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

for (const [width, height] of [
  [390, 844],
  [768, 1024],
] as const)
  test.describe(`the demo workspace at ${width} × ${height}`, () => {
    let targets: { label: string; path: string; ready: (page: Page) => Promise<unknown> }[] = [];

    test.beforeAll(async () => {
      const demo = await db().workspace.findUniqueOrThrow({ where: { slug: DEMO }, select: { id: true } });
      const statement = await db().stanceStatement.findFirstOrThrow({
        where: { workspaceId: demo.id, issue: { archivedAt: null }, party: { archivedAt: null } },
        orderBy: { statedOn: "asc" },
        select: { issueId: true, partyId: true },
      });
      const document = await db().document.findFirstOrThrow({
        where: { workspaceId: demo.id, evidence: { some: {} } },
        orderBy: { importedAt: "asc" },
        select: { id: true },
      });
      targets = [
        {
          label: "matrix",
          path: `/w/${DEMO}?asOf=2022-02-16`,
          ready: (page) => expect(page.getByRole("grid")).toBeVisible(),
        },
        {
          label: "cell",
          path: `/w/${DEMO}/cells/${statement.issueId}/${statement.partyId}?asOf=2022-02-16`,
          ready: (page) => expect(page.getByRole("main").getByRole("heading").first()).toBeVisible(),
        },
        {
          label: "document",
          path: `/w/${DEMO}/documents/${document.id}`,
          ready: (page) => expect(page.locator("mark.quote").first()).toBeVisible(),
        },
        {
          label: "members",
          path: `/w/${DEMO}/members`,
          ready: (page) => expect(new MembersPage(page).heading).toBeVisible(),
        },
      ];
    });

    test("no page is wider than the viewport; screenshots of matrix, cell, document and members", async ({ page }) => {
      await page.setViewportSize({ width, height });
      await signIn(page, server.admin);
      for (const target of targets) {
        await page.goto(target.path);
        await target.ready(page);
        await shoot(page, `${target.label}-${width}x${height}`);
        if (target.label === "matrix" && width >= 768) expect(await wholePartyColumns(page)).toBeGreaterThanOrEqual(2);
        expect(await pageWidths(page), `${target.label} at ${width} px`).toEqual({
          scrollWidth: width,
          innerWidth: width,
        });
      }
    });

    test("the navigation is a disclosure menu, and the cell editor fills the screen", async ({ page }) => {
      await page.setViewportSize({ width, height });
      await signIn(page, server.admin);
      await page.goto(`/w/${DEMO}?asOf=2022-02-16`);
      await expect(page.getByRole("grid")).toBeVisible();
      const banner = page.getByRole("banner");
      const menu = banner.getByRole("button", { name: "Menu" });
      await expect(menu).toHaveAttribute("aria-expanded", "false");
      await expect(banner.getByRole("link", { name: "Members" })).toHaveCount(0);
      await menu.click();
      await expect(menu).toHaveAttribute("aria-expanded", "true");
      await expect(banner.getByRole("link", { name: "Members" })).toBeVisible();
      await shoot(page, `menu-${width}x${height}`);
      expect((await pageWidths(page)).scrollWidth).toBe(width);
      await page.keyboard.press("Escape");
      await expect(menu).toHaveAttribute("aria-expanded", "false");

      await page.locator('[data-testid="matrix-cell"][data-row="0"][data-column="0"]').click();
      const dialog = page.getByRole("dialog");
      await expect(dialog).toBeVisible();
      const box = await dialog.boundingBox();
      await shoot(page, `cell-editor-${width}x${height}`);
      if (width < 640) expect(box).toMatchObject({ x: 0, y: 0, width, height });
      expect((await pageWidths(page)).scrollWidth).toBe(width);
    });
  });
