import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadWorkspaceFixture } from "@/lib/demo/load";
import { Role } from "@/lib/generated/prisma/enums";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import { signIn, useBrowser } from "./browser";

// A copy of the demo workspace of this file's own: other files edit the shared demo workspace.
const run = randomBytes(4).toString("hex");
let slug: string;
const NON_EXPANSION = securityGuarantees.issues.find((i) => i.key === "non-expansion")!.title;

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

    const cell = heatMap.getByRole("link", { name: new RegExp(`^${NON_EXPANSION}, 27 Jan 2022: spread 4 steps`) });
    await cell.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === `/w/${slug}` && url.searchParams.get("asOf") === "2022-01-27");
    await page.getByRole("grid").waitFor();
    await page.getByText("as of 27 Jan 2022").first().waitFor();
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
});
