import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getDocument, getDocumentFile } from "@/lib/documents/data";
import { extractFile } from "@/lib/documents/extract-text";
import { correctDocument, importDocument } from "@/lib/documents/mutations";
import { pageLabel } from "@/lib/documents/pages";
import { db } from "@/lib/platform/db/client";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";
import { loadDemoPair } from "../support/demo-workspaces";

// An uploaded PDF through the data layer the import route calls: its original kept beside the
// text, its pages kept through a correction. Runs on real PostgreSQL and on PGlite.

const PDF = new Uint8Array(readFileSync(path.join(import.meta.dirname, "..", "fixtures", "imports", "draft-text.pdf")));

let workspace: AuthorizedWorkspace;
let other: AuthorizedWorkspace;

beforeAll(async () => {
  ({ workspace, other } = await loadDemoPair("files"));
});

describe("a document imported from a file", () => {
  it("keeps the file's bytes and hash and the pages, which follow a correction", async () => {
    const extracted = await extractFile("draft-text.pdf", PDF);
    if (!extracted.ok) throw new Error(extracted.message);
    const result = await importDocument(
      workspace,
      { title: "Draft text", outlet: "", url: "", language: "en", publishedOn: "2026-03-02", text: extracted.text },
      { fileName: "draft-text.pdf", mediaType: extracted.mediaType, bytes: PDF, pageStarts: extracted.pageStarts },
    );
    if (!result.ok) throw new Error(result.message);

    const file = await getDocumentFile(workspace, result.documentId);
    expect(file).toMatchObject({
      fileName: "draft-text.pdf",
      mediaType: "application/pdf",
      size: PDF.byteLength,
      sha256: createHash("sha256").update(PDF).digest("hex"),
    });
    expect(Buffer.from(file?.bytes ?? []).equals(Buffer.from(PDF))).toBe(true);
    expect(await getDocumentFile(other, result.documentId)).toBeNull();

    const document = await getDocument(workspace, result.documentId);
    const pageStarts = document?.revision.pageStarts ?? [];
    expect(pageStarts).toEqual(extracted.pageStarts);
    const onPageTwo = extracted.text.indexOf("2.1 Each Member");
    expect(pageLabel(pageStarts, onPageTwo, onPageTwo + 10)).toBe("p. 2");
    expect(pageLabel(pageStarts, 0, onPageTwo + 10)).toBe("pp. 1–2");

    // Ten characters inserted on page 1 move page 2's start by ten.
    const corrected = await correctDocument(workspace, {
      documentId: result.documentId,
      baseRevision: 1,
      text: extracted.text.replace("Article 1", "Article 1 (revised)"),
      note: "Heading corrected",
    });
    expect(corrected.ok).toBe(true);
    const latest = await getDocument(workspace, result.documentId);
    expect(latest?.revision.pageStarts).toEqual([0, (pageStarts[1] ?? 0) + " (revised)".length]);
    // The file stays with the revision it was imported as.
    expect((await getDocumentFile(workspace, result.documentId))?.fileName).toBe("draft-text.pdf");
  });

  it("writes no file row for pasted text", async () => {
    const before = await db().documentFile.count();
    const result = await importDocument(workspace, {
      title: "Pasted",
      outlet: "",
      url: "",
      language: "en",
      publishedOn: null,
      text: `Pasted ${randomUUID()}`,
    });
    expect(result.ok).toBe(true);
    expect(await db().documentFile.count()).toBe(before);
    expect(await getDocumentFile(workspace, result.ok ? result.documentId : "")).toBeNull();
  });
});
