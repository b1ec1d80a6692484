"use client";

import { lazy, Suspense } from "react";

// The live stream's code is not needed for the page to be interactive: the stream itself is opened
// while the HTML arrives (LiveStreamStarter) and holds what it is sent until the panel adopts it.
// So the panel is its own chunk, fetched as the page hydrates rather than before; the server
// renders it in place all the same.
const LiveUpdatesPanel = lazy(() =>
  import("@/components/live/live-updates-panel").then((m) => ({ default: m.LiveUpdatesPanel })),
);

/** The workspace's live updates and presence (LiveUpdatesPanel), loaded on its own. */
export function LiveUpdates({ slug, userId }: { slug: string; userId: string }) {
  return (
    <Suspense fallback={<Connecting />}>
      <LiveUpdatesPanel slug={slug} userId={userId} />
    </Suspense>
  );
}

/** What the panel shows until it has connected; shown while its code loads on a client-side navigation. */
function Connecting() {
  return (
    <div
      aria-live="polite"
      className="mx-auto flex max-w-[1400px] items-center gap-2 px-6 pt-2 text-xs text-slate-500"
      data-testid="presence"
      data-connected={false}
      data-status="connecting"
    >
      <span aria-hidden className="inline-block size-2 rounded-full bg-slate-300" />
      <span>Connecting…</span>
    </div>
  );
}
