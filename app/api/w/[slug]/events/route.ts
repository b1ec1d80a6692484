import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { authorizeWorkspace } from "@/lib/workspaces/access";
import { handleRoute } from "@/lib/http/route";
import { liveHub, PRESENCE_HEARTBEAT_MS, type Viewer } from "@/lib/live/hub";
import { stillMember } from "@/lib/live/data";

export const dynamic = "force-dynamic";

/**
 * Server-Sent Events for one workspace: `activity` (something changed: refetch) and `presence`
 * (who else is looking, and at what). Membership is checked again at every heartbeat, so a
 * removed member's stream ends within seconds.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  return handleRoute(async () => {
    const { slug } = await params;
    const workspace = await authorizeWorkspace(slug, "workspace:read");
    const view = (request.nextUrl.searchParams.get("view") ?? "matrix").slice(0, 200);
    const hub = liveHub();
    await hub.ensureConnected();
    const viewer: Viewer = { connectionId: randomUUID(), userId: workspace.userId, name: await stillMember(workspace), view };
    const encoder = new TextEncoder();
    let cleanup = () => {};

    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const send = (event: string, data: unknown) => {
          try {
            controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
          } catch {
            cleanup();
          }
        };
        const unsubscribe = hub.subscribe({
          workspaceId: workspace.id,
          onActivity: (notice) => send("activity", { action: notice.action, subjectType: notice.subjectType, subjectId: notice.subjectId, mine: notice.actorId === workspace.userId }),
          onPresence: (viewers) => send("presence", viewers.filter((v) => v.connectionId !== viewer.connectionId).map(({ userId, name, view: v }) => ({ userId, name, view: v }))),
        });
        const heartbeat = setInterval(async () => {
          if (!(await stillMember(workspace).catch(() => null))) return cleanup();
          send("ping", Date.now());
          void hub.announce(workspace.id, viewer, "here").catch(() => {});
        }, PRESENCE_HEARTBEAT_MS);
        cleanup = () => {
          cleanup = () => {};
          clearInterval(heartbeat);
          unsubscribe();
          void hub.announce(workspace.id, viewer, "gone").catch(() => {});
          try {
            controller.close();
          } catch {
            // already closed by the client
          }
        };
        request.signal.addEventListener("abort", () => cleanup());
        send("ready", { connectionId: viewer.connectionId });
        void hub.announce(workspace.id, viewer, "here").catch(() => {});
      },
      cancel() {
        cleanup();
      },
    });
    return new Response(stream, {
      headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store, no-transform", Connection: "keep-alive", "X-Accel-Buffering": "no" },
    });
  });
}
