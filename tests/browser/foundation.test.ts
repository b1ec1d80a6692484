import type { Locator, Page } from "@playwright/test";
import { expect, screenshot, signIn, test, testServer, WAIT_MS } from "./fixtures";

const server = testServer();
const { baseUrl } = server;

// The demo workspace the app loads on its first start, owned by the injected admin. These tests
// only read it, so they can share it with other files.
const SLUG = "security-guarantees";
const INF = "Moratorium on INF-range missiles in Europe";
const NON_EXPANSION = "NATO non-expansion vs. the open-door policy";

/** A matrix cell, found the way a screen reader names it: "<Party> on <Issue>: <position>". */
function matrixCell(page: Page, party: string, issue: string, position?: string): Locator {
  const cell = `[data-testid="matrix-cell"][aria-label^="${party} on ${issue}:"]`;
  return page.locator(position === undefined ? cell : `${cell}[data-position="${position}"]`);
}

/** Waits until the quote's marks are flagged active and the first one is on screen; returns their text. */
async function activeQuoteText(page: Page, evidenceId: string): Promise<string> {
  await page.waitForFunction(
    (id) => {
      const marks = [...document.querySelectorAll<HTMLElement>('mark.quote[data-active="true"]')];
      const first = marks[0];
      if (!first || !marks.every((m) => m.dataset.quoteIds?.split(" ").includes(id))) return false;
      const box = first.getBoundingClientRect();
      return (
        box.height > 0 &&
        box.bottom > 0 &&
        box.top < window.innerHeight &&
        box.right > 0 &&
        box.left < window.innerWidth
      );
    },
    evidenceId,
    { timeout: WAIT_MS },
  );
  await expect(page.locator(`mark#quote-${evidenceId}`)).toHaveAttribute("data-active", "true");
  const segments = await page.locator(`mark.quote[data-quote-ids~="${evidenceId}"]`).allTextContents();
  await expect(page.locator('mark.quote[data-active="true"]')).toHaveCount(segments.length);
  return segments.join("");
}

test.describe("the stance matrix, a cell and its sources", () => {
  const email = server.admin.email;
  const password = server.admin.password;

  test("steps through time and follows a quote to its place in the source", async ({ page }) => {
    await signIn(page, { email: email, password: password });

    await page.goto(`${baseUrl}/w/${SLUG}?asOf=2022-01-11`);
    const russiaInf = matrixCell(page, "Russia", INF);
    await expect(russiaInf).toBeVisible();
    await expect(russiaInf).toHaveAttribute("data-position", "OPEN");
    await expect(matrixCell(page, "United States", NON_EXPANSION)).toHaveAttribute("data-position", "NO_POSITION");
    await expect(matrixCell(page, "NATO", NON_EXPANSION)).toHaveAttribute("data-position", "");
    await expect(page.locator('input[type="date"][name="asOf"]')).toHaveValue("2022-01-11");
    await screenshot(page, "foundation-matrix-2022-01-11");

    // The board updates in place (a client-side navigation): wait for the cell, not for a URL.
    await page.locator('input[type="date"][name="asOf"]').fill("2022-02-16");
    await expect(matrixCell(page, "Russia", INF, "SUPPORTS")).toBeVisible();
    await expect(matrixCell(page, "United States", NON_EXPANSION)).toHaveAttribute("data-position", "REJECTS");
    await expect(matrixCell(page, "NATO", NON_EXPANSION)).toHaveAttribute("data-position", "REJECTS");
    expect(new URL(page.url()).searchParams.get("asOf")).toBe("2022-02-16");
    await screenshot(page, "foundation-matrix-2022-02-16");

    // The previous change is 14 February, when only another cell changed: Russia is back to the
    // conditional stance of 27 January.
    await page.getByRole("button", { name: "← Previous change" }).click();
    await expect(matrixCell(page, "Russia", INF, "CONDITIONAL")).toBeVisible();
    await expect(page.locator('input[type="date"][name="asOf"][value="2022-02-14"]')).toBeVisible();

    // Open the cell's history through the quote count it shows.
    await page.locator('input[type="date"][name="asOf"]').fill("2022-02-16");
    await matrixCell(page, "Russia", INF, "SUPPORTS")
      .getByRole("link", { name: /^\d+ quotes?$/ })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: `Russia on ${INF}` })).toBeVisible();
    await expect(page.getByText("History of statements")).toBeVisible();
    const quote = page
      .locator("figure")
      .filter({ has: page.getByRole("link", { name: "In the source" }) })
      .first();
    const quoted = (await quote.locator("blockquote").textContent())!.replace(/^“|”$/g, "");
    expect(quoted.length).toBeGreaterThan(10);
    await screenshot(page, "foundation-cell");

    const source = quote.getByRole("link", { name: "In the source" });
    const href = (await source.getAttribute("href"))!;
    const evidenceId = href.split("#quote-")[1]!;
    expect(href).toMatch(new RegExp(`^/w/${SLUG}/documents/[0-9a-f-]{36}#quote-[0-9a-f-]{36}$`));
    await source.click();
    await expect(page.getByTestId("document-text")).toBeVisible();
    expect(await activeQuoteText(page, evidenceId)).toBe(quoted);
    await screenshot(page, "foundation-document");
  });

  test("opens permalinks to a quote, a quote's page and a dated matrix directly", async ({ page, context }) => {
    await signIn(page, { email: email, password: password });

    // Find a quote's permalink through the app itself.
    await page.goto(`${baseUrl}/w/${SLUG}?asOf=2022-01-27`);
    await matrixCell(page, "United States", NON_EXPANSION, "REJECTS").getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1, name: `United States on ${NON_EXPANSION}` })).toBeVisible();
    const quote = page
      .locator("figure")
      .filter({ has: page.getByRole("link", { name: "In the source" }) })
      .last();
    const quoted = (await quote.locator("blockquote").textContent())!.replace(/^“|”$/g, "");
    const documentLink = (await quote.getByRole("link", { name: "In the source" }).getAttribute("href"))!;
    const detailsLink = (await quote.getByRole("link", { name: "Quote details" }).getAttribute("href"))!;
    const evidenceId = documentLink.split("#quote-")[1]!;

    const fresh = await context.newPage();
    await fresh.goto(`${baseUrl}${documentLink}`);
    expect(await activeQuoteText(fresh, evidenceId)).toBe(quoted);

    await fresh.goto(`${baseUrl}${detailsLink}`);
    await expect(fresh.locator('main mark.quote[data-active="true"]')).toHaveText(quoted);
    await expect(fresh.getByRole("link", { name: `United States on ${NON_EXPANSION}` }).first()).toBeVisible();

    const matrixPage = await context.newPage();
    await matrixPage.goto(`${baseUrl}/w/${SLUG}?asOf=2022-01-27`);
    await expect(matrixCell(matrixPage, "Russia", INF, "CONDITIONAL")).toBeVisible();
    await expect(matrixCell(matrixPage, "United States", NON_EXPANSION)).toHaveAttribute("data-position", "REJECTS");
    await expect(matrixPage.locator('input[type="date"][name="asOf"]')).toHaveValue("2022-01-27");
  });

  test("brings someone who signs in from a dated matrix link back to that date", async ({ page }) => {
    await page.goto(`${baseUrl}/w/${SLUG}?asOf=2022-01-27`);
    const passwordField = page.getByLabel("Password", { exact: true });
    await page.getByLabel("Email", { exact: true }).fill(email);
    await passwordField.fill(password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByTestId("matrix-cell").first()).toBeVisible();
    await expect(page.locator('input[type="date"][name="asOf"]')).toHaveValue("2022-01-27");
    await expect(matrixCell(page, "Russia", INF)).toHaveAttribute("data-position", "CONDITIONAL");
  });
});

test.describe("the matrix API", () => {
  test("answers by session, date and workspace", async ({ page, context }) => {
    await signIn(page, server.admin);
    // context.request sends the browser context's cookies.
    const withCookies = (path: string) => context.request.get(`${baseUrl}${path}`, { failOnStatusCode: false });

    const ok = await withCookies(`/api/w/${SLUG}/matrix?asOf=2022-02-16`);
    expect(ok.status()).toBe(200);
    const matrix = (await ok.json()) as {
      asOf: string;
      issues: { id: string; title: string }[];
      parties: { id: string; name: string }[];
      cells: { issueId: string; partyId: string; statement: { position: string } | null }[];
    };
    expect(matrix.asOf).toBe("2022-02-16");
    const issue = matrix.issues.find((i) => i.title === INF)!;
    const russia = matrix.parties.find((p) => p.name === "Russia")!;
    expect(matrix.cells.find((c) => c.issueId === issue.id && c.partyId === russia.id)?.statement?.position).toBe(
      "SUPPORTS",
    );

    const malformed = await withCookies(`/api/w/${SLUG}/matrix?asOf=2022-13-45`);
    expect(malformed.status()).toBe(400);
    expect(((await malformed.json()) as { message: string }).message).toContain("YYYY-MM-DD");

    const anonymous = await fetch(`${baseUrl}/api/w/${SLUG}/matrix?asOf=2022-02-16`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: "unauthenticated" });

    const elsewhere = await withCookies("/api/w/no-such-workspace/matrix");
    expect(elsewhere.status()).toBe(404);
    expect(await elsewhere.json()).toMatchObject({ error: "not_found" });

    const health = await fetch(`${baseUrl}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok" });
  });
});
