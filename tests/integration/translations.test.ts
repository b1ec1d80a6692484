import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { correctDocument, importDocument, setDocumentLanguage } from "@/lib/documents/mutations";
import { locateQuote } from "@/lib/evidence/anchor";
import { getEvidence } from "@/lib/evidence/data";
import { pairQuote, unpairQuote } from "@/lib/evidence/mutations";
import { formatBriefingHtml } from "@/lib/exports/briefing-html";
import { canonicalizeWorkspaceExport } from "@/lib/exports/canonical";
import { getEvidenceExport, getMatrixExport, getWorkspaceExport } from "@/lib/exports/data";
import { formatBriefingMarkdown } from "@/lib/exports/markdown";
import { importWorkspaceExport } from "@/lib/exports/mutations";
import { buildEvidenceAnnotations } from "@/lib/exports/w3c";
import { getCellHistory } from "@/lib/matrix/data";
import { recordStatement } from "@/lib/matrix/mutations";
import { db } from "@/lib/platform/db/client";
import { unwrap } from "@/lib/platform/errors";
import { search } from "@/lib/search/data";
import { SearchQuerySchema } from "@/lib/search/schema";
import { type AuthorizedWorkspace, trustedWorkspace } from "@/lib/workspaces/access";
import { deleteWorkspace } from "@/lib/workspaces/mutations";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import { loadWorkspaceFixture } from "@/tests/support/fixture/load";
import { loadDemoPair } from "../support/demo-workspaces";
import { saveBareQuote } from "../support/quotes";

// Documents read in translation: the language guessed on import, a translation marked as such,
// and quotes of the original paired with the passages that render them, each verified verbatim.
// Runs on real PostgreSQL and on PGlite.

const ORIGINAL = `МОСКВА, 17 декабря. Министерство иностранных дел России опубликовало проект договора.
«Мы не допустим дальнейшего расширения НАТО на восток», — заявил заместитель министра Сергей Рябков.
Он добавил, что ответа Москва ждёт в ближайшее время.`;

const TRANSLATION = `MOSCOW, December 17. The Russian Foreign Ministry has published a draft treaty.
"We will not allow NATO's further expansion to the east," Deputy Foreign Minister Sergei Ryabkov said.
He added that Moscow expects an answer soon. The east, he said, is where the answer lies.`;

const RU_QUOTE = "Мы не допустим дальнейшего расширения НАТО на восток";
const EN_QUOTE = "We will not allow NATO's further expansion to the east";

let workspace: AuthorizedWorkspace;
let other: AuthorizedWorkspace;

async function importText(target: AuthorizedWorkspace, text: string, language?: string) {
  return unwrap(
    await importDocument(target, {
      title: `Source ${randomUUID().slice(0, 6)}`,
      outlet: "TASS",
      url: "",
      language,
      publishedOn: "2021-12-17",
      text,
    }),
  );
}

async function quoteOf(
  documentId: string,
  revisionId: string,
  text: string,
  exact: string,
  target: AuthorizedWorkspace = workspace,
) {
  const anchor = locateQuote(text, exact);
  if (!anchor) throw new Error(`not in the text: ${exact}`);
  return unwrap(await saveBareQuote(target, { documentId, revisionId }, anchor)).evidenceId;
}

/** A Russian original, its English translation marked as such, and a quote of the original. */
async function pairOfDocuments(target: AuthorizedWorkspace = workspace) {
  const original = await importText(target, `${ORIGINAL}\n${randomUUID()}`);
  const translation = await importText(target, `${TRANSLATION}\n${randomUUID()}`);
  const marked = await setDocumentLanguage(target, {
    documentId: translation.documentId,
    language: "en",
    translationOfId: original.documentId,
  });
  expect(marked).toEqual({ ok: true });
  const originalText = (await db().documentRevision.findUniqueOrThrow({ where: { id: original.revisionId } })).text;
  const quoteId = await quoteOf(original.documentId, original.revisionId, originalText, RU_QUOTE, target);
  return { original, translation, quoteId };
}

/** The English words saved as a quote of the translation, paired with the original's quote. */
async function pairEnglishQuote(target: AuthorizedWorkspace, translationId: string, quoteId: string) {
  return unwrap(await pairQuote(target, { originalId: quoteId, documentId: translationId, exact: EN_QUOTE }));
}

beforeAll(async () => {
  ({ workspace, other } = await loadDemoPair("translations"));
});

describe("documents in translation", () => {
  it("guesses the language on import unless one is given, and records it", async () => {
    const russian = await importText(workspace, `${ORIGINAL}\n${randomUUID()}`);
    const given = await importText(workspace, `${TRANSLATION}\n${randomUUID()}`, "en-GB");
    const languages = await db().document.findMany({
      where: { id: { in: [russian.documentId, given.documentId] } },
      select: { id: true, language: true },
    });
    expect(Object.fromEntries(languages.map((d) => [d.id, d.language]))).toEqual({
      [russian.documentId]: "ru",
      [given.documentId]: "en-GB",
    });
    const event = await db().activityEvent.findFirstOrThrow({
      where: { workspaceId: workspace.id, subjectId: russian.documentId, action: "document.imported" },
    });
    expect(event.after).toMatchObject({ language: "ru", languageDetected: true });
  });

  it("marks a translation of an original in the same workspace, one level deep, and can unmark it", async () => {
    const original = await importText(workspace, `${ORIGINAL}\n${randomUUID()}`);
    const translation = await importText(workspace, `${TRANSLATION}\n${randomUUID()}`);
    const elsewhere = await importText(other, `${ORIGINAL}\n${randomUUID()}`);
    const mark = (documentId: string, translationOfId: string | null) =>
      setDocumentLanguage(workspace, { documentId, language: "en", translationOfId });

    expect(await mark(translation.documentId, translation.documentId)).toMatchObject({ ok: false, code: "chain" });
    expect(await mark(translation.documentId, elsewhere.documentId)).toMatchObject({
      ok: false,
      code: "original_not_found",
    });
    expect(await mark(translation.documentId, original.documentId)).toEqual({ ok: true });
    // Neither a translation of a translation, nor an original turned into a translation.
    const third = await importText(workspace, `${TRANSLATION} (${randomUUID()})`);
    expect(await mark(third.documentId, translation.documentId)).toMatchObject({ ok: false, code: "chain" });
    expect(await mark(original.documentId, third.documentId)).toMatchObject({ ok: false, code: "chain" });

    const stored = await db().document.findUniqueOrThrow({
      where: { id: translation.documentId },
      select: { language: true, translationOfId: true },
    });
    expect(stored).toEqual({ language: "en", translationOfId: original.documentId });
    expect(await mark(translation.documentId, null)).toEqual({ ok: true });
    const events = await db().activityEvent.count({
      where: { subjectId: translation.documentId, action: "document.language_set" },
    });
    expect(events).toBe(2);
  });
});

describe("quote pairs", () => {
  it("saves the translated passage as a verified quote of the translation, paired with the original's", async () => {
    const { translation, quoteId } = await pairOfDocuments();
    const result = await pairEnglishQuote(workspace, translation.documentId, quoteId);
    const [original, translated] = await Promise.all([
      db().evidence.findUniqueOrThrow({ where: { id: quoteId } }),
      db().evidence.findUniqueOrThrow({ where: { id: result.evidenceId } }),
    ]);
    expect(translated).toMatchObject({
      documentId: translation.documentId,
      revisionId: translation.revisionId,
      exact: EN_QUOTE,
      startOffset: TRANSLATION.indexOf(EN_QUOTE),
      prefix: TRANSLATION.slice(0, TRANSLATION.indexOf(EN_QUOTE)).slice(-32),
      translationOfId: quoteId,
      speakerId: original.speakerId,
      saidOn: original.saidOn,
      kind: original.kind,
    });
    expect(await db().activityEvent.count({ where: { subjectId: result.evidenceId, action: "evidence.paired" } })).toBe(
      1,
    );
  });

  it("refuses words that are not in the translation, or not only once, and a document that is no translation", async () => {
    const { original, translation, quoteId } = await pairOfDocuments();
    const pair = (documentId: string, exact: string) =>
      pairQuote(workspace, { originalId: quoteId, documentId, exact });
    expect(await pair(translation.documentId, "We shall never allow")).toMatchObject({
      ok: false,
      code: "passage_not_found",
    });
    expect(await pair(translation.documentId, "east")).toMatchObject({ ok: false, code: "passage_ambiguous" });
    expect(await pair(original.documentId, RU_QUOTE)).toMatchObject({ ok: false, code: "not_a_translation" });
    const stranger = await importText(other, `${TRANSLATION}\n${randomUUID()}`);
    expect(await pair(stranger.documentId, EN_QUOTE)).toMatchObject({ ok: false, code: "not_found" });
    expect(await db().evidence.count({ where: { translationOfId: quoteId } })).toBe(0);
  });

  it("pairs once per translation, reuses a quote already saved at the passage, and unpairs honestly", async () => {
    const { translation, quoteId } = await pairOfDocuments();
    const translationText = (await db().documentRevision.findUniqueOrThrow({ where: { id: translation.revisionId } }))
      .text;
    const saved = await quoteOf(translation.documentId, translation.revisionId, translationText, EN_QUOTE);
    const first = await pairQuote(workspace, {
      originalId: quoteId,
      documentId: translation.documentId,
      exact: EN_QUOTE,
    });
    expect(first).toEqual({ ok: true, evidenceId: saved });
    const again = await pairQuote(workspace, {
      originalId: quoteId,
      documentId: translation.documentId,
      exact: "He added that Moscow expects an answer soon.",
    });
    expect(again).toMatchObject({ ok: false, code: "already_paired" });
    // A quote of the translation cannot be the original of another pair.
    expect(
      await pairQuote(workspace, { originalId: saved, documentId: translation.documentId, exact: "He added" }),
    ).toMatchObject({ ok: false, code: "not_an_original" });

    // While the pair stands, the translation stays marked as one.
    expect(
      await setDocumentLanguage(workspace, {
        documentId: translation.documentId,
        language: "en",
        translationOfId: null,
      }),
    ).toMatchObject({ ok: false, code: "paired_quotes" });

    expect(await unpairQuote(workspace, { evidenceId: saved })).toEqual({ ok: true });
    expect(await unpairQuote(workspace, { evidenceId: saved })).toMatchObject({ ok: false, code: "not_found" });
    const kept = await db().evidence.findUniqueOrThrow({
      where: { id: saved },
      select: { exact: true, translationOfId: true },
    });
    expect(kept).toEqual({ exact: EN_QUOTE, translationOfId: null });
    // An existing quote of the translation can also be paired by its id.
    expect(
      await pairQuote(workspace, { originalId: quoteId, documentId: translation.documentId, translationId: saved }),
    ).toEqual({ ok: true, evidenceId: saved });
  });

  it("keeps the pair when the translation is corrected: the translated quote re-anchors on its own", async () => {
    const { translation, quoteId } = await pairOfDocuments();
    const paired = await pairEnglishQuote(workspace, translation.documentId, quoteId);
    const text = (await db().documentRevision.findUniqueOrThrow({ where: { id: translation.revisionId } })).text;
    const corrected = await correctDocument(workspace, {
      documentId: translation.documentId,
      baseRevision: 1,
      text: `Translated by the desk.\n\n${text}`,
      note: "Credit line added",
    });
    expect(corrected).toMatchObject({ ok: true, counts: { MOVED: 1 } });
    const anchor = await db().evidenceAnchor.findFirstOrThrow({ where: { evidenceId: paired.evidenceId } });
    expect(anchor).toMatchObject({ status: "MOVED", exact: EN_QUOTE });
    expect(
      await db().evidence.findUniqueOrThrow({ where: { id: paired.evidenceId }, select: { translationOfId: true } }),
    ).toEqual({ translationOfId: quoteId });
  });

  it("lets a workspace holding pairs be deleted", async () => {
    const slug = `translations-gone-${randomUUID().slice(0, 8)}`;
    const doomed = trustedWorkspace(await loadWorkspaceFixture(securityGuarantees, { slug }));
    const { translation, quoteId } = await pairOfDocuments(doomed);
    expect(
      await pairQuote(doomed, { originalId: quoteId, documentId: translation.documentId, exact: EN_QUOTE }),
    ).toMatchObject({ ok: true });
    expect(await deleteWorkspace(doomed, slug)).toEqual({ ok: true });
    expect(await db().document.count({ where: { workspaceId: doomed.id } })).toBe(0);
  });
});

describe("showing a pair", () => {
  it("shows both sides, in context, on either quote's page and in the cell's history", async () => {
    const { translation, quoteId } = await pairOfDocuments();
    const paired = await pairEnglishQuote(workspace, translation.documentId, quoteId);

    const original = await getEvidence(workspace, quoteId);
    expect(original?.pair).toEqual([
      expect.objectContaining({ id: quoteId, role: "original", current: true, exact: RU_QUOTE }),
      expect.objectContaining({
        id: paired.evidenceId,
        role: "translation",
        current: false,
        exact: EN_QUOTE,
        before: TRANSLATION.slice(0, TRANSLATION.indexOf(EN_QUOTE)),
        document: expect.objectContaining({ id: translation.documentId, language: "en" }),
      }),
    ]);
    expect(original?.pairable).toEqual({ originals: [], translations: [] });
    const translated = await getEvidence(workspace, paired.evidenceId);
    expect(translated?.pair?.map((s) => [s.role, s.id, s.current])).toEqual([
      ["original", quoteId, false],
      ["translation", paired.evidenceId, true],
    ]);
    expect(translated?.translationOfId).toBe(quoteId);

    const [issue, party] = await Promise.all([
      db().issue.findFirstOrThrow({ where: { workspaceId: workspace.id }, select: { id: true } }),
      db().party.findFirstOrThrow({ where: { workspaceId: workspace.id }, select: { id: true } }),
    ]);
    const cell = await db().stanceCell.findUnique({
      where: { workspaceId_issueId_partyId: { workspaceId: workspace.id, issueId: issue.id, partyId: party.id } },
    });
    const recorded = await recordStatement(workspace, {
      workspaceSlug: workspace.slug,
      issueId: issue.id,
      partyId: party.id,
      baseVersion: cell?.version ?? 0,
      position: "REJECTS",
      summary: `Rules out enlargement ${randomUUID().slice(0, 6)}`,
      statedOn: "2026-01-01",
      links: [{ evidenceId: quoteId, relation: "SUPPORTS" }],
    });
    expect(recorded).toMatchObject({ ok: true });
    const history = await getCellHistory(workspace, issue.id, party.id);
    const link = history?.statements.flatMap((st) => st.links).find((l) => l.evidence.id === quoteId);
    expect(link?.evidence.pair?.map((s) => [s.role, s.exact])).toEqual([
      ["original", RU_QUOTE],
      ["translation", EN_QUOTE],
    ]);

    // Briefings carry both, in the reader's order.
    const briefing = await getMatrixExport(workspace, "2026-06-01", { threads: false, quoteOrder: "translation" });
    const citation = briefing.cells.flatMap((c) => c.statement?.citations ?? []).find((c) => c.evidenceId === quoteId);
    expect(citation?.pair?.map((s) => [s.role, s.language])).toEqual([
      ["translation", "en"],
      ["original", "ru"],
    ]);
    const markdown = formatBriefingMarkdown(briefing);
    expect(markdown.indexOf(`“${EN_QUOTE}”`)).toBeGreaterThan(-1);
    expect(markdown.indexOf(`“${EN_QUOTE}”`)).toBeLessThan(markdown.indexOf(`“${RU_QUOTE}”`));
    expect(markdown).toContain("*Original (ru)*");
    expect(formatBriefingHtml(briefing)).toContain(`<blockquote lang="ru">“${RU_QUOTE}”</blockquote>`);
  });

  it("offers an unpaired quote of a translation the original's quotes that have no passage there yet", async () => {
    const { translation, quoteId } = await pairOfDocuments();
    const text = (await db().documentRevision.findUniqueOrThrow({ where: { id: translation.revisionId } })).text;
    const loose = await quoteOf(translation.documentId, translation.revisionId, text, EN_QUOTE);
    expect((await getEvidence(workspace, loose))?.pairable).toEqual({
      originals: [{ id: quoteId, exact: RU_QUOTE }],
      translations: [],
    });
    expect((await getEvidence(workspace, quoteId))?.pairable).toEqual({
      originals: [],
      translations: [expect.objectContaining({ id: translation.documentId })],
    });
  });
});

describe("searching a pair", () => {
  it("finds a paired quote by the words of either language, Russian stems included, and lists the pair once", async () => {
    const { translation, quoteId } = await pairOfDocuments();
    const paired = await pairEnglishQuote(workspace, translation.documentId, quoteId);
    const find = async (q: string) => {
      const results = await search(workspace, SearchQuerySchema.parse({ q }));
      return results.evidence.filter((e) => e.pair?.some((s) => s.id === quoteId));
    };
    // "расширение" is not in the text; its inflected form "расширения" is.
    const byRussian = await find("расширение НАТО");
    expect(byRussian.map((e) => e.id)).toEqual([quoteId]);
    expect(byRussian[0]?.pair?.map((s) => [s.role, s.exact])).toEqual([
      ["original", RU_QUOTE],
      ["translation", EN_QUOTE],
    ]);
    const byEnglish = await find("further expansion");
    expect(byEnglish.map((e) => e.id)).toEqual([paired.evidenceId]);
    expect(byEnglish[0]?.pair?.map((s) => s.id)).toEqual([quoteId, paired.evidenceId]);
    // Words of both sides: one result for the pair.
    expect(await find("НАТО OR NATO")).toHaveLength(1);
  });
});

describe("exporting a pair", () => {
  it("round-trips an original and its translation, and their paired quotes, through the workspace file", async () => {
    const slug = `translations-export-${randomUUID().slice(0, 8)}`;
    const source = trustedWorkspace(await loadWorkspaceFixture(securityGuarantees, { slug }));
    const { original, translation, quoteId } = await pairOfDocuments(source);
    const paired = await pairEnglishQuote(source, translation.documentId, quoteId);

    const file = await getWorkspaceExport(source);
    expect(file.documents.find((d) => d.id === translation.documentId)).toMatchObject({
      language: "en",
      translationOfId: original.documentId,
    });
    expect(file.evidence.find((e) => e.id === paired.evidenceId)).toMatchObject({
      exact: EN_QUOTE,
      translationOfId: quoteId,
    });

    const owner = await db().user.upsert({
      where: { email: "translations-importer@parley.test" },
      create: { email: "translations-importer@parley.test", name: "Importer" },
      update: {},
      select: { id: true },
    });
    const imported = await importWorkspaceExport(JSON.parse(JSON.stringify(file)), {
      slug: `${slug}-copy`,
      ownerUserId: owner.id,
    });
    if (!imported.ok) throw new Error(`${imported.message} ${"problems" in imported ? imported.problems : ""}`);
    const copy = trustedWorkspace(imported.workspace, owner.id);
    const again = await getWorkspaceExport(copy);
    expect(canonicalizeWorkspaceExport(again)).toEqual(canonicalizeWorkspaceExport(file));

    // The copy's pair is a real one: both quotes, each in its document, shown together.
    const copied = await db().evidence.findFirstOrThrow({
      where: { workspaceId: copy.id, translationOfId: { not: null } },
      select: { id: true, translationOfId: true },
    });
    const view = await getEvidence(copy, copied.id);
    expect(view?.pair?.map((s) => [s.role, s.exact, s.document.language])).toEqual([
      ["original", RU_QUOTE, "ru"],
      ["translation", EN_QUOTE, "en"],
    ]);

    // A file whose pair does not hold together is refused, not half-imported.
    const broken = structuredClone(file);
    const brokenQuote = broken.evidence.find((e) => e.id === paired.evidenceId)!;
    brokenQuote.translationOfId = brokenQuote.id;
    expect(await importWorkspaceExport(broken, { slug: `${slug}-broken`, ownerUserId: owner.id })).toMatchObject({
      ok: false,
      code: "invalid_file",
    });

    // The W3C export: the original's annotation targets both passages.
    const annotations = buildEvidenceAnnotations(await getEvidenceExport(source)).first.items;
    const originalAnnotation = annotations.find((a) => a.id === `urn:uuid:${quoteId}`);
    expect([originalAnnotation?.target].flat().map((t) => t?.source.language)).toEqual(["ru", "en"]);
  });
});
