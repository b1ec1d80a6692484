import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getConvergence, getHeatMap } from "@/lib/convergence/data";
import { getWorkspaceExport } from "@/lib/exports/data";
import { importWorkspaceExport } from "@/lib/exports/mutations";
import { listChangeDates } from "@/lib/matrix/data";
import { correctStatement, recordStatement, retractStatement } from "@/lib/matrix/mutations";
import { db } from "@/lib/platform/db/client";
import { type AuthorizedWorkspace, trustedWorkspace } from "@/lib/workspaces/access";
import { deleteWorkspace } from "@/lib/workspaces/mutations";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import { loadWorkspaceFixture } from "@/tests/support/fixture/load";
import { cellVersion, expectEditOk } from "../support/cells";
import { resetDatabase } from "../support/database";
import { uniqueSlug } from "../support/seed";

// The heat map reads the cell timelines that database triggers derive from the statements and
// their amendments (migration 20261203090000_cell_timelines). After each kind of write the app
// makes, the heat map on every change date must agree with the convergence as of that date, which
// reads the statements themselves. Runs on PostgreSQL and PGlite.

let ownerId: string;
let workspace: AuthorizedWorkspace;
let issues: string[];
let parties: string[];

/** Every change date's heat-map column against the convergence read off the matrix that day. */
async function expectHeatMapAgrees(target: AuthorizedWorkspace) {
  const columns = await listChangeDates(target);
  const heatMap = await getHeatMap(target, columns);
  let compared = 0;
  for (const [c, date] of columns.entries()) {
    const asOf = await getConvergence(target, date);
    for (const issue of heatMap.issues) {
      const atDate = asOf.issues.find((i) => i.issueId === issue.issueId)!;
      const cell = issue.cells[c]!;
      expect({ spread: cell.spread, inZone: cell.inZone }, `${issue.title} on ${date}`).toEqual({
        spread: atDate.spread,
        inZone: atDate.inZone,
      });
      compared++;
    }
  }
  expect(compared).toBeGreaterThan(0);
  return heatMap;
}

// The packed format, read here independently of lib/convergence/timeline.ts.
const NUMBERED = ["DEMANDS", "SUPPORTS", "OPEN", "CONDITIONAL", "OPPOSES", "REJECTS", "NO_POSITION"];

function readTimeline(bytes: Uint8Array): string[] {
  const buffer = Buffer.from(bytes);
  const entries: string[] = [];
  for (let at = 0; at < buffer.length; ) {
    const value = buffer.readInt32BE(at);
    at += 4;
    const statedOn = new Date((value >> 8) * 86_400_000).toISOString().slice(0, 10);
    const redLine = value & 128 ? " red line" : "";
    const condition = (value >> 3) & 15;
    let reads = condition === 0 ? "" : condition === 15 ? " if (words)" : ` if ${NUMBERED[condition - 1]}`;
    if (condition > 0 && condition < 15) {
      reads += ` at ${buffer.toString("hex", at, at + 16)}:${buffer.toString("hex", at + 16, at + 32)}`;
      at += 32;
    }
    entries.push(`${statedOn} ${NUMBERED[(value & 7) - 1]}${redLine}${reads}`);
  }
  return entries;
}

function readRetracted(bytes: Uint8Array): string[] {
  const buffer = Buffer.from(bytes);
  const entries: string[] = [];
  for (let at = 0; at < buffer.length; at += 28) {
    const statedOn = new Date(buffer.readInt32BE(at) * 86_400_000).toISOString().slice(0, 10);
    const recordedAt = new Date(Number(buffer.readBigInt64BE(at + 4))).toISOString();
    entries.push(`${statedOn} ${recordedAt} ${buffer.toString("hex", at + 12, at + 28)}`);
  }
  return entries;
}

/** Each cell's stored timelines, read back, against its live and its retracted statements, newest first. */
async function expectTimelinesMatchStatements(workspaceId: string) {
  const [stored, statements] = await Promise.all([
    db().cellTimeline.findMany({ where: { workspaceId } }),
    db().stanceStatement.findMany({
      where: { workspaceId },
      orderBy: [{ statedOn: "desc" }, { recordedAt: "desc" }, { id: "desc" }],
      include: { amendment: { select: { kind: true } } },
    }),
  ]);
  const expected = new Map<string, { timeline: string[]; retracted: string[] }>();
  const hex = (id: string | null) => id?.replaceAll("-", "");
  for (const s of statements) {
    if (s.amendment?.kind === "CORRECTED") continue;
    const key = `${s.issueId}:${s.partyId}`;
    const cell = expected.get(key) ?? { timeline: [], retracted: [] };
    expected.set(key, cell);
    const statedOn = s.statedOn.toISOString().slice(0, 10);
    if (s.amendment) {
      cell.retracted.push(`${statedOn} ${s.recordedAt.toISOString()} ${hex(s.id)}`);
      continue;
    }
    const condition = s.conditionIssueId
      ? ` if ${s.conditionMinPosition} at ${hex(s.conditionIssueId)}:${hex(s.conditionPartyId)}`
      : s.conditionText
        ? " if (words)"
        : "";
    cell.timeline.push(`${statedOn} ${s.position}${s.redLine ? " red line" : ""}${condition}`);
  }
  const read = new Map(
    stored.map((t) => [
      `${t.issueId}:${t.partyId}`,
      { timeline: readTimeline(t.timeline), retracted: readRetracted(t.retracted) },
    ]),
  );
  expect(read).toEqual(expected);
}

async function timelineCount(workspaceId: string) {
  return db().cellTimeline.count({ where: { workspaceId } });
}

beforeAll(async () => {
  await resetDatabase();
  ownerId = (
    await db().user.create({
      data: { email: `timelines-${randomUUID().slice(0, 8)}@parley.test`, name: "Timeline Owner" },
      select: { id: true },
    })
  ).id;
  workspace = trustedWorkspace(
    await loadWorkspaceFixture(securityGuarantees, {
      slug: uniqueSlug("timelines"),
      members: [{ userId: ownerId, role: "OWNER" }],
      createdById: ownerId,
    }),
    ownerId,
  );
  const view = await getConvergence(workspace, "2022-02-16");
  issues = view.issues.map((i) => i.issueId);
  parties = view.parties.map((p) => p.id);
});

describe("the cell timelines the heat map reads", () => {
  it("hold every cell with a live or retracted statement after the fixture's bulk load", async () => {
    const cells = await db().stanceStatement.findMany({
      where: {
        workspaceId: workspace.id,
        OR: [{ amendment: { is: null } }, { amendment: { is: { kind: "RETRACTED" } } }],
      },
      distinct: ["issueId", "partyId"],
      select: { issueId: true },
    });
    expect(await timelineCount(workspace.id)).toBe(cells.length);
    await expectTimelinesMatchStatements(workspace.id);
    await expectHeatMapAgrees(workspace);
  });

  it("follow recorded offers, conditional on a cell or in words alone, then a correction and a retraction", async () => {
    const [issueA, issueB] = [issues[0]!, issues[1]!];
    const [partyA, partyB] = [parties[0]!, parties[1]!];
    const onCell = await recordStatement(workspace, {
      workspaceSlug: workspace.slug,
      issueId: issueA,
      partyId: partyA,
      baseVersion: await cellVersion(workspace.id, { issueId: issueA, partyId: partyA }),
      position: "CONDITIONAL",
      summary: "Would support it if the other side moves first.",
      statedOn: "2022-02-01",
      links: [],
      conditionCell: { issueId: issueB, partyId: partyB, minPosition: "OPEN" },
    });
    expectEditOk(onCell);
    await expectTimelinesMatchStatements(workspace.id);
    await expectHeatMapAgrees(workspace);

    const inWords = await recordStatement(workspace, {
      workspaceSlug: workspace.slug,
      issueId: issueB,
      partyId: partyA,
      baseVersion: await cellVersion(workspace.id, { issueId: issueB, partyId: partyA }),
      position: "CONDITIONAL",
      summary: "Open to it on terms not yet stated.",
      statedOn: "2022-02-02",
      links: [],
      conditionText: "Only within a wider settlement.",
    });
    expectEditOk(inWords);
    // The condition's cell moves: the offer on it is met or not from that day.
    const moved = await recordStatement(workspace, {
      workspaceSlug: workspace.slug,
      issueId: issueB,
      partyId: partyB,
      baseVersion: await cellVersion(workspace.id, { issueId: issueB, partyId: partyB }),
      position: "SUPPORTS",
      summary: "Supports it.",
      statedOn: "2022-02-03",
      links: [],
    });
    expectEditOk(moved);
    await expectTimelinesMatchStatements(workspace.id);
    await expectHeatMapAgrees(workspace);

    const corrected = await correctStatement(workspace, {
      workspaceSlug: workspace.slug,
      statementId: moved.statementId!,
      baseVersion: moved.version,
      position: "REJECTS",
      summary: "Rejects it, read again.",
      statedOn: "2022-02-03",
      reason: "Misread the transcript.",
    });
    expectEditOk(corrected);
    await expectTimelinesMatchStatements(workspace.id);
    await expectHeatMapAgrees(workspace);

    const retracted = await retractStatement(workspace, {
      workspaceSlug: workspace.slug,
      statementId: corrected.statementId!,
      baseVersion: corrected.version,
      reason: "Not said on the record.",
    });
    expectEditOk(retracted);
    await expectTimelinesMatchStatements(workspace.id);
    await expectHeatMapAgrees(workspace);
  });

  it("come across whole in a workspace file imported as a new workspace", async () => {
    const original = await getHeatMap(workspace, await listChangeDates(workspace));
    const result = await importWorkspaceExport(JSON.stringify(await getWorkspaceExport(workspace)), {
      slug: uniqueSlug("timelines-copy"),
      ownerUserId: ownerId,
    });
    if (!result.ok) throw new Error(`import refused: ${result.message}`);
    const copy = trustedWorkspace(result.workspace, ownerId);
    await expectTimelinesMatchStatements(copy.id);
    const copied = await expectHeatMapAgrees(copy);
    const shape = (map: typeof original) => map.issues.map((issue) => ({ title: issue.title, cells: issue.cells }));
    expect(shape(copied)).toEqual(shape(original));
    expect(await timelineCount(copy.id)).toBe(await timelineCount(workspace.id));
  });

  it("go with a deleted workspace, and a deletion is not refused on their account", async () => {
    const doomed = trustedWorkspace(
      await loadWorkspaceFixture(securityGuarantees, {
        slug: uniqueSlug("timelines-doomed"),
        members: [{ userId: ownerId, role: "OWNER" }],
        createdById: ownerId,
      }),
      ownerId,
    );
    expect(await timelineCount(doomed.id)).toBeGreaterThan(0);
    expect(await deleteWorkspace(doomed, doomed.slug)).toEqual({ ok: true });
    expect(await timelineCount(doomed.id)).toBe(0);
    // The other workspaces keep theirs.
    expect(await timelineCount(workspace.id)).toBeGreaterThan(0);
  });
});
