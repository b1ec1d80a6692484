import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { AccessError } from "@/lib/platform/errors";
import { type AuthorizedWorkspace, authorizeWorkspace, currentUserId, type Permission } from "@/lib/workspaces/access";

/**
 * The sign-in page, returning to the URL actually requested (set by proxy.ts), so a deep link —
 * a dated matrix, a cell, a quote — survives signing in even when a layout redirects first.
 */
async function signInUrl(fallback: string) {
  const requested = (await headers()).get("x-parley-return-to");
  return `/sign-in?callbackUrl=${encodeURIComponent(requested ?? fallback)}`;
}

/** For pages: the gate, with its refusals turned into a sign-in redirect or a plain 404. */
export async function authorizePage(
  slug: string,
  permission: Permission,
  returnTo: string,
): Promise<AuthorizedWorkspace> {
  try {
    return await authorizeWorkspace(slug, permission);
  } catch (error) {
    if (!(error instanceof AccessError)) throw error;
    if (error.code === "unauthenticated") redirect(await signInUrl(returnTo));
    notFound();
  }
}

export async function requirePageUser(returnTo: string): Promise<string> {
  const userId = await currentUserId();
  if (!userId) redirect(await signInUrl(returnTo));
  return userId;
}
