import type * as SessionCheck from "@/lib/platform/auth/session-check";

/**
 * The session-check module with only its verified session faked: whoever `session.userId` names, as
 * the proxy would have verified them for the request (none while it is null). For a `vi.mock`
 * factory, which runs before this file's imports and so reaches it by `await import`.
 */
export async function fakeSessionCheck(
  importOriginal: <T>() => Promise<T>,
  session: { userId: string | null },
): Promise<typeof SessionCheck> {
  return {
    ...(await importOriginal<typeof SessionCheck>()),
    currentSession: async () =>
      session.userId
        ? { userId: session.userId, sessionId: "integration", sessionVersion: 1, authAt: Math.floor(Date.now() / 1000) }
        : null,
  };
}

/** next/cache outside a Next request, where there is no cache to revalidate. */
export async function nextCacheWithoutRevalidation(
  importOriginal: <T>() => Promise<T>,
): Promise<typeof import("next/cache")> {
  return { ...(await importOriginal<typeof import("next/cache")>()), revalidatePath: () => {} };
}
