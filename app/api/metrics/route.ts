import { env } from "@/lib/platform/env";
import { metrics } from "@/lib/platform/observability/metrics";
import { authorizeMetricsScrape } from "@/lib/platform/observability/metrics-access";
import { liveStreamCount } from "@/lib/workspaces/live";

export const dynamic = "force-dynamic";

/** Prometheus metrics of this server process, for a scraper holding PARLEY_METRICS_TOKEN. */
export async function GET(request: Request) {
  const refusal = authorizeMetricsScrape(request.headers, env().PARLEY_METRICS_TOKEN);
  if (refusal) return refusal;
  const { registry, liveStreams } = metrics();
  liveStreams.set(liveStreamCount());
  return new Response(await registry.metrics(), {
    headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" },
  });
}
