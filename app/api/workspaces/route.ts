import { isSameOrigin } from "@/lib/platform/http/public-origin";
import { takeRateLimit, withRateLimit } from "@/lib/platform/http/rate-limit";
import { handleRoute, jsonError } from "@/lib/platform/http/route";
import { authorizeWorkspace, authorizeWorkspaceCreation, requireSessionCaller } from "@/lib/workspaces/access";
import { createWorkspace } from "@/lib/workspaces/mutations";
import { CreateWorkspaceSchema } from "@/lib/workspaces/schema";

/**
 * For scripts: `{ title, slug, description?, template?, copyFrom? }` → 201 `{ slug }`; the caller
 * becomes owner. Session-only: access tokens are scoped to existing workspaces.
 */
export async function POST(request: Request) {
  return handleRoute(async () => {
    // As for document imports: a cross-site page can send a simple POST with the session cookie,
    // but not a JSON one without a CORS preflight, which this server never grants.
    if (!isSameOrigin(request.headers)) return jsonError(403, "cross_origin", "Requests from other sites are refused.");
    if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json"))
      return jsonError(415, "unsupported_media_type", "Send the workspace as JSON (Content-Type: application/json).");
    await requireSessionCaller(request);
    const userId = await authorizeWorkspaceCreation();
    const body = await request.json().catch(() => undefined);
    if (body === undefined || body === null || typeof body !== "object")
      return jsonError(400, "invalid_json", "Send a JSON object: { title, slug, description?, template? }.");
    const input = CreateWorkspaceSchema.parse(body);
    const source = input.copyFrom ? await authorizeWorkspace(input.copyFrom, "workspace:read") : null;
    const limit = await takeRateLimit({ kind: "session", userId }, "writes");
    const result = await createWorkspace(input, { ownerUserId: userId, source });
    if (!result.ok) return jsonError(409, result.code, result.message, { fieldErrors: result.fields });
    return withRateLimit(
      Response.json({ slug: result.workspace.slug }, { status: 201, headers: { "Cache-Control": "no-store" } }),
      limit,
    );
  });
}
