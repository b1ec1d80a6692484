import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { commitStanceImport, type ImportUpload, previewStanceImport } from "@/lib/stance-import/mutations";
import { readSheet } from "@/lib/stance-import/parse";
import type { ImportOptions } from "@/lib/stance-import/plan";
import { type AuthorizedWorkspace, trustedWorkspace } from "@/lib/workspaces/access";
import { loadWorkspaceFixture } from "@/tests/support/fixture/load";
import { resetDatabase } from "../support/database";
import { DEMO_STRUCTURE_ONLY } from "../support/seed";

// The import's domain behaviour on the real database: the preview, the commit, and that a refused
// commit writes nothing. Each test imports into a workspace of its own (the demo's issues and
// parties, no statements), so the tests do not depend on one another.

const FIXTURES = path.join(import.meta.dirname, "..", "fixtures", "stance-sheets");
const INF = "Moratorium on INF-range missiles in Europe";

let actorId: string;

async function freshWorkspace(): Promise<AuthorizedWorkspace> {
  const loaded = await loadWorkspaceFixture(DEMO_STRUCTURE_ONLY, { slug: `import-${randomUUID().slice(0, 8)}` });
  return trustedWorkspace(loaded, actorId);
}

async function upload(name: string): Promise<ImportUpload> {
  const sheet = await readSheet(name, new Uint8Array(readFileSync(path.join(FIXTURES, name))));
  if (!sheet.ok) throw new Error(sheet.message);
  return { fileName: name, sheet: sheet.sheet };
}

/** Everything an import could write. */
async function snapshot(workspace: AuthorizedWorkspace) {
  const [statements, activity, cells, issues, parties] = await Promise.all([
    db().stanceStatement.count({ where: { workspaceId: workspace.id } }),
    db().activityEvent.count({ where: { workspaceId: workspace.id } }),
    db().stanceCell.count({ where: { workspaceId: workspace.id } }),
    db().issue.count({ where: { workspaceId: workspace.id } }),
    db().party.count({ where: { workspaceId: workspace.id } }),
  ]);
  return { statements, activity, cells, issues, parties };
}

async function statementsOf(workspace: AuthorizedWorkspace) {
  const rows = await db().stanceStatement.findMany({
    where: { workspaceId: workspace.id },
    select: {
      position: true,
      summary: true,
      statedOn: true,
      issue: { select: { title: true } },
      party: { select: { name: true } },
    },
    orderBy: [{ statedOn: "asc" }],
  });
  return rows.map((r) => [r.issue.title, r.party.name, r.position, r.statedOn.toISOString().slice(0, 10)]);
}

const problemsByRow = (rows: { row: number; problems: string[] }[]) =>
  Object.fromEntries(rows.map((r) => [r.row, r.problems.join(" ")]));

beforeAll(async () => {
  await resetDatabase();
  actorId = (
    await db().user.create({
      data: { email: `importer-${randomUUID()}@example.org`, name: "Importer" },
      select: { id: true },
    })
  ).id;
});

describe.each(["stances.csv", "stances.xlsx"])("importing %s", (file) => {
  it("previews every row, with the reason for each refusal, and writes nothing", async () => {
    const workspace = await freshWorkspace();
    const before = await snapshot(workspace);
    const preview = await previewStanceImport(workspace, await upload(file), {});
    expect(preview.columns).toEqual({ issue: 0, party: 1, position: 2, summary: 3, date: 4, source: 5, quote: 6 });
    expect(preview.rows.map((r) => [r.row, r.position, r.statedOn])).toEqual([
      [2, "SUPPORTS", "2021-12-17"],
      [3, "OPEN", "2022-01-26"],
      [4, "REJECTS", "2022-01-07"],
      [5, null, "2022-01-10"],
      [6, "SUPPORTS", null],
      [7, "DEMANDS", "2021-12-17"],
      [8, "OPPOSES", "2022-01-12"],
      [9, "CONDITIONAL", null],
    ]);
    const problems = problemsByRow(preview.rows);
    expect(problems[2]).toBe("");
    expect(problems[3]).toBe("");
    expect(problems[4]).toBe("");
    expect(problems[5]).toContain("“Lukewarm” is not on the scale");
    expect(problems[6]).toContain("is not a real date");
    expect(problems[7]).toBe("Row 2 already has this issue, party and date.");
    expect(problems[8]).toBe("No issue called “Cyber norms” in this workspace.");
    expect(problems[9]).toContain("could be day/month or month/day");
    expect(preview.words.find((w) => w.key === "lukewarm")).toMatchObject({ position: null, rows: 1 });
    expect([preview.createCount, preview.refusedCount]).toEqual([3, 5]);
    expect(preview.rows[0]).toMatchObject({ source: "https://example.org/draft-treaty" });
    expect(await snapshot(workspace)).toEqual(before);
  });

  it("confirming writes exactly the good rows, with their history, in one go", async () => {
    const workspace = await freshWorkspace();
    const sheet = await upload(file);
    const preview = await previewStanceImport(workspace, sheet, {});
    const outcome = await commitStanceImport(workspace, sheet, {}, preview.digest);
    expect(outcome).toEqual({ ok: true, created: 3, refused: 5, issuesCreated: 0, partiesCreated: 0 });
    expect(await statementsOf(workspace)).toEqual([
      [INF, "Russia", "SUPPORTS", "2021-12-17"],
      ["NATO non-expansion vs. the open-door policy", "NATO", "REJECTS", "2022-01-07"],
      [INF, "United States", "OPEN", "2022-01-26"],
    ]);
    const events = await db().activityEvent.findMany({
      where: { workspaceId: workspace.id, action: { in: ["stance.recorded", "stances.imported"] } },
      select: { action: true, actorId: true, after: true },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual([
      "stance.recorded",
      "stance.recorded",
      "stance.recorded",
      "stances.imported",
    ]);
    expect(events.every((e) => e.actorId === actorId)).toBe(true);
    expect(events[0]?.after).toMatchObject({
      position: "SUPPORTS",
      importedFrom: { fileName: file, row: 2 },
      source: "https://example.org/draft-treaty",
    });
    expect(events[3]?.after).toMatchObject({ fileName: file, created: 3, refused: 5 });
    // The row's quote is a quote of the workspace, from a document at the row's source, supporting it.
    const links = await db().statementEvidence.findMany({
      where: { workspaceId: workspace.id },
      select: {
        relation: true,
        statement: { select: { summary: true } },
        evidence: {
          select: { exact: true, kind: true, saidOn: true, document: { select: { url: true, outlet: true } } },
        },
      },
    });
    expect(links).toEqual([
      {
        relation: "SUPPORTS",
        statement: { summary: "Proposes a mutual moratorium on deploying INF-range missiles." },
        evidence: {
          exact: "Shall not deploy ground-launched intermediate-range missiles",
          kind: "DIRECT_QUOTE",
          saidOn: new Date("2021-12-17T00:00:00Z"),
          document: { url: "https://example.org/draft-treaty", outlet: "example.org" },
        },
      },
    ]);
    expect(events[0]?.after).toMatchObject({ links: [{ relation: "SUPPORTS" }] });
    const cells = await db().stanceCell.findMany({ where: { workspaceId: workspace.id }, select: { version: true } });
    expect(cells.map((c) => c.version)).toEqual([1, 1, 1]);

    // The same file again: its rows are now in the workspace, so none is written twice.
    const again = await previewStanceImport(workspace, sheet, {});
    expect(again.createCount).toBe(0);
    expect(problemsByRow(again.rows)[2]).toContain("already has a statement of that date");
    const before = await snapshot(workspace);
    const refused = await commitStanceImport(workspace, sheet, {}, again.digest);
    expect(refused).toMatchObject({ ok: false, code: "nothing_to_import" });
    expect(await snapshot(workspace)).toEqual(before);
  });
});

describe("mapping and creating", () => {
  it("maps a word the user chose and creates the missing issue when asked", async () => {
    const workspace = await freshWorkspace();
    const sheet = await upload("stances.xlsx");
    const options: ImportOptions = { positions: { lukewarm: "OPEN" }, createMissing: true };
    const preview = await previewStanceImport(workspace, sheet, options);
    expect(preview.newIssues).toEqual(["Cyber norms"]);
    expect(preview.newParties).toEqual([]);
    expect(preview.createCount).toBe(5);
    const outcome = await commitStanceImport(workspace, sheet, options, preview.digest);
    expect(outcome).toMatchObject({ ok: true, created: 5, issuesCreated: 1 });
    const issue = await db().issue.findFirst({ where: { workspaceId: workspace.id, title: "Cyber norms" } });
    expect(issue).not.toBeNull();
    expect(await db().activityEvent.count({ where: { workspaceId: workspace.id, action: "issue.created" } })).toBe(1);
    expect((await statementsOf(workspace)).length).toBe(5);
  });

  it("tells a cell's followers once, of the cell's newest imported statement", async () => {
    const workspace = await freshWorkspace();
    const follower = await db().user.create({
      data: { email: `follower-${randomUUID()}@example.org`, name: "Follower" },
      select: { id: true },
    });
    await db().membership.create({ data: { userId: follower.id, workspaceId: workspace.id, role: "VIEWER" } });
    const issue = await db().issue.findFirstOrThrow({ where: { workspaceId: workspace.id, title: INF } });
    const party = await db().party.findFirstOrThrow({ where: { workspaceId: workspace.id, name: "Russia" } });
    await db().cellFollow.create({
      data: { userId: follower.id, workspaceId: workspace.id, issueId: issue.id, partyId: party.id },
    });
    const sheet = await upload("stances.csv");
    const preview = await previewStanceImport(workspace, sheet, {});
    expect(await commitStanceImport(workspace, sheet, {}, preview.digest)).toMatchObject({ ok: true });
    const notices = await db().notification.findMany({
      where: { userId: follower.id },
      select: { statement: { select: { summary: true } } },
    });
    expect(notices.map((n) => n.statement?.summary)).toEqual([
      "Proposes a mutual moratorium on deploying INF-range missiles.",
    ]);
  });

  it("refuses a confirmation that is not the plan previewed, and writes nothing", async () => {
    const workspace = await freshWorkspace();
    const sheet = await upload("stances.csv");
    const preview = await previewStanceImport(workspace, sheet, {});
    const before = await snapshot(workspace);
    // The client asks to write more than it was shown.
    const outcome = await commitStanceImport(workspace, sheet, { createMissing: true }, preview.digest);
    expect(outcome).toMatchObject({ ok: false, code: "changed" });
    expect(await snapshot(workspace)).toEqual(before);
    // Or the workspace changed meanwhile: the structure the preview was checked against is gone.
    await db().issue.updateMany({ where: { workspaceId: workspace.id, title: INF }, data: { archivedAt: new Date() } });
    const stale = await commitStanceImport(workspace, sheet, {}, preview.digest);
    expect(stale).toMatchObject({ ok: false, code: "changed" });
    expect(await snapshot(workspace)).toEqual(before);
  });
});

describe("files that are not sheets of stances", () => {
  it("says why", async () => {
    const read = (name: string, bytes: string | Uint8Array) =>
      readSheet(name, typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes);
    expect(await read("not-a-workbook.xlsx", readFileSync(path.join(FIXTURES, "not-a-workbook.xlsx")))).toMatchObject({
      ok: false,
      message: "“not-a-workbook.xlsx” is not an Excel workbook (.xlsx), although its name says so.",
    });
    expect(await read("empty.csv", "")).toMatchObject({ ok: false, message: "“empty.csv” is empty." });
    expect(await read("header.csv", "Issue,Party\n")).toMatchObject({ ok: false, code: "bad_file" });
    expect(await read("photo.png", "\u0089PNG")).toMatchObject({ ok: false, code: "bad_file" });
    expect(await read("bad.csv", 'a,"b\n1,2')).toMatchObject({ ok: false, code: "bad_file" });
    const many = `Issue,Party\n${"x,y\n".repeat(5001)}`;
    expect(await read("many.csv", many)).toMatchObject({ ok: false, message: expect.stringContaining("5,000 rows") });
    const bomb = readFileSync(path.join(FIXTURES, "..", "imports", "zip-bomb.docx"));
    expect(await read("bomb.xlsx", bomb)).toMatchObject({
      ok: false,
      message: expect.stringContaining("unpacks to more than"),
    });
    const zipNotXlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect(await read("odd.xlsx", zipNotXlsx)).toMatchObject({ ok: false, code: "bad_file" });
  });
});
