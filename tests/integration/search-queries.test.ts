import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { search } from "@/lib/search/data";
import { SearchQuerySchema } from "@/lib/search/schema";
import { type AuthorizedWorkspace, trustedWorkspace } from "@/lib/workspaces/access";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import { loadWorkspaceFixture } from "@/tests/support/fixture/load";
import { TSQUERY_OPERATOR_TOKENS } from "../support/search-input";

// Whatever fits in the search box reaches PostgreSQL's websearch_to_tsquery only as whole terms,
// so no query can fail the search ("tsquery stack too small" came from a row of dashes).

let workspace: AuthorizedWorkspace;

beforeAll(async () => {
  workspace = trustedWorkspace(
    await loadWorkspaceFixture(securityGuarantees, { slug: `search-queries-${randomUUID().slice(0, 8)}` }),
  );
});

describe("search queries", () => {
  it.each([
    "-".repeat(150),
    "- ".repeat(100),
    "(-".repeat(100),
    "-!".repeat(100),
    "!".repeat(200),
    "& | ! <-> ( ) :* \\ '",
    "or or or",
    `"${"a ".repeat(99)}"`,
  ])("answers %j with results or none, never an error", async (q) => {
    const query = SearchQuerySchema.parse({ q });
    await expect(search(workspace, query)).resolves.toMatchObject({ evidence: expect.any(Array) });
  });

  it("keeps finding what the words say, with phrases and negation", async () => {
    const plain = await search(workspace, SearchQuerySchema.parse({ q: "NATO" }));
    const negated = await search(workspace, SearchQuerySchema.parse({ q: "-NATO security" }));
    expect(plain.evidence.length).toBeGreaterThan(0);
    for (const hit of negated.evidence) expect(hit.exact.toLowerCase()).not.toMatch(/\bnato\b/);
  });

  const quotes = async (q: string) =>
    (await search(workspace, SearchQuerySchema.parse({ q }))).evidence.map((e) => e.exact.toLowerCase());

  it("understands words: stems, prefixes, phrases, accents and the stop words that matter here", async () => {
    // "guarantee" finds "guarantees" (the English stem), "open door" finds "open doors".
    expect((await quotes("guarantee")).some((e) => e.includes("guarantees"))).toBe(true);
    expect((await quotes("open door")).some((e) => e.includes("open doors"))).toBe(true);
    // "expand" finds "expand"; the last word is a prefix as one types: "expan" finds "expansion" too.
    expect((await quotes("expand")).some((e) => /\bexpand\b/.test(e))).toBe(true);
    const prefixed = await quotes("expan");
    expect(prefixed.some((e) => e.includes("expansion")) && prefixed.some((e) => /\bexpand\b/.test(e))).toBe(true);
    // A phrase keeps its words together and in order.
    const phrase = await quotes('"legally binding guarantees"');
    expect(phrase.length).toBeGreaterThan(0);
    for (const e of phrase) expect(e).toMatch(/legally binding guarantees/);
    // A name typed with a diacritic finds it without, and the other way round.
    const lavrov = await quotes("Lavróv");
    expect(lavrov.length).toBeGreaterThan(0);
    expect(lavrov).toEqual(await quotes("Lavrov"));
    // "US" is an English stop word, but here it names a party.
    expect((await quotes("US")).length).toBeGreaterThan(0);
  });

  it("searches statement summaries, documents and comments too, with counts and marked snippets", async () => {
    const results = await search(workspace, SearchQuerySchema.parse({ q: "moratorium" }));
    expect(results.counts.evidence).toBe(results.evidence.length);
    expect(results.counts.documents).toBeGreaterThan(0);
    const document = results.documents[0];
    expect(document?.snippet.marks.length).toBeGreaterThan(0);
    for (const [start, end] of document?.snippet.marks ?? [])
      expect(document?.snippet.text.slice(start, end).toLowerCase()).toMatch(/^moratori/);
    expect(document?.match).toMatchObject({ start: expect.any(Number), end: expect.any(Number) });
    for (const hit of results.evidence) {
      expect(hit.snippet.text).toBe(hit.exact);
      expect(hit.snippet.marks.length).toBeGreaterThan(0);
    }
    const summaries = await search(workspace, SearchQuerySchema.parse({ q: "guarantees" }));
    expect(summaries.counts.statements).toBeGreaterThan(0);
    expect(summaries.statements.every((s) => /guarant/i.test(s.summary))).toBe(true);
  });

  it("finds comments, with a link to where they stand, and not deleted ones", async () => {
    const author = await db().user.create({ data: { email: `${randomUUID()}@parley.test`, name: "Ana" } });
    const evidence = await db().evidence.findFirstOrThrow({
      where: { workspaceId: workspace.id },
      select: { id: true },
    });
    const [kept, deleted] = await Promise.all(
      ["Reciprocal transparency at Aegis Ashore sites", "Reciprocal inspections, deleted"].map((body) =>
        db().comment.create({
          data: { workspaceId: workspace.id, evidenceId: evidence.id, authorId: author.id, body },
        }),
      ),
    );
    await db().comment.update({ where: { id: deleted?.id }, data: { deletedAt: new Date() } });
    const results = await search(workspace, SearchQuerySchema.parse({ q: "reciprocal" }));
    expect(results.comments.map((c) => c.id)).toEqual([kept?.id]);
    expect(results.comments[0]).toMatchObject({
      author: "Ana",
      url: `/w/${workspace.slug}/evidence/${evidence.id}#comment-${kept?.id}`,
    });
  });

  it("property: no string of operators, quotes and words fails the search", async () => {
    const part = fc.constantFrom("-", " ", '"', "or", "a", "NATO", "é", ...TSQUERY_OPERATOR_TOKENS, "<->", "'", "\\");
    await fc.assert(
      fc.asyncProperty(fc.array(part, { maxLength: 120 }), async (parts) => {
        const parsed = SearchQuerySchema.safeParse({ q: parts.join("").slice(0, 200) });
        if (!parsed.success) return;
        await search(workspace, parsed.data);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
