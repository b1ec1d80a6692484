import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { jsonError } from "@/lib/platform/http/route";

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/**
 * null when the request carries `Authorization: Bearer <PARLEY_METRICS_TOKEN>`; else the answer:
 * 404 while no token is configured (the endpoint does not exist), 401 for a missing or wrong one.
 */
export function authorizeMetricsScrape(headers: Headers, token: string | undefined): Response | null {
  if (!token) return jsonError(404, "not_found", "Metrics are off (set PARLEY_METRICS_TOKEN to turn them on).");
  const presented = /^Bearer\s+(\S+)$/i.exec(headers.get("authorization") ?? "")?.[1] ?? "";
  if (timingSafeEqual(digest(presented), digest(token))) return null;
  return new Response(
    JSON.stringify({ error: "unauthenticated", message: "Send Authorization: Bearer <PARLEY_METRICS_TOKEN>." }),
    {
      status: 401,
      headers: {
        "Content-Type": "application/json",
        "Cache-Control": "no-store",
        "WWW-Authenticate": 'Bearer realm="metrics"',
      },
    },
  );
}
