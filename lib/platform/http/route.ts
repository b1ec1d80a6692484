import "server-only";
import { z } from "zod";
import { isDataException } from "@/lib/platform/db/errors";
import { AccessError } from "@/lib/platform/errors";
import { RateLimitedError, rateLimitHeaders, retryAfterSeconds } from "@/lib/platform/http/rate-limit";

const ACCESS_STATUS = {
  unauthenticated: 401,
  invalid_token: 401,
  session_required: 401,
  not_found: 404,
  forbidden: 403,
  archived: 403,
} as const;

export function jsonError(status: number, error: string, message: string, details?: unknown) {
  return Response.json(
    { error, message, ...(details ? { details } : {}) },
    { status, headers: { "Cache-Control": "no-store" } },
  );
}

/** Turns the expected failures of a route handler into JSON answers; anything else is a 500. */
export async function handleRoute(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AccessError) {
      const response = jsonError(ACCESS_STATUS[error.code], error.code, error.message);
      // RFC 6750: tell a script its bearer token was the problem.
      if (error.code === "invalid_token") response.headers.set("WWW-Authenticate", 'Bearer error="invalid_token"');
      return response;
    }
    if (error instanceof RateLimitedError) {
      const seconds = retryAfterSeconds(error.retryAt);
      const response = jsonError(
        429,
        "rate_limited",
        `${error.message}; try again in ${seconds} second${seconds === 1 ? "" : "s"}. Nothing was done.`,
        { retryAfterSeconds: seconds },
      );
      response.headers.set("Retry-After", String(seconds));
      for (const [name, value] of Object.entries(rateLimitHeaders(error.kind, error.limit, 0, error.retryAt)))
        response.headers.set(name, value);
      return response;
    }
    if (error instanceof z.ZodError) {
      return jsonError(
        400,
        "invalid_request",
        error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; "),
        z.flattenError(error),
      );
    }
    if (isDataException(error)) {
      console.warn("input refused by the database, not by its schema:", error);
      return jsonError(
        400,
        "invalid_input",
        "Part of the request cannot be stored (an invisible character or a value out of range).",
      );
    }
    console.error(error);
    return jsonError(500, "internal_error", "Something went wrong on our side.");
  }
}
