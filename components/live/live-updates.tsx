"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import {
  EARLY_STREAM_EVENTS,
  EARLY_STREAM_GLOBAL,
  type EarlyStream,
  liveStreamUrl,
} from "@/components/live/live-stream-url";
import { isOwnEcho } from "@/components/live/own-changes";
import { applyPresence, type PresenceEntry, type PresenceMessage } from "@/lib/live/presence";

type Status = "connecting" | "live" | "too-many-tabs" | "signed-out" | "no-access";

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

/**
 * Keeps a workspace page current: every change announced by the server, other than the echo of
 * this tab's own save, refreshes the page's server data (the matrix among it). Also shows who else is looking at the workspace, and where.
 * When the server ends the stream it says why: pushed out by newer tabs, or the session or the
 * membership ended. Those are shown and not retried in a loop; anything else reconnects with a
 * growing delay.
 */
export function LiveUpdates({ slug, userId }: { slug: string; userId: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const queryClient = useQueryClient();
  const [viewers, setViewers] = useState<ReadonlyMap<string, PresenceEntry>>(new Map());
  const [status, setStatus] = useState<Status>("connecting");
  const [attempt, setAttempt] = useState(0);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // The stream must not be torn down when the router or the query client object changes
  // identity (a refresh can do that): a reconnect window is where changes get missed.
  const refreshRef = useRef(() => {});
  refreshRef.current = () => {
    // Bursts of changes (an import writes several rows) refresh once.
    if (refreshTimer.current) clearTimeout(refreshTimer.current);
    refreshTimer.current = setTimeout(() => {
      void queryClient.invalidateQueries({ queryKey: ["evidence-options", { slug }] });
      router.refresh();
    }, 50);
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` restarts the stream on purpose ("Resume here").
  useEffect(() => {
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    let failures = 0;
    let connectedBefore = false;
    // After the server ended the stream for a session or access reason, one attempt tells
    // whether that still holds (the session may have been renewed in another tab).
    let ended: "session" | "access" | null = null;
    let stopped = false;

    const handlers: Record<(typeof EARLY_STREAM_EVENTS)[number], (event: Event) => void> = {
      ready: () => {
        setStatus("live");
        failures = 0;
        ended = null;
        // Changes made while the stream was down were not announced to us: catch up.
        if (connectedBefore) refreshRef.current();
        connectedBefore = true;
      },
      presence: (event) => {
        const message = JSON.parse((event as MessageEvent).data) as PresenceMessage;
        setViewers((list) => applyPresence(list, message));
      },
      // This tab's own save already brought the page re-rendered after it (the action's answer).
      activity: (event) => {
        if (!isOwnEcho(JSON.parse((event as MessageEvent).data))) refreshRef.current();
      },
      closed: (event) => {
        const { reason } = JSON.parse((event as MessageEvent).data) as { reason: string };
        source?.close();
        if (reason === "too_many_streams") {
          stopped = true;
          setStatus("too-many-tabs");
        } else if (reason === "session" || reason === "access") {
          ended = reason;
          setStatus("connecting");
          retryLater(1000);
        } else retryLater();
      },
      error: () => {
        if (stopped || source?.readyState !== EventSource.CLOSED) {
          if (!stopped) setStatus("connecting");
          return;
        }
        // The server refused the stream (signed out, no access, busy): the browser gives up.
        if (ended) {
          stopped = true;
          setStatus(ended === "session" ? "signed-out" : "no-access");
        } else {
          setStatus("connecting");
          retryLater();
        }
      },
    };

    const connect = () => {
      const url = liveStreamUrl(slug, pathname);
      const early = takeEarlyStream(url);
      source = early?.source ?? new EventSource(url);
      for (const type of EARLY_STREAM_EVENTS) source.addEventListener(type, handlers[type]);
      // What the stream said before this page was hydrated, in order.
      for (const event of early?.events ?? []) handlers[event.type as keyof typeof handlers]?.(event);
    };
    const retryLater = (delay?: number) => {
      failures += 1;
      const wait = delay ?? Math.min(MAX_BACKOFF_MS, 1000 * 2 ** failures) * (0.5 + Math.random() / 2);
      retryTimer = setTimeout(() => {
        retryTimer = null;
        connect();
      }, wait);
    };
    // After a few failures the wait grows to half a minute: when the network comes back or the
    // reader returns to the tab, try now rather than show stale data until the timer fires.
    const retryNow = () => {
      if (stopped || !retryTimer || document.visibilityState !== "visible") return;
      clearTimeout(retryTimer);
      retryTimer = null;
      connect();
    };
    window.addEventListener("online", retryNow);
    document.addEventListener("visibilitychange", retryNow);

    connect();
    return () => {
      window.removeEventListener("online", retryNow);
      document.removeEventListener("visibilitychange", retryNow);
      stopped = true;
      source?.close();
      if (retryTimer) clearTimeout(retryTimer);
      if (refreshTimer.current) clearTimeout(refreshTimer.current);
    };
  }, [slug, pathname, attempt]);

  const others = [...viewers.values()].filter((v) => v.userId !== userId);
  const connected = status === "live";
  return (
    <div
      aria-live="polite"
      className="mx-auto flex max-w-[1400px] items-center gap-2 px-6 pt-2 text-xs text-slate-500"
      data-testid="presence"
      data-connected={connected}
      data-status={status}
    >
      <span
        aria-hidden
        className={`inline-block size-2 rounded-full ${connected ? "bg-emerald-500" : "bg-slate-300"}`}
      />
      {status === "too-many-tabs" ? (
        <span>
          Opened in too many tabs: live updates are paused here.{" "}
          <button
            type="button"
            className="font-medium text-slate-700 underline"
            onClick={() => {
              setStatus("connecting");
              setAttempt((n) => n + 1);
            }}
          >
            Resume here
          </button>
        </span>
      ) : status === "signed-out" ? (
        <span>
          Signed out: live updates stopped.{" "}
          <Link href="/sign-in" className="font-medium text-slate-700 underline">
            Sign in again
          </Link>
        </span>
      ) : status === "no-access" ? (
        <span>You no longer have access to this workspace.</span>
      ) : (
        <span>{connected ? "Live" : "Connecting…"}</span>
      )}
      {connected && others.length > 0 ? (
        <span>
          · Also here:{" "}
          {others.map((v, i) => (
            <span key={v.userId} title={v.view} className="font-medium text-slate-700">
              {v.name}
              {v.view.includes("/documents/")
                ? " (reading a document)"
                : v.view.includes("/cells/")
                  ? " (in a cell)"
                  : ""}
              {i < others.length - 1 ? ", " : ""}
            </span>
          ))}
        </span>
      ) : null}
    </div>
  );
}
