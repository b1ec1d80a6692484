import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDocument } from "@/lib/documents/data";
import { extractText } from "@/lib/documents/extract-text";
import { correctDocument, importDocument } from "@/lib/documents/mutations";
import { ImportDocumentRequestSchema } from "@/lib/documents/schema";
import { listSuggestions } from "@/lib/documents/suggestions";
import { anchorAt, locateQuote } from "@/lib/evidence/anchor";
import { createEvidence, linkEvidence } from "@/lib/evidence/mutations";
import { CreateEvidenceSchema } from "@/lib/evidence/schema";
import { mergePeople } from "@/lib/people/mutations";
import { db } from "@/lib/platform/db/client";
import { unwrap } from "@/lib/platform/errors";
import { search } from "@/lib/search/data";
import { SearchQuerySchema } from "@/lib/search/schema";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";
import { loadDemoPair } from "../support/demo-workspaces";
import { saveBareQuote } from "../support/quotes";

// Importing sources and saving quotes from them, through the data layer the server actions call
// once the gate has let a request through. Runs on real PostgreSQL and on PGlite.

const ARTICLE = `MOSCOW, March 3. “We are open to dialogue, but not at the expense of our security,” Sergey Lavrov said.\u00a0

The spokesman Dmitry Peskov noted that the Kremlin saw “little cause for optimism” in the answers 👀 & <replies>.

An unrelated sentence about the weather ends the article.`;

let workspace: AuthorizedWorkspace;
let other: AuthorizedWorkspace;

async function counts() {
  const [documents, revisions, evidence, people, links] = await Promise.all([
    db().document.count(),
    db().documentRevision.count(),
    db().evidence.count(),
    db().person.count(),
    db().statementEvidence.count(),
  ]);
  return { documents, revisions, evidence, people, links };
}

async function imported(text = ARTICLE) {
  return unwrap(
    await importDocument(workspace, {
      title: `Article ${randomUUID().slice(0, 6)}`,
      outlet: "TASS",
      url: "",
      language: "en",
      publishedOn: "2022-03-03",
      text,
    }),
  );
}

beforeAll(async () => {
  ({ workspace, other } = await loadDemoPair("evidence"));
});

describe("importing documents", () => {
  it("keeps the text exactly, odd characters included, and refuses a duplicate by content", async () => {
    const { documentId } = await imported();
    const document = await getDocument(workspace, documentId);
    expect(document?.revision.text).toBe(ARTICLE);
    const again = await importDocument(workspace, {
      title: "Same text",
      outlet: "",
      url: "",
      language: "en",
      publishedOn: null,
      text: ARTICLE,
    });
    expect(again).toMatchObject({ ok: false, code: "duplicate", details: { documentId } });
  });

  it("turns HTML into clean text with paragraphs, and refuses unsupported files clearly", () => {
    const html = `<html><head><style>p{color:red}</style><script>alert(1)</script></head><body><h1>Title</h1><p>First “para” &amp; more.</p><p>Second.</p></body></html>`;
    const result = extractText("article.html", html);
    expect(result.ok && result.text).toBe("Title\n\nFirst “para” & more.\n\nSecond.");
    expect(extractText("scan.pdf", "%PDF")).toEqual({
      ok: false,
      message: expect.stringContaining("not a supported file"),
    });
  });

  it("refuses an oversized text and bad metadata with messages, writing nothing", async () => {
    const before = await counts();
    const oversized = ImportDocumentRequestSchema.safeParse({ title: "Big", text: "x".repeat(2 * 1024 * 1024 + 1) });
    expect(oversized.success).toBe(false);
    expect(oversized.error?.issues[0]?.message).toMatch(/larger than 2 MB/);
    const badDate = ImportDocumentRequestSchema.safeParse({ title: "T", text: "words", publishedAt: "2022-13" });
    expect(badDate.error?.issues[0]?.message).toMatch(/YYYY/);
    expect(await counts()).toEqual(before);
  });

  it("suggests the attributed passages, with speakers from the people directory", async () => {
    const { revisionId } = await imported(ARTICLE.replace("March 3", "March 4"));
    const suggestions = await listSuggestions(workspace, {
      id: revisionId,
      text: ARTICLE.replace("March 3", "March 4"),
    });
    const texts = suggestions.map((s) => s.text);
    expect(texts).toContain("We are open to dialogue, but not at the expense of our security");
    expect(suggestions.find((s) => s.text.startsWith("We are open"))?.speaker?.name).toMatch(/Lavrov/);
    expect(texts.some((t) => t.includes("weather"))).toBe(false);
  });
});

describe("saving a passage as evidence", () => {
  async function passage(words: string) {
    const { documentId, revisionId } = await imported(
      ARTICLE.replace("March 3", `March ${Math.floor(Math.random() * 1e6)}`),
    );
    const text = (await getDocument(workspace, documentId))!.revision.text;
    return { documentId, revisionId, text, anchor: locateQuote(text, words)! };
  }

  it("saves a verified quote with a new speaker and a stance link, offsets in code points", async () => {
    const { documentId, revisionId, text, anchor } = await passage("& <replies>");
    expect(anchor.startOffset).toBe(Array.from(text.slice(0, text.indexOf("& <replies>"))).length);
    const statement = await db().stanceStatement.findFirstOrThrow({
      where: { workspaceId: workspace.id },
      select: { id: true },
    });
    const result = await createEvidence(workspace, {
      documentId,
      revisionId,
      ...anchor,
      newSpeaker: { name: `Reporter ${randomUUID().slice(0, 6)}`, role: "", organisation: "TASS" },
      kind: "REPORTED_SPEECH",
      note: "",
      links: [{ statementId: statement.id, relation: "CONTEXT" }],
    });
    expect(result.ok).toBe(true);
    const saved = await db().evidence.findUniqueOrThrow({
      where: { id: result.ok ? result.evidenceId : "" },
      select: {
        exact: true,
        saidOn: true,
        speaker: { select: { organisation: true } },
        links: { select: { statementId: true } },
      },
    });
    expect(saved).toMatchObject({
      exact: "& <replies>",
      speaker: { organisation: "TASS" },
      links: [{ statementId: statement.id }],
    });
    expect(saved.saidOn.toISOString().slice(0, 10)).toBe("2022-03-03");
  });

  it("refuses mismatched words, offsets out of range, a foreign speaker or stance, and a stale revision — writing nothing", async () => {
    const { documentId, revisionId, text, anchor } = await passage("little cause for optimism");
    const foreignSpeaker = await db().person.findFirstOrThrow({
      where: { workspaceId: other.id },
      select: { id: true },
    });
    const foreignStatement = await db().stanceStatement.findFirstOrThrow({
      where: { workspaceId: other.id },
      select: { id: true },
    });
    const base = { documentId, revisionId, kind: "DIRECT_QUOTE" as const, note: "", links: [] };
    const before = await counts();

    expect(await createEvidence(workspace, { ...base, ...anchor, exact: "little cause for pessimism" })).toMatchObject({
      ok: false,
      code: "anchor_mismatch",
    });
    expect(await createEvidence(workspace, { ...base, ...anchor, prefix: "something else entirely" })).toMatchObject({
      ok: false,
      code: "anchor_mismatch",
    });
    const length = Array.from(text).length;
    expect(
      await createEvidence(workspace, {
        ...base,
        ...anchor,
        startOffset: length - 2,
        endOffset: length + 5,
        exact: "xxxxxxx",
      }),
    ).toMatchObject({ ok: false, code: "anchor_mismatch", message: expect.stringMatching(/outside/) });
    expect(await createEvidence(workspace, { ...base, ...anchor, speakerId: foreignSpeaker.id })).toMatchObject({
      ok: false,
      code: "speaker_not_found",
    });
    expect(await createEvidence(workspace, { ...base, ...anchor, speakerId: randomUUID() })).toMatchObject({
      ok: false,
      code: "speaker_not_found",
    });
    expect(
      await createEvidence(workspace, {
        ...base,
        ...anchor,
        links: [{ statementId: foreignStatement.id, relation: "SUPPORTS" }],
      }),
    ).toMatchObject({ ok: false, code: "statement_not_found" });
    expect(await createEvidence(other, { ...base, ...anchor })).toMatchObject({ ok: false, code: "not_found" });

    const correction = await correctDocument(workspace, {
      documentId,
      baseRevision: 1,
      text: `${text}\n\nA corrected last line.`,
      note: "added a line",
    });
    expect(correction.ok).toBe(true);
    const afterCorrection = await counts();
    expect(await createEvidence(workspace, { ...base, ...anchor })).toMatchObject({
      ok: false,
      code: "stale_revision",
    });
    expect({ ...(await counts()), revisions: afterCorrection.revisions }).toEqual({
      ...before,
      revisions: afterCorrection.revisions,
    });
    expect(afterCorrection.revisions).toBe(before.revisions + 1);
  });

  it("links a saved quote to a statement once, and never to another workspace's statement", async () => {
    const { documentId, revisionId, anchor } = await passage("little cause for optimism");
    const saved = unwrap(await saveBareQuote(workspace, { documentId, revisionId }, anchor, "REPORTED_SPEECH"));
    const [mine, foreign] = await Promise.all(
      [workspace, other].map((w) =>
        db().stanceStatement.findFirstOrThrow({ where: { workspaceId: w.id }, select: { id: true } }),
      ),
    );
    const link = { evidenceId: saved.evidenceId, statementId: mine!.id, relation: "SUPPORTS" as const };
    expect(await linkEvidence(workspace, link)).toEqual({ ok: true });
    expect(await linkEvidence(workspace, link)).toMatchObject({ ok: false, code: "already_linked" });
    expect(await linkEvidence(workspace, { ...link, statementId: foreign!.id })).toMatchObject({
      ok: false,
      code: "statement_not_found",
    });
    expect(await linkEvidence(other, link)).toMatchObject({ ok: false, code: "not_found" });
    const links = await db().statementEvidence.findMany({
      where: { evidenceId: saved.evidenceId },
      select: { statementId: true, relation: true },
    });
    expect(links).toEqual([{ statementId: mine!.id, relation: "SUPPORTS" }]);
    const activity = await db().activityEvent.count({
      where: { workspaceId: workspace.id, action: "evidence.linked", subjectId: saved.evidenceId },
    });
    expect(activity).toBe(1);
  });

  it("refuses an empty or backwards selection at the boundary", () => {
    const input = {
      workspaceSlug: "w",
      documentId: randomUUID(),
      revisionId: randomUUID(),
      startOffset: 5,
      endOffset: 5,
      exact: "x",
      prefix: "",
      suffix: "",
      kind: "DIRECT_QUOTE",
    };
    expect(CreateEvidenceSchema.safeParse(input).error?.issues[0]?.message).toMatch(/empty/);
  });

  it("keeps quotes attached through a correction and orphans one whose words were deleted", async () => {
    const { documentId, revisionId, text } = await passage("An unrelated sentence about the weather");
    const keep = anchorAt(
      text,
      ...(() => {
        const a = locateQuote(text, "open to dialogue")!;
        return [a.startOffset, a.endOffset] as const;
      })(),
    );
    const drop = locateQuote(text, "An unrelated sentence about the weather")!;
    for (const anchor of [keep, drop]) {
      expect((await saveBareQuote(workspace, { documentId, revisionId }, anchor)).ok).toBe(true);
    }
    const corrected = `Editor’s note: corrected.\n\n${text.replace("An unrelated sentence about the weather ends the article.", "")}`;
    const result = await correctDocument(workspace, {
      documentId,
      baseRevision: 1,
      text: corrected,
      note: "removed a line",
    });
    expect(result).toMatchObject({ ok: true, counts: { MOVED: 1, ORPHANED: 1 } });
    const document = await getDocument(workspace, documentId);
    expect(document?.revision.number).toBe(2);
    expect(document?.evidence.map((e) => e.status).sort()).toEqual(["MOVED", "ORPHANED"]);
    expect(document?.evidence.find((e) => e.status === "MOVED")?.exact).toBe("open to dialogue");
  });
});

describe("people and search", () => {
  it("merges two entries that are one person, moving the quotes and keeping the name as an alias", async () => {
    const [keep, merge] = await Promise.all([
      db().person.create({
        data: { workspaceId: workspace.id, name: `Andrei K ${randomUUID().slice(0, 4)}` },
        select: { id: true, name: true },
      }),
      db().person.create({
        data: { workspaceId: workspace.id, name: `Andrey K ${randomUUID().slice(0, 4)}` },
        select: { id: true, name: true },
      }),
    ]);
    const quote = await db().evidence.findFirstOrThrow({ where: { workspaceId: workspace.id }, select: { id: true } });
    await db().evidence.update({ where: { id: quote.id }, data: { speakerId: merge.id } });
    expect(await mergePeople(workspace, keep.id, merge.id)).toEqual({ ok: true, moved: 1 });
    const kept = await db().person.findUniqueOrThrow({
      where: { id: keep.id },
      select: { aliases: true, _count: { select: { evidence: true } } },
    });
    expect(kept.aliases).toContain(merge.name);
    expect(kept._count.evidence).toBe(1);
    expect(await mergePeople(other, keep.id, randomUUID())).toMatchObject({ ok: false, code: "not_found" });
    // Into itself is refused before anything is touched.
    expect(await mergePeople(workspace, keep.id, keep.id)).toMatchObject({ ok: false, code: "same_person" });
    expect(await db().person.count({ where: { id: keep.id } })).toBe(1);
  });

  it("finds quotes and documents by words, filtered by speaker and kind", async () => {
    const lavrov = await db().person.findFirstOrThrow({
      where: { workspaceId: workspace.id, name: { contains: "Lavrov" } },
      select: { id: true },
    });
    const all = await search(workspace, SearchQuerySchema.parse({ q: "moratorium" }));
    expect(all.evidence.length).toBeGreaterThan(0);
    expect(all.evidence.every((e) => e.exact.toLowerCase().includes("moratorium"))).toBe(true);
    expect(all.documents.length).toBeGreaterThan(0);
    expect(all.documents[0]?.match).toMatchObject({ start: expect.any(Number), end: expect.any(Number) });
    const byLavrov = await search(
      workspace,
      SearchQuerySchema.parse({ q: "", speaker: lavrov.id, kind: "DIRECT_QUOTE" }),
    );
    expect(byLavrov.evidence.length).toBeGreaterThan(0);
    expect(byLavrov.evidence.every((e) => e.kind === "DIRECT_QUOTE" && /Lavrov/.test(e.speaker ?? ""))).toBe(true);
    const foreign = await search(other, SearchQuerySchema.parse({ q: "", speaker: lavrov.id }));
    expect(foreign.evidence).toEqual([]);
  });
});
