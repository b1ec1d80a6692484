import { randomBytes } from "node:crypto";
import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { loadWorkspaceFixture } from "@/lib/demo/load";
import { Role } from "@/lib/generated/prisma/enums";
import { latestStatementsAsOf } from "@/lib/matrix/as-of";
import { SUMMARY_MAX } from "@/lib/matrix/schema";
import { db } from "@/lib/platform/db/client";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import { newContext, screenshot, signIn, useBrowser } from "./browser";

// Editing through the real UI, in two workspaces of this file's own, loaded from the demo fixture
// with the same loader the app uses and owned by the injected admin: other files edit the shared
// demo workspace (tests/e2e/policy.test.ts records statements and adds issues there), which would
// change what compare mode must show. One workspace is only read (compare mode), the other edited.

const run = randomBytes(4).toString("hex");
const AS_OF = "2022-02-16";
const COMPARE_FROM = "2022-01-11";
const EXERCISES = "Military exercises and a low-activity corridor";
const ARMS_CONTROL = "Arms control, transparency and confidence-building";
const MISSIONS = "NATO office in Moscow and Russian mission in Brussels";

let editSlug: string;
let compareSlug: string;

beforeAll(async () => {
  const admin = await db().user.findUniqueOrThrow({ where: { email: inject("adminEmail") }, select: { id: true } });
  const load = (purpose: string) =>
    loadWorkspaceFixture(
      { ...securityGuarantees, title: `Stance editing ${purpose} ${run}` },
      { slug: `stance-${purpose}-${run}`, members: [{ userId: admin.id, role: Role.OWNER }], createdById: admin.id },
    );
  editSlug = (await load("edit")).slug;
  compareSlug = (await load("compare")).slug;
});

/** A matrix cell, found the way a screen reader names it: "<Party> on <Issue>: <position>…". */
function matrixCell(page: Page, party: string, issue: string): Locator {
  return page.locator(`[data-testid="matrix-cell"][aria-label^="${party} on ${issue}:"]`);
}

function editor(page: Page, party: string, issue: string): Locator {
  return page.getByRole("dialog", { name: `${party} on ${issue}` });
}

/** Resolves once the cell shows the summary and nothing is pending. */
async function waitForSummary(cell: Locator, summary: string) {
  await cell
    .and(cell.page().locator("td:not([data-pending])"))
    .filter({ hasText: summary })
    .waitFor({ timeout: 60_000 });
}

async function openMatrix(page: Page, slug: string, query = `asOf=${AS_OF}`) {
  await page.goto(`/w/${slug}?${query}`);
  await page.getByRole("grid").waitFor();
}

describe("editing a stance cell", () => {
  const session = useBrowser();
  const email = inject("adminEmail");
  const password = inject("adminPassword");

  it("tells the second of two editors what beat their edit, and lets them re-apply it", async () => {
    const { page: pageA, browser, baseUrl } = session;
    const contextB = await newContext(browser, baseUrl);
    try {
      const pageB = await contextB.newPage();
      await Promise.all([signIn(pageA, baseUrl, email, password), signIn(pageB, baseUrl, email, password)]);
      await Promise.all([openMatrix(pageA, editSlug), openMatrix(pageB, editSlug)]);

      // Both open the same cell before either saves.
      for (const page of [pageA, pageB]) {
        await matrixCell(page, "United States", EXERCISES).click();
        await editor(page, "United States", EXERCISES).waitFor();
      }

      const summaryA = `A: the US now supports a low-activity corridor (${run}).`;
      const dialogA = editor(pageA, "United States", EXERCISES);
      await dialogA.getByLabel("Position", { exact: true }).selectOption("SUPPORTS");
      await dialogA.getByLabel("Summary", { exact: true }).fill(summaryA);
      await dialogA.getByRole("button", { name: "Record statement" }).click();
      await waitForSummary(matrixCell(pageA, "United States", EXERCISES), summaryA);

      const summaryB = `B: the US opposes any limits on exercises (${run}).`;
      const dialogB = editor(pageB, "United States", EXERCISES);
      // Live updates bring A's statement into B's open editor (its "Shown as of" line). Give them
      // time to, so the harder case is the one tested: B's edit must still be refused, since B
      // started from the version before A's.
      await dialogB
        .getByText(summaryA)
        .first()
        .waitFor({ timeout: 10_000 })
        .catch(() => {});
      await dialogB.getByLabel("Position", { exact: true }).selectOption("OPPOSES");
      await dialogB.getByLabel("Summary", { exact: true }).fill(summaryB);
      await dialogB.getByRole("button", { name: "Record statement" }).click();

      // B's edit was based on the version before A's: refused, with A's statement shown.
      const alert = dialogB.getByRole("alert").filter({ hasText: "Someone else changed this cell" });
      await alert.waitFor({ timeout: 60_000 });
      expect(await alert.innerText()).toContain(summaryA);
      expect(await alert.innerText()).toContain("Supports");
      // B's draft survives the refusal.
      expect(await dialogB.getByLabel("Summary", { exact: true }).inputValue()).toBe(summaryB);
      expect(await dialogB.getByLabel("Position", { exact: true }).inputValue()).toBe("OPPOSES");
      await screenshot(pageB, "stance-editing-conflict");

      await alert.getByRole("button", { name: "Re-apply my edit" }).click();
      await dialogB.waitFor({ state: "detached", timeout: 60_000 });
      await waitForSummary(matrixCell(pageB, "United States", EXERCISES), summaryB);
      expect(await matrixCell(pageB, "United States", EXERCISES).getAttribute("data-position")).toBe("OPPOSES");

      // Both statements are kept, B's recorded last; A sees B's once the page is loaded again.
      const statements = await db().stanceStatement.findMany({
        where: { workspace: { slug: editSlug }, summary: { in: [summaryA, summaryB] } },
        orderBy: { recordedAt: "asc" },
        select: { summary: true },
      });
      expect(statements.map((s) => s.summary)).toEqual([summaryA, summaryB]);
      await openMatrix(pageA, editSlug);
      await waitForSummary(matrixCell(pageA, "United States", EXERCISES), summaryB);
    } finally {
      await contextB.close();
    }
  }, 240_000);

  it("opens a correction with the original's quotes checked; the second of two corrections is refused and re-applied", async () => {
    const { page: pageA, browser, baseUrl } = session;
    const [party, issue] = ["Russia", "Moratorium on INF-range missiles in Europe"];
    const original = await db().stanceStatement.findFirstOrThrow({
      where: {
        workspace: { slug: editSlug },
        party: { name: party },
        issue: { title: issue },
        statedOn: { lte: new Date(`${AS_OF}T00:00:00Z`) },
        amendment: null,
      },
      orderBy: [{ statedOn: "desc" }, { recordedAt: "desc" }, { id: "desc" }],
      select: { id: true, links: { select: { evidenceId: true, relation: true } } },
    });
    expect(original.links.length, "the corrected statement has quotes to keep").toBeGreaterThan(0);
    const contextB = await browser.newContext({ baseURL: baseUrl });
    try {
      const pageB = await contextB.newPage();
      await Promise.all([signIn(pageA, baseUrl, email, password), signIn(pageB, baseUrl, email, password)]);
      await Promise.all([openMatrix(pageA, editSlug), openMatrix(pageB, editSlug)]);

      // Both open the correction form before either saves; both start from the original's quotes.
      for (const page of [pageA, pageB]) {
        await matrixCell(page, party, issue).click();
        const dialog = editor(page, party, issue);
        await dialog.waitFor();
        await dialog.getByText("Correct the shown statement").click();
        for (const link of original.links) {
          const box = dialog.locator(`[id="link-${link.evidenceId}"]`);
          await box.waitFor({ timeout: 20_000 });
          expect(await box.isChecked(), `quote ${link.evidenceId} starts checked`).toBe(true);
        }
        expect(await dialog.locator('input[type="checkbox"]:checked').count()).toBe(original.links.length);
      }

      const summaryA = `A: Russia backs the moratorium only with verification (${run}).`;
      const dialogA = editor(pageA, party, issue);
      await dialogA.getByLabel("Summary", { exact: true }).fill(summaryA);
      await dialogA.getByLabel("Reason", { exact: true }).fill("A: the summary left out verification.");
      await dialogA.getByRole("button", { name: "Save correction" }).click();
      await waitForSummary(matrixCell(pageA, party, issue), summaryA);

      const summaryB = `B: Russia backs the moratorium as part of a package (${run}).`;
      const dialogB = editor(pageB, party, issue);
      await dialogB.getByLabel("Summary", { exact: true }).fill(summaryB);
      await dialogB.getByLabel("Reason", { exact: true }).fill("B: the package matters.");
      await dialogB.getByRole("button", { name: "Save correction" }).click();

      // B corrected the statement A had already corrected: refused, with A's correction and who made it.
      const alert = dialogB.getByRole("alert").filter({ hasText: "Someone else changed this cell" });
      await alert.waitFor({ timeout: 60_000 });
      const text = await alert.innerText();
      expect(text).toContain(summaryA);
      expect(text).toContain("was already corrected by");
      expect(text).toContain("A: the summary left out verification.");
      expect(await dialogB.getByLabel("Summary", { exact: true }).inputValue()).toBe(summaryB);
      await screenshot(pageB, "stance-editing-correction-conflict");

      // Re-applied, B's correction amends A's: the chain original → A → B, quotes kept throughout.
      await alert.getByRole("button", { name: "Re-apply my edit to their correction" }).click();
      await dialogB.waitFor({ state: "detached", timeout: 60_000 });
      await waitForSummary(matrixCell(pageB, party, issue), summaryB);
      const chain = await db().stanceStatement.findMany({
        where: { workspace: { slug: editSlug }, summary: { in: [summaryA, summaryB] } },
        orderBy: { recordedAt: "asc" },
        select: {
          id: true,
          summary: true,
          replaces: { select: { statementId: true } },
          links: { select: { evidenceId: true, relation: true } },
        },
      });
      const byEvidence = (links: { evidenceId: string }[]) =>
        [...links].sort((a, b) => a.evidenceId.localeCompare(b.evidenceId));
      expect(chain.map((s) => s.summary)).toEqual([summaryA, summaryB]);
      expect(chain[0]!.replaces).toEqual([{ statementId: original.id }]);
      expect(chain[1]!.replaces).toEqual([{ statementId: chain[0]!.id }]);
      for (const statement of chain) expect(byEvidence(statement.links)).toEqual(byEvidence(original.links));

      // The cell's history says who corrected what, with the wording before and after.
      const cellIds = await db().stanceStatement.findUniqueOrThrow({
        where: { id: original.id },
        select: { issueId: true, partyId: true },
      });
      await pageB.goto(`/w/${editSlug}/cells/${cellIds.issueId}/${cellIds.partyId}?asOf=${AS_OF}`);
      const note = pageB.locator(`#statement-${original.id} [data-testid="amendment"]`);
      await note.waitFor({ timeout: 20_000 });
      const noteText = await note.innerText();
      expect(noteText).toContain("A: the summary left out verification.");
      expect(noteText).toContain(summaryA);
      expect(noteText).toContain("Quotes: unchanged.");
    } finally {
      await contextB.close();
    }
  }, 240_000);

  it("moves, opens, saves and closes the editor from the keyboard alone, showing the edit at once", async () => {
    const { page, baseUrl } = session;
    await signIn(page, baseUrl, email, password);
    await openMatrix(page, editSlug);

    // Columns: Russia, United States, NATO. Rows follow the fixture's issues; arms control is the 8th.
    const activeLabel = () =>
      page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.tagName ?? "");
    await page.locator('[data-testid="matrix-cell"][data-row="0"][data-column="0"]').focus();
    expect(await activeLabel()).toMatch(/^Russia on NATO non-expansion/);
    for (const key of ["ArrowRight", "ArrowRight", "ArrowRight", "ArrowLeft", ...Array<string>(7).fill("ArrowDown")])
      await page.keyboard.press(key);
    expect(await activeLabel()).toMatch(new RegExp(`^United States on ${ARMS_CONTROL}:`));
    expect(new URL(page.url()).searchParams.get("cell")).toMatch(/^[0-9a-f-]{36}:[0-9a-f-]{36}$/);

    await page.keyboard.press("Enter");
    const dialog = editor(page, "United States", ARMS_CONTROL);
    await dialog.waitFor();
    // The editor opens on its first field; typing picks an option as it does in any select.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("edit-position");
    await page.keyboard.type("Rej");
    expect(await dialog.getByLabel("Position", { exact: true }).inputValue()).toBe("REJECTS");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("edit-summary");
    // Past the schema's limit the field counts, turns invalid, and the form cannot be sent.
    const summaryField = dialog.getByLabel("Summary", { exact: true });
    await summaryField.fill("x".repeat(SUMMARY_MAX + 1));
    const count = dialog.getByTestId("character-count").first();
    expect(await count.textContent()).toBe(`${SUMMARY_MAX + 1} / ${SUMMARY_MAX}`);
    expect(await count.getAttribute("data-over")).toBe("true");
    expect(await summaryField.getAttribute("aria-invalid")).toBe("true");
    expect(await dialog.getByRole("button", { name: "Record statement" }).isDisabled()).toBe(true);
    await summaryField.fill("");
    const summary = `Typed without a mouse: the US rejects new arms-control talks (${run}).`;
    await page.keyboard.type(summary);

    // Watch the cell from here on, so a short-lived pending state cannot be missed between polls.
    const cell = matrixCell(page, "United States", ARMS_CONTROL);
    await cell.evaluate((td, expected) => {
      const seen: string[] = [];
      (window as unknown as { pendingSeen: string[] }).pendingSeen = seen;
      new MutationObserver(() => {
        if (td.getAttribute("data-pending") === "true")
          seen.push(td.textContent?.includes(expected) ? "with-summary" : "without-summary");
      }).observe(td, { attributes: true, subtree: true, childList: true, characterData: true });
    }, summary);

    // Tab on to the submit button (past the date and the quote list), then press it.
    let reached = false;
    for (let i = 0; i < 200 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => document.activeElement?.textContent === "Record statement");
    }
    expect(reached, "Tab reaches the Record statement button").toBe(true);
    await page.keyboard.press("Enter");

    await waitForSummary(cell, summary);
    expect(await cell.getAttribute("data-position")).toBe("REJECTS");
    expect(await dialog.count()).toBe(0);
    const pendingSeen = await page.evaluate(() => (window as unknown as { pendingSeen: string[] }).pendingSeen);
    // The optimistic cell: marked pending and already showing the new summary before the server answered.
    expect(pendingSeen.length, "the cell was marked data-pending while saving").toBeGreaterThan(0);
    expect(pendingSeen).toContain("with-summary");
    expect(await activeLabel()).toMatch(new RegExp(`^United States on ${ARMS_CONTROL}:`));

    // Escape closes the editor without saving and gives focus back to the cell.
    await page.keyboard.press("ArrowUp");
    expect(await activeLabel()).toMatch(new RegExp(`^United States on ${MISSIONS}:`));
    const before = await matrixCell(page, "United States", MISSIONS).innerText();
    await page.keyboard.press("Enter");
    const missions = editor(page, "United States", MISSIONS);
    await missions.waitFor();
    await page.keyboard.press("Tab");
    await page.keyboard.type("This must not be saved.");
    await page.keyboard.press("Escape");
    await missions.waitFor({ state: "detached" });
    expect(await activeLabel()).toMatch(new RegExp(`^United States on ${MISSIONS}:`));
    expect(await matrixCell(page, "United States", MISSIONS).innerText()).toBe(before);
    expect(await db().stanceStatement.count({ where: { summary: "This must not be saved." } })).toBe(0);
  }, 240_000);
});

describe("compare mode", () => {
  const session = useBrowser();

  it(`rings exactly the cells whose statement changed between ${COMPARE_FROM} and ${AS_OF}`, async () => {
    const { page, baseUrl } = session;
    await signIn(page, baseUrl, inject("adminEmail"), inject("adminPassword"));
    await openMatrix(page, compareSlug, `asOf=${AS_OF}&compare=${COMPARE_FROM}`);

    // The rule, applied to the fixture: fixture order is recording order, so it stands in for recordedAt.
    const names = {
      party: new Map(securityGuarantees.parties.map((p) => [p.key, p.name])),
      issue: new Map(securityGuarantees.issues.map((i) => [i.key, i.title])),
    };
    const statements = securityGuarantees.statements.map((s, i) => ({
      ...s,
      id: String(i).padStart(4, "0"),
      issueId: s.issue,
      partyId: s.party,
      recordedAt: new Date(i),
    }));
    const before = latestStatementsAsOf(statements, COMPARE_FROM);
    const after = latestStatementsAsOf(statements, AS_OF);
    const expected = [...new Set([...before.keys(), ...after.keys()])]
      .filter((key) => before.get(key)?.id !== after.get(key)?.id)
      .map((key) => {
        const s = (after.get(key) ?? before.get(key))!;
        return `${names.party.get(s.party)} on ${names.issue.get(s.issue)}`;
      })
      .sort();
    expect(expected.length).toBeGreaterThan(5);

    const cellName = (label: string | null) => label!.slice(0, label!.indexOf(":"));
    const changed = (
      await page
        .locator('[data-testid="matrix-cell"][data-changed="true"]')
        .evaluateAll((tds) => tds.map((td) => td.getAttribute("aria-label")))
    )
      .map(cellName)
      .sort();
    expect(changed).toEqual(expected);
    const all = await page
      .locator('[data-testid="matrix-cell"]')
      .evaluateAll((tds) => tds.map((td) => [td.getAttribute("aria-label"), td.getAttribute("data-changed")] as const));
    expect(all).toHaveLength(securityGuarantees.parties.length * securityGuarantees.issues.length);
    for (const [label, flag] of all) expect(label!.includes(" (changed). "), label!).toBe(flag === "true");
    await page.getByText(`${expected.length} cells changed between 11 Jan 2022 and 16 Feb 2022`).waitFor();

    // A changed cell names both sides: Russia on INF-range missiles went from open to supports.
    const inf = matrixCell(page, "Russia", "Moratorium on INF-range missiles in Europe");
    expect(await inf.innerText()).toContain("Open to negotiate → Supports");
    await screenshot(page, "stance-editing-compare");
  });
});
