import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { type Caller, fetchAs, signInOverHttp } from "./http";

// How many round trips to the database a page costs, as the request log counts them (every query
// sent on the request's behalf, the session check included). Budgets are set from measurements
// (the demo workspace, signed in as its owner) with a little room; a change that adds queries to
// these pages fails here and has to say why.
// Measured on 1 December 2026: the matrix page 9, its JSON 5, a document page 8, search 9, after
// the membership check, the header, the matrix's labels with its rows and columns, the document
// with its quotes, the evidence form's and the suggestions' inputs and the search filters each
// became one query (before: 15, 8, 47 and 24).
const BUDGETS = {
  "the matrix page": 13,
  "the matrix as JSON": 7,
  "a document page": 10,
  "the search page": 11,
};

const DEMO = "security-guarantees";
let owner: Caller;
let documentId: string;

function queriesOf(requestId: string): number | undefined {
  const line = readFileSync(inject("serverLog"), "utf8")
    .split("\n")
    .find((l) => l.startsWith("{") && l.includes(`"reqId":"${requestId}"`) && l.includes('"msg":"request"'));
  return line ? (JSON.parse(line) as { queries: number }).queries : undefined;
}

async function countQueries(pathname: string): Promise<number> {
  // The first answer warms caches (the build's route code, the demo's first reads); the second counts.
  await fetchAs(owner, pathname);
  const response = await fetchAs(owner, pathname);
  expect(response.status, pathname).toBe(200);
  await response.arrayBuffer();
  const requestId = response.headers.get("x-request-id")!;
  // The log line is written when the response closes.
  await expect.poll(() => queriesOf(requestId)).toBeDefined();
  return queriesOf(requestId)!;
}

describe("database round trips per request", () => {
  it("stay within each page's budget", async () => {
    owner = (await signInOverHttp(inject("adminEmail"), inject("adminPassword"))).caller;
    documentId = (await db().document.findFirstOrThrow({ where: { workspace: { slug: DEMO } }, select: { id: true } }))
      .id;
    const counted: Record<keyof typeof BUDGETS, number> = {
      "the matrix page": await countQueries(`/w/${DEMO}?asOf=2022-02-16`),
      "the matrix as JSON": await countQueries(`/api/w/${DEMO}/matrix?asOf=2022-02-16`),
      "a document page": await countQueries(`/w/${DEMO}/documents/${documentId}`),
      "the search page": await countQueries(`/w/${DEMO}/search?q=guarantees`),
    };
    console.log(`database round trips per request: ${JSON.stringify(counted)}`);
    for (const [page, queries] of Object.entries(counted))
      expect(queries, page).toBeLessThanOrEqual(BUDGETS[page as keyof typeof BUDGETS]);
    // The count is real: every page reads something.
    for (const queries of Object.values(counted)) expect(queries).toBeGreaterThan(0);
  });
});
