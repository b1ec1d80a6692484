import { randomBytes } from "node:crypto";
import { seedWorkspace, userIdByEmail } from "../support/seed";
import { expect, test } from "./fixtures";
import { MatrixPage } from "./pages/matrix";

// A statement recorded with low confidence, in a workspace of this file's own, and the matrix's
// toggle that dims such cells.

const run = randomBytes(4).toString("hex");
const MISSIONS = "NATO office in Moscow and Russian mission in Brussels";
let slug: string;

test.beforeAll(async ({ admin }) => {
  const ownerId = await userIdByEmail(admin.email);
  slug = (await seedWorkspace({ title: `Confidence ${run}`, slug: `confidence-${run}`, ownerId })).slug;
});

test.describe("confidence in the matrix", () => {
  test("records a statement with low confidence and dims its cell when asked to", async ({ page, signIn }) => {
    await signIn();
    const matrix = await new MatrixPage(page).goto(slug, "asOf=2022-02-16");

    const editor = await matrix.openEditor("United States", MISSIONS);
    await editor.position.selectOption("OPEN");
    const summary = `Open to restoring the missions, by an unnamed official's account (${run}).`;
    await editor.summary.fill(summary);
    await editor.dialog.getByRole("radio", { name: "Low" }).check();
    await editor.dialog.getByLabel("Why this confidence?").fill("An unnamed official, reported second-hand.");
    await editor.recordButton.click();

    await matrix.expectSummary("United States", MISSIONS, summary);
    const cell = matrix.cell("United States", MISSIONS);
    await expect(cell).toHaveAttribute("data-confidence", "LOW");
    await expect(cell).toHaveAttribute("aria-label", /low confidence/);
    await expect(cell).not.toHaveAttribute("data-dimmed");

    await page.getByLabel("Dim low-confidence statements").check();
    await expect(cell).toHaveAttribute("data-dimmed", "true");
    // Statements of medium confidence (all of the fixture's) stay as they are.
    await expect(page.locator('[data-testid="matrix-cell"][data-confidence="MEDIUM"][data-dimmed]')).toHaveCount(0);

    await page.getByLabel("Dim low-confidence statements").uncheck();
    await expect(cell).not.toHaveAttribute("data-dimmed");
  });
});
