import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getConvergence, getWhatMoved } from "@/lib/convergence/data";
import { canonicalizeWorkspaceExport } from "@/lib/exports/canonical";
import { getWorkspaceExport } from "@/lib/exports/data";
import { importWorkspaceExport } from "@/lib/exports/mutations";
import { getCellHistory, getMatrix } from "@/lib/matrix/data";
import { correctStatement, recordStatement } from "@/lib/matrix/mutations";
import { CorrectStatementSchema, RecordStatementSchema } from "@/lib/matrix/schema";
import { db } from "@/lib/platform/db/client";
import { type AuthorizedWorkspace, trustedWorkspace } from "@/lib/workspaces/access";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import { cellVersion, expectEditOk } from "../support/cells";
import { resetDatabase } from "../support/database";
import { seedDemoWorkspacePair } from "../support/demo-workspaces";
import { uniqueSlug } from "../support/seed";

// Red lines and conditional offers: recorded, carried by corrections unless changed, refused when
// the condition points at another workspace's cell, read by the matrix, the zone of possible
// agreement and the digest, and carried through the workspace export and import. Runs on
// PostgreSQL and PGlite.

let workspace: AuthorizedWorkspace;
let other: AuthorizedWorkspace;
let analystId: string;
const ids = {} as Record<"russia" | "us" | "nato" | "nonExpansion" | "missiles" | "exercises", string>;
const title = (key: string) => securityGuarantees.issues.find((i) => i.key === key)!.title;

beforeAll(async () => {
  await resetDatabase();
  ({ analystId, workspace, other } = await seedDemoWorkspacePair("qualities", "Quality Analyst"));
  const matrix = await getMatrix(workspace, "2022-02-16");
  const party = (name: string) => matrix.parties.find((p) => p.name === name)!.id;
  const issue = (key: string) => matrix.issues.find((i) => i.title === title(key))!.id;
  Object.assign(ids, {
    russia: party("Russia"),
    us: party("United States"),
    nato: party("NATO"),
    nonExpansion: issue("non-expansion"),
    missiles: issue("inf-missiles"),
    exercises: issue("exercises"),
  });
});

describe("the demo", () => {
  it("holds Russia's non-enlargement as a red line and the US missile offer as conditional on Russia", async () => {
    const matrix = await getMatrix(workspace, "2022-02-16");
    const cell = (issueId: string, partyId: string) =>
      matrix.cells.find((c) => c.issueId === issueId && c.partyId === partyId)!.statement!;
    expect(cell(ids.nonExpansion, ids.russia).redLine).toBe(true);
    expect(cell(ids.missiles, ids.us)).toMatchObject({
      redLine: false,
      conditionText: expect.stringContaining("reciprocal measures by Russia"),
      conditionCell: { issueId: ids.missiles, partyId: ids.russia, minPosition: "SUPPORTS" },
    });
    const history = await getCellHistory(workspace, ids.missiles, ids.us);
    expect(history!.statements[0]!.conditionCellNames).toEqual({ issue: title("inf-missiles"), party: "Russia" });
  });

  it("counts the US offer as agreeing once Russia supports, and not before", async () => {
    const missiles = async (asOf: string) =>
      (await getConvergence(workspace, asOf)).issues.find((i) => i.issueId === ids.missiles)!;
    expect((await missiles("2022-02-16")).agreeingPartyIds).toEqual([ids.us]);
    const before = await missiles("2022-02-01");
    expect(before.agreeingPartyIds).toEqual([]);
    expect(before.conditionalPartyIds).toContain(ids.us);
  });
});

describe("recording and correcting", () => {
  it("records a red line with a condition on another cell, and a correction carries both unless changed", async () => {
    const input = RecordStatementSchema.parse({
      workspaceSlug: workspace.slug,
      issueId: ids.exercises,
      partyId: ids.nato,
      baseVersion: await cellVersion(workspace.id, { issueId: ids.exercises, partyId: ids.nato }),
      position: "SUPPORTS",
      summary: "NATO offers limits on exercises only if Russia accepts transparency.",
      statedOn: "2022-02-10",
      redLine: true,
      conditionText: "Reciprocal limits by Russia.",
      conditionCell: { issueId: ids.exercises, partyId: ids.russia, minPosition: "OPEN" },
    });
    const recorded = await recordStatement(workspace, input);
    expectEditOk(recorded);
    const stored = await db().stanceStatement.findUniqueOrThrow({ where: { id: recorded.statementId! } });
    expect(stored).toMatchObject({
      redLine: true,
      conditionText: "Reciprocal limits by Russia.",
      conditionIssueId: ids.exercises,
      conditionPartyId: ids.russia,
      conditionMinPosition: "OPEN",
    });

    const carried = await correctStatement(
      workspace,
      CorrectStatementSchema.parse({
        workspaceSlug: workspace.slug,
        statementId: recorded.statementId,
        baseVersion: await cellVersion(workspace.id, { issueId: ids.exercises, partyId: ids.nato }),
        position: "SUPPORTS",
        summary: "NATO offers limits on exercises if Russia reciprocates.",
        statedOn: "2022-02-10",
        reason: "Wording.",
      }),
    );
    expectEditOk(carried);
    expect(await db().stanceStatement.findUniqueOrThrow({ where: { id: carried.statementId! } })).toMatchObject({
      redLine: true,
      conditionText: "Reciprocal limits by Russia.",
      conditionMinPosition: "OPEN",
    });

    const softened = await correctStatement(
      workspace,
      CorrectStatementSchema.parse({
        workspaceSlug: workspace.slug,
        statementId: carried.statementId,
        baseVersion: await cellVersion(workspace.id, { issueId: ids.exercises, partyId: ids.nato }),
        position: "SUPPORTS",
        summary: "NATO offers limits on exercises.",
        statedOn: "2022-02-10",
        redLine: false,
        conditionText: "",
        conditionCell: null,
        reason: "No condition after all.",
      }),
    );
    expectEditOk(softened);
    expect(await db().stanceStatement.findUniqueOrThrow({ where: { id: softened.statementId! } })).toMatchObject({
      redLine: false,
      conditionText: null,
      conditionIssueId: null,
      conditionMinPosition: null,
    });
    const activity = await db().activityEvent.findFirstOrThrow({
      where: { workspaceId: workspace.id, action: "stance.corrected", subjectId: carried.statementId! },
      select: { before: true, after: true },
    });
    expect(activity.after).toMatchObject({ redLine: false, conditionText: null, conditionCell: null });
    expect(activity.before).toMatchObject({ redLine: true, conditionText: "Reciprocal limits by Russia." });
  });

  it("refuses a condition on another workspace's issue or party with a clear message, and writes nothing", async () => {
    const foreign = await getMatrix(other, "2022-02-16");
    const before = await db().stanceStatement.count({ where: { workspaceId: workspace.id } });
    for (const conditionCell of [
      { issueId: foreign.issues[0]!.id, partyId: ids.russia, minPosition: "SUPPORTS" },
      { issueId: ids.missiles, partyId: foreign.parties[0]!.id, minPosition: "SUPPORTS" },
    ]) {
      const result = await recordStatement(
        workspace,
        RecordStatementSchema.parse({
          workspaceSlug: workspace.slug,
          issueId: ids.exercises,
          partyId: ids.us,
          baseVersion: await cellVersion(workspace.id, { issueId: ids.exercises, partyId: ids.us }),
          position: "OPEN",
          summary: "Conditional on someone else's matrix.",
          statedOn: "2022-02-11",
          conditionCell,
        }),
      );
      expect(result).toMatchObject({
        ok: false,
        code: "not_found",
        message: expect.stringMatching(/this workspace/),
      });
    }
    expect(await db().stanceStatement.count({ where: { workspaceId: workspace.id } })).toBe(before);
    // The database refuses it too, whatever the code above it does.
    const statement = await db().stanceStatement.findFirstOrThrow({ where: { workspaceId: workspace.id } });
    await expect(
      db().stanceStatement.update({
        where: { id: statement.id },
        data: { conditionIssueId: foreign.issues[0]!.id, conditionPartyId: ids.russia, conditionMinPosition: "OPEN" },
      }),
    ).rejects.toThrow();
  });
});

describe("the digest and the export", () => {
  it("names red lines drawn between two dates", async () => {
    const digest = await getWhatMoved(workspace, "2021-12-01", "2022-01-10");
    expect(digest.redLines).toEqual([
      expect.objectContaining({
        issueId: ids.nonExpansion,
        partyId: ids.russia,
        change: "drawn",
        sentence: `Russia drew a red line on ${title("non-expansion")} (17 Dec 2021).`,
      }),
    ]);
    const later = await getWhatMoved(workspace, "2022-01-10", "2022-01-31");
    expect(later.redLines.filter((r) => r.partyId === ids.russia)).toEqual([]);
  });

  it("round-trip red lines and conditions through the workspace export and import", async () => {
    const exported = await getWorkspaceExport(workspace);
    expect(exported.statements.filter((s) => s.redLine).length).toBeGreaterThanOrEqual(3);
    expect(exported.statements.some((s) => s.conditionCell?.partyId === ids.russia)).toBe(true);
    const result = await importWorkspaceExport(exported, {
      slug: uniqueSlug("qualities-copy"),
      ownerUserId: analystId,
    });
    if (!result.ok) throw new Error(result.message);
    const copy = trustedWorkspace(result.workspace, analystId);
    expect(canonicalizeWorkspaceExport(await getWorkspaceExport(copy))).toEqual(canonicalizeWorkspaceExport(exported));
    const copied = await getMatrix(copy, "2022-02-16");
    const us = copied.parties.find((p) => p.name === "United States")!.id;
    const russia = copied.parties.find((p) => p.name === "Russia")!.id;
    const missiles = copied.issues.find((i) => i.title === title("inf-missiles"))!.id;
    expect(copied.cells.find((c) => c.issueId === missiles && c.partyId === us)!.statement!.conditionCell).toEqual({
      issueId: missiles,
      partyId: russia,
      minPosition: "SUPPORTS",
    });
  });

  it("refuses an export whose condition names an issue that is not in the file", async () => {
    const exported = await getWorkspaceExport(workspace);
    const broken = {
      ...exported,
      statements: exported.statements.map((s, i) =>
        i === 0
          ? { ...s, conditionCell: { issueId: randomUUID(), partyId: s.partyId, minPosition: "OPEN" as const } }
          : s,
      ),
    };
    const result = await importWorkspaceExport(broken, {
      slug: uniqueSlug("qualities-broken"),
      ownerUserId: analystId,
    });
    expect(result.ok === false && result.code === "invalid_file" ? result.details.problems.join(" ") : "").toMatch(
      /condition names an issue or party that is not in the file/,
    );
  });
});
