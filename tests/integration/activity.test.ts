import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { activityNames, listActivity, listActivityActors } from "@/lib/activity/data";
import { activitySentence } from "@/lib/activity/sentences";
import { db } from "@/lib/platform/db/client";
import { type AuthorizedWorkspace, trustedWorkspace } from "@/lib/workspaces/access";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import { loadWorkspaceFixture } from "@/tests/support/fixture/load";

// The log read back as sentences and narrowed by who, what, which cell and when.

let workspace: AuthorizedWorkspace;
let ana: string;
let bea: string;
let cell: { issueId: string; partyId: string; issue: string; party: string };

beforeAll(async () => {
  const user = (name: string) =>
    db().user.create({ data: { email: `${randomUUID()}@parley.test`, name }, select: { id: true } });
  ana = (await user("Ana")).id;
  bea = (await user("Bea")).id;
  const loaded = await loadWorkspaceFixture(securityGuarantees, { slug: `activity-${randomUUID().slice(0, 8)}` });
  workspace = trustedWorkspace(loaded, ana);
  const statement = await db().stanceStatement.findFirstOrThrow({
    where: { workspaceId: loaded.id },
    select: { id: true, issue: { select: { id: true, title: true } }, party: { select: { id: true, name: true } } },
  });
  cell = {
    issueId: statement.issue.id,
    partyId: statement.party.id,
    issue: statement.issue.title,
    party: statement.party.name,
  };
  await db().activityEvent.createMany({
    data: [
      {
        workspaceId: loaded.id,
        actorId: ana,
        action: "stance.retracted",
        subjectType: "stance_statement",
        subjectId: statement.id,
        before: { position: "DEMANDS", summary: "Old" },
        after: { reason: "a misreading" },
        at: new Date("2022-02-01T10:00:00Z"),
      },
      {
        workspaceId: loaded.id,
        actorId: bea,
        action: "person.created",
        subjectType: "person",
        subjectId: randomUUID(),
        after: { name: "Maria Zakharova" },
        at: new Date("2022-03-01T10:00:00Z"),
      },
    ],
  });
});

describe("activity", () => {
  it("filters by who, by kind, by cell and by date, and names what the ids stand for", async () => {
    const everything = await listActivity(workspace, { kind: "workspace" });
    // Newest first; loading the fixture logged its own event before ours.
    expect(everything.slice(0, 2).map((e) => e.action)).toEqual(["person.created", "stance.retracted"]);
    expect((await listActivity(workspace, { kind: "workspace" }, { actorId: bea })).map((e) => e.action)).toEqual([
      "person.created",
    ]);
    expect((await listActivity(workspace, { kind: "workspace" }, { kind: "stance" })).map((e) => e.action)).toEqual([
      "stance.retracted",
    ]);
    expect(await listActivity(workspace, { kind: "workspace" }, { issueId: cell.issueId })).toHaveLength(1);
    expect(await listActivity(workspace, { kind: "workspace" }, { from: "2022-02-02", to: "2022-03-01" })).toHaveLength(
      1,
    );
    expect(await listActivity(workspace, { kind: "workspace" }, { to: "2022-01-31" })).toHaveLength(0);
    expect((await listActivityActors(workspace)).map((a) => a.name).sort()).toEqual(["Ana", "Bea"]);

    const [, retraction] = everything;
    const names = await activityNames(workspace, everything);
    const sentence = activitySentence(workspace.slug, { ...retraction!, actor: "Ana" }, names);
    expect(sentence.text).toBe(`retracted ${cell.party} on ${cell.issue} (${names.positions.DEMANDS}), “a misreading”`);
    expect(sentence.href).toBe(`/w/${workspace.slug}/cells/${cell.issueId}/${cell.partyId}`);
  });
});
