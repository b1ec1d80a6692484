import "server-only";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { env } from "@/lib/env";
import { db } from "@/lib/db/client";

// One LISTEN connection per app server fans PostgreSQL notifications out to the browsers this
// server holds open (Server-Sent Events). Changes are announced by a trigger on the activity log
// (channel parley_activity); presence is announced by the servers themselves (parley_presence),
// so several servers behind a load balancer see the same changes and the same viewers.
// The embedded database (one app server by construction) does not deliver notifications between
// connections, so there the hub reads new activity rows instead, twice a second.

export type ActivityNotice = { workspaceId: string; action: string; subjectType: string; subjectId: string; actorId: string | null; id: string };
export type Viewer = { connectionId: string; userId: string; name: string; view: string };
type PresenceNotice = { workspaceId: string; serverId: string; state: "here" | "gone"; viewer: Viewer };

type Subscriber = {
  workspaceId: string;
  onActivity: (notice: ActivityNotice) => void;
  onPresence: (viewers: Viewer[]) => void;
};

const PRESENCE_TTL_MS = 35_000;
const POLL_MS = 500;
export const PRESENCE_HEARTBEAT_MS = 10_000;

class LiveHub {
  readonly serverId = randomUUID();
  private client: pg.Client | null = null;
  private ready = false;
  private connecting: Promise<void> | null = null;
  private subscribers = new Set<Subscriber>();
  private viewers = new Map<string, { workspaceId: string; viewer: Viewer; seenAt: number }>();
  private polling: ReturnType<typeof setInterval> | null = null;
  private lastSeenId = BigInt(-1);

  private get embedded() {
    return env().PARLEY_DATABASE_KIND === "embedded";
  }

  private async poll() {
    if (this.lastSeenId < 0) {
      const newest = await db().activityEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
      this.lastSeenId = newest?.id ?? BigInt(0);
      return;
    }
    // Nobody is listening: skip the read; the rows wait, in order, for the next subscriber.
    if (this.subscribers.size === 0) return;
    const events = await db().activityEvent.findMany({
      where: { id: { gt: this.lastSeenId } },
      orderBy: { id: "asc" },
      take: 500,
      select: { id: true, workspaceId: true, action: true, subjectType: true, subjectId: true, actorId: true },
    });
    for (const event of events) {
      this.lastSeenId = event.id;
      this.receive("parley_activity", JSON.stringify({ ...event, id: String(event.id) }));
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
    const client = new pg.Client({ connectionString: env().DATABASE_URL });
    client.on("notification", (message) => this.receive(message.channel, message.payload ?? ""));
    client.on("error", () => this.reset(client));
    client.on("end", () => this.reset(client));
    await client.connect();
    await client.query("LISTEN parley_activity");
    await client.query("LISTEN parley_presence");
    this.client = client;
    this.ready = true;
  }

  private reset(client: pg.Client) {
    if (this.client !== client) return;
    this.client = null;
    this.ready = false;
    this.connecting = null;
  }

  /** Starts listening (or polling) on first use, and again after the connection was lost. */
  ensureConnected(): Promise<void> {
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
    if (channel === "parley_activity") {
      const notice = data as ActivityNotice;
      for (const s of this.subscribers) if (s.workspaceId === notice.workspaceId) s.onActivity(notice);
    } else if (channel === "parley_presence") {
      const notice = data as PresenceNotice;
      if (notice.state === "here") this.viewers.set(notice.viewer.connectionId, { workspaceId: notice.workspaceId, viewer: notice.viewer, seenAt: Date.now() });
      else this.viewers.delete(notice.viewer.connectionId);
      this.publishPresence(notice.workspaceId);
    }
  }

  viewersOf(workspaceId: string): Viewer[] {
    const now = Date.now();
    const list: Viewer[] = [];
    for (const [id, entry] of this.viewers) {
      if (now - entry.seenAt > PRESENCE_TTL_MS) this.viewers.delete(id);
      else if (entry.workspaceId === workspaceId) list.push(entry.viewer);
    }
    return list;
  }

  private publishPresence(workspaceId: string) {
    const viewers = this.viewersOf(workspaceId);
    for (const s of this.subscribers) if (s.workspaceId === workspaceId) s.onPresence(viewers);
  }

  async announce(workspaceId: string, viewer: Viewer, state: "here" | "gone") {
    await this.ensureConnected();
    const notice: PresenceNotice = { workspaceId, serverId: this.serverId, state, viewer };
    // This server's own viewers are known at once; the notification tells the other servers.
    this.receive("parley_presence", JSON.stringify(notice));
    if (!this.embedded) await this.client?.query("SELECT pg_notify('parley_presence', $1)", [JSON.stringify(notice)]);
  }

  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }
}

const globalForHub = globalThis as unknown as { parleyLiveHub?: LiveHub };

export function liveHub(): LiveHub {
  globalForHub.parleyLiveHub ??= new LiveHub();
  return globalForHub.parleyLiveHub;
}
