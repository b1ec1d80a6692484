import { randomBytes } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { latestStatementsAsOf } from "@/lib/matrix/as-of";
import { SUMMARY_MAX } from "@/lib/matrix/schema";
import { db } from "@/lib/platform/db/client";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import { seedWorkspace, userIdByEmail } from "../support/seed";
import { expect, newContext, screenshot, test } from "./fixtures";
import { MatrixPage } from "./pages/matrix";

// Editing through the real UI, in two workspaces of this file's own, loaded from the demo fixture
// with the same loader the app uses and owned by the admin: other files edit the shared demo
// workspace (tests/e2e/policy.test.ts records statements and adds issues there), which would
// change what compare mode must show. One workspace is only read (compare mode), the other edited.

const run = randomBytes(4).toString("hex");
const AS_OF = "2022-02-16";
const COMPARE_FROM = "2022-01-11";
const EXERCISES = "Military exercises and a low-activity corridor";
const ARMS_CONTROL = "Arms control, transparency and confidence-building";
const MISSIONS = "NATO office in Moscow and Russian mission in Brussels";

let editSlug: string;
let compareSlug: string;

test.beforeAll(async ({ admin }) => {
  const ownerId = await userIdByEmail(admin.email);
  const load = (purpose: string) =>
    seedWorkspace({ title: `Stance editing ${purpose} ${run}`, slug: `stance-${purpose}-${run}`, ownerId });
  editSlug = (await load("edit")).slug;
  compareSlug = (await load("compare")).slug;
});

/** A second page, in a browser context of its own, for the other editor. */
async function secondEditor(browser: Browser): Promise<Page> {
  return (await newContext(browser)).newPage();
}

/** Both editors signed in, each on the edited workspace's matrix as of AS_OF. */
async function bothOnTheMatrix(
  signIn: (who: undefined, page: Page) => Promise<void>,
  pageA: Page,
  pageB: Page,
): Promise<[MatrixPage, MatrixPage]> {
  await Promise.all([signIn(undefined, pageA), signIn(undefined, pageB)]);
  return Promise.all([
    new MatrixPage(pageA).goto(editSlug, `asOf=${AS_OF}`),
    new MatrixPage(pageB).goto(editSlug, `asOf=${AS_OF}`),
  ]);
}

test.describe("editing a stance cell", () => {
  test.setTimeout(240_000);

  test("tells the second of two editors what beat their edit, and lets them re-apply it", async ({
    page: pageA,
    browser,
    signIn,
  }) => {
    const pageB = await secondEditor(browser);
    try {
      const [matrixA, matrixB] = await bothOnTheMatrix(signIn, pageA, pageB);

      // Both open the same cell before either saves.
      const editorA = await matrixA.openEditor("United States", EXERCISES);
      const editorB = await matrixB.openEditor("United States", EXERCISES);

      const summaryA = `A: the US now supports a low-activity corridor (${run}).`;
      await editorA.record({ position: "SUPPORTS", summary: summaryA });
      await matrixA.expectSummary("United States", EXERCISES, summaryA);

      const summaryB = `B: the US opposes any limits on exercises (${run}).`;
      // Live updates bring A's statement into B's open editor (its "Shown as of" line), so the
      // harder case is the one tested: B's edit must still be refused, since B started from the
      // version before A's.
      await expect(editorB.dialog.getByText(summaryA).first()).toBeVisible();
      await editorB.record({ position: "OPPOSES", summary: summaryB });

      // B's edit was based on the version before A's: refused, with A's statement shown.
      await expect(editorB.conflict).toContainText(summaryA);
      await expect(editorB.conflict).toContainText("Supports");
      // B's draft survives the refusal.
      await expect(editorB.summary).toHaveValue(summaryB);
      await expect(editorB.position).toHaveValue("OPPOSES");
      await screenshot(pageB, "stance-editing-conflict");

      await editorB.conflict.getByRole("button", { name: "Re-apply my edit" }).click();
      await editorB.expectClosed();
      await matrixB.expectSummary("United States", EXERCISES, summaryB);
      await expect(matrixB.cell("United States", EXERCISES)).toHaveAttribute("data-position", "OPPOSES");

      // Both statements are kept, B's recorded last; A sees B's once the page is loaded again.
      const statements = await db().stanceStatement.findMany({
        where: { workspace: { slug: editSlug }, summary: { in: [summaryA, summaryB] } },
        orderBy: { recordedAt: "asc" },
        select: { summary: true },
      });
      expect(statements.map((s) => s.summary)).toEqual([summaryA, summaryB]);
      await matrixA.goto(editSlug, `asOf=${AS_OF}`);
      await matrixA.expectSummary("United States", EXERCISES, summaryB);
    } finally {
      await pageB.context().close();
    }
  });

  test("opens a correction with the original's quotes checked; the second of two corrections is refused and re-applied", async ({
    page: pageA,
    browser,
    signIn,
  }) => {
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
    const pageB = await secondEditor(browser);
    try {
      const [matrixA, matrixB] = await bothOnTheMatrix(signIn, pageA, pageB);

      // Both open the correction form before either saves; both start from the original's quotes.
      for (const matrix of [matrixA, matrixB]) {
        const { dialog } = await matrix.openEditor(party, issue);
        await dialog.getByText("Correct the shown statement").click();
        for (const link of original.links)
          await expect(
            dialog.locator(`[id="link-${link.evidenceId}"]`),
            `quote ${link.evidenceId} starts checked`,
          ).toBeChecked();
        await expect(dialog.locator('input[type="checkbox"]:checked')).toHaveCount(original.links.length);
      }

      const summaryA = `A: Russia backs the moratorium only with verification (${run}).`;
      const editorA = matrixA.editor(party, issue);
      await editorA.summary.fill(summaryA);
      await editorA.dialog.getByLabel("Reason", { exact: true }).fill("A: the summary left out verification.");
      await editorA.dialog.getByRole("button", { name: "Save correction" }).click();
      await matrixA.expectSummary(party, issue, summaryA);

      const summaryB = `B: Russia backs the moratorium as part of a package (${run}).`;
      const editorB = matrixB.editor(party, issue);
      await editorB.summary.fill(summaryB);
      await editorB.dialog.getByLabel("Reason", { exact: true }).fill("B: the package matters.");
      await editorB.dialog.getByRole("button", { name: "Save correction" }).click();

      // B corrected the statement A had already corrected: refused, with A's correction and who made it.
      await expect(editorB.conflict).toContainText(summaryA);
      await expect(editorB.conflict).toContainText("was already corrected by");
      await expect(editorB.conflict).toContainText("A: the summary left out verification.");
      await expect(editorB.summary).toHaveValue(summaryB);
      await screenshot(pageB, "stance-editing-correction-conflict");

      // Re-applied, B's correction amends A's: the chain original → A → B, quotes kept throughout.
      await editorB.conflict.getByRole("button", { name: "Re-apply my edit to their correction" }).click();
      await editorB.expectClosed();
      await matrixB.expectSummary(party, issue, summaryB);
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
      await expect(note).toContainText("A: the summary left out verification.");
      await expect(note).toContainText(summaryA);
      await expect(note).toContainText("Quotes: unchanged.");
    } finally {
      await pageB.context().close();
    }
  });

  test("moves, opens, saves and closes the editor from the keyboard alone, showing the edit at once", async ({
    page,
    signIn,
  }) => {
    await signIn();
    const matrix = await new MatrixPage(page).goto(editSlug, `asOf=${AS_OF}`);

    // Columns: Russia, United States, NATO. Rows follow the fixture's issues; arms control is the 8th.
    await page.locator('[data-testid="matrix-cell"][data-row="0"][data-column="0"]').focus();
    await expect.poll(() => matrix.focusedLabel()).toMatch(/^Russia on NATO non-expansion/);
    for (const key of ["ArrowRight", "ArrowRight", "ArrowRight", "ArrowLeft", ...Array<string>(7).fill("ArrowDown")])
      await page.keyboard.press(key);
    await expect.poll(() => matrix.focusedLabel()).toMatch(new RegExp(`^United States on ${ARMS_CONTROL}:`));
    await expect(page).toHaveURL((url) => /^[0-9a-f-]{36}:[0-9a-f-]{36}$/.test(url.searchParams.get("cell") ?? ""));

    await page.keyboard.press("Enter");
    const editor = matrix.editor("United States", ARMS_CONTROL);
    // The editor opens on its first field; typing picks an option as it does in any select.
    await expect(editor.position).toBeFocused();
    await expect(editor.position).toHaveId("edit-position");
    await page.keyboard.type("Rej");
    await expect(editor.position).toHaveValue("REJECTS");
    await page.keyboard.press("Tab");
    await expect(editor.summary).toBeFocused();
    await expect(editor.summary).toHaveId("edit-summary");
    // Past the schema's limit the field counts, turns invalid, and the form cannot be sent.
    await editor.summary.fill("x".repeat(SUMMARY_MAX + 1));
    const count = editor.dialog.getByTestId("character-count").first();
    await expect(count).toHaveText(`${SUMMARY_MAX + 1} / ${SUMMARY_MAX}`);
    await expect(count).toHaveAttribute("data-over", "true");
    await expect(editor.summary).toHaveAttribute("aria-invalid", "true");
    await expect(editor.recordButton).toBeDisabled();
    await editor.summary.fill("");
    const summary = `Typed without a mouse: the US rejects new arms-control talks (${run}).`;
    await page.keyboard.type(summary);

    // Watch the cell from here on, so a short-lived pending state cannot be missed between polls.
    const cell = matrix.cell("United States", ARMS_CONTROL);
    await cell.evaluate((td, expected) => {
      const seen: string[] = [];
      (window as unknown as { pendingSeen: string[] }).pendingSeen = seen;
      new MutationObserver(() => {
        if (td.getAttribute("data-pending") === "true")
          seen.push(td.textContent?.includes(expected) ? "with-summary" : "without-summary");
      }).observe(td, { attributes: true, subtree: true, childList: true, characterData: true });
    }, summary);

    // Tab on to the submit button, past the date and the quote list: it comes before the focus
    // has been through every element of the dialog that can take it.
    const stops = await editor.dialog.locator("a[href], button, input, select, textarea, summary, [tabindex]").count();
    for (
      let i = 0;
      i < stops && !(await editor.recordButton.evaluate((button) => button === document.activeElement));
      i++
    )
      await page.keyboard.press("Tab");
    await expect(editor.recordButton, "Tab reaches the Record statement button").toBeFocused();
    await page.keyboard.press("Enter");

    await matrix.expectSummary("United States", ARMS_CONTROL, summary);
    await expect(cell).toHaveAttribute("data-position", "REJECTS");
    await editor.expectClosed();
    const pendingSeen = await page.evaluate(() => (window as unknown as { pendingSeen: string[] }).pendingSeen);
    // The optimistic cell: marked pending and already showing the new summary before the server answered.
    expect(pendingSeen.length, "the cell was marked data-pending while saving").toBeGreaterThan(0);
    expect(pendingSeen).toContain("with-summary");
    await expect.poll(() => matrix.focusedLabel()).toMatch(new RegExp(`^United States on ${ARMS_CONTROL}:`));

    // Escape closes the editor without saving and gives focus back to the cell.
    await page.keyboard.press("ArrowUp");
    await expect.poll(() => matrix.focusedLabel()).toMatch(new RegExp(`^United States on ${MISSIONS}:`));
    const before = await matrix.cell("United States", MISSIONS).innerText();
    await page.keyboard.press("Enter");
    const missions = matrix.editor("United States", MISSIONS);
    await expect(missions.dialog).toBeVisible();
    await page.keyboard.press("Tab");
    await page.keyboard.type("This must not be saved.");
    await page.keyboard.press("Escape");
    await missions.expectClosed();
    await expect.poll(() => matrix.focusedLabel()).toMatch(new RegExp(`^United States on ${MISSIONS}:`));
    await expect(matrix.cell("United States", MISSIONS)).toHaveText(before, { useInnerText: true });
    expect(await db().stanceStatement.count({ where: { summary: "This must not be saved." } })).toBe(0);
  });
});

test.describe("compare mode", () => {
  test(`rings exactly the cells whose statement changed between ${COMPARE_FROM} and ${AS_OF}`, async ({
    page,
    signIn,
  }) => {
    await signIn();
    const matrix = await new MatrixPage(page).goto(compareSlug, `asOf=${AS_OF}&compare=${COMPARE_FROM}`);

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
    await expect(matrix.cells).toHaveCount(securityGuarantees.parties.length * securityGuarantees.issues.length);
    const changed = (
      await page
        .locator('[data-testid="matrix-cell"][data-changed="true"]')
        .evaluateAll((tds) => tds.map((td) => td.getAttribute("aria-label")))
    )
      .map(cellName)
      .sort();
    expect(changed).toEqual(expected);
    const all = await matrix.cells.evaluateAll((tds) =>
      tds.map((td) => [td.getAttribute("aria-label"), td.getAttribute("data-changed")] as const),
    );
    expect(all).toHaveLength(securityGuarantees.parties.length * securityGuarantees.issues.length);
    for (const [label, flag] of all) expect(label!.includes(" (changed). "), label!).toBe(flag === "true");
    await expect(page.getByText(`${expected.length} cells changed between 11 Jan 2022 and 16 Feb 2022`)).toBeVisible();

    // A changed cell names both sides: Russia on INF-range missiles went from open to supports.
    await expect(matrix.cell("Russia", "Moratorium on INF-range missiles in Europe")).toContainText(
      "Open to negotiate → Supports",
    );
    await screenshot(page, "stance-editing-compare");
  });
});
