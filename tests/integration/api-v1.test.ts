import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { listActivitySince } from "@/lib/activity/data";
import { ActivitySinceQuerySchema } from "@/lib/activity/schema";
import { listDocumentRevisions } from "@/lib/documents/data";
import { correctDocument, importDocument } from "@/lib/documents/mutations";
import { createEvidenceFromQuote } from "@/lib/evidence/mutations";
import { CreateEvidenceFromQuoteSchema } from "@/lib/evidence/schema";
import { listStatements } from "@/lib/matrix/data";
import { StatementListQuerySchema } from "@/lib/matrix/schema";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";
import { loadDemoPair } from "../support/demo-workspaces";

// The reads and the one write that /api/v1/ adds to lib/: statements page by page, the activity
// log from a cursor, a document's revisions, and evidence saved from an exact quote.

let workspace: AuthorizedWorkspace;
let other: AuthorizedWorkspace;

beforeAll(async () => {
  ({ workspace, other } = await loadDemoPair("api-v1"));
});

describe("listStatements", () => {
  it("pages through every statement once, in recording order, and filters by cell and date", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listStatements(workspace, StatementListQuerySchema.parse({ cursor, limit: "7" }));
      expect(page).not.toBeNull();
      expect(page!.statements.length).toBeLessThanOrEqual(7);
      seen.push(...page!.statements.map((s) => `${s.recordedAt}|${s.id}`));
      cursor = page!.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.length).toBeGreaterThan(7);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(seen);

    const all = await listStatements(workspace, StatementListQuerySchema.parse({ limit: "200" }));
    const { issueId, partyId } = all!.statements[0]!;
    const narrowed = await listStatements(
      workspace,
      StatementListQuerySchema.parse({ issueId, partyId, from: "2022-01-01", to: "2022-02-16", limit: "200" }),
    );
    for (const s of narrowed!.statements) {
      expect([s.issueId, s.partyId]).toEqual([issueId, partyId]);
      expect(s.statedOn >= "2022-01-01" && s.statedOn <= "2022-02-16").toBe(true);
    }
    const foreign = await listStatements(other, StatementListQuerySchema.parse({ limit: "200" }));
    expect(foreign!.statements.some((s) => seen.some((key) => key.endsWith(s.id)))).toBe(false);
  });

  it("refuses a cursor it did not make", async () => {
    expect(await listStatements(workspace, StatementListQuerySchema.parse({ cursor: "bm90LWEtY3Vyc29y" }))).toBeNull();
  });
});

describe("listActivitySince", () => {
  it("gives only what is new after the cursor, and keeps the cursor when nothing is", async () => {
    // The setup's own events (the workspace's creation) may be held back as below: start after them.
    const first = await vi.waitFor(
      async () => {
        const listed = await listActivitySince(workspace, ActivitySinceQuerySchema.parse({ limit: "500" }));
        expect(listed.events.map((e) => e.action)).toContain("workspace.created");
        return listed;
      },
      { timeout: 30_000, interval: 100 },
    );
    const end = first.nextCursor;
    const none = await listActivitySince(workspace, ActivitySinceQuerySchema.parse({ after: end }));
    expect(none).toEqual({ events: [], nextCursor: end });
    await importDocument(workspace, {
      title: "Activity probe",
      outlet: "",
      url: "",
      language: "en",
      publishedOn: "2022-03-03",
      text: `Activity probe ${randomUUID()}.`,
    });
    // An event is listed once every transaction that began before it has ended (so a cursor never
    // skips one that commits late); on a shared server another database's open transaction can
    // hold it back for a moment.
    const fresh = await vi.waitFor(
      async () => {
        const since = await listActivitySince(workspace, ActivitySinceQuerySchema.parse({ after: end }));
        expect(since.events.map((e) => e.action)).toEqual(["document.imported"]);
        return since;
      },
      { timeout: 30_000, interval: 100 },
    );
    expect(fresh.nextCursor).not.toBe(end);
    // Nothing is new after the new cursor.
    expect(
      (await listActivitySince(workspace, ActivitySinceQuerySchema.parse({ after: fresh.nextCursor }))).events,
    ).toEqual([]);
  });
});

describe("createEvidenceFromQuote and listDocumentRevisions", () => {
  it("anchors the n-th occurrence in the current revision, refuses words that are not there", async () => {
    const text = "The minister said yes. Later the minister said yes again.";
    const imported = await importDocument(workspace, {
      title: "Quote probe",
      outlet: "",
      url: "",
      language: "en",
      publishedOn: "2022-03-03",
      text,
    });
    if (!imported.ok) throw new Error(imported.message);
    const corrected = `${text}\nA line added later.`;
    await correctDocument(workspace, {
      documentId: imported.documentId,
      baseRevision: 1,
      text: corrected,
      note: "Added the last line.",
    });
    const revisions = await listDocumentRevisions(workspace, imported.documentId);
    expect(revisions.map((r) => [r.number, r.note])).toEqual([
      [2, "Added the last line."],
      [1, ""],
    ]);
    expect(await listDocumentRevisions(other, imported.documentId)).toEqual([]);

    const input = (quote: string, occurrence: number) =>
      CreateEvidenceFromQuoteSchema.parse({ documentId: imported.documentId, quote, occurrence, kind: "DIRECT_QUOTE" });
    const saved = await createEvidenceFromQuote(workspace, input("the minister said yes", 0));
    expect(saved.ok).toBe(true);
    const second = await createEvidenceFromQuote(workspace, input("minister said yes", 1));
    expect(second.ok).toBe(true);
    expect(await createEvidenceFromQuote(workspace, input("minister said yes", 2))).toMatchObject({
      ok: false,
      code: "quote_not_found",
    });
    expect(await createEvidenceFromQuote(other, input("minister said yes", 0))).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });
});
