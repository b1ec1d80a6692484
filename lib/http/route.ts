import "server-only";
import { z } from "zod";
import { AccessError } from "@/lib/workspaces/access";

const ACCESS_STATUS = { unauthenticated: 401, not_found: 404, forbidden: 403 } as const;

export function jsonError(status: number, error: string, message: string, details?: unknown) {
  return Response.json({ error, message, ...(details ? { details } : {}) }, { status, headers: { "Cache-Control": "no-store" } });
}

/** Turns the expected failures of a route handler into JSON answers; anything else is a 500. */
export async function handleRoute(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AccessError) return jsonError(ACCESS_STATUS[error.code], error.code, error.message);
    if (error instanceof z.ZodError) {
      return jsonError(400, "invalid_request", error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; "), z.flattenError(error));
    }
    console.error(error);
    return jsonError(500, "internal_error", "Something went wrong on our side.");
  }
}
