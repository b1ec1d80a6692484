import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { auth } from "@/lib/auth";
import { Role } from "@/lib/generated/prisma/enums";
import { hashLinkToken } from "@/lib/auth/tokens";

// The one place that decides who may do what. Every page, route handler and server action
// enters through authorizeWorkspace(), which resolves session → membership → role once and
// returns an AuthorizedWorkspace. Data functions take that value instead of a raw id, and only
// this module can create one, so code that skips the check does not compile.

export const PERMISSIONS = {
  "workspace:read": [Role.OWNER, Role.EDITOR, Role.COMMENTER, Role.VIEWER],
  "comment:write": [Role.OWNER, Role.EDITOR, Role.COMMENTER],
  "stance:write": [Role.OWNER, Role.EDITOR],
  "evidence:write": [Role.OWNER, Role.EDITOR],
  "document:write": [Role.OWNER, Role.EDITOR],
  "structure:write": [Role.OWNER, Role.EDITOR],
  "members:manage": [Role.OWNER],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

declare const authorized: unique symbol;

export type AuthorizedWorkspace = {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly role: Role;
  readonly userId: string;
  readonly [authorized]: true;
};

export class AccessError extends Error {
  constructor(
    readonly code: "unauthenticated" | "not_found" | "forbidden",
    message: string,
  ) {
    super(message);
    this.name = "AccessError";
  }
}

export function roleAllows(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** The signed-in user's id, or null. Cached per request. */
export const currentUserId = cache(async (): Promise<string | null> => {
  const session = await auth();
  return session?.user?.id ?? null;
});

export async function requireUserId(): Promise<string> {
  const userId = await currentUserId();
  if (!userId) throw new AccessError("unauthenticated", "Sign in to continue.");
  return userId;
}

const findMembership = cache(async (slug: string, userId: string) =>
  db().membership.findFirst({
    where: { userId, workspace: { slug } },
    select: { role: true, workspace: { select: { id: true, slug: true, title: true } } },
  }),
);

/**
 * A workspace the signed-in user may act on with `permission`. A workspace that does not exist
 * and one the user is not a member of give the same not_found, so ids and slugs leak nothing.
 */
export async function authorizeWorkspace(slug: string, permission: Permission): Promise<AuthorizedWorkspace> {
  const userId = await requireUserId();
  const membership = typeof slug === "string" && slug.length <= 64 ? await findMembership(slug, userId) : null;
  if (!membership) throw new AccessError("not_found", "No such workspace.");
  if (!roleAllows(membership.role, permission)) {
    throw new AccessError("forbidden", "Your role in this workspace does not allow that.");
  }
  return { ...membership.workspace, role: membership.role, userId } as AuthorizedWorkspace;
}

/**
 * A visitor holding a share link: read access to that one workspace, frozen at the link's date
 * if it has one. Expired, revoked and unknown tokens all give null.
 */
export async function authorizeShareLink(token: string): Promise<{ workspace: AuthorizedWorkspace; asOf: string | null; label: string } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const link = await db().shareLink.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: { label: true, asOf: true, expiresAt: true, revokedAt: true, workspace: { select: { id: true, slug: true, title: true } } },
  });
  if (!link || link.revokedAt || link.expiresAt <= new Date()) return null;
  return {
    workspace: { ...link.workspace, role: Role.VIEWER, userId: "" } as AuthorizedWorkspace,
    asOf: link.asOf ? link.asOf.toISOString().slice(0, 10) : null,
    label: link.label,
  };
}

/** For code that runs with no user (seeding, tests, the benchmark): the caller vouches for access. */
export function trustedWorkspace(workspace: { id: string; slug: string; title: string }, userId = ""): AuthorizedWorkspace {
  return { ...workspace, role: Role.OWNER, userId } as AuthorizedWorkspace;
}

export async function listMyWorkspaces(userId: string) {
  return db().membership.findMany({
    where: { userId },
    orderBy: { workspace: { title: "asc" } },
    select: { role: true, workspace: { select: { id: true, slug: true, title: true, description: true } } },
  });
}
