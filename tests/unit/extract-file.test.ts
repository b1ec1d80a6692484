import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractFile } from "@/lib/documents/extract-text";
import { MAX_FILE_BYTES } from "@/lib/documents/limits";
import { codePoints } from "@/lib/evidence/anchor";

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, "../fixtures/imports", name)));

describe("extracting an uploaded file's text", () => {
  it("reads a PDF page by page, without its running header and page numbers, with hyphenation repaired", async () => {
    const result = await extractFile("draft-text.pdf", fixture("draft-text.pdf"));
    if (!result.ok) throw new Error(result.message);
    expect(result.format).toBe("pdf");
    expect(result.mediaType).toBe("application/pdf");
    expect(result.text).not.toMatch(/RESTRICTED|Page \d of 2/);
    expect(result.text).toContain("in support of such fishing, as determined by the coastal Member");
    expect(result.text).toContain("Article 1\n\n1.1 No Member shall grant");
    expect(result.pageStarts).toHaveLength(2);
    const [first, second] = result.pageStarts as [number, number];
    expect(first).toBe(0);
    const pageTwo = codePoints(result.text).slice(second).join("");
    expect(pageTwo.startsWith("Article 2\n\n2.1 Each Member shall notify the Committee")).toBe(true);
    expect(result.text.indexOf("Article 2")).toBeGreaterThan(result.text.indexOf("territorial sea."));
  });

  it("reads a Word document's paragraphs", async () => {
    const result = await extractFile("statement.docx", fixture("statement.docx"));
    if (!result.ok) throw new Error(result.message);
    expect(result.text).toBe(
      "Statement by the Delegation\n\nWe welcome the draft text and support a cap on harmful subsidies to vessels fishing on the high seas.\n\nWe cannot accept any carve-out for distant-water fleets.",
    );
    expect(result.pageStarts).toBeNull();
  });

  it("keeps a web page's article and drops its navigation, ads and comments", async () => {
    const result = await extractFile("news-article.html", fixture("news-article.html"));
    if (!result.ok) throw new Error(result.message);
    expect(result.text).toMatch(/^Talks on fisheries subsidies stall over distant-water fleets\n\n/);
    expect(result.text).toContain("“We cannot accept any carve-out for distant-water fleets,” the ambassador");
    expect(result.text).toContain("before the General Council meets in March.");
    for (const noise of [
      "Subscribe",
      "ADVERTISEMENT",
      "Sponsored",
      "fishfan88",
      "comments",
      "Related stories",
      "Cookie",
    ])
      expect(result.text).not.toContain(noise);
  });

  it("keeps plain text and Markdown exactly as written", async () => {
    const text = "# Notes\r\n\n“Quoted” text\u00a0with a non-breaking space.\n";
    const result = await extractFile("notes.md", new TextEncoder().encode(`\uFEFF${text}`));
    expect(result.ok && result.text).toBe(text);
    expect(result.ok && result.mediaType).toBe("text/markdown; charset=utf-8");
  });

  it.each([
    ["encrypted.pdf", /protected by a password/],
    ["scanned.pdf", /no text layer/],
    ["not-a-docx.docx", /not a Word document/],
    ["zip-bomb.docx", /unpacks to more than 64 MB/],
  ])("refuses %s with a clear message", async (name, message) => {
    const result = await extractFile(name, fixture(name));
    expect(result).toEqual({ ok: false, status: 400, message: expect.stringMatching(message) });
  });

  it("refuses a PDF that is not one, an unknown type, text that is not UTF-8 and a file over the limit", async () => {
    expect(await extractFile("draft.pdf", fixture("statement.docx"))).toMatchObject({
      status: 400,
      message: /not a PDF/,
    });
    expect(await extractFile("sheet.xlsx", fixture("statement.docx"))).toMatchObject({
      status: 400,
      message: /not a supported file/,
    });
    expect(await extractFile("latin1.txt", new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toMatchObject({
      status: 400,
      message: /not UTF-8/,
    });
    expect(await extractFile("huge.pdf", new Uint8Array(MAX_FILE_BYTES + 1))).toMatchObject({
      status: 413,
      message: /larger than 20 MB/,
    });
  });
});
