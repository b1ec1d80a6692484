import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { loadWorkspaceFixture } from "@/lib/demo/load";
import { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/platform/db/client";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import { signIn, useBrowser } from "./browser";

// A statement recorded with low confidence, in a workspace of this file's own, and the matrix's
// toggle that dims such cells.

const run = randomBytes(4).toString("hex");
const MISSIONS = "NATO office in Moscow and Russian mission in Brussels";
let slug: string;

beforeAll(async () => {
  const admin = await db().user.findUniqueOrThrow({ where: { email: inject("adminEmail") }, select: { id: true } });
  slug = (
    await loadWorkspaceFixture(
      { ...securityGuarantees, title: `Confidence ${run}` },
      { slug: `confidence-${run}`, members: [{ userId: admin.id, role: Role.OWNER }], createdById: admin.id },
    )
  ).slug;
});

describe("confidence in the matrix", () => {
  const session = useBrowser();

  it("records a statement with low confidence and dims its cell when asked to", async () => {
    const { page, baseUrl } = session;
    await signIn(page, baseUrl, inject("adminEmail"), inject("adminPassword"));
    await page.goto(`/w/${slug}?asOf=2022-02-16`);
    await page.getByRole("grid").waitFor();

    const cell = page.locator(`[data-testid="matrix-cell"][aria-label^="United States on ${MISSIONS}:"]`);
    await cell.click();
    const dialog = page.getByRole("dialog", { name: `United States on ${MISSIONS}` });
    await dialog.getByLabel("Position", { exact: true }).selectOption("OPEN");
    const summary = `Open to restoring the missions, by an unnamed official's account (${run}).`;
    await dialog.getByLabel("Summary", { exact: true }).fill(summary);
    await dialog.getByRole("radio", { name: "Low" }).check();
    await dialog.getByLabel("Why this confidence?").fill("An unnamed official, reported second-hand.");
    await dialog.getByRole("button", { name: "Record statement" }).click();

    await cell.and(page.locator("td:not([data-pending])")).filter({ hasText: summary }).waitFor({ timeout: 30_000 });
    expect(await cell.getAttribute("data-confidence")).toBe("LOW");
    expect(await cell.getAttribute("aria-label")).toContain("low confidence");
    expect(await cell.getAttribute("data-dimmed")).toBeNull();

    await page.getByLabel("Dim low-confidence statements").check();
    expect(await cell.getAttribute("data-dimmed")).toBe("true");
    // Statements of medium confidence (all of the fixture's) stay as they are.
    expect(await page.locator('[data-testid="matrix-cell"][data-confidence="MEDIUM"][data-dimmed]').count()).toBe(0);

    await page.getByLabel("Dim low-confidence statements").uncheck();
    expect(await cell.getAttribute("data-dimmed")).toBeNull();
  }, 60_000);
});
