import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { createUserWithPassword } from "@/lib/users/mutations";
import { WORKSPACE_TEMPLATES } from "@/lib/workspaces/templates";
import { signIn, useBrowser } from "./browser";

// A new user starts a negotiation of their own through the real form, then the demo workspace's
// main pages are photographed at phone and tablet widths, each checked for sideways overflow.

const run = randomBytes(4).toString("hex");
const DEMO = "security-guarantees";
const PASSWORD = `ws-${randomBytes(12).toString("base64url")}`;
const SCREENSHOTS = path.join(process.cwd(), "test-results", "screenshots");
const FIXTURES = path.join(import.meta.dirname, "..", "fixtures", "imports");

let newcomer: { email: string };

beforeAll(async () => {
  newcomer = await createUserWithPassword({
    email: `newcomer-${run}@parley.test`,
    name: `Newcomer ${run}`,
    password: PASSWORD,
  });
});

/** Polls until `check` passes or the deadline ends, then checks once more (so a failure says why). */
async function eventually(check: () => Promise<void>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

describe("starting a negotiation of one's own", () => {
  const session = useBrowser();

  it("a new user creates a workspace from the multilateral template, adds a party and an issue, imports a PDF, quotes its page 2 and records a stance on it", async () => {
    const { page, baseUrl } = session;
    await signIn(page, baseUrl, newcomer.email, PASSWORD);
    // No workspace yet: the list, with the way to start one.
    const main = page.getByRole("main");
    await main.getByRole("heading", { name: "Your workspaces" }).waitFor();
    await main.getByRole("link", { name: "New workspace" }).click();

    await page.getByLabel("Title").fill("WTO fisheries subsidies");
    const slugField = page.getByLabel("Address");
    await eventually(async () => expect(await slugField.inputValue()).toBe("wto-fisheries-subsidies"));
    const slug = `wto-fisheries-subsidies-${run}`;
    await slugField.fill(slug);
    await page.getByText("This address is free.").waitFor({ timeout: 20_000 });
    await page.getByLabel("Description").fill("Disciplines on harmful fisheries subsidies.");
    await page.getByRole("radio", { name: /Multilateral treaty review/ }).check();
    await eventually(async () => expect(await page.getByLabel(/^Parties/).inputValue()).toContain("Delegation 1 (D1)"));
    await page.getByRole("button", { name: "Create workspace" }).click();

    // The new workspace's matrix, with the template's columns and rows.
    await page.getByRole("heading", { name: "WTO fisheries subsidies" }).waitFor({ timeout: 30_000 });
    await page.getByRole("grid").waitFor();
    expect(new URL(page.url()).pathname).toBe(`/w/${slug}`);
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
    await addParty.getByRole("status").waitFor({ timeout: 20_000 });
    const addIssue = page.getByRole("form", { name: "Add issue" });
    await addIssue.getByLabel("Title").fill("Special and differential treatment");
    await addIssue.getByRole("button", { name: "Add issue" }).click();
    await addIssue.getByRole("status").waitFor({ timeout: 20_000 });

    // A source of their own: a two-page PDF, a passage of its page 2 saved as evidence.
    await page.goto(`/w/${slug}/documents/new`);
    await page.getByLabel("Title").fill(`Chair's draft ${run}`);
    await page.getByLabel("Published").fill("2026-03-02");
    await page.locator("#doc-file").setInputFiles(path.join(FIXTURES, "draft-text.pdf"));
    await page.getByText("Will import “draft-text.pdf”").waitFor();
    await page.getByRole("button", { name: "Import document" }).click();
    await page.getByRole("heading", { name: `Chair's draft ${run}` }).waitFor({ timeout: 30_000 });
    const passage = "notify the Committee of any subsidy granted to vessels fishing on the high seas";
    await page.getByPlaceholder("Type or paste the exact words").fill(passage);
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Save as evidence" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Save evidence" }).click();
    await page.locator("mark.quote", { hasText: "notify the Committee" }).waitFor();
    const evidence = await db().evidence.findFirstOrThrow({
      where: { workspaceId: workspace.id, exact: { startsWith: "notify the Committee" } },
      select: { id: true, documentId: true },
    });

    // A stance in the new cell, proven by that quote.
    await page.goto(`/w/${slug}`);
    const cell = page.locator(
      '[data-testid="matrix-cell"][aria-label^="Small island developing states on Special and differential treatment:"]',
    );
    await cell.click();
    const dialog = page.getByRole("dialog", {
      name: "Small island developing states on Special and differential treatment",
    });
    await dialog.getByLabel("Position", { exact: true }).selectOption("DEMANDS");
    const summary = `SIDS want a permanent carve-out (${run}).`;
    await dialog.getByLabel("Summary", { exact: true }).fill(summary);
    await dialog.locator(`#link-${evidence.id}`).check();
    await dialog.getByRole("button", { name: "Record statement" }).click();
    await cell.and(page.locator("td:not([data-pending])")).filter({ hasText: summary }).waitFor({ timeout: 20_000 });
    expect(await cell.getAttribute("data-position")).toBe("DEMANDS");
    // Shown with the template's label for that position.
    expect(await cell.textContent()).toContain("Proposes");
    await eventually(async () =>
      expect(
        await db().stanceStatement.count({
          where: {
            workspaceId: workspace.id,
            summary,
            position: "DEMANDS",
            links: { some: { evidenceId: evidence.id } },
          },
        }),
      ).toBe(1),
    );

    // The quote's permalink opens the document at page 2 with the passage marked.
    await page.goto(`/w/${slug}/evidence/${evidence.id}`);
    await page.getByText(/· p\. 2 · revision 1/).waitFor();
    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link").click();
    await page.waitForURL(/\?page=2#quote-/);
    await page
      .getByTestId("document-text")
      .locator(`mark.quote[data-active="true"]`, { hasText: "notify the Committee" })
      .waitFor();
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

describe.each([
  [390, 844],
  [768, 1024],
] as const)("the demo workspace at %i × %i", (width, height) => {
  const session = useBrowser();
  const email = inject("adminEmail");
  const password = inject("adminPassword");
  let targets: { label: string; path: string; ready: (page: Page) => Promise<unknown> }[] = [];

  beforeAll(async () => {
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
      { label: "matrix", path: `/w/${DEMO}?asOf=2022-02-16`, ready: (page) => page.getByRole("grid").waitFor() },
      {
        label: "cell",
        path: `/w/${DEMO}/cells/${statement.issueId}/${statement.partyId}?asOf=2022-02-16`,
        ready: (page) => page.getByRole("main").getByRole("heading").first().waitFor(),
      },
      {
        label: "document",
        path: `/w/${DEMO}/documents/${document.id}`,
        ready: (page) => page.locator("mark.quote").first().waitFor(),
      },
      {
        label: "members",
        path: `/w/${DEMO}/members`,
        ready: (page) => page.getByRole("main").getByRole("heading", { name: "Members" }).waitFor(),
      },
    ];
  });

  it("no page is wider than the viewport; screenshots of matrix, cell, document and members", async () => {
    const { page, baseUrl } = session;
    await page.setViewportSize({ width, height });
    await signIn(page, baseUrl, email, password);
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

  it("the navigation is a disclosure menu, and the cell editor fills the screen", async () => {
    const { page, baseUrl } = session;
    await page.setViewportSize({ width, height });
    await signIn(page, baseUrl, email, password);
    await page.goto(`/w/${DEMO}?asOf=2022-02-16`);
    await page.getByRole("grid").waitFor();
    const banner = page.getByRole("banner");
    const menu = banner.getByRole("button", { name: "Menu" });
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    expect(await banner.getByRole("link", { name: "Members" }).count()).toBe(0);
    await menu.click();
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    await banner.getByRole("link", { name: "Members" }).waitFor();
    await shoot(page, `menu-${width}x${height}`);
    expect((await pageWidths(page)).scrollWidth).toBe(width);
    await page.keyboard.press("Escape");
    expect(await menu.getAttribute("aria-expanded")).toBe("false");

    await page.locator('[data-testid="matrix-cell"][data-row="0"][data-column="0"]').click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    const box = await dialog.boundingBox();
    await shoot(page, `cell-editor-${width}x${height}`);
    if (width < 640) expect(box).toMatchObject({ x: 0, y: 0, width, height });
    expect((await pageWidths(page)).scrollWidth).toBe(width);
  });
});
