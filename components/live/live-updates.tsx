"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";

type Viewer = { userId: string; name: string; view: string };

/**
 * Keeps a workspace page current: every change announced by the server refetches the matrix and
 * refreshes the page's server data. Also shows who else is looking at the workspace, and where.
 */
export function LiveUpdates({ slug, userId }: { slug: string; userId: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const queryClient = useQueryClient();
  const [viewers, setViewers] = useState<Viewer[]>([]);
  const [connected, setConnected] = useState(false);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // The stream must not be torn down when the router or the query client object changes
  // identity (a refresh can do that): a reconnect window is where changes get missed.
  const refreshRef = useRef(() => {});
  refreshRef.current = () => {
    // Bursts of changes (an import writes several rows) refresh once.
    if (refreshTimer.current) clearTimeout(refreshTimer.current);
    refreshTimer.current = setTimeout(() => {
      void queryClient.invalidateQueries({ queryKey: ["matrix", { slug }] });
      void queryClient.invalidateQueries({ queryKey: ["evidence-options", { slug }] });
      router.refresh();
    }, 50);
  };

  useEffect(() => {
    const source = new EventSource(`/api/w/${encodeURIComponent(slug)}/events?view=${encodeURIComponent(pathname)}`);
    let connectedBefore = false;
    source.addEventListener("ready", () => {
      setConnected(true);
      // Changes made while the stream was down were not announced to us: catch up.
      if (connectedBefore) refreshRef.current();
      connectedBefore = true;
    });
    source.addEventListener("error", () => setConnected(false));
    source.addEventListener("presence", (event) => setViewers(JSON.parse((event as MessageEvent).data)));
    source.addEventListener("activity", () => refreshRef.current());
    return () => {
      source.close();
      if (refreshTimer.current) clearTimeout(refreshTimer.current);
    };
  }, [slug, pathname]);

  const others = [...new Map(viewers.filter((v) => v.userId !== userId).map((v) => [v.userId, v])).values()];
  return (
    <div aria-live="polite" className="mx-auto flex max-w-[1400px] items-center gap-2 px-6 pt-2 text-xs text-slate-500" data-testid="presence" data-connected={connected}>
      <span aria-hidden className={`inline-block size-2 rounded-full ${connected ? "bg-emerald-500" : "bg-slate-300"}`} />
      <span>{connected ? "Live" : "Connecting…"}</span>
      {others.length > 0 ? (
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
      ) : null}
    </div>
  );
}
