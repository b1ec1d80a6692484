import "server-only";
import type { ApiCaller } from "@/lib/platform/auth/api-tokens";
import { type AddressLimit, takeAttempt } from "@/lib/platform/auth/throttle";
import { env } from "@/lib/platform/env";

// Rate limits of the JSON routes, counted in the database (throttle_events, like sign-up and
// invitation codes) so that every app server behind one PostgreSQL sees the same counts. A token
// has its own allowance; a session is counted per user, across all of that user's sessions.

export type RateLimitKind = "writes" | "expensive-reads";

export type RateLimitState = { kind: RateLimitKind; limit: AddressLimit; remaining: number; resetAt: Date };

export class RateLimitedError extends Error {
  constructor(
    readonly kind: RateLimitKind,
    readonly limit: AddressLimit,
    readonly retryAt: Date,
  ) {
    super(kind === "writes" ? "Too many writes" : "Too many exports");
    this.name = "RateLimitedError";
  }
}

export function rateLimitOf(kind: RateLimitKind): AddressLimit {
  const e = env();
  return kind === "writes"
    ? { limit: e.PARLEY_RATE_LIMIT_WRITES, windowMs: e.PARLEY_RATE_LIMIT_WRITES_WINDOW_SECONDS * 1000 }
    : {
        limit: e.PARLEY_RATE_LIMIT_EXPENSIVE_READS,
        windowMs: e.PARLEY_RATE_LIMIT_EXPENSIVE_READS_WINDOW_SECONDS * 1000,
      };
}

export function rateLimitKey(caller: ApiCaller): string {
  return caller.kind === "token" ? `token:${caller.tokenId}` : `user:${caller.userId}`;
}

/** Counts one request of this kind for the caller, or throws RateLimitedError (nothing counted). */
export async function takeRateLimit(caller: ApiCaller, kind: RateLimitKind, now = new Date()): Promise<RateLimitState> {
  const limit = rateLimitOf(kind);
  const attempt = await takeAttempt(`api:${kind}`, rateLimitKey(caller), limit, now);
  if (!attempt.ok) throw new RateLimitedError(kind, limit, attempt.retryAt);
  return { kind, limit, remaining: attempt.remaining, resetAt: attempt.resetAt };
}

const secondsUntil = (at: Date, now: Date) => Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000));

/** The IETF draft's RateLimit-Policy and RateLimit fields (draft-ietf-httpapi-ratelimit-headers). */
export function rateLimitHeaders(
  kind: RateLimitKind,
  limit: AddressLimit,
  remaining: number,
  resetAt: Date,
  now = new Date(),
): Record<string, string> {
  return {
    "RateLimit-Policy": `"${kind}";q=${limit.limit};w=${Math.round(limit.windowMs / 1000)}`,
    RateLimit: `"${kind}";r=${Math.max(0, remaining)};t=${secondsUntil(resetAt, now)}`,
  };
}

export function withRateLimit(response: Response, state: RateLimitState): Response {
  for (const [name, value] of Object.entries(rateLimitHeaders(state.kind, state.limit, state.remaining, state.resetAt)))
    response.headers.set(name, value);
  return response;
}

export function retryAfterSeconds(retryAt: Date, now = new Date()): number {
  return secondsUntil(retryAt, now);
}
