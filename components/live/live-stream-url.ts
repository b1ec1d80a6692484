/** The event stream of a workspace, for a browser showing `view` (a path). */
export const liveStreamUrl = (slug: string, view: string) =>
  `/api/w/${encodeURIComponent(slug)}/events?view=${encodeURIComponent(view)}`;

/** Where the page's inline starter leaves the stream it opened, for LiveUpdates to adopt. */
export const EARLY_STREAM_GLOBAL = "__parleyLiveStream";
export const EARLY_STREAM_EVENTS = ["ready", "presence", "activity", "closed", "error"] as const;

/** What the starter leaves behind; `events` is null once LiveUpdates has taken the stream. */
export type EarlyStream = { url: string; source: EventSource; events: Event[] | null };
