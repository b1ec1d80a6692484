import "server-only";
import { db } from "@/lib/platform/db/client";
import { env } from "@/lib/platform/env";

// Sign-in throttling, all of it in the database so that several app servers share it.
//
// Per account: after FREE_FAILURES failures from one client address (ACCOUNT_FREE_FAILURES from
// all addresses together) since the account's last success, within the window, each further
// attempt must wait an exponentially growing delay after the last counted failure. Attempts
// made during a delay are refused unchecked and are not recorded, so trying the right password
// too early never extends the delay. Keyed by the submitted email, so unknown accounts are
// throttled exactly like real ones.
//
// Per client address: at most PARLEY_SIGNIN_ADDRESS_LIMIT failures across all accounts per
// PARLEY_SIGNIN_ADDRESS_WINDOW_SECONDS, against password spraying.
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const FREE_FAILURES = 10;
export const ACCOUNT_FREE_FAILURES = 50;
const BASE_DELAY_MS = 1000;
const MAX_DELAY_MS = THROTTLE_WINDOW_MS;

export type ThrottleState = { failures: number; retryAt: Date | null; reason: "account" | "address" | null };
export type AddressLimit = { limit: number; windowMs: number };

export function signInAddressLimit(): AddressLimit {
  return { limit: env().PARLEY_SIGNIN_ADDRESS_LIMIT, windowMs: env().PARLEY_SIGNIN_ADDRESS_WINDOW_SECONDS * 1000 };
}

export function registerAddressLimit(): AddressLimit {
  return { limit: env().PARLEY_REGISTER_ADDRESS_LIMIT, windowMs: env().PARLEY_REGISTER_ADDRESS_WINDOW_SECONDS * 1000 };
}

export function delayAfter(failures: number, free = FREE_FAILURES): number {
  if (failures < free) return 0;
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (failures - free));
}

function later(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

/** When the oldest of the last `limit` events in the window leaves it; null while under the limit. */
function limitRetryAt(times: Date[], { limit, windowMs }: AddressLimit, now: Date): Date | null {
  const oldest = times[limit - 1];
  if (!oldest) return null;
  const retryAt = new Date(oldest.getTime() + windowMs);
  return retryAt > now ? retryAt : null;
}

export async function readThrottle(
  email: string,
  address: string,
  now = new Date(),
  addressLimit = signInAddressLimit(),
): Promise<ThrottleState> {
  const [attempts, addressFailures] = await Promise.all([
    db().loginAttempt.findMany({
      where: { email, at: { gte: new Date(now.getTime() - THROTTLE_WINDOW_MS), lte: now } },
      orderBy: { at: "desc" },
      select: { succeeded: true, at: true, address: true },
      take: 500,
    }),
    db().loginAttempt.findMany({
      where: { address, succeeded: false, at: { gte: new Date(now.getTime() - addressLimit.windowMs), lte: now } },
      orderBy: { at: "desc" },
      select: { at: true },
      take: addressLimit.limit,
    }),
  ]);
  const lastSuccess = attempts.findIndex((a) => a.succeeded);
  const failures = lastSuccess === -1 ? attempts : attempts.slice(0, lastSuccess);
  const fromHere = failures.filter((a) => a.address === address);
  const accountRetry = (counted: typeof failures, free: number) => {
    const delay = delayAfter(counted.length, free);
    const last = counted[0];
    if (delay === 0 || !last) return null;
    const retryAt = new Date(last.at.getTime() + delay);
    return retryAt > now ? retryAt : null;
  };
  const account = later(accountRetry(fromHere, FREE_FAILURES), accountRetry(failures, ACCOUNT_FREE_FAILURES));
  const spraying = limitRetryAt(
    addressFailures.map((a) => a.at),
    addressLimit,
    now,
  );
  const retryAt = later(account, spraying);
  return {
    failures: fromHere.length,
    retryAt,
    reason: !retryAt ? null : retryAt === account ? "account" : "address",
  };
}

export async function recordLoginAttempt(email: string, address: string, succeeded: boolean, at?: Date) {
  // The app's clock, not the database's, like the reads: tests may move it.
  await db().loginAttempt.create({ data: { email, address, succeeded, at: at ?? new Date() } });
}

/**
 * Counts one attempt at a rate-limited action (registration, invitation codes, API writes) for a
 * key (a client address, a token, a user), unless the key has used up its allowance: then nothing
 * is recorded and the answer says when to retry. An allowed attempt says how many remain and when
 * the oldest counted one leaves the window. Two concurrent requests may both pass at the edge; the
 * limit is a brake, not an exact count.
 */
export async function takeAttempt(
  scope: string,
  address: string,
  limit = registerAddressLimit(),
  now = new Date(),
): Promise<{ ok: true; remaining: number; resetAt: Date } | { ok: false; retryAt: Date }> {
  const recent = await db().throttleEvent.findMany({
    where: { scope, address, at: { gte: new Date(now.getTime() - limit.windowMs), lte: now } },
    orderBy: { at: "desc" },
    select: { at: true },
    take: limit.limit,
  });
  const retryAt = limitRetryAt(
    recent.map((e) => e.at),
    limit,
    now,
  );
  if (retryAt) return { ok: false, retryAt };
  await db().throttleEvent.create({ data: { scope, address, at: now } });
  // Old events are only needed for one window.
  if (Math.random() < 0.01)
    await db().throttleEvent.deleteMany({ where: { at: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } } });
  // An event exactly one window old no longer counts (as in limitRetryAt).
  const counted = recent.filter((e) => e.at.getTime() + limit.windowMs > now.getTime());
  const oldest = counted.at(-1)?.at ?? now;
  return {
    ok: true,
    remaining: Math.max(0, limit.limit - counted.length - 1),
    resetAt: new Date(oldest.getTime() + limit.windowMs),
  };
}

/** "in 42 seconds" / "in 3 minutes": for messages; the exact time goes along as retryAt. */
export function waitPhrase(retryAt: Date, now = new Date()): string {
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  if (seconds < 120) return `in ${seconds} second${seconds === 1 ? "" : "s"}`;
  return `in ${Math.ceil(seconds / 60)} minutes`;
}
