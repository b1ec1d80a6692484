import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { loadWorkspaceFixture } from "@/lib/demo/load";
import { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/platform/db/client";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import { signIn, useBrowser } from "./browser";

// A copy of the demo workspace of this file's own: other files edit the shared demo workspace.
const run = randomBytes(4).toString("hex");
let slug: string;
const NON_EXPANSION = securityGuarantees.issues.find((i) => i.key === "non-expansion")!.title;
const ARMS_CONTROL = securityGuarantees.issues.find((i) => i.key === "arms-control")!.title;
// Dates are written in the browser's locale (en-US here, en-GB by default on the server).
const JAN_27 = "(?:27 Jan 2022|Jan 27, 2022)";

beforeAll(async () => {
  const admin = await db().user.findUniqueOrThrow({ where: { email: inject("adminEmail") }, select: { id: true } });
  slug = (
    await loadWorkspaceFixture(
      { ...securityGuarantees, title: `Convergence ${run}` },
      { slug: `convergence-${run}`, members: [{ userId: admin.id, role: Role.OWNER }], createdById: admin.id },
    )
  ).slug;
});

describe("the convergence view", () => {
  const session = useBrowser();

  it("opens the matrix on 27 January 2022 from the heat map, by keyboard, and fits a phone's width", async () => {
    const { page, baseUrl } = session;
    await page.setViewportSize({ width: 375, height: 800 });
    await signIn(page, baseUrl, inject("adminEmail"), inject("adminPassword"));
    await page.goto(`/w/${slug}/convergence?from=2022-01-20&to=2022-02-16`);
    const heatMap = page.getByRole("table", { name: /Spread of the parties’ positions/ });
    await heatMap.waitFor();
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
    expect(await table.isVisible()).toBe(false);
    await chart.getByText("Show as table").click();
    await table.waitFor();
    const rows = table.locator("tbody tr");
    expect(await rows.count()).toBe(columns - 1);
    expect(await table.getByRole("columnheader").count()).toBe(4);
    const withMean = await rows.filter({ hasNotText: "–" }).count();
    expect(await points.count()).toBe(withMean);
    expect(withMean).toBeGreaterThan(0);
    expect(await rows.filter({ hasText: new RegExp(JAN_27) }).count()).toBe(1);
    await chart.getByText("Hide the table").click();
    await table.waitFor({ state: "hidden" });

    const cell = heatMap.getByRole("link", { name: new RegExp(`^${NON_EXPANSION}, ${JAN_27}: spread 4 steps`) });
    await cell.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === `/w/${slug}` && url.searchParams.get("asOf") === "2022-01-27");
    await page.getByRole("grid").waitFor();
    await page
      .getByText(new RegExp(`as of ${JAN_27}`))
      .first()
      .waitFor();
  }, 60_000);

  it("answers GET /api/w/<slug>/convergence with the zone and the digest, and refuses bad dates as the matrix does", async () => {
    const { page, baseUrl } = session;
    await signIn(page, baseUrl, inject("adminEmail"), inject("adminPassword"));
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
  }, 60_000);

  it("marks Russia's linkage on the matrix and spells it out when the overlay is toggled by keyboard", async () => {
    const { page, baseUrl } = session;
    await signIn(page, baseUrl, inject("adminEmail"), inject("adminPassword"));
    await page.goto(`/w/${slug}?asOf=2022-02-16`);
    const grid = page.getByRole("grid");
    await grid.waitFor();
    // The mark on the row header names the link for a screen reader.
    const armsControlRow = grid.getByRole("rowheader", { name: new RegExp(`^${ARMS_CONTROL}`) });
    await expect
      .poll(() => armsControlRow.getByRole("img", { name: /^Linked issue:/ }).getAttribute("aria-label"))
      .toBe(`Linked issue: only after “${NON_EXPANSION}” (Russia)`);

    const toggle = page.getByRole("checkbox", { name: /Show linkages/ });
    await toggle.focus();
    await page.keyboard.press("Space");
    expect(await toggle.isChecked()).toBe(true);
    const list = page.getByRole("region", { name: "Linked issues" });
    await list.waitFor();
    expect(await list.innerText()).toContain(`Russia insists on “${NON_EXPANSION}” before “${ARMS_CONTROL}”`);
    expect(await armsControlRow.innerText()).toContain(`only after “${NON_EXPANSION}” (Russia)`);
    expect(await grid.getByRole("rowheader", { name: new RegExp(`^${NON_EXPANSION}`) }).innerText()).toContain(
      `settled before “${ARMS_CONTROL}”`,
    );

    await page.keyboard.press("Space");
    await list.waitFor({ state: "detached" });
    // Before Russia drew the link (27 January), the matrix shows none.
    await page.goto(`/w/${slug}?asOf=2022-01-20`);
    await page.getByRole("grid").waitFor();
    expect(await page.getByRole("checkbox", { name: /Show linkages/ }).count()).toBe(0);
    expect(await page.getByTestId("issue-link-icon").count()).toBe(0);
  }, 60_000);
});
