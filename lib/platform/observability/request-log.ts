import "server-only";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { env } from "@/lib/platform/env";
import { logger } from "@/lib/platform/observability/logger";
import { metrics } from "@/lib/platform/observability/metrics";
import { type RequestContext, requestContexts, requestStore } from "@/lib/platform/observability/request-context";

// Next.js has no hook that sees a request's final status and duration (its own request log is
// neither structured nor pluggable), so one log line and one histogram sample per request come
// from the HTTP server itself: instrumentation.ts wraps http.Server's "request" event once at
// start. The route is the pattern from the build's routes manifest (/w/[slug]/documents/[id]),
// never the path, which can hold invitation and share tokens. The user id is filled in by
// proxy.ts, which resolves the session for every request but static files.

type RouteEntry = { page: string; regex: string };

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const OTHER = "(other)";

const globalForRequests = globalThis as unknown as { parleyRequestLogging?: boolean };

/** A function from a path to its route pattern, from `routes-manifest.json`'s routes. */
export function routeMatcher(manifest: {
  staticRoutes?: RouteEntry[];
  dynamicRoutes?: RouteEntry[];
}): (pathname: string) => string {
  const exact = new Set((manifest.staticRoutes ?? []).map((r) => r.page));
  const dynamic = (manifest.dynamicRoutes ?? []).map((r) => ({ page: r.page, regex: new RegExp(r.regex) }));
  return (pathname) => {
    if (pathname.startsWith("/_next/")) return pathname.split("/", 3).join("/");
    const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
    if (exact.has(trimmed)) return trimmed;
    return dynamic.find((r) => r.regex.test(pathname))?.page ?? OTHER;
  };
}

function loadRouteMatcher(): (pathname: string) => string {
  const distDir = process.env.PARLEY_DIST_DIR || ".next";
  try {
    return routeMatcher(JSON.parse(readFileSync(path.join(process.cwd(), distDir, "routes-manifest.json"), "utf8")));
  } catch {
    // `next dev` writes no complete manifest: every route is "(other)" there.
    return routeMatcher({});
  }
}

function observe(
  request: IncomingMessage,
  response: ServerResponse,
  matchRoute: (pathname: string) => string,
): RequestContext {
  const started = process.hrtime.bigint();
  // A proxy's request id is kept only from a trusted proxy, so a client cannot pick one that
  // collides with another request's.
  const incoming = request.headers["x-request-id"];
  let requestId =
    env().AUTH_TRUST_HOST && typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  // A server action that redirects has Next render the target through a request to itself, with
  // the action's headers: that one is logged under the action's id and a suffix of its own.
  if (requestContexts.has(requestId)) requestId = `${requestId}.${randomUUID().slice(0, 8)}`;
  request.headers["x-request-id"] = requestId;
  response.setHeader("X-Request-Id", requestId);
  const context: RequestContext = { queries: 0 };
  requestContexts.set(requestId, context);
  response.once("close", () => {
    requestContexts.delete(requestId);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const pathname = (request.url ?? "/").split("?", 1)[0] ?? "/";
    const route = matchRoute(pathname);
    const method = request.method ?? "GET";
    const status = response.statusCode;
    metrics().httpRequestDuration.observe({ method, route, status: String(status) }, seconds);
    const line = {
      reqId: requestId,
      method,
      route,
      ...(request.headers["next-action"] ? { action: true } : {}),
      status,
      durationMs: Math.round(seconds * 10_000) / 10,
      ...(context.userId ? { userId: context.userId } : {}),
      queries: context.queries,
      ...(response.writableFinished ? {} : { aborted: true }),
    };
    const log = logger();
    if (status >= 500) log.error(line, "request");
    else if (route.startsWith("/_next/")) log.debug(line, "request");
    else log.info(line, "request");
  });
  return context;
}

/** Wraps every HTTP server of this process (the one `next start` makes) once; returns the undo (for the benchmark). */
export function installRequestLogging(): () => void {
  if (globalForRequests.parleyRequestLogging) return () => {};
  globalForRequests.parleyRequestLogging = true;
  const matchRoute = loadRouteMatcher();
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    const forward = () => emit.apply(this, [event, ...args] as unknown as Parameters<typeof emit>);
    if (event !== "request") return forward();
    // The request's handling runs inside its context, so the database can count its queries.
    const context = observe(args[0] as IncomingMessage, args[1] as ServerResponse, matchRoute);
    return requestStore.run(context, forward);
  } as typeof emit;
  return () => {
    http.Server.prototype.emit = emit;
    globalForRequests.parleyRequestLogging = false;
  };
}
