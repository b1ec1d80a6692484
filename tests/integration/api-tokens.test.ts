import { createHash, randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as importsRoute } from "@/app/api/imports/route";
import { POST as importDocumentRoute } from "@/app/api/w/[slug]/documents/route";
import { GET as matrixRoute } from "@/app/api/w/[slug]/matrix/route";
import { createApiToken, revokeApiToken } from "@/lib/account/mutations";
import { CreateApiTokenSchema } from "@/lib/account/schema";
import { Role } from "@/lib/generated/prisma/enums";
import { changeMemberRole, removeMember } from "@/lib/members/mutations";
import { LAST_USE_RESOLUTION_MS, touchApiToken } from "@/lib/platform/auth/api-tokens";
import { takeAttempt } from "@/lib/platform/auth/throttle";
import { db } from "@/lib/platform/db/client";
import { unwrap } from "@/lib/platform/errors";
import { rateLimitHeaders, takeRateLimit } from "@/lib/platform/http/rate-limit";
import { requestStore } from "@/lib/platform/observability/request-context";
import { createUserWithPassword } from "@/lib/users/mutations";
import {
  type AuthorizedWorkspace,
  authenticateRequest,
  authorizeWorkspace,
  trustedWorkspace,
} from "@/lib/workspaces/access";

// The token lifecycle through the real gate and routes, with only the session faked (the
// proxy's verified session is whoever `session.userId` names). Every user and workspace has a unique
// name, so the file shares the reset database with the others and its order does not matter.

const session = vi.hoisted(() => {
  // A small write allowance, read by lib/platform/env.ts on first use in this file's module graph.
  process.env.PARLEY_RATE_LIMIT_WRITES = "3";
  return { userId: null as string | null };
});
// The session the proxy would have verified for the request (lib/platform/auth/session-check.ts).
vi.mock("@/lib/platform/auth/session-check", async (importOriginal) =>
  (await import("../support/fake-session")).fakeSessionCheck(importOriginal, session),
);
vi.mock("next/cache", async (importOriginal) =>
  (await import("../support/fake-session")).nextCacheWithoutRevalidation(importOriginal),
);

afterAll(() => {
  delete process.env.PARLEY_RATE_LIMIT_WRITES;
});

const ORIGIN = "http://parley.test";
const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

function newUser(label: string) {
  return createUserWithPassword({
    email: `${unique(label)}@parley.test`,
    name: label,
    password: "token test passphrase 4711",
  });
}

async function newWorkspace(members: { id: string; role: Role }[]): Promise<AuthorizedWorkspace> {
  const workspace = await db().workspace.create({
    data: {
      slug: unique("tokens"),
      title: "Token test workspace",
      memberships: { create: members.map((m) => ({ userId: m.id, role: m.role })) },
    },
    select: { id: true, slug: true, title: true },
  });
  return trustedWorkspace(workspace, members.find((m) => m.role === Role.OWNER)?.id);
}

const bearer = (
  secret: string,
  path = "/api/w/x/matrix",
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) =>
  new NextRequest(`${ORIGIN}${path}`, {
    ...init,
    headers: { ...init.headers, Authorization: `Bearer ${secret}` },
  });

async function tokenInput(workspaces: AuthorizedWorkspace[], scope: "READ" | "WRITE", expiresInDays?: number) {
  return CreateApiTokenSchema.parse({
    name: unique("script"),
    scope,
    workspaceSlugs: workspaces.map((w) => w.slug),
    expiresInDays,
  });
}

async function callerFor(secret: string) {
  return authenticateRequest(bearer(secret));
}

let owner: { id: string };
let editor: { id: string };
let outsider: { id: string };
let workspace: AuthorizedWorkspace;
let otherWorkspace: AuthorizedWorkspace;

beforeAll(async () => {
  [owner, editor, outsider] = await Promise.all([newUser("owner"), newUser("editor"), newUser("outsider")]);
  workspace = await newWorkspace([
    { id: owner.id, role: Role.OWNER },
    { id: editor.id, role: Role.EDITOR },
  ]);
  otherWorkspace = await newWorkspace([
    { id: owner.id, role: Role.OWNER },
    { id: editor.id, role: Role.EDITOR },
  ]);
});

describe("creating a token", () => {
  it("returns the secret once and stores only its SHA-256", async () => {
    const token = unwrap(await createApiToken(editor.id, await tokenInput([workspace], "READ")));
    expect(token.secret).toMatch(/^parley_pat_[A-Za-z0-9_-]{43}$/);
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token.secret).digest("hex"));
    const stored = JSON.stringify(
      await db()
        .$queryRaw`SELECT t.*, w.* FROM api_tokens t JOIN api_token_workspaces w ON w."tokenId" = t.id WHERE t.id = ${token.id}::uuid`,
    );
    expect(stored).not.toContain(token.secret.slice("parley_pat_".length));
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(89 * 24 * 3600 * 1000);
    expect(row.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(90 * 24 * 3600 * 1000);
    expect(
      await db().activityEvent.count({
        where: { workspaceId: workspace.id, action: "api_token.created", subjectId: token.id },
      }),
    ).toBe(1);
  });

  it("refuses workspaces the user is not a member of, and more than a year", async () => {
    const before = await db().apiToken.count();
    await expect(createApiToken(outsider.id, await tokenInput([workspace], "WRITE"))).resolves.toMatchObject({
      code: "invalid_workspace",
    });
    await expect(
      createApiToken(outsider.id, {
        ...(await tokenInput([workspace], "READ")),
        workspaceSlugs: ["no-such-workspace"],
      }),
    ).resolves.toMatchObject({ ok: false, code: "invalid_workspace" });
    expect(await db().apiToken.count()).toBe(before);
    expect(
      CreateApiTokenSchema.safeParse({ name: "x", scope: "READ", workspaceSlugs: [workspace.slug], expiresInDays: 366 })
        .success,
    ).toBe(false);
    expect(CreateApiTokenSchema.safeParse({ name: "x", scope: "READ", workspaceSlugs: [] }).success).toBe(false);
  });
});

describe("the gate with a token", () => {
  it("lets a read token read its workspaces only, and never write", async () => {
    const { secret } = unwrap(await createApiToken(editor.id, await tokenInput([workspace], "READ")));
    const caller = await callerFor(secret);
    expect(caller).toMatchObject({ kind: "token", userId: editor.id, scope: "READ" });
    expect((await authorizeWorkspace(workspace.slug, "workspace:read", caller)).role).toBe(Role.EDITOR);
    // A workspace the user belongs to but the token does not name looks like a missing one.
    await expect(authorizeWorkspace(otherWorkspace.slug, "workspace:read", caller)).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(authorizeWorkspace(workspace.slug, "document:write", caller)).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("checks a token (its user, expiry, revocation and workspaces) in one round trip", async () => {
    const { secret } = unwrap(await createApiToken(editor.id, await tokenInput([workspace, otherWorkspace], "READ")));
    const context = { queries: 0 };
    const caller = await requestStore.run(context, () => callerFor(secret));
    expect(caller).toMatchObject({ kind: "token", userId: editor.id });
    expect(caller.kind === "token" && [...caller.workspaceIds].sort()).toEqual(
      [workspace.id, otherWorkspace.id].sort(),
    );
    expect(context.queries).toBe(1);
  });

  it("gives a write token no more than the user's current role", async () => {
    const member = await newUser("downgraded");
    const place = await newWorkspace([
      { id: owner.id, role: Role.OWNER },
      { id: member.id, role: Role.EDITOR },
    ]);
    const { secret } = unwrap(await createApiToken(member.id, await tokenInput([place], "WRITE")));
    expect((await authorizeWorkspace(place.slug, "document:write", await callerFor(secret))).slug).toBe(place.slug);
    // Owner-only work stays with signed-in owners, whatever the token.
    await expect(authorizeWorkspace(place.slug, "members:manage", await callerFor(secret))).rejects.toMatchObject({
      code: "forbidden",
    });
    unwrap(await changeMemberRole(trustedWorkspace(place, owner.id), member.id, Role.VIEWER));
    await expect(authorizeWorkspace(place.slug, "document:write", await callerFor(secret))).rejects.toMatchObject({
      code: "forbidden",
    });
    expect((await authorizeWorkspace(place.slug, "workspace:read", await callerFor(secret))).role).toBe(Role.VIEWER);
  });

  it("loses a workspace for good when its user is removed from it", async () => {
    const member = await newUser("removed");
    const place = await newWorkspace([
      { id: owner.id, role: Role.OWNER },
      { id: member.id, role: Role.EDITOR },
    ]);
    const { id, secret } = unwrap(await createApiToken(member.id, await tokenInput([place], "WRITE")));
    unwrap(await removeMember(trustedWorkspace(place, owner.id), member.id));
    await expect(authorizeWorkspace(place.slug, "workspace:read", await callerFor(secret))).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await db().apiTokenWorkspace.count({ where: { tokenId: id } })).toBe(0);
    // Invited back, the member's old token still does not reach the workspace.
    await db().membership.create({ data: { workspaceId: place.id, userId: member.id, role: Role.EDITOR } });
    await expect(authorizeWorkspace(place.slug, "workspace:read", await callerFor(secret))).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("refuses revoked, expired, malformed and unknown tokens and tokens of disabled users as invalid_token", async () => {
    const { id, secret } = unwrap(await createApiToken(editor.id, await tokenInput([workspace], "READ")));
    await expect(revokeApiToken(outsider.id, id)).resolves.toMatchObject({ code: "not_found" });
    unwrap(await revokeApiToken(editor.id, id));
    await expect(revokeApiToken(editor.id, id)).resolves.toMatchObject({ code: "not_found" });
    expect(await db().activityEvent.count({ where: { action: "api_token.revoked", subjectId: id } })).toBe(1);
    await expect(callerFor(secret)).rejects.toMatchObject({ code: "invalid_token" });

    const expiring = unwrap(await createApiToken(editor.id, await tokenInput([workspace], "READ", 1)));
    await db().apiToken.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(callerFor(expiring.secret)).rejects.toMatchObject({ code: "invalid_token" });

    await expect(callerFor(`parley_pat_${"A".repeat(43)}`)).rejects.toMatchObject({ code: "invalid_token" });
    await expect(callerFor("not-a-token")).rejects.toMatchObject({ code: "invalid_token" });
    await expect(
      authenticateRequest(new NextRequest(`${ORIGIN}/`, { headers: { Authorization: "Bearer" } })),
    ).rejects.toMatchObject({
      code: "invalid_token",
    });

    const disabled = await newUser("disabled");
    const place = await newWorkspace([{ id: disabled.id, role: Role.OWNER }]);
    const theirs = unwrap(await createApiToken(disabled.id, await tokenInput([place], "READ")));
    await db().user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    await expect(callerFor(theirs.secret)).rejects.toMatchObject({ code: "invalid_token" });
  });

  it("records last use at most once a minute", async () => {
    const { id, secret } = unwrap(await createApiToken(editor.id, await tokenInput([workspace], "READ")));
    expect((await db().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toBeNull();
    await authorizeWorkspace(workspace.slug, "workspace:read", await callerFor(secret));
    const first = (await db().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(first).not.toBeNull();
    await authorizeWorkspace(workspace.slug, "workspace:read", await callerFor(secret));
    expect((await db().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(first);
    // A refused request is not a use.
    await db().apiToken.update({ where: { id }, data: { lastUsedAt: null } });
    await expect(authorizeWorkspace(otherWorkspace.slug, "workspace:read", await callerFor(secret))).rejects.toThrow();
    expect((await db().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toBeNull();
    const later = new Date(Date.now() + LAST_USE_RESOLUTION_MS + 1000);
    const caller = await callerFor(secret);
    if (caller.kind !== "token") throw new Error("expected a token caller");
    await touchApiToken(caller, later);
    expect((await db().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(later);
  });
});

describe("the routes with a token", () => {
  const importBody = () =>
    JSON.stringify({
      title: unique("Token import"),
      publishedAt: "2024-05-01",
      text: `Imported with a token ${randomUUID()}.\n`,
    });
  const importAs = (secret: string, slug: string) =>
    importDocumentRoute(
      bearer(secret, `/api/w/${slug}/documents`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: importBody(),
      }),
      { params: Promise.resolve({ slug }) },
    );

  it("answers 401 with invalid_token and WWW-Authenticate, even with a valid session alongside", async () => {
    session.userId = editor.id;
    try {
      const response = await matrixRoute(bearer(`parley_pat_${"B".repeat(43)}`, `/api/w/${workspace.slug}/matrix`), {
        params: Promise.resolve({ slug: workspace.slug }),
      });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
      expect(await response.json()).toMatchObject({
        error: "invalid_token",
        message: expect.stringMatching(/expired or revoked/),
      });
    } finally {
      session.userId = null;
    }
  });

  it("keeps session-only routes session-only", async () => {
    const { secret } = unwrap(await createApiToken(editor.id, await tokenInput([workspace], "READ")));
    const response = await importsRoute(bearer(secret, "/api/imports"));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: "session_required" });
  });

  it("refuses the write after the allowance with 429, Retry-After and nothing written", async () => {
    const member = await newUser("busy");
    const place = await newWorkspace([{ id: member.id, role: Role.OWNER }]);
    const { secret } = unwrap(await createApiToken(member.id, await tokenInput([place], "WRITE")));
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await importAs(secret, place.slug);
      expect(response.status, await response.clone().text()).toBe(201);
      expect(response.headers.get("ratelimit-policy")).toBe('"writes";q=3;w=60');
      remaining.push(response.headers.get("ratelimit")!.split(";")[1]!);
    }
    expect(remaining).toEqual(["r=2", "r=1", "r=0"]);
    const documents = await db().document.count({ where: { workspaceId: place.id } });
    const events = await db().throttleEvent.count({ where: { scope: "api:writes" } });
    const refused = await importAs(secret, place.slug);
    expect(refused.status).toBe(429);
    const seconds = Number(refused.headers.get("retry-after"));
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(refused.headers.get("ratelimit")).toBe(`"writes";r=0;t=${seconds}`);
    expect(await refused.json()).toMatchObject({ error: "rate_limited", details: { retryAfterSeconds: seconds } });
    expect(await db().document.count({ where: { workspaceId: place.id } })).toBe(documents);
    expect(await db().throttleEvent.count({ where: { scope: "api:writes" } })).toBe(events);
    // Another token of the same user has an allowance of its own; the user's session another.
    const second = unwrap(await createApiToken(member.id, await tokenInput([place], "WRITE")));
    expect((await importAs(second.secret, place.slug)).status).toBe(201);
    await expect(takeRateLimit({ kind: "session", userId: member.id }, "writes")).resolves.toMatchObject({
      remaining: 2,
    });
  });
});

describe("the shared counter", () => {
  it("counts per key within the window and frees a slot when the oldest leaves it", async () => {
    const key = unique("key");
    const limit = { limit: 2, windowMs: 10_000 };
    const t0 = new Date();
    expect(await takeAttempt("api:test", key, limit, t0)).toMatchObject({ ok: true, remaining: 1 });
    const t1 = new Date(t0.getTime() + 4000);
    expect(await takeAttempt("api:test", key, limit, t1)).toMatchObject({
      ok: true,
      remaining: 0,
      resetAt: new Date(t0.getTime() + 10_000),
    });
    expect(await takeAttempt("api:test", key, limit, new Date(t0.getTime() + 5000))).toEqual({
      ok: false,
      retryAt: new Date(t0.getTime() + 10_000),
    });
    expect(await takeAttempt("api:test", key, limit, new Date(t0.getTime() + 10_001))).toMatchObject({
      ok: true,
      remaining: 0,
    });
    expect(rateLimitHeaders("writes", limit, 0, new Date(t0.getTime() + 10_000), t1)).toEqual({
      "RateLimit-Policy": '"writes";q=2;w=10',
      RateLimit: '"writes";r=0;t=6',
    });
  });
});
