import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/platform/db/client";
import { baseUrl, type Caller, fetchAs, signInOverHttp } from "../e2e/http";
import { seedWorkspace, userIdByEmail } from "../support/seed";
import { expect, signIn, test, testServer } from "./fixtures";
import { DocumentReader } from "./pages/document-reader";

const server = testServer();

// Files uploaded as documents: multipart POST /api/w/[slug]/documents, the original kept for
// download, and a PDF quoted by page in the browser. In a workspace of this file's own.

const run = randomBytes(4).toString("hex");
const FIXTURES = path.join(import.meta.dirname, "..", "fixtures", "imports");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));

let slug: string;
let workspaceId: string;
// The browser imports the same PDF, which a workspace holding it already would refuse as a duplicate.
let browserSlug: string;
let browserWorkspaceId: string;
let owner: Caller;

test.beforeAll(async () => {
  const adminId = await userIdByEmail(server.admin.email);
  const loaded = await seedWorkspace({ title: `Files ${run}`, slug: `files-${run}`, ownerId: adminId });
  slug = loaded.slug;
  workspaceId = loaded.id;
  const second = await seedWorkspace({
    title: `Files in the browser ${run}`,
    slug: `files-ui-${run}`,
    ownerId: adminId,
  });
  browserSlug = second.slug;
  browserWorkspaceId = second.id;
  owner = (await signInOverHttp(server.admin.email, server.admin.password)).caller;
});

function upload(name: string, bytes: Uint8Array, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.set("file", new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return fetchAs(owner, `/api/w/${slug}/documents`, { method: "POST", headers: { Origin: baseUrl }, body: form });
}

const counts = async () => ({
  documents: await db().document.count({ where: { workspaceId } }),
  revisions: await db().documentRevision.count({ where: { workspaceId } }),
  files: await db().documentFile.count({ where: { workspaceId } }),
});

test.describe("POST /api/w/[slug]/documents with a file", () => {
  test("imports a PDF with its pages and keeps the original for download", async () => {
    const pdf = fixture("draft-text.pdf");
    const response = await upload("draft-text.pdf", pdf, { title: `Draft ${run}`, publishedAt: "2026-03-02" });
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(201);
    expect(body).toEqual({ id: expect.any(String), revisionId: expect.any(String), suggestions: expect.any(Array) });
    const revision = await db().documentRevision.findUniqueOrThrow({
      where: { id: body.revisionId },
      select: { text: true, pageStarts: true, document: { select: { title: true, publishedOn: true } } },
    });
    expect(revision.document).toEqual({ title: `Draft ${run}`, publishedOn: "2026-03-02" });
    expect(revision.pageStarts).toHaveLength(2);
    expect(revision.text).toContain("in support of such fishing, as determined");

    const download = await fetchAs(owner, `/api/w/${slug}/documents/${body.id}/file`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-disposition")).toContain('filename="draft-text.pdf"');
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
  });

  test("imports a Word file and a web page, the title defaulting to the file's name", async () => {
    const docx = await upload("statement.docx", fixture("statement.docx"), { outlet: "Delegation" });
    expect(docx.status).toBe(201);
    const html = await upload("news-article.html", fixture("news-article.html"));
    expect(html.status).toBe(201);
    const titles = await db().document.findMany({
      where: { id: { in: [(await docx.json()).id, (await html.json()).id] } },
      select: { title: true },
    });
    expect(titles.map((t) => t.title).sort()).toEqual(["news-article", "statement"]);
  });

  test("refuses a bad file with 400 and a message, and a file over 20 MB with 413, writing nothing", async () => {
    const before = await counts();
    for (const [name, message] of [
      ["encrypted.pdf", /password/],
      ["scanned.pdf", /no text layer/],
      ["not-a-docx.docx", /not a Word document/],
      ["zip-bomb.docx", /unpacks to more than/],
    ] as const) {
      const response = await upload(name, fixture(name), { title: `Bad ${name} ${run}` });
      expect(response.status, name).toBe(400);
      expect((await response.json()).message).toMatch(message);
    }
    const huge = await upload("huge.pdf", new Uint8Array(20 * 1024 * 1024 + 1));
    expect(huge.status).toBe(413);
    expect((await huge.json()).message).toMatch(/larger than 20 MB/);
    expect(await counts()).toEqual(before);
  });

  test("keeps the JSON body as it was", async () => {
    const response = await fetchAs(owner, `/api/w/${slug}/documents`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: baseUrl },
      body: JSON.stringify({ title: `JSON ${run}`, text: `Pasted over the API ${run}.` }),
    });
    expect(response.status).toBe(201);
  });
});

test.describe("a PDF quoted by page", () => {
  test("imports the PDF through the form, saves a passage of page 2, and shows p. 2 and a permalink to it", async ({
    page,
  }) => {
    await signIn(page, server.admin);
    await page.goto(`${baseUrl}/w/${browserSlug}/documents/new`);
    await page.getByLabel("Title").fill(`Draft text by page ${run}`);
    await page.getByLabel("Published").fill("2026-03-02");
    await page.locator("#doc-file").setInputFiles(path.join(FIXTURES, "draft-text.pdf"));
    await expect(page.getByText("Will import “draft-text.pdf”")).toBeVisible();
    await page.getByRole("button", { name: "Import document" }).click();
    await expect(page.getByRole("heading", { name: `Draft text by page ${run}` })).toBeVisible();

    const reader = new DocumentReader(page);
    await reader.quotePassage("notify the Committee of any subsidy granted to vessels fishing on the high seas");
    await expect(reader.quote("notify the Committee")).toBeVisible();

    const quotes = page.getByRole("complementary", { name: "Quotes in this document" });
    await expect(quotes.getByText(/^p\. 2 · /)).toBeVisible();
    const evidence = await db().evidence.findFirstOrThrow({
      where: { workspaceId: browserWorkspaceId, exact: { startsWith: "notify the Committee" } },
      select: { id: true, documentId: true },
    });

    // The quote's permalink names the page and marks the passage.
    await page.goto(`${baseUrl}/w/${browserSlug}/evidence/${evidence.id}`);
    await expect(page.getByText(/· p\. 2 · revision 1/)).toBeVisible();
    const link = page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link");
    expect(await link.getAttribute("href")).toBe(
      `/w/${browserSlug}/documents/${evidence.documentId}?page=2#quote-${evidence.id}`,
    );
    await link.click();
    await expect(page).toHaveURL(/\?page=2#quote-/);
    await expect(page.locator("#page-2")).toBeAttached();
    await expect(
      page.getByTestId("document-text").locator(`mark.quote[data-active="true"]`, { hasText: "notify the Committee" }),
    ).toBeVisible();
  });
});
