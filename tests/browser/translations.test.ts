import { randomBytes } from "node:crypto";
import { importDocument, setDocumentLanguage } from "@/lib/documents/mutations";
import { locateQuote } from "@/lib/evidence/anchor";
import { createEvidence } from "@/lib/evidence/mutations";
import { trustedWorkspace } from "@/lib/workspaces/access";
import { seedWorkspace, userIdByEmail } from "../support/seed";
import { expect, signIn, test, testServer } from "./fixtures";

const server = testServer();
const { baseUrl } = server;

// Pairing a quote of a Russian original with its English translation on the quote's page; the
// domain rules are in tests/integration/translations.test.ts.

const run = randomBytes(4).toString("hex");
const RU_QUOTE = "Мы не допустим дальнейшего расширения НАТО на восток";
const EN_QUOTE = "We will not allow NATO's further expansion to the east";

let slug: string;
let quoteId: string;

test.beforeAll(async () => {
  const adminId = await userIdByEmail(server.admin.email);
  const loaded = await seedWorkspace({ title: `Translations ${run}`, slug: `translations-${run}`, ownerId: adminId });
  slug = loaded.slug;
  const workspace = trustedWorkspace(loaded, adminId);
  const source = async (text: string) => {
    const result = await importDocument(workspace, {
      title: `Ryabkov ${text.slice(0, 6)} ${run}`,
      outlet: "TASS",
      url: "",
      publishedOn: "2021-12-17",
      text,
    });
    if (!result.ok) throw new Error(result.message);
    return result;
  };
  const originalText = `МОСКВА, 17 декабря. «${RU_QUOTE}», — заявил Сергей Рябков. ${run}`;
  const original = await source(originalText);
  const translation = await source(`MOSCOW, December 17. "${EN_QUOTE}," Sergei Ryabkov said. ${run}`);
  await setDocumentLanguage(workspace, {
    documentId: translation.documentId,
    language: "en",
    translationOfId: original.documentId,
  });
  const quote = await createEvidence(workspace, {
    documentId: original.documentId,
    revisionId: original.revisionId,
    ...locateQuote(originalText, RU_QUOTE)!,
    kind: "DIRECT_QUOTE",
    note: "",
    links: [],
  });
  if (!quote.ok) throw new Error(quote.message);
  quoteId = quote.evidenceId;
});

test.describe("a quote read in translation", () => {
  test("is paired with the translated passage on its page and shown with it, in the reader's order", async ({
    page,
  }) => {
    await signIn(page, server.admin);
    await page.goto(`${baseUrl}/w/${slug}/evidence/${quoteId}`);
    await page.getByLabel("The same words in the translation, exactly as there").fill(EN_QUOTE);
    await page.getByRole("button", { name: "Pair with the translation" }).click();

    const sections = page.locator("section[data-quote-role]");
    await expect(page.getByRole("region", { name: "The translation in context" }).getByText(EN_QUOTE)).toBeVisible();
    expect(await sections.evaluateAll((all) => all.map((s) => s.getAttribute("data-quote-role")))).toEqual([
      "original",
      "translation",
    ]);
    await expect(page.getByRole("region", { name: "The original in context" })).toContainText(RU_QUOTE);

    await page.getByRole("radio", { name: "the translation" }).check();
    await expect(
      page.locator("section[data-quote-role]").first().and(page.locator('[data-quote-role="translation"]')),
    ).toBeVisible();
    expect(await sections.evaluateAll((all) => all.map((s) => s.getAttribute("data-quote-role")))).toEqual([
      "translation",
      "original",
    ]);
  });
});
