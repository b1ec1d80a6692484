import "server-only";
import { randomInt, randomUUID } from "node:crypto";
import pg from "pg";
import { z } from "zod";
import { db } from "@/lib/platform/db/client";
import { env } from "@/lib/platform/env";
import { diffPresence, type PresenceEntry, presenceOf, snapshotMessage } from "@/lib/platform/live/presence";
import { type CloseReason, EventStream, PING, sseMessage, sseRaw } from "@/lib/platform/live/stream";

// One LISTEN connection per app server fans PostgreSQL notifications out to the browsers this
// server holds open (Server-Sent Events). Changes are announced by a trigger on the activity log
// (channel parley_activity); presence is announced by the servers themselves (parley_presence),
// so several servers behind a load balancer see the same changes and the same viewers.
// The embedded database (one app server by construction) does not deliver notifications between
// connections, so there the hub reads new activity rows instead, twice a second.
//
// Costs stay linear in the number of streams: presence goes out as per-workspace deltas, computed
// once and coalesced (at most one presence message per stream per flush); each server refreshes
// its viewers for the others in a few batched notifications per heartbeat; every stream's grant is
// re-checked in one query per heartbeat for all of them; and each stream's buffer is bounded.

export type ActivityNotice = {
  workspaceId: string;
  action: string;
  subjectType: string;
  subjectId: string;
  actorId: string | null;
  id: string;
};

type Connection = {
  id: string;
  workspaceId: string;
  userId: string;
  name: string;
  view: string;
  joinedAt: number;
  seenAt: number;
  serverId: string;
};

/** What an open stream was allowed on: checked again at every heartbeat. */
export type StreamGrant = {
  readonly key: string;
  readonly workspaceId: string;
  readonly userId: string;
  readonly sessionId: string;
  readonly sessionVersion: number;
  /** When the session would have ended (idle or absolute limit), in ms since the epoch. */
  readonly expiresAt: number;
};

export type GrantCheck = { ok: true; name: string } | { ok: false; reason: "session" | "access" };

/** The access rules the hub enforces without knowing them: each grant's check by its key, in one go. */
export type GrantChecker = (grants: StreamGrant[]) => Promise<Map<string, GrantCheck>>;

type LocalStream = { connection: Connection; grant: StreamGrant; stream: EventStream };

const WireConnection = z.object({
  id: z.string().max(64),
  w: z.string().max(64),
  u: z.string().max(64),
  n: z.string().max(400),
  v: z.string().max(400),
  j: z.number(),
});
const PresenceNotice = z.object({
  s: z.string().max(64),
  here: z.array(WireConnection).optional(),
  gone: z.array(z.string().max(64)).optional(),
});
type WireConnection = z.infer<typeof WireConnection>;

const POLL_MS = 500;
/** How the LISTEN connection shows in pg_stat_activity. */
export const LISTEN_APPLICATION_NAME = "parley-live";
// pg_notify payloads are limited to 8000 bytes.
const NOTIFY_BYTES = 7000;
const STREAM_BUFFER_BYTES = 64 * 1024;

export type LiveSettings = {
  heartbeatMs: number;
  stallMs: number;
  maxPerUser: number;
  maxStreams: number;
  /** How long another server's viewer counts without being refreshed. */
  presenceTtlMs: number;
  /** Presence changes are gathered this long, then sent as one message per stream. */
  flushMs: number;
};

function liveSettings(): LiveSettings {
  const e = env();
  return {
    heartbeatMs: e.PARLEY_LIVE_HEARTBEAT_MS,
    stallMs: e.PARLEY_LIVE_STALL_MS,
    maxPerUser: e.PARLEY_MAX_STREAMS_PER_USER,
    maxStreams: e.PARLEY_MAX_STREAMS,
    presenceTtlMs: e.PARLEY_LIVE_HEARTBEAT_MS * 3.5,
    flushMs: Math.min(1000, e.PARLEY_LIVE_HEARTBEAT_MS),
  };
}

function toWire(c: Connection): WireConnection {
  return { id: c.id, w: c.workspaceId, u: c.userId, n: c.name, v: c.view, j: c.joinedAt };
}

export class LiveHub {
  readonly serverId = randomUUID();
  private readonly settings: LiveSettings;
  private readonly grantChecker: GrantChecker;
  private readonly embedded: boolean;
  private client: pg.Client | null = null;
  private ready = false;
  private stopped = false;
  /** The LISTEN connection was lost: notifications sent meanwhile never reached this server. */
  private missedNotifications = false;
  private connecting: Promise<void> | null = null;
  private polling: ReturnType<typeof setInterval> | null = null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private checking = false;
  private failedChecks = 0;
  private sending: Promise<unknown> = Promise.resolve();
  private lastSeenId = BigInt(-1);

  /** Every viewer this server knows of, its own and the other servers'. */
  private connections = new Map<string, Connection>();
  private connectionsByWorkspace = new Map<string, Map<string, Connection>>();
  /** The presence list each workspace's streams were last told. */
  private published = new Map<string, Map<string, PresenceEntry>>();
  private dirty = new Set<string>();

  private local = new Map<string, LocalStream>();
  private localByWorkspace = new Map<string, Set<LocalStream>>();
  /** Each user's streams on this server, oldest first. */
  private localByUser = new Map<string, LocalStream[]>();

  constructor(options: { checkGrants: GrantChecker; settings?: Partial<LiveSettings> }) {
    this.grantChecker = options.checkGrants;
    this.settings = { ...liveSettings(), ...options.settings };
    this.embedded = env().PARLEY_DATABASE_KIND === "embedded";
  }

  get streamCount() {
    return this.local.size;
  }

  /** Whether this server hears the database's announcements now. */
  get listening() {
    return this.ready;
  }

  private async poll() {
    if (this.lastSeenId < 0) {
      const newest = await db().activityEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
      this.lastSeenId = newest?.id ?? BigInt(0);
      return;
    }
    // Nobody is listening: skip the read; the rows wait, in order, for the next subscriber.
    if (this.local.size === 0) return;
    const events = await db().activityEvent.findMany({
      where: { id: { gt: this.lastSeenId } },
      orderBy: { id: "asc" },
      take: 500,
      select: { id: true, workspaceId: true, action: true, subjectType: true, subjectId: true, actorId: true },
    });
    for (const event of events) {
      this.lastSeenId = event.id;
      this.receiveActivity({ ...event, id: String(event.id) });
    }
  }

  private async connect() {
    if (this.embedded) {
      await this.poll();
      this.polling = setInterval(() => void this.poll().catch(() => {}), POLL_MS);
      this.polling.unref?.();
      this.ready = true;
      return;
    }
    const client = new pg.Client({
      connectionString: env().DATABASE_URL,
      application_name: LISTEN_APPLICATION_NAME,
      keepAlive: true,
    });
    client.on("notification", (message) => this.receive(message.channel, message.payload ?? ""));
    client.on("error", () => this.reset(client));
    client.on("end", () => this.reset(client));
    await client.connect();
    await client.query("LISTEN parley_activity");
    await client.query("LISTEN parley_presence");
    this.client = client;
    this.ready = true;
    if (this.missedNotifications) {
      this.missedNotifications = false;
      // Changes announced while this server was not listening: every stream refetches.
      const resync = sseMessage("activity", { resync: true });
      for (const entry of this.local.values()) entry.stream.write(resync);
    }
    // The other servers learn of this one's viewers again at once after a reconnect.
    void this.notify(
      [...this.local.values()].map((s) => s.connection),
      [],
    );
  }

  private reset(client: pg.Client) {
    if (this.client !== client) return;
    this.client = null;
    this.ready = false;
    this.connecting = null;
    this.missedNotifications = true;
    // Open streams would otherwise hear nothing until a new stream reconnected the hub; the
    // heartbeat retries if this attempt fails too.
    setTimeout(() => this.reconnect(), 200).unref?.();
  }

  private reconnect() {
    if (!this.stopped && !this.ready && this.local.size > 0) this.ensureConnected().catch(() => {});
  }

  /** Starts listening (or polling) on first use, and again after the connection was lost. */
  ensureConnected(): Promise<void> {
    this.heartbeat ??= setInterval(() => this.beat(), this.settings.heartbeatMs);
    this.heartbeat.unref?.();
    if (this.ready) return Promise.resolve();
    this.connecting ??= this.connect().catch((error) => {
      this.connecting = null;
      throw error;
    });
    return this.connecting;
  }

  private receive(channel: string, payload: string) {
    let data: unknown;
    try {
      data = JSON.parse(payload);
    } catch {
      return;
    }
    if (channel === "parley_activity") this.receiveActivity(data as ActivityNotice);
    else if (channel === "parley_presence") {
      const notice = PresenceNotice.safeParse(data);
      if (notice.success && notice.data.s !== this.serverId) this.receivePresence(notice.data);
    }
  }

  private receiveActivity(notice: ActivityNotice) {
    const streams = this.localByWorkspace.get(notice.workspaceId);
    if (!streams) return;
    const encoded = new Map<boolean, Uint8Array>();
    for (const s of streams) {
      const mine = notice.actorId === s.connection.userId;
      let bytes = encoded.get(mine);
      if (!bytes) {
        const { action, subjectType, subjectId } = notice;
        bytes = sseMessage("activity", { action, subjectType, subjectId, mine });
        encoded.set(mine, bytes);
      }
      s.stream.write(bytes);
    }
  }

  private receivePresence(notice: z.infer<typeof PresenceNotice>) {
    const now = Date.now();
    for (const wire of notice.here ?? []) {
      const known = this.connections.get(wire.id);
      if (known) {
        known.seenAt = now;
        if (known.view === wire.v && known.name === wire.n) continue;
      }
      this.addConnection({
        id: wire.id,
        workspaceId: wire.w,
        userId: wire.u,
        name: wire.n,
        view: wire.v,
        joinedAt: wire.j,
        seenAt: now,
        serverId: notice.s,
      });
    }
    for (const id of notice.gone ?? []) this.removeConnection(id);
  }

  private addConnection(connection: Connection) {
    this.removeConnection(connection.id);
    this.connections.set(connection.id, connection);
    const inWorkspace = this.connectionsByWorkspace.get(connection.workspaceId) ?? new Map<string, Connection>();
    this.connectionsByWorkspace.set(connection.workspaceId, inWorkspace);
    inWorkspace.set(connection.id, connection);
    this.markDirty(connection.workspaceId);
  }

  private removeConnection(id: string) {
    const connection = this.connections.get(id);
    if (!connection) return;
    this.connections.delete(id);
    const inWorkspace = this.connectionsByWorkspace.get(connection.workspaceId);
    inWorkspace?.delete(id);
    if (inWorkspace?.size === 0) this.connectionsByWorkspace.delete(connection.workspaceId);
    this.markDirty(connection.workspaceId);
  }

  private markDirty(workspaceId: string) {
    this.dirty.add(workspaceId);
    this.flushTimer ??= setTimeout(() => this.flush(), this.settings.flushMs);
  }

  /** Sends each changed workspace's presence delta, computed once, to its streams. */
  private flush() {
    this.flushTimer = null;
    const workspaces = [...this.dirty];
    this.dirty.clear();
    for (const workspaceId of workspaces) {
      const before = this.published.get(workspaceId) ?? new Map<string, PresenceEntry>();
      const after = presenceOf(this.connectionsByWorkspace.get(workspaceId)?.values() ?? []);
      const delta = diffPresence(before, after);
      if (!delta) continue;
      if (after.size > 0) this.published.set(workspaceId, after);
      else this.published.delete(workspaceId);
      const message = sseMessage("presence", delta);
      for (const s of this.localByWorkspace.get(workspaceId) ?? []) s.stream.write(message);
    }
  }

  private snapshot(workspaceId: string): Uint8Array {
    return sseMessage("presence", snapshotMessage(this.published.get(workspaceId) ?? new Map()));
  }

  /** Tells the other servers (nothing to tell on the embedded database: there is one server). */
  private async notify(here: Connection[], gone: string[]) {
    if (this.embedded || !this.client || (here.length === 0 && gone.length === 0)) return;
    const payloads: string[] = [];
    let batch: WireConnection[] = [];
    let size = 0;
    for (const connection of here) {
      const wire = toWire(connection);
      const length = JSON.stringify(wire).length + 1;
      if (size + length > NOTIFY_BYTES && batch.length > 0) {
        payloads.push(JSON.stringify({ s: this.serverId, here: batch }));
        batch = [];
        size = 0;
      }
      batch.push(wire);
      size += length;
    }
    if (batch.length > 0) payloads.push(JSON.stringify({ s: this.serverId, here: batch }));
    for (let i = 0; i < gone.length; i += 100)
      payloads.push(JSON.stringify({ s: this.serverId, gone: gone.slice(i, i + 100) }));
    // One query at a time on the LISTEN connection, in order (a join must not overtake its leave).
    const client = this.client;
    const send = () => client.query("SELECT pg_notify('parley_presence', p) FROM unnest($1::text[]) AS p", [payloads]);
    this.sending = this.sending.then(send, send);
    await this.sending;
  }

  /**
   * Opens a stream for a member, within the caps: a user's oldest stream on this server gives way
   * to a new one beyond the per-user cap; beyond the server's cap new streams are refused.
   */
  open(grant: StreamGrant, viewer: { name: string; view: string }): ReadableStream<Uint8Array> | null {
    const { maxPerUser, maxStreams, stallMs } = this.settings;
    for (let mine = this.localByUser.get(grant.userId) ?? []; mine.length >= maxPerUser; ) {
      this.closeStream(mine[0]!, "too_many_streams");
      mine = this.localByUser.get(grant.userId) ?? [];
    }
    if (this.local.size >= maxStreams) return null;

    const now = Date.now();
    const connection: Connection = {
      id: randomUUID(),
      workspaceId: grant.workspaceId,
      userId: grant.userId,
      name: viewer.name,
      view: viewer.view,
      joinedAt: now,
      seenAt: now,
      serverId: this.serverId,
    };
    const entry: LocalStream = {
      connection,
      grant,
      stream: new EventStream({
        bufferBytes: STREAM_BUFFER_BYTES,
        stallMs,
        // Messages were dropped: a fresh presence list, and a refetch for the changes missed.
        resync: () => {
          const presence = this.snapshot(grant.workspaceId);
          const activity = sseMessage("activity", { resync: true });
          const bytes = new Uint8Array(presence.length + activity.length);
          bytes.set(presence);
          bytes.set(activity, presence.length);
          return bytes;
        },
        onEnd: () => this.forget(entry),
      }),
    };
    this.local.set(connection.id, entry);
    const inWorkspace = this.localByWorkspace.get(grant.workspaceId) ?? new Set<LocalStream>();
    this.localByWorkspace.set(grant.workspaceId, inWorkspace);
    inWorkspace.add(entry);
    this.localByUser.set(grant.userId, [...(this.localByUser.get(grant.userId) ?? []), entry]);

    // A random reconnection delay spreads browsers' reconnects after a restart.
    entry.stream.write(sseRaw(`retry: ${randomInt(2000, 8000)}\n\n`));
    entry.stream.write(sseMessage("ready", { connectionId: connection.id }));
    entry.stream.write(this.snapshot(grant.workspaceId));
    this.addConnection(connection);
    void this.notify([connection], []).catch(() => {});
    return entry.stream.body;
  }

  closeStream(entry: LocalStream, reason: CloseReason) {
    entry.stream.close(reason);
    this.forget(entry);
  }

  /** Drops a stream from every index (once, whoever ended it) and tells the other servers. */
  private forget(entry: LocalStream) {
    const id = entry.connection.id;
    if (this.local.get(id) !== entry) return;
    this.local.delete(id);
    const inWorkspace = this.localByWorkspace.get(entry.grant.workspaceId);
    inWorkspace?.delete(entry);
    if (inWorkspace?.size === 0) this.localByWorkspace.delete(entry.grant.workspaceId);
    const mine = (this.localByUser.get(entry.grant.userId) ?? []).filter((s) => s !== entry);
    if (mine.length > 0) this.localByUser.set(entry.grant.userId, mine);
    else this.localByUser.delete(entry.grant.userId);
    this.removeConnection(id);
    void this.notify([], [id]).catch(() => {});
  }

  /** Every heartbeat: keep the streams alive, refresh presence, and re-check every grant. */
  private beat() {
    this.reconnect();
    const now = Date.now();
    for (const entry of [...this.local.values()]) {
      if (entry.grant.expiresAt <= now) this.closeStream(entry, "session");
      else {
        entry.connection.seenAt = now;
        entry.stream.write(PING);
      }
    }
    for (const connection of [...this.connections.values()])
      if (connection.serverId !== this.serverId && now - connection.seenAt > this.settings.presenceTtlMs)
        this.removeConnection(connection.id);
    void this.notify(
      [...this.local.values()].map((s) => s.connection),
      [],
    ).catch(() => {});
    void this.checkGrants();
  }

  private async checkGrants() {
    if (this.checking || this.local.size === 0) return;
    this.checking = true;
    try {
      const entries = [...this.local.values()];
      let checks: Map<string, GrantCheck>;
      try {
        checks = await this.grantChecker(entries.map((s) => s.grant));
        this.failedChecks = 0;
      } catch {
        // Access cannot be confirmed twice in a row: end the streams; browsers come back (after
        // a random delay) and are checked on the way in.
        if (++this.failedChecks >= 2) for (const entry of entries) this.closeStream(entry, "retry");
        return;
      }
      for (const entry of entries) {
        const check = checks.get(entry.grant.key) ?? { ok: false, reason: "session" as const };
        if (!check.ok) this.closeStream(entry, check.reason);
        else if (check.name !== entry.connection.name) {
          entry.connection.name = check.name;
          this.markDirty(entry.grant.workspaceId);
        }
      }
    } finally {
      this.checking = false;
    }
  }

  /** Stops timers and the LISTEN connection (tests run several hubs in one process). */
  async stop() {
    this.stopped = true;
    for (const entry of [...this.local.values()]) this.closeStream(entry, "retry");
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.polling) clearInterval(this.polling);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    const client = this.client;
    this.client = null;
    this.ready = false;
    await client?.end().catch(() => {});
  }
}
