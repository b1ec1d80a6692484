"use client";

import { useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { type LiveStatus, openLiveStream } from "@/components/live/live-connection";
import { applyPresence, type PresenceEntry } from "@/lib/platform/live/presence";

/** The workspace's live stream for this page: its status, who is here, and the refresh of the page's data. */
export function useLiveUpdates(slug: string) {
  const router = useRouter();
  const pathname = usePathname();
  const queryClient = useQueryClient();
  const [viewers, setViewers] = useState<ReadonlyMap<string, PresenceEntry>>(new Map());
  const [status, setStatus] = useState<LiveStatus>("connecting");
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
    const close = openLiveStream(slug, pathname, {
      setStatus,
      onPresence: (message) => setViewers((list) => applyPresence(list, message)),
      refresh: () => refreshRef.current(),
    });
    return () => {
      close();
      if (refreshTimer.current) clearTimeout(refreshTimer.current);
    };
  }, [slug, pathname, attempt]);

  const resume = () => {
    setStatus("connecting");
    setAttempt((n) => n + 1);
  };
  return { viewers, status, resume };
}
