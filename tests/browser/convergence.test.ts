import { randomBytes } from "node:crypto";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import { seedWorkspace, userIdByEmail } from "../support/seed";
import { expect, signIn, test, testServer } from "./fixtures";

const server = testServer();

// A copy of the demo workspace of this file's own: other files edit the shared demo workspace.
const run = randomBytes(4).toString("hex");
let slug: string;
const NON_EXPANSION = securityGuarantees.issues.find((i) => i.key === "non-expansion")!.title;
const ARMS_CONTROL = securityGuarantees.issues.find((i) => i.key === "arms-control")!.title;
// Dates are written in the browser's locale (en-US here, en-GB by default on the server).
const JAN_27 = "(?:27 Jan 2022|Jan 27, 2022)";

test.beforeAll(async () => {
  const adminId = await userIdByEmail(server.admin.email);
  slug = (await seedWorkspace({ title: `Convergence ${run}`, slug: `convergence-${run}`, ownerId: adminId })).slug;
});

test.describe("the convergence view", () => {
  test("opens the matrix on 27 January 2022 from the heat map, by keyboard, and fits a phone's width", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await signIn(page, server.admin);
    await page.goto(`/w/${slug}/convergence?from=2022-01-20&to=2022-02-16`);
    const heatMap = page.getByRole("table", { name: /Spread of the parties’ positions/ });
    await expect(heatMap).toBeVisible();
    // The heat map scrolls inside its own box; the page itself does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expect
      .poll(() => page.getByRole("list", { name: "In the zone of possible agreement" }).innerText())
      .toContain("NATO");
    expect(await page.getByRole("list", { name: "Positions that moved" }).innerText()).toContain(
      "Russia moved from Open to negotiate to Supports",
    );

    // The chart of the mean spread, drawn on the server, with a table view of the same figures:
    // one row per heat-map column, one point per row that has a mean.
    const chart = page.getByRole("figure", { name: "Mean spread across issues, per date" });
    const points = chart.getByRole("link", { name: /mean spread [\d.]+ steps over/ });
    const columns = await heatMap.getByRole("columnheader").count();
    const table = chart.getByRole("table", { name: /Mean spread across issues, per date: the chart’s figures/ });
    await expect(table).toBeHidden();
    await chart.getByText("Show as table").click();
    await expect(table).toBeVisible();
    const rows = table.locator("tbody tr");
    await expect(rows).toHaveCount(columns - 1);
    await expect(table.getByRole("columnheader")).toHaveCount(4);
    const withMean = await rows.filter({ hasNotText: "–" }).count();
    await expect(points).toHaveCount(withMean);
    expect(withMean).toBeGreaterThan(0);
    await expect(rows.filter({ hasText: new RegExp(JAN_27) })).toHaveCount(1);
    await chart.getByText("Hide the table").click();
    await expect(table).toBeHidden();

    const cell = heatMap.getByRole("link", { name: new RegExp(`^${NON_EXPANSION}, ${JAN_27}: spread 4 steps`) });
    await cell.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(
      (url) => url.pathname === `/w/${slug}` && url.searchParams.get("asOf") === "2022-01-27",
    );
    await expect(page.getByRole("grid")).toBeVisible();
    await expect(page.getByText(new RegExp(`as of ${JAN_27}`)).first()).toBeVisible();
  });

  test("answers GET /api/w/<slug>/convergence with the zone and the digest, and refuses bad dates as the matrix does", async ({
    page,
  }) => {
    await signIn(page, server.admin);
    const response = await page.request.get(`/api/w/${slug}/convergence?asOf=2022-02-16&from=2022-01-26&to=2022-02-16`);
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.asOf).toBe("2022-02-16");
    expect(body.scale).toEqual(["REJECTS", "OPPOSES", "OPEN", "SUPPORTS", "DEMANDS"]);
    const nonExpansion = body.issues.find((i: { title: string }) => i.title === NON_EXPANSION);
    expect(nonExpansion).toMatchObject({ spread: 4, inZone: false });
    expect(nonExpansion.positions).toHaveLength(3);
    expect(body.whatMoved.moved.length).toBeGreaterThan(0);
    expect(body.whatMoved.moved[0]).toMatchObject({
      sentence: expect.any(String),
      href: expect.stringContaining(`/w/${slug}?asOf=`),
    });

    for (const query of ["asOf=2022-02-30", "from=2022-01-01", "from=2022-02-16&to=2022-01-01"]) {
      const refused = await page.request.get(`/api/w/${slug}/convergence?${query}`);
      expect(refused.status(), query).toBe(400);
      expect(await refused.json()).toMatchObject({ error: "invalid_request", message: expect.any(String) });
    }
  });

  test("marks Russia's linkage on the matrix and spells it out when the overlay is toggled by keyboard", async ({
    page,
  }) => {
    await signIn(page, server.admin);
    await page.goto(`/w/${slug}?asOf=2022-02-16`);
    const grid = page.getByRole("grid");
    await expect(grid).toBeVisible();
    // The mark on the row header names the link for a screen reader.
    const armsControlRow = grid.getByRole("rowheader", { name: new RegExp(`^${ARMS_CONTROL}`) });
    await expect
      .poll(() => armsControlRow.getByRole("img", { name: /^Linked issue:/ }).getAttribute("aria-label"))
      .toBe(`Linked issue: only after “${NON_EXPANSION}” (Russia)`);

    const toggle = page.getByRole("checkbox", { name: /Show linkages/ });
    await toggle.focus();
    await page.keyboard.press("Space");
    await expect(toggle).toBeChecked();
    const list = page.getByRole("region", { name: "Linked issues" });
    await expect(list).toBeVisible();
    await expect(list).toContainText(`Russia insists on “${NON_EXPANSION}” before “${ARMS_CONTROL}”`);
    await expect(armsControlRow).toContainText(`only after “${NON_EXPANSION}” (Russia)`);
    expect(await grid.getByRole("rowheader", { name: new RegExp(`^${NON_EXPANSION}`) }).innerText()).toContain(
      `settled before “${ARMS_CONTROL}”`,
    );

    await page.keyboard.press("Space");
    await expect(list).toHaveCount(0);
    // Before Russia drew the link (27 January), the matrix shows none.
    await page.goto(`/w/${slug}?asOf=2022-01-20`);
    await expect(page.getByRole("grid")).toBeVisible();
    await expect(page.getByRole("checkbox", { name: /Show linkages/ })).toHaveCount(0);
    await expect(page.getByTestId("issue-link-icon")).toHaveCount(0);
  });
});
