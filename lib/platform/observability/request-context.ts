import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

// What the request log learns about a request while the app handles it, keyed by its request
// id, and (for the code that runs on the request's behalf) through async context. On globalThis:
// the HTTP server hook and proxy.ts are separate bundles in one process.
export type RequestContext = { userId?: string; queries: number };

const globalForRequests = globalThis as unknown as {
  parleyRequestContexts?: Map<string, RequestContext>;
  parleyRequestStore?: AsyncLocalStorage<RequestContext>;
};

globalForRequests.parleyRequestContexts ??= new Map();
globalForRequests.parleyRequestStore ??= new AsyncLocalStorage();
export const requestContexts: Map<string, RequestContext> = globalForRequests.parleyRequestContexts;
/** The request being served, for code that runs on its behalf (the database counts its queries). */
export const requestStore: AsyncLocalStorage<RequestContext> = globalForRequests.parleyRequestStore;

/** Called by proxy.ts once the session is known, so the request's log line names its user. */
export function noteRequestUser(requestId: string | null, userId: string | undefined): void {
  if (!requestId || !userId) return;
  const context = requestContexts.get(requestId);
  if (context) context.userId = userId;
}

/** One more round trip to the database on behalf of the current request, if there is one. */
export function countRequestQuery(): void {
  const context = requestStore.getStore();
  if (context) context.queries += 1;
}
