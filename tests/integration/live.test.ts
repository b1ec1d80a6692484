import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { endAllSessions } from "@/lib/account/mutations";
import { Role } from "@/lib/generated/prisma/enums";
import { revokeSession } from "@/lib/platform/auth/session-user";
import { db } from "@/lib/platform/db/client";
import { env } from "@/lib/platform/env";
import { LISTEN_APPLICATION_NAME, LiveHub, type StreamGrant } from "@/lib/platform/live/hub";
import { applyPresence, type PresenceEntry, type PresenceMessage } from "@/lib/platform/live/presence";
import { createUserWithPassword } from "@/lib/users/mutations";
import { type AuthorizedWorkspace, trustedWorkspace } from "@/lib/workspaces/access";
import { checkStreamGrants, streamGrant } from "@/lib/workspaces/live";

// Runs on real PostgreSQL and on PGlite. Users and workspaces are uniquely named, so the file
// needs no reset. On PostgreSQL two hubs in this process stand for two app servers.

const hubs: LiveHub[] = [];
afterAll(async () => {
  for (const hub of hubs) await hub.stop();
});

function unique(prefix: string) {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

async function member(workspace: { id: string; slug: string; title: string }, role: Role = Role.EDITOR) {
  const user = await createUserWithPassword({
    email: `${unique("live")}@parley.test`,
    name: unique("Viewer"),
    password: "live stream passphrase 4711",
  });
  await db().membership.create({ data: { workspaceId: workspace.id, userId: user.id, role } });
  return { user, workspace: { ...trustedWorkspace(workspace, user.id), role } as AuthorizedWorkspace };
}

async function newWorkspace() {
  return db().workspace.create({
    data: { slug: unique("live"), title: "Live test workspace" },
    select: { id: true, slug: true, title: true },
  });
}

function grantFor(workspace: AuthorizedWorkspace, sessionVersion = 1): StreamGrant {
  return streamGrant(workspace, { sessionId: randomUUID(), sessionVersion, expiresAt: Date.now() + 3_600_000 });
}

type Reader = { text: string; events: { event: string; data: string }[]; done: boolean; leave(): void };

function read(body: ReadableStream<Uint8Array>): Reader {
  const source = body.getReader();
  const reader: Reader = { text: "", events: [], done: false, leave: () => void source.cancel().catch(() => {}) };
  const decoder = new TextDecoder();
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await source.read();
        if (done) break;
        reader.text += decoder.decode(value, { stream: true });
        const blocks = reader.text.split("\n\n");
        reader.text = blocks.pop() ?? "";
        for (const block of blocks) {
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data !== undefined) reader.events.push({ event, data });
        }
      }
    } catch {
      // ended with an error: counts as done
    }
    reader.done = true;
  })();
  return reader;
}

/** A change by `actorId` recorded in the workspace, announced to its streams like any other activity. */
function recordProbeChange(workspaceId: string, actorId: string, subjectId: string) {
  return db().activityEvent.create({
    data: { workspaceId, actorId, action: "test.change", subjectType: "probe", subjectId },
  });
}

async function until(check: () => boolean, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function presenceSeen(reader: Reader): Map<string, PresenceEntry> {
  let list = new Map<string, PresenceEntry>();
  for (const e of reader.events)
    if (e.event === "presence") list = applyPresence(list, JSON.parse(e.data) as PresenceMessage);
  return list;
}

const closedReason = (reader: Reader) => {
  const closed = reader.events.find((e) => e.event === "closed");
  return closed ? (JSON.parse(closed.data) as { reason: string }).reason : null;
};

describe("stream grants", () => {
  it("are told apart in one query: valid, signed out, signed out everywhere, disabled, removed", async () => {
    const workspace = await newWorkspace();
    const [ok, viewer, revoked, everywhere, disabled, removed] = await Promise.all([
      member(workspace),
      member(workspace, Role.VIEWER),
      member(workspace),
      member(workspace),
      member(workspace),
      member(workspace),
    ]);
    const grants = {
      ok: grantFor(ok.workspace),
      viewer: grantFor(viewer.workspace),
      revoked: grantFor(revoked.workspace),
      everywhere: grantFor(everywhere.workspace),
      disabled: grantFor(disabled.workspace),
      removed: grantFor(removed.workspace),
    };
    await revokeSession(grants.revoked.sessionId, new Date(Date.now() + 3_600_000));
    await endAllSessions(everywhere.user.id);
    await db().user.update({ where: { id: disabled.user.id }, data: { disabledAt: new Date() } });
    await db().membership.delete({
      where: { workspaceId_userId: { workspaceId: workspace.id, userId: removed.user.id } },
    });
    const checks = await checkStreamGrants(Object.values(grants));
    expect(checks.get(grants.ok.key)).toEqual({ ok: true, name: ok.user.name });
    expect(checks.get(grants.viewer.key)).toMatchObject({ ok: true });
    expect(checks.get(grants.revoked.key)).toEqual({ ok: false, reason: "session" });
    expect(checks.get(grants.everywhere.key)).toEqual({ ok: false, reason: "session" });
    expect(checks.get(grants.disabled.key)).toEqual({ ok: false, reason: "session" });
    expect(checks.get(grants.removed.key)).toEqual({ ok: false, reason: "access" });
  });
});

describe("the live hub", () => {
  const embedded = env().PARLEY_DATABASE_KIND === "embedded";
  const settings = { heartbeatMs: 300, flushMs: 50, maxPerUser: 3, maxStreams: 8, stallMs: 2000 };

  async function startHub() {
    const hub = new LiveHub({ settings, checkGrants: checkStreamGrants });
    hubs.push(hub);
    await hub.ensureConnected();
    return hub;
  }

  /** A hub and a new workspace of Alice and Bob, with Alice's stream open on the matrix once her own presence is back. */
  async function aliceOnTheMatrix() {
    const hub = await startHub();
    const workspace = await newWorkspace();
    const [alice, bob] = [await member(workspace), await member(workspace)];
    const stream = read(hub.open(grantFor(alice.workspace), { name: "Alice", view: "/matrix" })!);
    await until(() => presenceSeen(stream).has(alice.user.id), "Alice's own presence");
    return { hub, workspace, alice, bob, stream };
  }

  it("sends activity, presence as a snapshot then deltas, and caps streams per user and per server", async () => {
    const { hub, workspace, alice, bob, stream: aliceStream } = await aliceOnTheMatrix();
    const bobStream = read(hub.open(grantFor(bob.workspace), { name: "Bob", view: "/documents/1" })!);
    await until(() => presenceSeen(aliceStream).get(bob.user.id)?.view === "/documents/1", "Bob joining");
    // The late joiner starts from a snapshot.
    expect(JSON.parse(bobStream.events.find((e) => e.event === "presence")!.data)).toMatchObject({ reset: true });
    await until(() => presenceSeen(bobStream).has(bob.user.id), "Bob's snapshot and delta");
    expect([...presenceSeen(bobStream).keys()].sort()).toEqual([alice.user.id, bob.user.id].sort());

    await recordProbeChange(workspace.id, bob.user.id, "1");
    await until(() => aliceStream.events.some((e) => e.event === "activity"), "activity");
    expect(JSON.parse(aliceStream.events.find((e) => e.event === "activity")!.data)).toMatchObject({ mine: false });

    // Per user: the fourth of Alice's streams pushes out her first, which is told why.
    const more = [1, 2, 3].map(() => read(hub.open(grantFor(alice.workspace), { name: "Alice", view: "/matrix" })!));
    await until(() => aliceStream.done, "Alice's oldest stream to end");
    expect(closedReason(aliceStream)).toBe("too_many_streams");
    expect(more.every((r) => !r.done)).toBe(true);
    // Per server: 8 streams at most (Bob 1 + Alice 3 + 4 more), then new ones are refused.
    const others = await Promise.all([1, 2, 3, 4, 5].map(() => member(workspace)));
    for (const other of others.slice(0, 4))
      expect(hub.open(grantFor(other.workspace), { name: "x", view: "/" })).not.toBeNull();
    expect(hub.streamCount).toBe(8);
    expect(hub.open(grantFor(others[4]!.workspace), { name: "x", view: "/" })).toBeNull();

    // Bob leaves: the others see him go.
    bobStream.leave();
    await until(() => !presenceSeen(more[0]!).has(bob.user.id), "Bob leaving");
  });

  it("ends streams whose session ends, at the next heartbeat", async () => {
    const hub = await startHub();
    const workspace = await newWorkspace();
    const alice = await member(workspace);
    const grant = grantFor(alice.workspace);
    const stream = read(hub.open(grant, { name: "Alice", view: "/matrix" })!);
    const expiring = read(
      hub.open({ ...grantFor(alice.workspace), expiresAt: Date.now() + 500 }, { name: "Alice", view: "/matrix" })!,
    );
    await until(() => expiring.done, "the expired session's stream to end");
    expect(closedReason(expiring)).toBe("session");
    expect(stream.done).toBe(false);
    await revokeSession(grant.sessionId, new Date(Date.now() + 3_600_000));
    await until(() => stream.done, "the signed-out stream to end");
    expect(closedReason(stream)).toBe("session");
  });

  it("shares activity between servers, and on PostgreSQL presence too", async () => {
    const [one, two] = [await startHub(), await startHub()];
    const workspace = await newWorkspace();
    const [alice, bob] = [await member(workspace), await member(workspace)];
    const onOne = read(one.open(grantFor(alice.workspace), { name: "Alice", view: "/matrix" })!);
    const onTwo = read(two.open(grantFor(bob.workspace), { name: "Bob", view: "/issues" })!);
    await recordProbeChange(workspace.id, alice.user.id, "2");
    await until(() => onTwo.events.some((e) => e.event === "activity"), "activity on server two");
    await until(() => onOne.events.some((e) => e.event === "activity"), "activity on server one");
    // The embedded database is one server by construction: it has no notifications to share presence.
    if (embedded) return;
    await until(() => presenceSeen(onOne).get(bob.user.id)?.view === "/issues", "server one seeing Bob");
    await until(() => presenceSeen(onTwo).has(alice.user.id), "server two seeing Alice");
    onOne.leave();
    await until(() => !presenceSeen(onTwo).has(alice.user.id), "server two seeing Alice leave");
  });

  it("listens again by itself when its PostgreSQL connection is lost, and has open streams catch up", async () => {
    if (embedded) return; // no LISTEN connection: the embedded database is polled
    const hub = await startHub();
    const workspace = await newWorkspace();
    const alice = await member(workspace);
    const stream = read(hub.open(grantFor(alice.workspace), { name: "Alice", view: "/matrix" })!);
    await until(() => presenceSeen(stream).has(alice.user.id), "Alice's own presence");
    const terminated = await db().$queryRaw<{ pid: number }[]>`
      SELECT pg_terminate_backend(pid)::int AS pid FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = ${LISTEN_APPLICATION_NAME}`;
    expect(terminated.length).toBeGreaterThan(0);
    // Announced while no server listens: only the catch-up after reconnecting can tell Alice.
    await recordProbeChange(workspace.id, alice.user.id, "3");
    await until(() => stream.events.some((e) => e.event === "activity"), "a catch-up after the reconnect");
    expect(stream.done).toBe(false);
    // And what is announced afterwards arrives as usual.
    const before = stream.events.length;
    await until(() => hub.listening, "the hub listening again");
    await recordProbeChange(workspace.id, alice.user.id, "4");
    await until(
      () => stream.events.slice(before).some((e) => e.event === "activity" && JSON.parse(e.data).subjectId === "4"),
      "activity after the reconnect",
    );
  });

  it("brings a change to an open stream within seconds: 20 changes on PostgreSQL, 10 on the embedded database", async () => {
    const { workspace, bob, stream } = await aliceOnTheMatrix();
    const latencies: number[] = [];
    for (let i = 0; i < (embedded ? 10 : 20); i++) {
      const subjectId = `latency-${i}`;
      const started = performance.now();
      await recordProbeChange(workspace.id, bob.user.id, subjectId);
      await until(
        () => stream.events.some((e) => e.event === "activity" && JSON.parse(e.data).subjectId === subjectId),
        `change ${i} on the stream`,
      );
      latencies.push(performance.now() - started);
      // Spread over the polling interval, as real edits are.
      await new Promise((r) => setTimeout(r, 50 + ((i * 137) % 400)));
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    const p95 = sorted[Math.ceil(sorted.length * 0.95) - 1]!;
    const p50 = sorted[Math.ceil(sorted.length * 0.5) - 1]!;
    console.log(
      `live latency on ${embedded ? "the embedded database" : "PostgreSQL"} over ${sorted.length} changes: p50 ${Math.round(p50)} ms, p95 ${Math.round(p95)} ms`,
    );
    // Goals: 2 s on PostgreSQL, 3 s embedded, to the browser; bounded loosely here for a busy machine.
    expect(p95).toBeLessThan(embedded ? 6_000 : 4_000);
  });
});
