import "server-only";
import { cache } from "react";
import { Role, type TokenScope } from "@/lib/generated/prisma/enums";
import { toCalendarDate } from "@/lib/matrix/dates";
import { type ApiCaller, bearerToken, findLiveToken, touchApiToken } from "@/lib/platform/auth/api-tokens";
import { currentSession } from "@/lib/platform/auth/session-check";
import { hashLinkToken } from "@/lib/platform/auth/tokens";
import { db } from "@/lib/platform/db/client";
import { env } from "@/lib/platform/env";
import { AccessError } from "@/lib/platform/errors";
import { WorkspaceSlugSchema } from "@/lib/workspaces/schema";

// The one place that decides who may do what. Every page, route handler and server action
// enters through authorizeWorkspace(), which resolves session → membership → role once and
// returns an AuthorizedWorkspace. Data functions take that value instead of a raw id, and only
// this module can create one, so code that skips the check does not compile.

export const PERMISSIONS = {
  "workspace:read": [Role.OWNER, Role.REVIEWER, Role.EDITOR, Role.COMMENTER, Role.VIEWER],
  "comment:write": [Role.OWNER, Role.REVIEWER, Role.EDITOR, Role.COMMENTER],
  // In review mode an editor's stance edit becomes a proposal (lib/review/proposals.ts).
  "stance:write": [Role.OWNER, Role.REVIEWER, Role.EDITOR],
  // Accepting or rejecting proposals, and editing directly while review mode is on.
  "proposal:review": [Role.OWNER, Role.REVIEWER],
  "evidence:write": [Role.OWNER, Role.REVIEWER, Role.EDITOR],
  "document:write": [Role.OWNER, Role.REVIEWER, Role.EDITOR],
  "structure:write": [Role.OWNER, Role.REVIEWER, Role.EDITOR],
  // Recording the parties' proposals in the negotiation and their provisions (lib/proposals), not
  // deciding review-mode proposals (proposal:review).
  "negotiation:write": [Role.OWNER, Role.REVIEWER, Role.EDITOR],
  // Starting and closing blind coding rounds; coding in one takes being assigned to it as well.
  "coding:manage": [Role.OWNER, Role.REVIEWER],
  "coding:code": [Role.OWNER, Role.REVIEWER, Role.EDITOR],
  "members:manage": [Role.OWNER],
  // Title, description and review mode; refused while archived, like every other write.
  "workspace:settings": [Role.OWNER],
  // Archive, restore and delete: the only changes an archived workspace accepts.
  "workspace:lifecycle": [Role.OWNER],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/**
 * The most a personal access token of each scope may do; the user's current role applies on top,
 * so the effective permission is the lesser of the two. Members, settings and the workspace's
 * lifecycle stay with signed-in owners.
 */
export const TOKEN_PERMISSIONS = {
  READ: ["workspace:read"],
  WRITE: ["workspace:read", "comment:write", "stance:write", "evidence:write", "document:write", "structure:write"],
} as const satisfies Record<TokenScope, readonly Permission[]>;

/** What an archived workspace still allows: reading it, and an owner restoring or deleting it. */
const ARCHIVED_PERMISSIONS: readonly Permission[] = ["workspace:read", "workspace:lifecycle"];

export const ARCHIVED_MESSAGE = "This workspace is archived and read-only; an owner can restore it under Settings.";

declare const authorized: unique symbol;

export type AuthorizedWorkspace = {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly role: Role;
  readonly userId: string;
  readonly archived: boolean;
  readonly [authorized]: true;
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** The role's permission, and the workspace not archived unless the permission survives that. */
export function workspaceAllows(workspace: AuthorizedWorkspace, permission: Permission): boolean {
  return roleAllows(workspace.role, permission) && (!workspace.archived || ARCHIVED_PERMISSIONS.includes(permission));
}

/** The signed-in user's id, or null. Cached per request. */
export const currentUserId = cache(async (): Promise<string | null> => (await currentSession())?.userId ?? null);

export async function requireUserId(): Promise<string> {
  const userId = await currentUserId();
  if (!userId) throw new AccessError("unauthenticated", "Sign in to continue.");
  return userId;
}

export const INVALID_TOKEN_MESSAGE =
  "The access token is not valid: it is unknown, malformed, expired or revoked. Create a new one on your account page.";

/**
 * For route handlers that accept tokens: the token in `Authorization: Bearer …` if there is one
 * (then the session cookie is ignored), otherwise the session. Server actions never call this,
 * so a Bearer header on an action changes nothing.
 */
export async function authenticateRequest(request: Request): Promise<ApiCaller> {
  const secret = bearerToken(request);
  if (secret === undefined) return { kind: "session", userId: await requireUserId() };
  const token = secret ? await findLiveToken(secret) : null;
  if (!token) throw new AccessError("invalid_token", INVALID_TOKEN_MESSAGE);
  return token;
}

/** For route handlers that stay session-only: a token is refused plainly rather than ignored. */
export async function requireSessionCaller(request: Request): Promise<string> {
  if (bearerToken(request) !== undefined)
    throw new AccessError(
      "session_required",
      "This route needs a signed-in session; personal access tokens are not accepted here.",
    );
  return requireUserId();
}

type MembershipRow = { role: Role; id: string; slug: string; title: string; archivedAt: Date | null };

// One round trip (a Prisma relation select would send two): every page and route starts here.
const findMembership = cache(async (slug: string, userId: string) => {
  const [row] = await db().$queryRaw<MembershipRow[]>`
    SELECT m.role::text AS role, w.id::text AS id, w.slug, w.title, w."archivedAt"
    FROM memberships m JOIN workspaces w ON w.id = m."workspaceId"
    WHERE m."userId" = ${userId}::uuid AND w.slug = ${slug}`;
  if (!row) return null;
  const { role, ...workspace } = row;
  return { role, workspace };
});

/**
 * A workspace the signed-in user may act on with `permission`. A workspace that does not exist
 * and one the user is not a member of give the same not_found, so ids and slugs leak nothing.
 */
export async function authorizeWorkspace(
  slug: string,
  permission: Permission,
  caller?: ApiCaller,
): Promise<AuthorizedWorkspace> {
  const userId = caller ? caller.userId : await requireUserId();
  const token = caller?.kind === "token" ? caller : null;
  const membership = WorkspaceSlugSchema.safeParse(slug).success ? await findMembership(slug, userId) : null;
  // A workspace outside the token's scope looks exactly like one that does not exist.
  if (!membership || (token && !token.workspaceIds.includes(membership.workspace.id)))
    throw new AccessError("not_found", "No such workspace.");
  if (!roleAllows(membership.role, permission)) {
    throw new AccessError("forbidden", "Your role in this workspace does not allow that.");
  }
  if (token && !(TOKEN_PERMISSIONS[token.scope] as readonly Permission[]).includes(permission))
    throw new AccessError(
      "forbidden",
      token.scope === "READ" ? "This access token is read-only." : "Access tokens cannot do that; sign in instead.",
    );
  const { archivedAt, ...workspace } = membership.workspace;
  if (archivedAt && !ARCHIVED_PERMISSIONS.includes(permission)) throw new AccessError("archived", ARCHIVED_MESSAGE);
  if (token) await touchApiToken(token);
  return { ...workspace, role: membership.role, userId, archived: archivedAt !== null } as AuthorizedWorkspace;
}

/**
 * A visitor holding a share link: read access to that one workspace, frozen at the link's date
 * if it has one. Expired, revoked and unknown tokens all give null.
 */
export async function authorizeShareLink(
  token: string,
): Promise<{ workspace: AuthorizedWorkspace; asOf: string | null; label: string } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const link = await db().shareLink.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: {
      label: true,
      asOf: true,
      expiresAt: true,
      revokedAt: true,
      workspace: { select: { id: true, slug: true, title: true, archivedAt: true } },
    },
  });
  if (!link || link.revokedAt || link.expiresAt <= new Date()) return null;
  const { archivedAt, ...workspace } = link.workspace;
  return {
    workspace: { ...workspace, role: Role.VIEWER, userId: "", archived: archivedAt !== null } as AuthorizedWorkspace,
    asOf: link.asOf ? toCalendarDate(link.asOf) : null,
    label: link.label,
  };
}

/** For code that runs with no user (seeding, tests, the benchmark): the caller vouches for access. */
export function trustedWorkspace(
  workspace: { id: string; slug: string; title: string },
  userId = "",
): AuthorizedWorkspace {
  return { ...workspace, role: Role.OWNER, userId, archived: false } as AuthorizedWorkspace;
}

/** Whether PARLEY_WORKSPACE_CREATORS lets this user start (or import) a workspace of their own. */
export async function mayCreateWorkspace(userId: string): Promise<boolean> {
  const rule = env().PARLEY_WORKSPACE_CREATORS;
  if (rule === "everyone") return true;
  if (rule === "owners") return (await db().membership.count({ where: { userId, role: Role.OWNER } })) > 0;
  const user = await db().user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) return false;
  const domain = `@${user.email.split("@").pop()}`;
  return rule.split(",").some((entry) => [user.email, domain].includes(entry.trim()));
}

/** The signed-in user, if they may create a workspace; the refusal names the setting's effect. */
/** A workspace route's caller (session or access token) and the workspace its [slug] names, if they may read it. */
export async function authorizeWorkspaceReader(request: Request, params: Promise<{ slug: string }>) {
  const { slug } = await params;
  const caller = await authenticateRequest(request);
  return { caller, workspace: await authorizeWorkspace(slug, "workspace:read", caller) };
}

export async function authorizeWorkspaceCreation(): Promise<string> {
  const userId = await requireUserId();
  if (!(await mayCreateWorkspace(userId)))
    throw new AccessError("forbidden", "Creating workspaces is restricted on this server; ask an administrator.");
  return userId;
}

export async function listMyWorkspaces(userId: string) {
  return db().membership.findMany({
    where: { userId },
    orderBy: { workspace: { title: "asc" } },
    select: {
      role: true,
      lastUsedAt: true,
      workspace: { select: { id: true, slug: true, title: true, description: true, archivedAt: true } },
    },
  });
}

/** The workspaces a caller may read: a token sees only those it was created for. */
export async function listCallerWorkspaces(caller: ApiCaller) {
  const memberships = await listMyWorkspaces(caller.userId);
  if (caller.kind === "session") return memberships;
  await touchApiToken(caller);
  return memberships.filter((m) => caller.workspaceIds.includes(m.workspace.id));
}
