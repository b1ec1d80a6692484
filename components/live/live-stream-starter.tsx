import { headers } from "next/headers";
import { EARLY_STREAM_EVENTS, EARLY_STREAM_GLOBAL, liveStreamUrl } from "@/components/live/live-stream-url";

// JSON inside a script element: "<" escaped so no value can close the element.
const js = (value: unknown) => JSON.stringify(value).replaceAll("<", "\\u003c");

/**
 * Opens the workspace's event stream while the page's HTML is still being parsed, instead of
 * after the scripts have loaded and the page has hydrated: the live status then turns to
 * connected about as soon as the page shows. LiveUpdates adopts the stream and replays what it
 * was sent meanwhile (the first presence list above all).
 */
export async function LiveStreamStarter({ slug }: { slug: string }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const script = `(() => {
  try {
    const url = ${js(liveStreamUrl(slug, ""))} + encodeURIComponent(location.pathname);
    const source = new EventSource(url);
    const early = { url, source, events: [] };
    for (const type of ${js(EARLY_STREAM_EVENTS)}) source.addEventListener(type, (event) => early.events?.push(event));
    window[${js(EARLY_STREAM_GLOBAL)}] = early;
  } catch {}
})();`;
  // biome-ignore lint/security/noDangerouslySetInnerHtml: our own script; the slug is JSON-encoded and the page's CSP nonce lets only it run.
  return <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: script }} />;
}
