import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_POSITION_LABELS, resolvePositionLabels } from "@/lib/matrix/positions";
import { db } from "@/lib/platform/db/client";
import type { Result } from "@/lib/platform/errors";
import { unwrap } from "@/lib/platform/errors";
import { listStructure } from "@/lib/structure/data";
import {
  addIssue,
  addParty,
  archiveIssue,
  archiveParty,
  renameIssue,
  renameParty,
  renamePositionLabels,
  reorderIssues,
  reorderParties,
  unarchiveIssue,
  unarchiveParty,
} from "@/lib/structure/mutations";
import { AddPartySchema, RenamePositionLabelsSchema, ReorderIssuesSchema } from "@/lib/structure/schema";
import { type AuthorizedWorkspace, trustedWorkspace } from "@/lib/workspaces/access";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import { loadWorkspaceFixture } from "@/tests/support/fixture/load";
import { resetDatabase } from "../support/database";
import { uniqueSlug } from "../support/seed";

// Calls the mutations directly, as the server actions do once the gate has let a request
// through; the gate itself is not under test here. Each test reads the state it starts from,
// so the order of the tests does not matter beyond sharing the two workspaces.

let workspace: AuthorizedWorkspace;
let other: AuthorizedWorkspace;
let actorId: string;

async function activeIssueIds(ws: AuthorizedWorkspace) {
  return (await listStructure(ws)).issues.filter((i) => !i.archivedAt).map((i) => i.id);
}

async function activePartyIds(ws: AuthorizedWorkspace) {
  return (await listStructure(ws)).parties.filter((p) => !p.archivedAt).map((p) => p.id);
}

/** Everything a refused change could have touched, to show that it touched nothing. */
async function snapshot(ws: AuthorizedWorkspace) {
  const [issues, parties, activity, settings] = await Promise.all([
    db().issue.findMany({ where: { workspaceId: ws.id }, orderBy: { id: "asc" } }),
    db().party.findMany({ where: { workspaceId: ws.id }, orderBy: { id: "asc" } }),
    db().activityEvent.count({ where: { workspaceId: ws.id } }),
    db().workspace.findUniqueOrThrow({ where: { id: ws.id }, select: { positionLabels: true } }),
  ]);
  return { issues, parties, activity, settings };
}

function latestActivity(ws: AuthorizedWorkspace, action: string) {
  return db().activityEvent.findFirst({ where: { workspaceId: ws.id, action }, orderBy: { id: "desc" } });
}

beforeAll(async () => {
  await resetDatabase();
  const user = await db().user.create({
    data: { email: `editor-${randomUUID()}@example.org`, name: "Structure Editor" },
    select: { id: true },
  });
  actorId = user.id;
  workspace = trustedWorkspace(
    await loadWorkspaceFixture(securityGuarantees, { slug: uniqueSlug("structure-a") }),
    actorId,
  );
  other = trustedWorkspace(
    await loadWorkspaceFixture(securityGuarantees, { slug: uniqueSlug("structure-b") }),
    actorId,
  );
});

describe("listStructure", () => {
  it("lists the fixture's issues and parties in their order, with the default labels", async () => {
    const structure = await listStructure(workspace);
    expect(structure.issues.map((i) => i.title)).toEqual(securityGuarantees.issues.map((i) => i.title));
    expect(structure.parties.map((p) => [p.name, p.shortName, p.colour])).toEqual(
      securityGuarantees.parties.map((p) => [p.name, p.shortName, p.colour]),
    );
    expect(structure.issues.every((i) => i.archivedAt === null)).toBe(true);
    expect(structure.positionLabels).toEqual(DEFAULT_POSITION_LABELS);
  });
});

describe("issues", () => {
  it("adds an issue as the last row and records it", async () => {
    const before = await activeIssueIds(workspace);
    const issue = unwrap(
      await addIssue(workspace, {
        title: "Sanctions relief",
        description: "Whether sanctions are lifted.",
      }),
    );
    expect(await activeIssueIds(workspace)).toEqual([...before, issue.id]);
    const stored = await db().issue.findUniqueOrThrow({ where: { id: issue.id } });
    expect(stored).toMatchObject({
      workspaceId: workspace.id,
      title: "Sanctions relief",
      description: "Whether sanctions are lifted.",
      archivedAt: null,
    });
    const event = await latestActivity(workspace, "issue.created");
    expect(event).toMatchObject({
      actorId,
      subjectType: "issue",
      subjectId: issue.id,
      after: { title: "Sanctions relief", description: "Whether sanctions are lifted." },
    });
  });

  it("renames an issue, recording before and after, and records nothing when nothing changed", async () => {
    const issue = unwrap(await addIssue(workspace, { title: "Prisoner exchange", description: "" }));
    await expect(
      renameIssue(workspace, { issueId: issue.id, title: "Prisoner exchanges", description: "All-for-all swaps." }),
    ).resolves.toEqual({ ok: true, changed: true });
    expect(
      await db().issue.findUniqueOrThrow({ where: { id: issue.id }, select: { title: true, description: true } }),
    ).toEqual({ title: "Prisoner exchanges", description: "All-for-all swaps." });
    expect(await latestActivity(workspace, "issue.renamed")).toMatchObject({
      actorId,
      subjectId: issue.id,
      before: { title: "Prisoner exchange", description: "" },
      after: { title: "Prisoner exchanges", description: "All-for-all swaps." },
    });

    const count = await db().activityEvent.count({ where: { workspaceId: workspace.id } });
    await expect(
      renameIssue(workspace, { issueId: issue.id, title: "Prisoner exchanges", description: "All-for-all swaps." }),
    ).resolves.toEqual({ ok: true, changed: false });
    expect(await db().activityEvent.count({ where: { workspaceId: workspace.id } })).toBe(count);
  });

  it("refuses a duplicate title, on adding and on renaming, and writes nothing", async () => {
    const [first, second] = (await listStructure(workspace)).issues;
    const before = await snapshot(workspace);
    const duplicate = { code: "duplicate", message: "An issue with this title already exists." };
    await expect(addIssue(workspace, { title: first!.title, description: "again" })).resolves.toMatchObject(duplicate);
    await expect(
      renameIssue(workspace, { issueId: second!.id, title: first!.title, description: second!.description }),
    ).resolves.toMatchObject(duplicate);
    expect(await snapshot(workspace)).toEqual(before);
  });

  it("allows the same title in another workspace", async () => {
    const title = (await listStructure(workspace)).issues[0]!.title;
    await expect(addIssue(other, { title: `${title} (copy)`, description: "" })).resolves.toMatchObject({
      title: `${title} (copy)`,
    });
  });

  it("archives an issue out of the matrix and brings it back as the last row", async () => {
    const [target, ...rest] = await activeIssueIds(workspace);
    await expect(archiveIssue(workspace, target!)).resolves.toEqual({ ok: true, changed: true });
    expect(await activeIssueIds(workspace)).toEqual(rest);
    const listed = (await listStructure(workspace)).issues.find((i) => i.id === target);
    expect(listed?.archivedAt).toEqual(expect.any(String));
    expect(await latestActivity(workspace, "issue.archived")).toMatchObject({
      actorId,
      subjectId: target,
      before: { archivedAt: null },
      after: { archivedAt: listed!.archivedAt },
    });

    // Archiving again changes and records nothing.
    const count = await db().activityEvent.count({ where: { workspaceId: workspace.id } });
    await expect(archiveIssue(workspace, target!)).resolves.toEqual({ ok: true, changed: false });
    expect(await db().activityEvent.count({ where: { workspaceId: workspace.id } })).toBe(count);

    await expect(unarchiveIssue(workspace, target!)).resolves.toEqual({ ok: true, changed: true });
    expect(await activeIssueIds(workspace)).toEqual([...rest, target]);
    expect(await latestActivity(workspace, "issue.unarchived")).toMatchObject({
      subjectId: target,
      after: { archivedAt: null },
    });
    await expect(unarchiveIssue(workspace, target!)).resolves.toEqual({ ok: true, changed: false });
  });

  it("never deletes: an archived issue keeps its stance statements", async () => {
    const [target] = await activeIssueIds(workspace);
    const statements = await db().stanceStatement.count({ where: { issueId: target } });
    unwrap(await archiveIssue(workspace, target!));
    expect(await db().issue.count({ where: { id: target } })).toBe(1);
    expect(await db().stanceStatement.count({ where: { issueId: target } })).toBe(statements);
    unwrap(await unarchiveIssue(workspace, target!));
  });

  it("reorders the issues and records the old and new order", async () => {
    const before = await activeIssueIds(workspace);
    const reversed = [...before].reverse();
    await expect(reorderIssues(workspace, reversed)).resolves.toEqual({ ok: true, changed: true });
    expect(await activeIssueIds(workspace)).toEqual(reversed);
    const sortOrders = await db().issue.findMany({
      where: { id: { in: reversed } },
      select: { id: true, sortOrder: true },
    });
    for (const { id, sortOrder } of sortOrders) expect(sortOrder).toBe(reversed.indexOf(id));
    expect(await latestActivity(workspace, "issue.reordered")).toMatchObject({
      actorId,
      subjectType: "workspace",
      subjectId: workspace.id,
      before: { order: before },
      after: { order: reversed },
    });
  });

  it("refuses a stale order (missing, extra, archived or foreign ids) and writes nothing", async () => {
    const current = await activeIssueIds(workspace);
    const archived = unwrap(await addIssue(workspace, { title: "Soon archived", description: "" }));
    unwrap(await archiveIssue(workspace, archived.id));
    const foreign = (await activeIssueIds(other))[0]!;
    const before = await snapshot(workspace);
    const stale = { code: "stale_order", message: "The list changed meanwhile; reload and try again." };
    await expect(reorderIssues(workspace, current.slice(1))).resolves.toMatchObject(stale);
    await expect(reorderIssues(workspace, [...current, randomUUID()])).resolves.toMatchObject(stale);
    await expect(reorderIssues(workspace, [...current, archived.id])).resolves.toMatchObject(stale);
    await expect(reorderIssues(workspace, [...current.slice(1), foreign])).resolves.toMatchObject(stale);
    await expect(reorderIssues(workspace, [...current.slice(1), current[1]!])).resolves.toMatchObject(stale);
    expect(await snapshot(workspace)).toEqual(before);
  });
});

describe("parties", () => {
  it("adds a party as the last column and records it", async () => {
    const before = await activePartyIds(workspace);
    const party = unwrap(await addParty(workspace, { name: "Ukraine", shortName: "UA", colour: "#ca8a04" }));
    expect(await activePartyIds(workspace)).toEqual([...before, party.id]);
    expect(await latestActivity(workspace, "party.created")).toMatchObject({
      actorId,
      subjectType: "party",
      subjectId: party.id,
      after: { name: "Ukraine", shortName: "UA", colour: "#ca8a04" },
    });
  });

  it("renames and recolours a party, recording before and after", async () => {
    const party = unwrap(await addParty(workspace, { name: "European Union", shortName: "EU", colour: "#1e3a8a" }));
    await expect(
      renameParty(workspace, {
        partyId: party.id,
        name: "European Union (EEAS)",
        shortName: "EEAS",
        colour: "#2563eb",
      }),
    ).resolves.toEqual({ ok: true, changed: true });
    expect(
      await db().party.findUniqueOrThrow({
        where: { id: party.id },
        select: { name: true, shortName: true, colour: true },
      }),
    ).toEqual({ name: "European Union (EEAS)", shortName: "EEAS", colour: "#2563eb" });
    expect(await latestActivity(workspace, "party.renamed")).toMatchObject({
      subjectId: party.id,
      before: { name: "European Union", shortName: "EU", colour: "#1e3a8a" },
      after: { name: "European Union (EEAS)", shortName: "EEAS", colour: "#2563eb" },
    });
  });

  it("refuses a duplicate name and writes nothing", async () => {
    const [first, second] = (await listStructure(workspace)).parties;
    const before = await snapshot(workspace);
    const duplicate = { code: "duplicate", message: "A party with this name already exists." };
    await expect(addParty(workspace, { name: first!.name, shortName: "X", colour: "#000000" })).resolves.toMatchObject(
      duplicate,
    );
    await expect(
      renameParty(workspace, {
        partyId: second!.id,
        name: first!.name,
        shortName: second!.shortName,
        colour: second!.colour,
      }),
    ).resolves.toMatchObject(duplicate);
    expect(await snapshot(workspace)).toEqual(before);
  });

  it("archives, unarchives and reorders parties", async () => {
    const [target, ...rest] = await activePartyIds(workspace);
    unwrap(await archiveParty(workspace, target!));
    expect(await activePartyIds(workspace)).toEqual(rest);
    expect(await latestActivity(workspace, "party.archived")).toMatchObject({ subjectId: target });
    unwrap(await unarchiveParty(workspace, target!));
    expect(await activePartyIds(workspace)).toEqual([...rest, target]);
    expect(await latestActivity(workspace, "party.unarchived")).toMatchObject({ subjectId: target });

    const before = await activePartyIds(workspace);
    const rotated = [...before.slice(1), before[0]!];
    await expect(reorderParties(workspace, rotated)).resolves.toEqual({ ok: true, changed: true });
    expect(await activePartyIds(workspace)).toEqual(rotated);
    expect(await latestActivity(workspace, "party.reordered")).toMatchObject({
      before: { order: before },
      after: { order: rotated },
    });
    // The same order again is no change.
    await expect(reorderParties(workspace, rotated)).resolves.toEqual({ ok: true, changed: false });
  });

  it("refuses a stale party order and writes nothing", async () => {
    const current = await activePartyIds(workspace);
    const before = await snapshot(workspace);
    await expect(reorderParties(workspace, current.slice(0, -1))).resolves.toMatchObject({ code: "stale_order" });
    await expect(
      reorderParties(workspace, [...current.slice(0, -1), (await activePartyIds(other))[0]!]),
    ).resolves.toMatchObject({ code: "stale_order" });
    expect(await snapshot(workspace)).toEqual(before);
  });
});

describe("another workspace's ids", () => {
  it("are refused exactly like ids that do not exist, and change nothing in either workspace", async () => {
    const foreignIssue = (await activeIssueIds(other))[0]!;
    const foreignParty = (await activePartyIds(other))[0]!;
    const missing = randomUUID();
    const [mine, theirs] = [await snapshot(workspace), await snapshot(other)];

    const refusal = async (attempt: Promise<Result>) => {
      const result = await attempt;
      expect(result.ok).toBe(false);
      return result;
    };

    const issueCases = [
      (id: string) => renameIssue(workspace, { issueId: id, title: "Taken over", description: "" }),
      (id: string) => archiveIssue(workspace, id),
      (id: string) => unarchiveIssue(workspace, id),
    ];
    for (const attempt of issueCases) {
      const foreign = await refusal(attempt(foreignIssue));
      expect(foreign).toEqual(await refusal(attempt(missing)));
      expect(foreign).toEqual({
        ok: false,
        code: "not_found",
        message: "That issue does not exist in this workspace.",
      });
    }

    const partyCases = [
      (id: string) => renameParty(workspace, { partyId: id, name: "Taken over", shortName: "TO", colour: "#000000" }),
      (id: string) => archiveParty(workspace, id),
      (id: string) => unarchiveParty(workspace, id),
    ];
    for (const attempt of partyCases) {
      const foreign = await refusal(attempt(foreignParty));
      expect(foreign).toEqual(await refusal(attempt(missing)));
      expect(foreign).toEqual({
        ok: false,
        code: "not_found",
        message: "That party does not exist in this workspace.",
      });
    }

    expect(await snapshot(workspace)).toEqual(mine);
    expect(await snapshot(other)).toEqual(theirs);
  });
});

describe("position labels", () => {
  it("renames the labels, resolves them on the next read and records before and after", async () => {
    const labels = { ...DEFAULT_POSITION_LABELS, DEMANDS: "Insists on", NO_POSITION: "Silent" };
    await expect(renamePositionLabels(workspace, labels)).resolves.toMatchObject({ changed: true });
    expect((await listStructure(workspace)).positionLabels).toEqual(labels);
    const stored = await db().workspace.findUniqueOrThrow({
      where: { id: workspace.id },
      select: { positionLabels: true },
    });
    expect(resolvePositionLabels(stored.positionLabels)).toEqual(labels);
    expect(await latestActivity(workspace, "position_labels.renamed")).toMatchObject({
      actorId,
      subjectType: "workspace",
      subjectId: workspace.id,
      before: DEFAULT_POSITION_LABELS,
      after: labels,
    });
    // The other workspace keeps its own labels.
    expect((await listStructure(other)).positionLabels).toEqual(DEFAULT_POSITION_LABELS);
    await expect(renamePositionLabels(workspace, labels)).resolves.toMatchObject({ changed: false });
  });
});

describe("input schemas", () => {
  const workspaceSlug = "any";

  it("trims names and lowercases colours", () => {
    expect(AddPartySchema.parse({ workspaceSlug, name: "  Ukraine ", shortName: " UA ", colour: "#CA8A04" })).toEqual({
      workspaceSlug,
      name: "Ukraine",
      shortName: "UA",
      colour: "#ca8a04",
    });
    expect(AddPartySchema.safeParse({ workspaceSlug, name: "Ukraine", shortName: "UA", colour: "red" }).success).toBe(
      false,
    );
    expect(AddPartySchema.safeParse({ workspaceSlug, name: "   ", shortName: "UA", colour: "#000000" }).success).toBe(
      false,
    );
  });

  it("refuses an order naming an id twice", () => {
    const id = randomUUID();
    expect(ReorderIssuesSchema.safeParse({ workspaceSlug, orderedIds: [id, id] }).success).toBe(false);
  });

  it("needs all seven labels, each distinct", () => {
    expect(RenamePositionLabelsSchema.safeParse({ workspaceSlug, labels: DEFAULT_POSITION_LABELS }).success).toBe(true);
    expect(
      RenamePositionLabelsSchema.safeParse({ workspaceSlug, labels: { ...DEFAULT_POSITION_LABELS, OPEN: undefined } })
        .success,
    ).toBe(false);
    expect(
      RenamePositionLabelsSchema.safeParse({
        workspaceSlug,
        labels: { ...DEFAULT_POSITION_LABELS, OPPOSES: "rejects" },
      }).success,
    ).toBe(false);
  });
});
