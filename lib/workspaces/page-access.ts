import "server-only";
import { notFound, redirect } from "next/navigation";
import { AccessError, authorizeWorkspace, currentUserId, type AuthorizedWorkspace, type Permission } from "@/lib/workspaces/access";

function signInUrl(returnTo: string) {
  return `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`;
}

/** For pages: the gate, with its refusals turned into a sign-in redirect or a plain 404. */
export async function authorizePage(slug: string, permission: Permission, returnTo: string): Promise<AuthorizedWorkspace> {
  try {
    return await authorizeWorkspace(slug, permission);
  } catch (error) {
    if (!(error instanceof AccessError)) throw error;
    if (error.code === "unauthenticated") redirect(signInUrl(returnTo));
    notFound();
  }
}

export async function requirePageUser(returnTo: string): Promise<string> {
  const userId = await currentUserId();
  if (!userId) redirect(signInUrl(returnTo));
  return userId;
}
