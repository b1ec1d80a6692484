"use client";

import Link from "next/link";
import type { LiveStatus } from "@/components/live/live-connection";
import type { PresenceEntry } from "@/lib/platform/live/presence";
import { useLiveUpdates } from "./use-live-updates";

function StatusText({ status, onResume }: { status: LiveStatus; onResume: () => void }) {
  if (status === "too-many-tabs")
    return (
      <span>
        Opened in too many tabs: live updates are paused here.{" "}
        <button type="button" className="font-medium text-slate-700 underline" onClick={onResume}>
          Resume here
        </button>
      </span>
    );
  if (status === "signed-out")
    return (
      <span>
        Signed out: live updates stopped.{" "}
        <Link href="/sign-in" className="font-medium text-slate-700 underline">
          Sign in again
        </Link>
      </span>
    );
  if (status === "no-access") return <span>You no longer have access to this workspace.</span>;
  return <span>{status === "live" ? "Live" : "Connecting…"}</span>;
}

/** The other members looking at the workspace, and whether in a document or a cell. */
function AlsoHere({ others }: { others: PresenceEntry[] }) {
  return (
    <span>
      · Also here:{" "}
      {others.map((v, i) => (
        <span key={v.userId} title={v.view} className="font-medium text-slate-700">
          {v.name}
          {v.view.includes("/documents/") ? " (reading a document)" : v.view.includes("/cells/") ? " (in a cell)" : ""}
          {i < others.length - 1 ? ", " : ""}
        </span>
      ))}
    </span>
  );
}

/**
 * Keeps a workspace page current: every change announced by the server, other than the echo of
 * this tab's own save, refreshes the page's server data (the matrix among it). Also shows who else is looking at the workspace, and where.
 * When the server ends the stream it says why: pushed out by newer tabs, or the session or the
 * membership ended. Those are shown and not retried in a loop; anything else reconnects with a
 * growing delay.
 */
export function LiveUpdates({ slug, userId }: { slug: string; userId: string }) {
  const { viewers, status, resume } = useLiveUpdates(slug);
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
      <StatusText status={status} onResume={resume} />
      {connected && others.length > 0 ? <AlsoHere others={others} /> : null}
    </div>
  );
}
