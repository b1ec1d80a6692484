import "server-only";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

// Per process: each app server counts its own requests; Prometheus scrapes each one and sums.
// One registry on globalThis, since the proxy, route handlers and instrumentation are separate bundles.
function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "parley_" });
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: "parley_http_request_duration_seconds",
      help: "Time from a request's arrival to the end of its response, by route pattern, method and status.",
      labelNames: ["method", "route", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    actionDuration: new Histogram({
      name: "parley_action_duration_seconds",
      help: "Server action run time by action and outcome (ok, invalid, refused, error).",
      labelNames: ["action", "outcome"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    editConflicts: new Counter({
      name: "parley_edit_conflicts_total",
      help: "Stance edits refused because someone else changed the cell first (compare-and-set lost).",
      registers: [registry],
    }),
    liveStreams: new Gauge({
      name: "parley_live_streams",
      help: "Live event streams (Server-Sent Events) open on this server.",
      registers: [registry],
    }),
    poolWait: new Histogram({
      name: "parley_db_pool_wait_seconds",
      help: "Time a query or transaction waited for a database connection from the pool.",
      labelNames: ["pool"] as const,
      buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10],
      registers: [registry],
    }),
  };
}

type Metrics = ReturnType<typeof createMetrics>;
const globalForMetrics = globalThis as unknown as { parleyMetrics?: Metrics };

export function metrics(): Metrics {
  globalForMetrics.parleyMetrics ??= createMetrics();
  return globalForMetrics.parleyMetrics;
}
