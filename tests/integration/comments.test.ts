import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { listEvidenceThreads, listStatementThreads } from "@/lib/comments/data";
import {
  deleteComment,
  editComment,
  postComment,
  reopenThread,
  replyToComment,
  resolveThread,
} from "@/lib/comments/mutations";
import { Role } from "@/lib/generated/prisma/enums";
import { correctStatement, recordStatement, retractStatement } from "@/lib/matrix/mutations";
import { countUnreadNotifications, listNotifications } from "@/lib/notifications/data";
import {
  followCell,
  markAllNotificationsRead,
  markNotificationRead,
  unfollowCell,
} from "@/lib/notifications/mutations";
import { db } from "@/lib/platform/db/client";
import { type Result, unwrap } from "@/lib/platform/errors";
import { createUserWithPassword } from "@/lib/users/mutations";
import { type AuthorizedWorkspace, trustedWorkspace } from "@/lib/workspaces/access";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import { loadWorkspaceFixture } from "@/tests/support/fixture/load";
import { resetDatabase } from "../support/database";

// Calls the mutations directly, as the server actions do once the gate has let a request through
// (the gate's role check for "comment:write" is not under test here). Runs on PostgreSQL and on
// PGlite. Users are named so that every `@Name` in a body is unambiguous.

type Person = { id: string; name: string };

const run = randomUUID().slice(0, 8);
let home: { id: string; slug: string; title: string };
let foreign: { id: string; slug: string; title: string };
const people = {} as Record<"alice" | "bob" | "carol" | "dave" | "erin" | "outsider", Person>;
let evidenceId: string;
let foreignEvidenceId: string;
let statement: { id: string; issueId: string; partyId: string };
let foreignStatementId: string;

/** The workspace as seen by one person, as the gate would hand it to an action. */
function as(person: Person, workspace = home): AuthorizedWorkspace {
  return trustedWorkspace(workspace, person.id);
}

async function createPerson(name: string): Promise<Person> {
  const user = await createUserWithPassword({
    email: `${name.split(" ")[0]!.toLowerCase()}-${run}@parley.test`,
    name,
    password: `pw-${randomUUID()}`,
  });
  return { id: user.id, name: user.name };
}

async function notificationsOf(commentId: string) {
  const rows = await db().notification.findMany({
    where: { commentId },
    select: { userId: true, kind: true, actorId: true, workspaceId: true },
  });
  return rows.sort((a, b) => `${a.kind}${a.userId}`.localeCompare(`${b.kind}${b.userId}`));
}

function expected(entries: [keyof typeof people, "MENTION" | "REPLY"][], actor: Person) {
  return entries
    .map(([who, kind]) => ({ userId: people[who].id, kind, actorId: actor.id, workspaceId: home.id }))
    .sort((a, b) => `${a.kind}${a.userId}`.localeCompare(`${b.kind}${b.userId}`));
}

/** Row counts of everything a comment action writes, in both workspaces. */
async function footprint() {
  const [comments, mentions, notifications, activity, bodies] = await Promise.all([
    db().comment.count(),
    db().commentMention.count(),
    db().notification.count(),
    db().activityEvent.count(),
    db().comment.findMany({
      orderBy: { id: "asc" },
      select: { id: true, body: true, editedAt: true, deletedAt: true, resolvedAt: true },
    }),
  ]);
  return { comments, mentions, notifications, activity, bodies };
}

beforeAll(async () => {
  await resetDatabase();
  for (const [key, name] of [
    ["alice", "Alice Author"],
    ["bob", "Bob Mentioned"],
    ["carol", "Carol Bystander"],
    ["dave", "Dave Departed"],
    ["erin", "Erin Editor"],
    ["outsider", "Oscar Outsider"],
  ] as const) {
    people[key] = await createPerson(name);
  }
  const member = (p: Person, role: Role = Role.COMMENTER) => ({ userId: p.id, role });
  home = await loadWorkspaceFixture(securityGuarantees, {
    slug: `comments-${run}`,
    members: [
      member(people.alice, Role.OWNER),
      member(people.bob),
      member(people.carol),
      member(people.dave),
      member(people.erin, Role.EDITOR),
    ],
  });
  foreign = await loadWorkspaceFixture(securityGuarantees, {
    slug: `elsewhere-${run}`,
    members: [member(people.outsider, Role.OWNER)],
  });
  evidenceId = (
    await db().evidence.findFirstOrThrow({
      where: { workspaceId: home.id },
      orderBy: { startOffset: "asc" },
      select: { id: true },
    })
  ).id;
  foreignEvidenceId = (
    await db().evidence.findFirstOrThrow({ where: { workspaceId: foreign.id }, select: { id: true } })
  ).id;
  statement = await db().stanceStatement.findFirstOrThrow({
    where: { workspaceId: home.id },
    orderBy: { statedOn: "asc" },
    select: { id: true, issueId: true, partyId: true },
  });
  foreignStatementId = (
    await db().stanceStatement.findFirstOrThrow({ where: { workspaceId: foreign.id }, select: { id: true } })
  ).id;
});

describe("mentions", () => {
  it("notifies exactly the mentioned current members named in the body, never the author or anyone else", async () => {
    const body =
      "Is this quote verbatim? @Bob Mentioned please check, and @Alice Author (me) will too. @Oscar Outsider cannot see this.";
    const place = unwrap(
      await postComment(as(people.alice), {
        target: { evidenceId },
        body,
        // Carol was picked but her name is not in the text; Oscar is not a member; one id is junk.
        mentionUserIds: [
          people.bob.id,
          people.alice.id,
          people.carol.id,
          people.outsider.id,
          "not-a-uuid",
          randomUUID(),
          people.bob.id,
        ],
      }),
    );

    expect(await notificationsOf(place.commentId)).toEqual(expected([["bob", "MENTION"]], people.alice));
    const mentions = await db().commentMention.findMany({
      where: { commentId: place.commentId },
      select: { userId: true },
    });
    expect(mentions.map((m) => m.userId).sort()).toEqual([people.alice.id, people.bob.id].sort());
    const activity = await db().activityEvent.findFirstOrThrow({
      where: { workspaceId: home.id, subjectId: place.commentId },
    });
    expect(activity).toMatchObject({ action: "comment.created", actorId: people.alice.id, subjectType: "comment" });
    expect(JSON.stringify(activity.after)).not.toContain("verbatim");
  });

  it("does not take a longer name for a shorter one, nor a name the composer did not send", async () => {
    const place = unwrap(
      await postComment(as(people.alice), {
        target: { evidenceId },
        body: "@Bob Mentionedly is not Bob; @Carol Bystander was typed, not picked.",
        mentionUserIds: [people.bob.id],
      }),
    );
    expect(await notificationsOf(place.commentId)).toEqual([]);
  });

  it("never notifies a removed member, even when their id and name are sent", async () => {
    const removed = await createPerson("Rita Removed");
    await db().membership.create({ data: { workspaceId: home.id, userId: removed.id, role: Role.COMMENTER } });
    await db().membership.delete({ where: { workspaceId_userId: { workspaceId: home.id, userId: removed.id } } });

    const place = unwrap(
      await postComment(as(people.alice), {
        target: { evidenceId },
        body: "@Rita Removed and @Bob Mentioned, see above.",
        mentionUserIds: [removed.id, people.bob.id],
      }),
    );
    expect(await notificationsOf(place.commentId)).toEqual(expected([["bob", "MENTION"]], people.alice));
    expect(await db().notification.count({ where: { userId: removed.id } })).toBe(0);
    expect(await db().commentMention.count({ where: { userId: removed.id } })).toBe(0);
  });
});

describe("threads", () => {
  it("attaches replies to the first comment and notifies the thread's earlier authors who are still members", async () => {
    const root = unwrap(
      await postComment(as(people.alice), {
        target: { evidenceId },
        body: "Which speech is this from?",
        mentionUserIds: [],
      }),
    );
    const fromBob = unwrap(
      await replyToComment(as(people.bob), {
        commentId: root.commentId,
        body: "The Geneva press conference.",
        mentionUserIds: [],
      }),
    );
    expect(await notificationsOf(fromBob.commentId)).toEqual(expected([["alice", "REPLY"]], people.bob));

    const fromDave = unwrap(
      await replyToComment(as(people.dave), {
        commentId: root.commentId,
        body: "Agreed.",
        mentionUserIds: [],
      }),
    );
    await db().membership.delete({ where: { workspaceId_userId: { workspaceId: home.id, userId: people.dave.id } } });
    try {
      // A reply to a reply joins the root's thread. Alice is mentioned, so she gets the mention
      // alone; Bob gets a reply notification; Dave left the workspace and gets nothing.
      const fromCarol = unwrap(
        await replyToComment(as(people.carol), {
          commentId: fromBob.commentId,
          body: "Thanks @Alice Author, and Bob.",
          mentionUserIds: [people.alice.id],
        }),
      );
      expect(await notificationsOf(fromCarol.commentId)).toEqual(
        expected(
          [
            ["alice", "MENTION"],
            ["bob", "REPLY"],
          ],
          people.carol,
        ),
      );

      const rows = await db().comment.findMany({
        where: { id: { in: [fromBob.commentId, fromDave.commentId, fromCarol.commentId] } },
        select: { parentId: true, evidenceId: true, statementId: true },
      });
      expect(rows).toEqual(Array(3).fill({ parentId: root.commentId, evidenceId, statementId: null }));

      const thread = (await listEvidenceThreads(as(people.carol), evidenceId)).find(
        (t) => t.root.id === root.commentId,
      )!;
      expect(thread.replies.map((r) => r.author.name)).toEqual(["Bob Mentioned", "Dave Departed", "Carol Bystander"]);
    } finally {
      await db().membership.create({ data: { workspaceId: home.id, userId: people.dave.id, role: Role.COMMENTER } });
    }
  });

  it("threads comments on a stance statement the same way", async () => {
    const root = unwrap(
      await postComment(as(people.erin), {
        target: { statementId: statement.id },
        body: "Source for this?",
        mentionUserIds: [],
      }),
    );
    unwrap(
      await replyToComment(as(people.alice), {
        commentId: root.commentId,
        body: "See the linked quote.",
        mentionUserIds: [],
      }),
    );
    const threads = (await listStatementThreads(as(people.erin), [statement.id])).get(statement.id)!;
    expect(threads).toHaveLength(1);
    expect(threads[0]!.replies).toHaveLength(1);
    expect(
      await notificationsOf(
        (await db().comment.findFirstOrThrow({ where: { parentId: root.commentId }, select: { id: true } })).id,
      ),
    ).toEqual(expected([["erin", "REPLY"]], people.alice));
  });
});

describe("editing and deleting", () => {
  it("lets only the author edit: it sets editedAt, and tells people newly mentioned once", async () => {
    const place = unwrap(
      await postComment(as(people.alice), {
        target: { evidenceId },
        body: "First draft.",
        mentionUserIds: [],
      }),
    );

    const before = await footprint();
    await expect(
      editComment(as(people.bob), { commentId: place.commentId, body: "Bob was here.", mentionUserIds: [] }),
    ).resolves.toMatchObject({ code: "forbidden", message: "You can only edit your own comments." });
    expect(await footprint()).toEqual(before);

    unwrap(
      await editComment(as(people.alice), {
        commentId: place.commentId,
        body: "Second draft, @Carol Bystander.",
        mentionUserIds: [people.carol.id],
      }),
    );
    unwrap(
      await editComment(as(people.alice), {
        commentId: place.commentId,
        body: "Third draft, still @Carol Bystander.",
        mentionUserIds: [people.carol.id],
      }),
    );
    const comment = await db().comment.findUniqueOrThrow({ where: { id: place.commentId } });
    expect(comment.body).toBe("Third draft, still @Carol Bystander.");
    expect(comment.editedAt).toBeInstanceOf(Date);
    expect(await notificationsOf(place.commentId)).toEqual(expected([["carol", "MENTION"]], people.alice));

    unwrap(
      await editComment(as(people.alice), {
        commentId: place.commentId,
        body: "No one mentioned now.",
        mentionUserIds: [people.carol.id],
      }),
    );
    expect(await db().commentMention.count({ where: { commentId: place.commentId } })).toBe(0);
    const view = (await listEvidenceThreads(as(people.alice), evidenceId)).find((t) => t.root.id === place.commentId)!;
    expect(view.root.editedAt).not.toBeNull();
  });

  it("lets only the author delete; a deleted comment keeps its row and its replies, without its text", async () => {
    const root = unwrap(
      await postComment(as(people.alice), {
        target: { evidenceId },
        body: "A secret that should go, @Bob Mentioned.",
        mentionUserIds: [people.bob.id],
      }),
    );
    unwrap(await replyToComment(as(people.bob), { commentId: root.commentId, body: "Noted.", mentionUserIds: [] }));

    const before = await footprint();
    await expect(deleteComment(as(people.bob), { commentId: root.commentId })).resolves.toMatchObject({
      code: "forbidden",
      message: "You can only delete your own comments.",
    });
    expect(await footprint()).toEqual(before);

    unwrap(await deleteComment(as(people.alice), { commentId: root.commentId }));
    const row = await db().comment.findUniqueOrThrow({ where: { id: root.commentId } });
    expect(row.body).toBe("");
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(await db().commentMention.count({ where: { commentId: root.commentId } })).toBe(0);
    const thread = (await listEvidenceThreads(as(people.bob), evidenceId)).find((t) => t.root.id === root.commentId)!;
    expect(thread.root).toMatchObject({ deleted: true, body: "" });
    expect(thread.replies.map((r) => r.body)).toEqual(["Noted."]);
    const inbox = await listNotifications(people.bob.id);
    expect(inbox.find((n) => n.href.endsWith(`#comment-${root.commentId}`))?.excerpt).toBe("(comment deleted)");

    await expect(
      editComment(as(people.alice), { commentId: root.commentId, body: "Back again.", mentionUserIds: [] }),
    ).resolves.toMatchObject({ code: "comment_deleted" });
    await expect(deleteComment(as(people.alice), { commentId: root.commentId })).resolves.toMatchObject({
      code: "comment_deleted",
    });
  });
});

describe("another workspace's ids", () => {
  it("are refused exactly like missing ones, and nothing is written", async () => {
    const foreignComment = unwrap(
      await postComment(as(people.outsider, foreign), {
        target: { evidenceId: foreignEvidenceId },
        body: "Ours.",
        mentionUserIds: [],
      }),
    );
    const before = await footprint();
    const missing = randomUUID();
    const attempts: [string, (id: string) => Promise<Result>][] = [
      [
        "post on a quote",
        (id) => postComment(as(people.alice), { target: { evidenceId: id }, body: "x", mentionUserIds: [] }),
      ],
      [
        "post on a statement",
        (id) => postComment(as(people.alice), { target: { statementId: id }, body: "x", mentionUserIds: [] }),
      ],
      ["reply", (id) => replyToComment(as(people.alice), { commentId: id, body: "x", mentionUserIds: [] })],
      ["edit", (id) => editComment(as(people.outsider), { commentId: id, body: "x", mentionUserIds: [] })],
      ["delete", (id) => deleteComment(as(people.outsider), { commentId: id })],
      ["resolve", (id) => resolveThread(as(people.alice), { commentId: id })],
      ["reopen", (id) => reopenThread(as(people.alice), { commentId: id })],
    ];
    const foreignIds: Record<string, string> = {
      "post on a quote": foreignEvidenceId,
      "post on a statement": foreignStatementId,
    };
    for (const [name, attempt] of attempts) {
      const foreignId = foreignIds[name] ?? foreignComment.commentId;
      const refusal = (id: string) =>
        attempt(id).then((result) => (result.ok ? "accepted" : { code: result.code, message: result.message }));
      const viaForeign = await refusal(foreignId);
      const viaMissing = await refusal(missing);
      expect(viaForeign, name).toEqual(viaMissing);
      expect(viaForeign, name).toMatchObject({ code: "not_found" });
    }
    expect(await footprint()).toEqual(before);
  });
});

describe("resolving", () => {
  it("resolves and reopens the thread from any of its comments, logging only real changes", async () => {
    const root = unwrap(
      await postComment(as(people.alice), {
        target: { evidenceId },
        body: "Needs a second source.",
        mentionUserIds: [],
      }),
    );
    const reply = unwrap(
      await replyToComment(as(people.bob), {
        commentId: root.commentId,
        body: "Found one.",
        mentionUserIds: [],
      }),
    );

    expect(await resolveThread(as(people.carol), { commentId: reply.commentId })).toMatchObject({
      commentId: root.commentId,
      changed: true,
    });
    const resolved = await db().comment.findUniqueOrThrow({ where: { id: root.commentId } });
    expect(resolved.resolvedById).toBe(people.carol.id);
    expect(resolved.resolvedAt).toBeInstanceOf(Date);
    const view = (await listEvidenceThreads(as(people.alice), evidenceId)).find((t) => t.root.id === root.commentId)!;
    expect(view.resolved?.by).toBe("Carol Bystander");

    const logged = await db().activityEvent.count({ where: { subjectId: root.commentId } });
    expect(await resolveThread(as(people.bob), { commentId: root.commentId })).toMatchObject({ changed: false });
    expect(await db().activityEvent.count({ where: { subjectId: root.commentId } })).toBe(logged);

    unwrap(await reopenThread(as(people.bob), { commentId: root.commentId }));
    expect(
      await db().comment.findUniqueOrThrow({
        where: { id: root.commentId },
        select: { resolvedAt: true, resolvedById: true },
      }),
    ).toEqual({ resolvedAt: null, resolvedById: null });
    const actions = await db().activityEvent.findMany({
      where: { subjectId: root.commentId },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["comment.created", "comment.resolved", "comment.reopened"]);
  });
});

describe("following a cell", () => {
  it("tells current followers other than the actor when a stance is recorded, corrected or retracted", async () => {
    const cell = { issueId: statement.issueId, partyId: statement.partyId };
    for (const p of [people.alice, people.bob, people.carol, people.dave]) unwrap(await followCell(as(p), cell));
    unwrap(await followCell(as(people.bob), cell)); // twice is once
    unwrap(await unfollowCell(as(people.carol), cell));
    await db().membership.delete({ where: { workspaceId_userId: { workspaceId: home.id, userId: people.dave.id } } });
    await expect(
      followCell(as(people.bob), {
        issueId: cell.issueId,
        partyId: (await db().party.findFirstOrThrow({ where: { workspaceId: foreign.id } })).id,
      }),
    ).resolves.toMatchObject({ code: "not_found" });

    const cellChanges = (statementId: string | null) =>
      db().notification.findMany({
        where: { kind: "CELL_CHANGED", ...(statementId ? { statementId } : {}) },
        select: { userId: true, actorId: true, workspaceId: true, statementId: true },
      });

    const version = async () =>
      (await db().stanceCell.findUnique({ where: { workspaceId_issueId_partyId: { workspaceId: home.id, ...cell } } }))
        ?.version ?? 0;
    const recorded = await recordStatement(as(people.alice), {
      workspaceSlug: home.slug,
      ...cell,
      baseVersion: await version(),
      position: "OPEN",
      summary: "Open to talks.",
      statedOn: "2022-02-20",
      links: [],
    });
    expect(recorded.ok).toBe(true);
    const recordedId = (recorded as { statementId: string }).statementId;
    expect(await cellChanges(recordedId)).toEqual([
      { userId: people.bob.id, actorId: people.alice.id, workspaceId: home.id, statementId: recordedId },
    ]);

    // A refused edit (stale version) rolls its notifications back with it.
    const stale = await recordStatement(as(people.erin), {
      workspaceSlug: home.slug,
      ...cell,
      baseVersion: 0,
      position: "REJECTS",
      summary: "Stale.",
      statedOn: "2022-02-21",
      links: [],
    });
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    expect(await cellChanges(null)).toHaveLength(1);

    const corrected = await correctStatement(as(people.erin), {
      workspaceSlug: home.slug,
      statementId: recordedId,
      baseVersion: await version(),
      position: "SUPPORTS",
      summary: "Supports talks.",
      statedOn: "2022-02-20",
      links: [],
      reason: "Misread the transcript.",
    });
    const correctedId = (corrected as { statementId: string }).statementId;
    expect((await cellChanges(correctedId)).map((n) => n.userId).sort()).toEqual(
      [people.alice.id, people.bob.id].sort(),
    );

    await retractStatement(as(people.bob), {
      workspaceSlug: home.slug,
      statementId: correctedId,
      baseVersion: await version(),
      reason: "Not a statement of the party.",
    });
    expect((await cellChanges(correctedId)).filter((n) => n.actorId === people.bob.id).map((n) => n.userId)).toEqual([
      people.alice.id,
    ]);

    const inbox = await listNotifications(people.bob.id);
    // Newest first: Erin's correction, then Alice's new statement (Bob's own retraction is not there).
    expect(inbox.filter((n) => n.kind === "CELL_CHANGED").map((n) => [n.actorName, n.href])).toEqual([
      ["Erin Editor", `/w/${home.slug}/cells/${cell.issueId}/${cell.partyId}#statement-${correctedId}`],
      ["Alice Author", `/w/${home.slug}/cells/${cell.issueId}/${cell.partyId}#statement-${recordedId}`],
    ]);
    // Each says what happened as the activity log does.
    expect(inbox.filter((n) => n.kind === "CELL_CHANGED").map((n) => n.activity)).toEqual([
      expect.stringMatching(/^corrected .+ on .+: .+ → Supports, “Misread the transcript\.”$/),
      expect.stringMatching(/^recorded .+ on .+: /),
    ]);
    const alicesInbox = await listNotifications(people.alice.id);
    expect(alicesInbox.filter((n) => n.kind === "CELL_CHANGED")[0]?.activity).toMatch(
      /^retracted .+ on .+ \(.+\), “Not a statement of the party\.”$/,
    );
    await db().membership.create({ data: { workspaceId: home.id, userId: people.dave.id, role: Role.COMMENTER } });
  });
});

describe("the inbox", () => {
  it("lists unread first, links to permalinks, marks read, and hides workspaces the user left", async () => {
    const place = unwrap(
      await postComment(as(people.alice), {
        target: { statementId: statement.id },
        body: "@Erin Editor, a question.",
        mentionUserIds: [people.erin.id],
      }),
    );
    const inbox = await listNotifications(people.erin.id);
    const mention = inbox.find((n) => n.kind === "MENTION")!;
    expect(mention).toMatchObject({
      read: false,
      actorName: "Alice Author",
      href: `/w/${home.slug}/cells/${statement.issueId}/${statement.partyId}#comment-${place.commentId}`,
    });
    expect(await countUnreadNotifications(people.erin.id)).toBe(inbox.filter((n) => !n.read).length);

    await markNotificationRead(people.bob.id, mention.id); // someone else's: no effect
    expect((await listNotifications(people.erin.id)).find((n) => n.id === mention.id)?.read).toBe(false);
    await markNotificationRead(people.erin.id, mention.id);
    const after = await listNotifications(people.erin.id);
    const firstRead = after.findIndex((n) => n.read);
    expect(after.slice(firstRead).every((n) => n.read)).toBe(true);
    expect(after.find((n) => n.id === mention.id)?.read).toBe(true);

    await markAllNotificationsRead(people.erin.id);
    expect(await countUnreadNotifications(people.erin.id)).toBe(0);

    expect(await countUnreadNotifications(people.bob.id)).toBeGreaterThan(0);
    await db().membership.delete({ where: { workspaceId_userId: { workspaceId: home.id, userId: people.bob.id } } });
    expect(await listNotifications(people.bob.id)).toEqual([]);
    expect(await countUnreadNotifications(people.bob.id)).toBe(0);
    await db().membership.create({ data: { workspaceId: home.id, userId: people.bob.id, role: Role.COMMENTER } });
  });
});
