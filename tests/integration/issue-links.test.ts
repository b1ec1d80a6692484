import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getWorkspaceExport } from "@/lib/exports/data";
import { importWorkspaceExport } from "@/lib/exports/mutations";
import { listIssueLinks } from "@/lib/issue-links/data";
import { createIssueLink, deleteIssueLink } from "@/lib/issue-links/mutations";
import { CreateIssueLinkSchema, type IssueLinkInput } from "@/lib/issue-links/schema";
import { db } from "@/lib/platform/db/client";
import { archiveIssue, unarchiveIssue } from "@/lib/structure/mutations";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";
import { resetDatabase } from "../support/database";
import { seedDemoWorkspacePair } from "../support/demo-workspaces";
import { uniqueSlug } from "../support/seed";

// Linked issues: the demo's linkage, links created and deleted with their activity, scoped to
// their workspace (another workspace's issue or party is refused by the mutation as missing, and
// by the composite foreign keys if a query forgot), and refused in an import file naming an issue
// the file does not hold. Runs on PostgreSQL and PGlite.

let workspace: AuthorizedWorkspace;
let other: AuthorizedWorkspace;
let analystId: string;

const issueId = async (ws: AuthorizedWorkspace, title: string) =>
  (await db().issue.findFirstOrThrow({ where: { workspaceId: ws.id, title }, select: { id: true } })).id;
const partyId = async (ws: AuthorizedWorkspace, name: string) =>
  (await db().party.findFirstOrThrow({ where: { workspaceId: ws.id, name }, select: { id: true } })).id;

const EXERCISES = "Military exercises and a low-activity corridor";
const CONTACTS = "Military contacts and a civilian hotline";

async function input(fields: Partial<IssueLinkInput> = {}): Promise<IssueLinkInput> {
  return {
    kind: "PACKAGE",
    firstIssueId: await issueId(workspace, EXERCISES),
    secondIssueId: await issueId(workspace, CONTACTS),
    note: "Traded together in the US response.",
    partyId: null,
    holdsFrom: null,
    ...fields,
  };
}

beforeAll(async () => {
  await resetDatabase();
  ({ analystId, workspace, other } = await seedDemoWorkspacePair("links", "Link Analyst"));
});

describe("linked issues", () => {
  it("hold Russia's linkage in the demo: arms control and missiles only after non-expansion, from 27 January", async () => {
    const links = await listIssueLinks(workspace);
    expect(links.map((l) => [l.kind, l.firstIssue.title, l.secondIssue.title, l.party?.name, l.holdsFrom])).toEqual([
      [
        "SEQUENCING",
        "NATO non-expansion vs. the open-door policy",
        "Moratorium on INF-range missiles in Europe",
        "Russia",
        "2022-01-27",
      ],
      [
        "SEQUENCING",
        "NATO non-expansion vs. the open-door policy",
        "Arms control, transparency and confidence-building",
        "Russia",
        "2022-01-27",
      ],
    ]);
  });

  it("are created and deleted with an activity row each, and leave the list while an issue is archived", async () => {
    const created = await createIssueLink(
      workspace,
      await input({ partyId: await partyId(workspace, "United States"), holdsFrom: "2022-01-26" }),
    );
    if (!created.ok) throw new Error(created.message);
    expect((await listIssueLinks(workspace)).find((l) => l.id === created.issueLinkId)).toMatchObject({
      kind: "PACKAGE",
      firstIssue: { title: EXERCISES },
      secondIssue: { title: CONTACTS },
      party: { name: "United States" },
      holdsFrom: "2022-01-26",
      note: "Traded together in the US response.",
    });
    const activity = () =>
      db().activityEvent.findMany({
        where: { workspaceId: workspace.id, subjectId: created.issueLinkId },
        orderBy: { id: "asc" },
        select: { action: true, actorId: true },
      });
    expect(await activity()).toEqual([{ action: "issue_link.created", actorId: analystId }]);

    const exercises = await issueId(workspace, EXERCISES);
    await archiveIssue(workspace, exercises);
    expect((await listIssueLinks(workspace)).some((l) => l.id === created.issueLinkId)).toBe(false);
    await unarchiveIssue(workspace, exercises);

    expect(await deleteIssueLink(workspace, created.issueLinkId)).toEqual({ ok: true });
    expect(await db().issueLink.count({ where: { id: created.issueLinkId } })).toBe(0);
    expect((await activity()).map((a) => a.action)).toEqual(["issue_link.created", "issue_link.deleted"]);
  });

  it("refuse another workspace's issue, party or link as missing, and write nothing", async () => {
    const before = await db().issueLink.count();
    const activityBefore = await db().activityEvent.count();
    const foreignIssue = await issueId(other, CONTACTS);
    expect(await createIssueLink(workspace, await input({ secondIssueId: foreignIssue }))).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await createIssueLink(workspace, await input({ partyId: await partyId(other, "Russia") }))).toMatchObject({
      ok: false,
      code: "not_found",
    });
    const [foreign] = await listIssueLinks(other);
    expect(await deleteIssueLink(workspace, foreign!.id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await db().issueLink.count()).toBe(before);
    expect(await db().activityEvent.count()).toBe(activityBefore);
  });

  it("cannot point at another workspace's issue even written directly: the composite keys refuse it", async () => {
    const row = { ...(await input()), id: randomUUID(), workspaceId: workspace.id };
    await expect(
      db().issueLink.create({ data: { ...row, secondIssueId: await issueId(other, CONTACTS) } }),
    ).rejects.toThrow();
    await expect(db().issueLink.create({ data: { ...row, partyId: await partyId(other, "NATO") } })).rejects.toThrow();
    await expect(db().issueLink.create({ data: { ...row, secondIssueId: row.firstIssueId } })).rejects.toThrow();
  });

  it("refuse linking an issue to itself before the database", async () => {
    const same = randomUUID();
    const parsed = CreateIssueLinkSchema.safeParse({
      workspaceSlug: workspace.slug,
      kind: "SEQUENCING",
      firstIssueId: same,
      secondIssueId: same,
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(["Link two different issues."]);
  });

  it("refuse an export whose link names an issue that is not in the file", async () => {
    const exported = await getWorkspaceExport(workspace);
    const broken = { ...exported, issueLinks: [{ ...exported.issueLinks![0]!, secondIssueId: randomUUID() }] };
    const result = await importWorkspaceExport(broken, { slug: uniqueSlug("links-broken"), ownerUserId: analystId });
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.code === "invalid_file" ? result.details.problems.join(" ") : "").toMatch(
      /names an issue that is not in the file/,
    );
  });
});
