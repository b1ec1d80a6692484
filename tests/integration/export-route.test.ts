import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/w/[slug]/export/route";
import { getMatrix } from "@/lib/matrix/data";
import { correctStatement, readCellState } from "@/lib/matrix/mutations";
import { db } from "@/lib/platform/db/client";
import { trustedWorkspace } from "@/lib/workspaces/access";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import { type LoadedWorkspace, loadWorkspaceFixture } from "@/tests/support/fixture/load";
import { resetDatabase } from "../support/database";

// The route handler as the app serves it, with only the session faked: the proxy's verified session
// is whoever `session.userId` names. Membership, roles and everything after are real.

const session = vi.hoisted(() => ({ userId: null as string | null }));
// The session the proxy would have verified for the request (lib/platform/auth/session-check.ts).
vi.mock("@/lib/platform/auth/session-check", async (importOriginal) =>
  (await import("../support/fake-session")).fakeSessionCheck(importOriginal, session),
);

let loaded: LoadedWorkspace;
let viewerId: string;
let outsiderId: string;

function get(slug: string, query: string) {
  return GET(new NextRequest(`http://parley.test/api/w/${slug}/export?${query}`), {
    params: Promise.resolve({ slug }),
  });
}

beforeAll(async () => {
  await resetDatabase();
  const [viewer, outsider] = [
    await db().user.create({ data: { email: `viewer-${randomUUID().slice(0, 8)}@parley.test`, name: "Viewer" } }),
    await db().user.create({ data: { email: `outsider-${randomUUID().slice(0, 8)}@parley.test`, name: "Outsider" } }),
  ];
  viewerId = viewer.id;
  outsiderId = outsider.id;
  loaded = await loadWorkspaceFixture(securityGuarantees, {
    slug: `route-${randomUUID().slice(0, 8)}`,
    members: [{ userId: viewerId, role: "VIEWER" }],
  });
  // A summary that would run as a script if the briefing did not escape it.
  const matrix = await getMatrix(trustedWorkspace(loaded), "2022-02-16");
  const cell = matrix.cells.find((c) => c.statement)!;
  await db().stanceStatement.create({
    data: {
      workspaceId: loaded.id,
      issueId: cell.issueId,
      partyId: cell.partyId,
      position: "OPEN",
      summary: "<script>alert(document.cookie)</script>",
      statedOn: new Date("2022-02-16T00:00:00Z"),
      recordedAt: new Date(),
    },
  });
});

afterAll(() => {
  session.userId = null;
});

describe("GET /api/w/[slug]/export", () => {
  it("answers 401 without a session and 404 to someone who is not a member", async () => {
    session.userId = null;
    expect((await get(loaded.slug, "format=csv")).status).toBe(401);
    session.userId = outsiderId;
    const response = await get(loaded.slug, "format=csv");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: "not_found" });
  });

  it("answers 400 with a message for an unknown format or a date that is not one", async () => {
    session.userId = viewerId;
    const badFormat = await get(loaded.slug, "format=pdf");
    expect(badFormat.status).toBe(400);
    expect(await badFormat.json()).toMatchObject({
      error: "invalid_request",
      message: "format: Choose a format: csv, json, md, html, w3c, workspace.",
    });
    const badDate = await get(loaded.slug, "format=csv&asOf=16.02.2022");
    expect(badDate.status).toBe(400);
    expect((await badDate.json()).message).toMatch(/^asOf: Use a date written as YYYY-MM-DD/);
    expect((await get(loaded.slug, "")).status).toBe(400);
  });

  it.each([
    ["csv", "text/csv; charset=utf-8; header=present", "matrix-2022-02-16.csv"],
    ["json", "application/json; charset=utf-8", "matrix-2022-02-16.json"],
    ["md", "text/markdown; charset=utf-8; variant=GFM", "briefing-2022-02-16.md"],
    ["html", "text/html; charset=utf-8", "briefing-2022-02-16.html"],
    ["w3c", 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', "quotes.jsonld"],
  ])("serves %s to a viewer as a download", async (format, contentType, suffix) => {
    session.userId = viewerId;
    const response = await get(loaded.slug, `format=${format}&asOf=2022-02-16`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(contentType);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${loaded.slug}-${suffix}"`);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect((await response.text()).length).toBeGreaterThan(1000);
  });

  it("starts the CSV with a UTF-8 byte-order mark, so that Excel reads it as UTF-8", async () => {
    session.userId = viewerId;
    const bytes = new Uint8Array(await (await get(loaded.slug, "format=csv&asOf=2022-02-16")).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("gives each CSV row its red line and condition, the condition's cell by name", async () => {
    session.userId = viewerId;
    const csv = (await (await get(loaded.slug, "format=csv&asOf=2022-02-16")).text()).slice(1);
    const [header, ...records] = csv.trimEnd().split("\r\n");
    // The last six columns, by name, as the United States' conditional offer on INF-range missiles fills them.
    const missileOffer = {
      red_line: "false",
      conditional: "true",
      condition_text: "Transparency on US missile deployments only in return for reciprocal measures by Russia.",
      condition_issue: "Moratorium on INF-range missiles in Europe",
      condition_party: "Russia",
      condition_min_position: "SUPPORTS",
    };
    expect(header!.split(",").slice(-6)).toEqual(Object.keys(missileOffer));
    const missiles = records.find((r) => r.startsWith("Moratorium on INF-range missiles in Europe,United States,"))!;
    expect(missiles.split(",").slice(-6)).toEqual(Object.values(missileOffer));
    // Russia's red line on non-expansion, drawn on 27 January (this file's beforeAll overwrote the
    // one of 16 February).
    const earlier = await (await get(loaded.slug, "format=csv&asOf=2022-02-01")).text();
    expect(earlier).toMatch(
      /\r\nNATO non-expansion vs\. the open-door policy,Russia,DEMANDS,[^\r]*,true,false,,,,\r\n/,
    );
  });

  it("adds to the briefings what moved between the form's dates, or since the previous change date", async () => {
    session.userId = viewerId;
    const markdown = await (await get(loaded.slug, "format=md&asOf=2022-02-16&from=2022-01-20")).text();
    expect(markdown).toContain("## What moved\n\nWhat moved after 20 Jan 2022 up to 16 Feb 2022:");
    expect(markdown).toContain("### Positions that moved");
    expect(markdown).toMatch(
      /- \[[^\]]+ moved from [^\]]+\]\((?:https?:\/\/[^/)]+)?\/w\/[^)]+\?asOf=\d{4}-\d{2}-\d{2}\\?&cell=/,
    );
    const html = await (await get(loaded.slug, "format=html&asOf=2022-02-16&from=2022-01-20")).text();
    expect(html).toContain('<h2 id="moved-heading">What moved</h2>');
    // By default the window opens at the change date before the latest up to asOf.
    expect(await (await get(loaded.slug, "format=md&asOf=2022-02-16")).text()).toContain("## What moved");
    expect((await get(loaded.slug, "format=md&asOf=2022-02-16&from=2022-02-16")).status).toBe(400);
  });

  it("names the whole-workspace file by today's date and ignores asOf for it", async () => {
    session.userId = viewerId;
    const response = await get(loaded.slug, "format=workspace&asOf=2022-02-16");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="${loaded.slug}-workspace-${new Date().toISOString().slice(0, 10)}.json"`,
    );
    const file = await response.json();
    expect(file).toMatchObject({ format: "parley.workspace", version: 1 });
    expect(file.statements).toHaveLength(securityGuarantees.statements.length + 1);
  });

  it("says what changed in the briefings in the activity log's sentences", async () => {
    session.userId = viewerId;
    const workspace = trustedWorkspace(loaded, viewerId);
    const russia = await db().party.findFirstOrThrow({ where: { workspaceId: loaded.id, name: "Russia" } });
    const matrix = await getMatrix(workspace, "2022-02-16");
    const cell = matrix.cells.find((c) => c.partyId === russia.id && c.statement && c.statement.position !== "OPEN")!;
    const issue = matrix.issues.find((i) => i.id === cell.issueId)!;
    const { version } = await readCellState(loaded.id, cell, cell.statement!.id);
    const corrected = await correctStatement(workspace, {
      workspaceSlug: loaded.slug,
      statementId: cell.statement!.id,
      baseVersion: version,
      position: "OPEN",
      summary: "Open to talks after all.",
      statedOn: cell.statement!.statedOn,
      reason: "misread the transcript",
    });
    expect(corrected.ok).toBe(true);
    const labels = matrix.positionLabels;
    const sentence = `corrected Russia on ${issue.title}: ${labels[cell.statement!.position as "OPEN"]} → ${labels.OPEN}, “misread the transcript”`;
    const today = new Date().toISOString().slice(0, 10);
    const markdown = await (await get(loaded.slug, `format=md&asOf=${today}`)).text();
    expect(markdown).toContain("## What changed");
    expect(markdown).toContain(`: **Viewer** ${sentence}\n\n  Open to talks after all.`);
    const html = await (await get(loaded.slug, `format=html&asOf=${today}`)).text();
    expect(html).toContain(`<strong>Viewer</strong> ${sentence}`);
    // A briefing dated before the correction does not list it.
    expect(await (await get(loaded.slug, "format=md&asOf=2022-02-16")).text()).not.toContain("corrected Russia");
  });

  it("escapes a <script> in a summary in the HTML briefing", async () => {
    session.userId = viewerId;
    const page = await (await get(loaded.slug, "format=html&asOf=2022-02-16")).text();
    expect(page).toContain("&lt;script&gt;alert(document.cookie)&lt;/script&gt;");
    expect(page).not.toMatch(/<script/i);
  });
});
