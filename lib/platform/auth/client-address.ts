import "server-only";
import { isIP } from "node:net";
import { headers as requestHeaders } from "next/headers";
import { env } from "@/lib/platform/env";

/** What every client counts as when no proxy header is trusted. */
export const LOCAL_CLIENT = "local";

/**
 * The client's address for throttling. Only the header named by PARLEY_TRUSTED_PROXY is read,
 * and of a list (x-forwarded-for) only the last entry: the one the trusted proxy itself added,
 * which the client cannot forge. Next.js exposes no socket address to actions or route
 * handlers, so without a trusted header every client is one, "local".
 */
export function clientAddressFrom(headers: Headers, trustedHeader = env().PARLEY_TRUSTED_PROXY): string {
  if (!trustedHeader) return LOCAL_CLIENT;
  const value = headers.get(trustedHeader);
  const last = value?.split(",").pop()?.trim() ?? "";
  const address = last.replace(/^::ffff:/i, "");
  return isIP(address) ? address : LOCAL_CLIENT;
}

/** The current request's client address (server actions, route handlers, pages). */
export async function currentClientAddress(): Promise<string> {
  return clientAddressFrom(await requestHeaders());
}
