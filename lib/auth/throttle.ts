import "server-only";
import { db } from "@/lib/db/client";

// Per-account throttling: after FREE_FAILURES failures in the window, each further attempt must
// wait an exponentially growing delay after the last failure. Keyed by the submitted email, so
// unknown accounts are throttled exactly like real ones.
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const FREE_FAILURES = 10;
const BASE_DELAY_MS = 1000;
const MAX_DELAY_MS = THROTTLE_WINDOW_MS;

export type ThrottleState = { failures: number; retryAt: Date | null };

export function delayAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (failures - FREE_FAILURES));
}

export async function readThrottle(email: string, now = new Date()): Promise<ThrottleState> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const attempts = await db().loginAttempt.findMany({
    where: { email, at: { gte: since } },
    orderBy: { at: "desc" },
    select: { succeeded: true, at: true },
    take: 200,
  });
  const failuresSinceSuccess = attempts.findIndex((a) => a.succeeded);
  const failures = failuresSinceSuccess === -1 ? attempts.length : failuresSinceSuccess;
  const delay = delayAfter(failures);
  if (delay === 0) return { failures, retryAt: null };
  const retryAt = new Date(attempts[0]!.at.getTime() + delay);
  return { failures, retryAt: retryAt > now ? retryAt : null };
}

export async function recordLoginAttempt(email: string, succeeded: boolean): Promise<void> {
  await db().loginAttempt.create({ data: { email, succeeded } });
}
