import "server-only";
import type { z } from "zod";
import { ApiRefusal, problem } from "@/lib/api/problem";
import { isSameOrigin } from "@/lib/platform/http/public-origin";
import { authenticateRequest, authorizeWorkspace, type Permission } from "@/lib/workspaces/access";

/** A request's query string as an object for a zod schema (the first value of each name). */
export function queryOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}

/**
 * The JSON body of a write. Like the older POST routes: a cross-site page can send the session
 * cookie with a simple POST, but not a JSON one without a CORS preflight, which this server never
 * grants; a script's request has no Origin at all.
 */
export async function readJsonBody(request: Request): Promise<Record<string, unknown>> {
  if (!isSameOrigin(request.headers))
    throw new ApiRefusal(problem(403, "cross_origin", "Requests from other sites are refused."));
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json"))
    throw new ApiRefusal(
      problem(415, "unsupported_media_type", "Send the body as JSON (Content-Type: application/json)."),
    );
  const body = await request.json().catch(() => undefined);
  if (body === null || typeof body !== "object" || Array.isArray(body))
    throw new ApiRefusal(problem(400, "invalid_json", "Send a JSON object."));
  return body as Record<string, unknown>;
}

/** The caller and the workspace they may act on with `permission`: the same gate as every route. */
export async function authorizeApiRequest(request: Request, slug: string, permission: Permission) {
  const caller = await authenticateRequest(request);
  return { caller, workspace: await authorizeWorkspace(slug, permission, caller) };
}

/** An answer shaped by its documented schema: fields the schema does not name never leave. */
export function apiJson<S extends z.ZodType>(schema: S, data: z.input<S>, init: ResponseInit = {}): Response {
  const response = Response.json(schema.parse(data), init);
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}
