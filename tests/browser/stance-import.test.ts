import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/platform/db/client";
import { baseUrl, fetchAs, signInOverHttp } from "../e2e/http";
import { DEMO_STRUCTURE_ONLY, seedWorkspace, userIdByEmail } from "../support/seed";
import { expect, signIn, test, testServer } from "./fixtures";

const server = testServer();

// A spreadsheet of stances through the import page in Chromium: the preview names each refused
// row's problem, and confirming puts the good rows in the matrix. The plan's details are covered
// by tests/integration/stance-import.test.ts; this is the page and its route.

const run = randomBytes(4).toString("hex");
const CSV = path.join(import.meta.dirname, "..", "fixtures", "stance-sheets", "stances.csv");

let slug: string;
let workspaceId: string;

test.beforeAll(async () => {
  const adminId = await userIdByEmail(server.admin.email);
  const loaded = await seedWorkspace({
    title: `Sheet ${run}`,
    slug: `sheet-${run}`,
    ownerId: adminId,
    fixture: DEMO_STRUCTURE_ONLY,
  });
  slug = loaded.slug;
  workspaceId = loaded.id;
});

test.describe("importing stances from a spreadsheet", () => {
  test("previews the problems, writes nothing until confirmed, then shows the cells in the matrix", async ({
    page,
  }) => {
    await signIn(page, server.admin);
    await page.goto(`${baseUrl}/w/${slug}`);
    await page.getByRole("link", { name: "Import stances from a spreadsheet" }).click();
    await page.locator("#sheet-file").setInputFiles(CSV);
    await expect(page.getByText("3 stances will be created, 5 rows refused.", { exact: false })).toBeVisible();
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows.filter({ hasText: "Refused: “Lukewarm” is not on the scale" })).toBeVisible();
    await expect(rows.filter({ hasText: "Refused: Row 2 already has this issue, party and date." })).toBeVisible();
    await expect(rows.filter({ hasText: "is not a real date" })).toBeVisible();
    await expect(rows.filter({ hasText: "No issue called “Cyber norms”" })).toBeVisible();
    expect(await db().stanceStatement.count({ where: { workspaceId } })).toBe(0);

    // Mapping the unknown word re-reads the sheet with it.
    await page.getByLabel("“Lukewarm” (1 row)").selectOption("OPEN");
    await expect(page.getByText("4 stances will be created, 4 rows refused.", { exact: false })).toBeVisible();
    await page.getByRole("button", { name: "Import 4 stances" }).click();
    await expect(page.getByText("Imported 4 stances")).toBeVisible();
    expect(await db().stanceStatement.count({ where: { workspaceId } })).toBe(4);

    await page.getByRole("link", { name: "Open the matrix" }).click();
    const cell = (label: string) =>
      expect(page.locator(`[data-testid="matrix-cell"][aria-label^="${label}"]`)).toBeVisible();
    await cell("Russia on Moratorium on INF-range missiles in Europe: Supports.");
    await cell("NATO on NATO non-expansion vs. the open-door policy: Rejects.");
    await cell("United States on Military contacts and a civilian hotline: Open to negotiate.");
  });

  test("answers bad files, other content types and a confirmation of another plan over HTTP, writing nothing", async () => {
    const owner = (await signInOverHttp(server.admin.email, server.admin.password)).caller;
    const post = (file: Blob, name: string, fields: Record<string, string> = {}) => {
      const form = new FormData();
      form.set("file", file, name);
      for (const [key, value] of Object.entries(fields)) form.set(key, value);
      return fetchAs(owner, `/api/w/${slug}/stance-imports`, {
        method: "POST",
        headers: { Origin: baseUrl },
        body: form,
      });
    };
    const before = await db().stanceStatement.count({ where: { workspaceId } });
    const notXlsx = await post(new Blob(["Issue,Party\n"]), "matrix.xlsx");
    expect(notXlsx.status).toBe(400);
    expect(await notXlsx.json()).toMatchObject({ error: "bad_file", message: expect.stringContaining("not an Excel") });
    const json = await fetchAs(owner, `/api/w/${slug}/stance-imports`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: baseUrl },
      body: "{}",
    });
    expect(json.status).toBe(415);
    const csv = new Blob([readFileSync(CSV)]);
    const preview = await post(csv, "stances.csv");
    expect(preview.status).toBe(200);
    const { digest } = ((await preview.json()) as { preview: { digest: string } }).preview;
    // The preview was of the sheet without new issues; confirming with them is another plan.
    const other = await post(csv, "stances.csv", {
      step: "confirm",
      digest,
      options: JSON.stringify({ createMissing: true }),
    });
    expect(other.status).toBe(409);
    expect(await other.json()).toMatchObject({ error: "changed", details: { preview: expect.any(Object) } });
    expect(await db().stanceStatement.count({ where: { workspaceId } })).toBe(before);
  });
});
