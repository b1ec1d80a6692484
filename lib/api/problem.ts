import "server-only";
import { handleRoute } from "@/lib/platform/http/route";

// RFC 9457 problem details for /api/v1/: every refusal is application/problem+json with type,
// title, status and detail, plus the `error` code and `message` the older JSON routes answer
// with, so a script written against either reads the same fields.

const TITLES: Record<string, string> = {
  unauthenticated: "Authentication required",
  invalid_token: "Invalid access token",
  session_required: "Session required",
  not_found: "Not found",
  forbidden: "Forbidden",
  archived: "Workspace archived",
  rate_limited: "Too many requests",
  invalid_request: "Invalid request",
  invalid_input: "Invalid input",
  invalid_json: "Invalid JSON",
  cross_origin: "Cross-origin request refused",
  unsupported_media_type: "Unsupported media type",
  too_large: "Request too large",
  duplicate: "Duplicate document",
  conflict: "Edit conflict",
  already_amended: "Statement already amended",
  evidence_not_found: "Linked evidence not found",
  stale_revision: "Document revised since",
  anchor_mismatch: "Passage does not match the text",
  quote_not_found: "Quote not found in the text",
  speaker_not_found: "Speaker not found",
  statement_not_found: "Linked statement not found",
  date_required: "Date required",
  internal_error: "Internal server error",
  // Answered by the admission gate in front of the app (scripts/admission.mjs), not by a route.
  busy: "Server busy",
};

/** Where a problem type is described: its entry on the API reference page. */
export const problemType = (code: string) => `/docs/api#problem-${code}`;

export const PROBLEM_CODES = Object.keys(TITLES);

export function problemTitle(code: string): string {
  return TITLES[code] ?? code.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase());
}

export function problem(
  status: number,
  error: string,
  detail: string,
  extensions: Record<string, unknown> = {},
  headers: HeadersInit = {},
): Response {
  const response = Response.json(
    { type: problemType(error), title: problemTitle(error), status, detail, error, message: detail, ...extensions },
    { status, headers },
  );
  response.headers.set("Content-Type", "application/problem+json");
  response.headers.set("Cache-Control", "no-store");
  return response;
}

/** A refusal from handleRoute's `{ error, message, details? }` as problem details, its headers kept. */
async function asProblem(response: Response): Promise<Response> {
  if (response.ok || !response.headers.get("content-type")?.startsWith("application/json")) return response;
  const body = (await response.clone().json()) as { error?: unknown; message?: unknown };
  if (typeof body.error !== "string") return response;
  const { error, message, ...extensions } = body;
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return problem(response.status, error, String(message ?? problemTitle(error)), extensions, headers);
}

/** handleRoute for /api/v1/: the same mapping of expected failures, answered as problem details. */
export async function handleApiRoute(run: () => Promise<Response>): Promise<Response> {
  return asProblem(
    await handleRoute(async () => {
      try {
        return await run();
      } catch (error) {
        if (error instanceof ApiRefusal) return error.response;
        throw error;
      }
    }),
  );
}

/** A refusal decided before any domain code runs (wrong media type, another site's request). */
export class ApiRefusal extends Error {
  constructor(readonly response: Response) {
    super("refused");
    this.name = "ApiRefusal";
  }
}
