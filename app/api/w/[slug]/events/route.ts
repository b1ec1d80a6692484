import type { NextRequest } from "next/server";
import { currentSessionClaims } from "@/lib/platform/auth/revoke";
import { AccessError } from "@/lib/platform/errors";
import { handleRoute, jsonError } from "@/lib/platform/http/route";
import { authorizeWorkspace, requireSessionCaller } from "@/lib/workspaces/access";
import { liveHub, memberName, streamGrant } from "@/lib/workspaces/live";

export const dynamic = "force-dynamic";

/**
 * Server-Sent Events for one workspace: `activity` (something changed: refetch), `presence` (who
 * else is looking, and at what: a snapshot, then changes) and `closed` (why the server ended the
 * stream). The session and the membership are checked again at every heartbeat, which is why the
 * stream is session-only: a script polls the JSON routes instead.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  return handleRoute(async () => {
    const { slug } = await params;
    await requireSessionCaller(request);
    const workspace = await authorizeWorkspace(slug, "workspace:read");
    const hub = liveHub();
    // Side by side: the browser shows "Connecting…" until the first byte of the stream.
    const [session, name] = await Promise.all([currentSessionClaims(), memberName(workspace), hub.ensureConnected()]);
    if (!session) throw new AccessError("unauthenticated", "Sign in to continue.");
    const view = (request.nextUrl.searchParams.get("view") ?? "matrix").slice(0, 200);
    const body = hub.open(streamGrant(workspace, session), { name, view });
    if (!body) {
      const busy = jsonError(503, "server_busy", "Too many live connections on this server; try again shortly.");
      busy.headers.set("Retry-After", "30");
      return busy;
    }
    return new Response(body, {
      headers: {
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-store, no-transform",
        Connection: "keep-alive",
        "X-Accel-Buffering": "no",
      },
    });
  });
}
