import {
  EARLY_STREAM_EVENTS,
  EARLY_STREAM_GLOBAL,
  type EarlyStream,
  liveStreamUrl,
} from "@/components/live/live-stream-url";
import { isOwnEcho } from "@/components/live/own-changes";
import type { PresenceMessage } from "@/lib/platform/live/presence";

export type LiveStatus = "connecting" | "live" | "too-many-tabs" | "signed-out" | "no-access";

const MAX_BACKOFF_MS = 60_000;

/**
 * The stream the page's inline starter opened (LiveStreamStarter), once, if it is for `url` and
 * still open; otherwise it is closed and a fresh one is made.
 */
function takeEarlyStream(url: string): { source: EventSource; events: Event[] } | null {
  const holder = window as unknown as Record<string, EarlyStream | undefined>;
  const early = holder[EARLY_STREAM_GLOBAL];
  if (!early) return null;
  delete holder[EARLY_STREAM_GLOBAL];
  const events = early.events ?? [];
  // The starter stops recording: from here on LiveUpdates' own listeners hear the stream.
  early.events = null;
  if (early.url === url && early.source.readyState !== EventSource.CLOSED) return { source: early.source, events };
  early.source.close();
  return null;
}

/** What the page does with the stream: show its status and who is here, and read its data again. */
export type LiveListener = {
  setStatus: (status: LiveStatus) => void;
  onPresence: (message: PresenceMessage) => void;
  refresh: () => void;
};

type Connection = {
  source: EventSource | null;
  retryTimer: ReturnType<typeof setTimeout> | null;
  failures: number;
  connectedBefore: boolean;
  // After the server ended the stream for a session or access reason, one attempt tells
  // whether that still holds (the session may have been renewed in another tab).
  ended: "session" | "access" | null;
  stopped: boolean;
};

type Handlers = Record<(typeof EARLY_STREAM_EVENTS)[number], (event: Event) => void>;

function streamHandlers(conn: Connection, listener: LiveListener, retryLater: (delay?: number) => void): Handlers {
  const { setStatus } = listener;
  return {
    ready: () => {
      setStatus("live");
      conn.failures = 0;
      conn.ended = null;
      // Changes made while the stream was down were not announced to us: catch up.
      if (conn.connectedBefore) listener.refresh();
      conn.connectedBefore = true;
    },
    presence: (event) => listener.onPresence(JSON.parse((event as MessageEvent).data) as PresenceMessage),
    // This tab's own save already brought the page re-rendered after it (the action's answer).
    activity: (event) => {
      if (!isOwnEcho(JSON.parse((event as MessageEvent).data))) listener.refresh();
    },
    closed: (event) => {
      const { reason } = JSON.parse((event as MessageEvent).data) as { reason: string };
      conn.source?.close();
      if (reason === "too_many_streams") {
        conn.stopped = true;
        setStatus("too-many-tabs");
      } else if (reason === "session" || reason === "access") {
        conn.ended = reason;
        setStatus("connecting");
        retryLater(1000);
      } else retryLater();
    },
    error: () => {
      if (conn.stopped || conn.source?.readyState !== EventSource.CLOSED) {
        if (!conn.stopped) setStatus("connecting");
        return;
      }
      // The server refused the stream (signed out, no access, busy): the browser gives up.
      if (conn.ended) {
        conn.stopped = true;
        setStatus(conn.ended === "session" ? "signed-out" : "no-access");
      } else {
        setStatus("connecting");
        retryLater();
      }
    },
  };
}

/**
 * Opens the workspace's stream for the page at `pathname` (adopting the early one) and keeps it
 * open, reconnecting with a growing delay. Returns what closes it for good.
 */
export function openLiveStream(slug: string, pathname: string, listener: LiveListener): () => void {
  const conn: Connection = {
    source: null,
    retryTimer: null,
    failures: 0,
    connectedBefore: false,
    ended: null,
    stopped: false,
  };
  const handlers = streamHandlers(conn, listener, (delay) => retryLater(delay));

  function connect() {
    const url = liveStreamUrl(slug, pathname);
    const early = takeEarlyStream(url);
    const source = early?.source ?? new EventSource(url);
    conn.source = source;
    for (const type of EARLY_STREAM_EVENTS) source.addEventListener(type, handlers[type]);
    // What the stream said before this page was hydrated, in order.
    for (const event of early?.events ?? []) handlers[event.type as keyof typeof handlers]?.(event);
  }
  function retryLater(delay?: number) {
    conn.failures += 1;
    const wait = delay ?? Math.min(MAX_BACKOFF_MS, 1000 * 2 ** conn.failures) * (0.5 + Math.random() / 2);
    conn.retryTimer = setTimeout(() => {
      conn.retryTimer = null;
      connect();
    }, wait);
  }
  // After a few failures the wait grows to half a minute: when the network comes back or the
  // reader returns to the tab, try now rather than show stale data until the timer fires.
  const retryNow = () => {
    if (conn.stopped || !conn.retryTimer || document.visibilityState !== "visible") return;
    clearTimeout(conn.retryTimer);
    conn.retryTimer = null;
    connect();
  };
  window.addEventListener("online", retryNow);
  document.addEventListener("visibilitychange", retryNow);

  connect();
  return () => {
    window.removeEventListener("online", retryNow);
    document.removeEventListener("visibilitychange", retryNow);
    conn.stopped = true;
    conn.source?.close();
    if (conn.retryTimer) clearTimeout(conn.retryTimer);
  };
}
