import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { formatMatrixCsv } from "@/lib/exports/csv";
import { getMatrixExport, getWorkspaceExport } from "@/lib/exports/data";
import { formatMatrixJson } from "@/lib/exports/matrix-json";
import { importWorkspaceExport } from "@/lib/exports/mutations";
import { getCellHistory, getMatrix } from "@/lib/matrix/data";
import { correctStatement, recordStatement } from "@/lib/matrix/mutations";
import { RecordStatementSchema } from "@/lib/matrix/schema";
import { db } from "@/lib/platform/db/client";
import { type AuthorizedWorkspace, trustedWorkspace } from "@/lib/workspaces/access";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import { loadWorkspaceFixture } from "@/tests/support/fixture/load";
import { expectEditOk } from "../support/cells";
import { resetDatabase } from "../support/database";
import { uniqueSlug } from "../support/seed";

// Confidence travels with a statement through every path that writes or reads one: recording,
// correcting, the matrix, the cell history, the exports and the workspace file. Runs on
// PostgreSQL and PGlite (scripts/test.mjs).

const AS_OF = "2030-01-01";
let workspace: AuthorizedWorkspace;
let analystId: string;
let issue: string;
let party: string;

async function version(ws: AuthorizedWorkspace) {
  const cell = await db().stanceCell.findUnique({
    where: { workspaceId_issueId_partyId: { workspaceId: ws.id, issueId: issue, partyId: party } },
    select: { version: true },
  });
  return cell?.version ?? 0;
}

const stored = (id: string) =>
  db().stanceStatement.findUniqueOrThrow({ where: { id }, select: { confidence: true, confidenceRationale: true } });

beforeAll(async () => {
  await resetDatabase();
  analystId = (
    await db().user.create({
      data: { email: `analyst-${randomUUID().slice(0, 8)}@parley.test`, name: "Confident Analyst" },
      select: { id: true },
    })
  ).id;
  workspace = trustedWorkspace(
    await loadWorkspaceFixture(securityGuarantees, {
      slug: uniqueSlug("confidence"),
      members: [{ userId: analystId, role: "OWNER" }],
      createdById: analystId,
    }),
    analystId,
  );
  const matrix = await getMatrix(workspace, AS_OF);
  issue = matrix.issues[0]!.id;
  party = matrix.parties[0]!.id;
});

describe("confidence on statements", () => {
  it("defaults to medium with no rationale, for existing and new statements alike", async () => {
    const fixtureRows = await db().stanceStatement.groupBy({
      by: ["confidence"],
      where: { workspaceId: workspace.id },
      _count: true,
    });
    expect(fixtureRows.map((r) => r.confidence)).toEqual(["MEDIUM"]);
    const result = await recordStatement(
      workspace,
      RecordStatementSchema.parse({
        workspaceSlug: workspace.slug,
        issueId: issue,
        partyId: party,
        baseVersion: await version(workspace),
        position: "OPEN",
        summary: "Said nothing firm.",
        statedOn: "2022-03-01",
        confidenceRationale: "   ",
      }),
    );
    expectEditOk(result);
    expect(await stored(result.statementId!)).toEqual({ confidence: "MEDIUM", confidenceRationale: null });
  });

  it("round-trips through record and correct: a correction keeps the original's unless it changes it", async () => {
    const recorded = await recordStatement(workspace, {
      workspaceSlug: workspace.slug,
      issueId: issue,
      partyId: party,
      baseVersion: await version(workspace),
      position: "CONDITIONAL",
      summary: "Conditional, by a spokesperson's paraphrase.",
      statedOn: "2022-03-02",
      links: [],
      confidence: "LOW",
      confidenceRationale: "A paraphrase by a spokesperson, not the minister's words.",
    });
    expectEditOk(recorded);
    expect(await stored(recorded.statementId!)).toEqual({
      confidence: "LOW",
      confidenceRationale: "A paraphrase by a spokesperson, not the minister's words.",
    });
    const shown = (await getMatrix(workspace, AS_OF)).cells.find((c) => c.issueId === issue && c.partyId === party);
    expect(shown?.statement).toMatchObject({ id: recorded.statementId, confidence: "LOW" });

    // Reworded only: the confidence and rationale carry over.
    const reworded = await correctStatement(workspace, {
      workspaceSlug: workspace.slug,
      statementId: recorded.statementId!,
      baseVersion: recorded.version,
      position: "CONDITIONAL",
      summary: "Conditional, as paraphrased by the spokesperson.",
      statedOn: "2022-03-02",
      reason: "Wording.",
    });
    expectEditOk(reworded);
    expect(await stored(reworded.statementId!)).toEqual(await stored(recorded.statementId!));
    const quiet = await db().activityEvent.findFirstOrThrow({
      where: { action: "stance.corrected", subjectId: recorded.statementId! },
      select: { before: true, after: true },
    });
    expect(quiet.after).not.toHaveProperty("confidence");

    // The minister's own words turned up: high confidence, the rationale removed.
    const confirmed = await correctStatement(workspace, {
      workspaceSlug: workspace.slug,
      statementId: reworded.statementId!,
      baseVersion: reworded.version,
      position: "CONDITIONAL",
      summary: "Conditional, in the minister's own words.",
      statedOn: "2022-03-02",
      reason: "Found the transcript.",
      confidence: "HIGH",
      confidenceRationale: "",
    });
    expectEditOk(confirmed);
    expect(await stored(confirmed.statementId!)).toEqual({ confidence: "HIGH", confidenceRationale: null });
    const changed = await db().activityEvent.findFirstOrThrow({
      where: { action: "stance.corrected", subjectId: reworded.statementId! },
      select: { before: true, after: true },
    });
    expect(changed.before).toMatchObject({
      confidence: "LOW",
      confidenceRationale: "A paraphrase by a spokesperson, not the minister's words.",
    });
    expect(changed.after).toMatchObject({ confidence: "HIGH", confidenceRationale: null });

    const history = await getCellHistory(workspace, issue, party);
    expect(
      history!.statements
        .filter((s) => s.statedOn === "2022-03-02")
        .map((s) => [s.summary, s.confidence, s.confidenceRationale]),
    ).toEqual(
      expect.arrayContaining([
        [
          "Conditional, by a spokesperson's paraphrase.",
          "LOW",
          "A paraphrase by a spokesperson, not the minister's words.",
        ],
        ["Conditional, in the minister's own words.", "HIGH", null],
      ]),
    );
  });

  it("refuses an unknown level or an overlong rationale with a message", () => {
    const base = {
      workspaceSlug: workspace.slug,
      issueId: issue,
      partyId: party,
      baseVersion: 0,
      position: "OPEN",
      summary: "x",
      statedOn: "2022-03-01",
    };
    const messages = (input: object) =>
      (RecordStatementSchema.safeParse(input).error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages({ ...base, confidence: "CERTAIN" })).toEqual([
      "confidence: Choose low, medium or high confidence.",
    ]);
    expect(messages({ ...base, confidenceRationale: "y".repeat(501) })).toEqual([
      "confidenceRationale: Keep the confidence rationale to 500 characters.",
    ]);
  });

  it("is carried by the matrix exports and the workspace file, export → import → export", async () => {
    const matrix = await getMatrixExport(workspace, AS_OF, { threads: false });
    const csv = formatMatrixCsv(matrix);
    expect(csv.split("\r\n")[0]).toContain(",confidence,confidence_rationale");
    const json = JSON.parse(formatMatrixJson(matrix));
    const cell = json.cells.find(
      (c: { issueId: string; partyId: string }) => c.issueId === issue && c.partyId === party,
    );
    expect(cell.statement).toMatchObject({ confidence: "HIGH", confidenceRationale: null });

    const exported = await getWorkspaceExport(workspace);
    expect(exported.statements.find((s) => s.confidence === "LOW")).toMatchObject({
      confidenceRationale: "A paraphrase by a spokesperson, not the minister's words.",
    });
    const result = await importWorkspaceExport(JSON.stringify(exported), {
      slug: uniqueSlug("confidence-copy"),
      ownerUserId: analystId,
    });
    if (!result.ok) throw new Error(result.message);
    const again = await getWorkspaceExport(trustedWorkspace(result.workspace, analystId));
    const levels = (file: typeof exported) =>
      file.statements.map((s) => `${s.summary}|${s.confidence}|${s.confidenceRationale}`).sort();
    expect(levels(again)).toEqual(levels(exported));
  });

  it("imports a file written before statements had a confidence as medium, without a rationale", async () => {
    const exported = await getWorkspaceExport(workspace);
    const old = {
      ...exported,
      statements: exported.statements.map(({ confidence: _c, confidenceRationale: _r, ...s }) => s),
    };
    expect(old.statements.some((s) => "confidence" in s || "confidenceRationale" in s)).toBe(false);
    const result = await importWorkspaceExport(JSON.stringify(old), {
      slug: uniqueSlug("before-confidence"),
      ownerUserId: analystId,
    });
    if (!result.ok) throw new Error(result.message);
    const rows = await db().stanceStatement.findMany({
      where: { workspaceId: result.workspace.id },
      select: { confidence: true, confidenceRationale: true },
    });
    expect(rows).toHaveLength(exported.statements.length);
    expect(new Set(rows.map((r) => `${r.confidence}|${r.confidenceRationale}`))).toEqual(new Set(["MEDIUM|null"]));
  });
});
