import { randomBytes } from "node:crypto";
import { db } from "@/lib/platform/db/client";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import { loadOwnDemoCopy } from "../support/demo-copy";
import { expect, signIn, test, testServer } from "./fixtures";
import { MatrixPage } from "./pages/matrix";

const server = testServer();

// A copy of the demo workspace of this file's own: other files edit the shared demo workspace.
const run = randomBytes(4).toString("hex");
let slug: string;

test.beforeAll(async () => {
  slug = await loadOwnDemoCopy(`Events ${run}`, `events-${run}`);
});

test.describe("events", () => {
  test("added on the events page, are offered by the matrix's date control, and jumping lands on their day", async ({
    page,
  }) => {
    await signIn(page, server.admin);
    await page.goto(`/w/${slug}/events`);
    const events = page.getByRole("list", { name: "Events by date" });
    await expect(events.getByText("Geneva: US–Russia Strategic Stability Dialogue")).toBeVisible();

    const form = page.getByRole("form", { name: "Add an event" });
    await form.getByLabel("Title").fill(`Working-level call ${run}`);
    await form.getByLabel("Date").fill("2022-02-03");
    await form.getByLabel("Kind").selectOption({ label: "Meeting" });
    await form.getByRole("checkbox", { name: "Russia" }).check();
    await form.getByRole("checkbox", { name: "NATO" }).check();
    await form.getByRole("button", { name: "Add event" }).click();
    const added = events.getByRole("listitem").filter({ hasText: `Working-level call ${run}` });
    await expect(added).toBeVisible();
    await expect(added.locator("time")).toHaveAttribute("datetime", "2022-02-03");
    // The form is emptied for the next one.
    await expect.poll(() => form.getByLabel("Title").inputValue()).toBe("");

    await page.goto(`/w/${slug}?asOf=2022-02-16`);
    await expect(page.getByRole("grid")).toBeVisible();
    const jump = page.getByRole("combobox", { name: "Jump to event" });
    const option = jump.getByRole("option", { name: `3 Feb 2022 — Working-level call ${run}` });
    await expect(option).toHaveCount(1);
    await jump.selectOption({ label: `3 Feb 2022 — Working-level call ${run}` });
    await expect(page).toHaveURL((url) => url.searchParams.get("asOf") === "2022-02-03");
    await expect(page.getByText("as of 3 Feb 2022").first()).toBeVisible();
    await expect(page.getByText("On this day:")).toBeVisible();
    await expect.poll(() => jump.inputValue()).not.toBe("");

    // Deleting asks first, in the page's own dialog, then removes it.
    await page.goto(`/w/${slug}/events`);
    await page.getByRole("button", { name: `Delete Working-level call ${run}` }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Delete event" }).click();
    await expect(events.getByText(`Working-level call ${run}`)).toHaveCount(0);
  });

  test("show in the cell history of each party taking part, on their dates", async ({ page }) => {
    await signIn(page, server.admin);
    const workspace = await db().workspace.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    const [issue, nato] = await Promise.all([
      db().issue.findFirstOrThrow({ where: { workspaceId: workspace.id }, orderBy: { sortOrder: "asc" } }),
      db().party.findFirstOrThrow({ where: { workspaceId: workspace.id, name: "NATO" } }),
    ]);
    await page.goto(`/w/${slug}/cells/${issue.id}/${nato.id}?asOf=2022-02-16`);
    const history = page.locator("ol").filter({ hasText: "NATO–Russia Council, Brussels" });
    await expect(history).toBeVisible();
    const text = await history.innerText();
    expect(text).toContain("12 Jan 2022");
    expect(text).toContain("US and NATO deliver their written responses");
    // Geneva was bilateral: not NATO's.
    expect(text).not.toContain("Geneva: US–Russia");
  });

  test("the matrix marks Russia's non-enlargement red line and the US conditional missile offer, by name", async ({
    page,
  }) => {
    await signIn(page, server.admin);
    await page.goto(`/w/${slug}?asOf=2022-02-16`);
    const nonExpansion = securityGuarantees.issues.find((i) => i.key === "non-expansion")!.title;
    const missiles = securityGuarantees.issues.find((i) => i.key === "inf-missiles")!.title;
    const russia = page.getByRole("gridcell", {
      name: new RegExp(`^Russia on ${escapeRegExp(nonExpansion)}: .*, red line`),
    });
    await expect(russia).toBeVisible();
    await expect(russia.getByTestId("red-line-icon")).toHaveAttribute("aria-label", "Red line");
    const us = page.getByRole("gridcell", {
      name: new RegExp(`^United States on ${escapeRegExp(missiles)}: .*, conditional`),
    });
    await expect(us.getByTestId("conditional-icon")).toHaveCount(1);

    const workspace = await db().workspace.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    const [issue, party] = await Promise.all([
      db().issue.findFirstOrThrow({ where: { workspaceId: workspace.id, title: nonExpansion } }),
      db().party.findFirstOrThrow({ where: { workspaceId: workspace.id, name: "Russia" } }),
    ]);
    await page.goto(`/w/${slug}/cells/${issue.id}/${party.id}?asOf=2022-02-16`);
    await expect(page.getByText("Red line first drawn on 17 Dec 2021.")).toBeVisible();
  });

  test("the editor records a red line with a condition on another cell; the cell marks both", async ({ page }) => {
    await signIn(page, server.admin);
    const matrix = await new MatrixPage(page).goto(slug, "asOf=2022-02-16");
    const exercises = securityGuarantees.issues.find((i) => i.key === "exercises")!.title;
    const cell = matrix.cell("NATO", exercises);
    const { dialog } = await matrix.openEditor("NATO", exercises);
    const summary = `NATO will not trade exercise limits without reciprocity (${run}).`;
    await dialog.getByLabel("Position", { exact: true }).selectOption("SUPPORTS");
    await dialog.getByLabel("Summary", { exact: true }).fill(summary);
    await dialog.getByLabel("Red line (stated as non-negotiable)").check();
    await dialog.getByLabel(/^Condition/).fill("Reciprocal limits on Russian exercises.");
    await dialog.getByLabel("Only if this party").selectOption({ label: "Russia" });
    await dialog.getByLabel("on this issue").selectOption({ label: exercises });
    await dialog.getByLabel("is at least").selectOption("OPEN");
    await dialog.getByRole("button", { name: "Record statement" }).click();
    await expect(dialog).toHaveCount(0);
    const saved = cell.and(page.locator("td:not([data-pending])")).filter({ hasText: summary });
    await expect(saved).toBeVisible();
    await expect.poll(() => saved.getAttribute("aria-label")).toMatch(/: Supports, red line, conditional/);
    await expect(saved.getByTestId("red-line-icon")).toHaveCount(1);
    const stored = await db().stanceStatement.findFirstOrThrow({
      where: { summary },
      select: { conditionMinPosition: true },
    });
    expect(stored.conditionMinPosition).toBe("OPEN");
  });
});

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
