import { randomBytes, randomUUID } from "node:crypto";
import { createApiToken, revokeApiToken } from "@/lib/account/mutations";
import { Role, TokenScope } from "@/lib/generated/prisma/enums";
import { recordStatement } from "@/lib/matrix/mutations";
import { removeMember } from "@/lib/members/mutations";
import { db } from "@/lib/platform/db/client";
import { unwrap } from "@/lib/platform/errors";
import { createUserWithPassword } from "@/lib/users/mutations";
import { trustedWorkspace } from "@/lib/workspaces/access";
import { baseUrl, type Caller, callAction, fetchAs, outcome, routes, signInOverHttp, tableStamps } from "../e2e/http";
import { TOKEN_ROUTE_POLICY } from "../e2e/policy-table";
import { expect, signIn, test } from "./fixtures";

// Personal access tokens against the built app over HTTP: every route method × every kind of bad
// token gets the documented refusal and writes nothing (a digest of every table before and after);
// good tokens work where TOKEN_ROUTE_POLICY says; server actions ignore them; the write allowance
// ends in a 429. Users, workspaces and tokens are seeded through the app's own functions.

const run = randomUUID().slice(0, 8);
const PASSWORD = `tokens-${randomBytes(12).toString("base64url")}`;

type Kind = "none" | "expired" | "revoked" | "wrongWorkspace" | "removedMember" | "readToken" | "writeToken";
const BAD_KINDS = ["none", "expired", "revoked", "wrongWorkspace", "removedMember"] as const;
/** The refusal each kind of bad credential gets, whatever the route. */
const REFUSAL = {
  none: [401, "unauthenticated"],
  expired: [401, "invalid_token"],
  revoked: [401, "invalid_token"],
  wrongWorkspace: [404, "not_found"],
  removedMember: [404, "not_found"],
} as const;

let workspace: { id: string; slug: string; title: string };
let scripter: { id: string; email: string };
const secrets = {} as Record<Exclude<Kind, "none">, string>;
const tokenIds = {} as Record<Exclude<Kind, "none">, string>;
let session: Caller;
let uploadedDocumentId: string;

async function seedUser(label: string) {
  return createUserWithPassword({
    email: `tokens-${label}-${run}@parley.test`,
    name: `Tokens ${label}`,
    password: PASSWORD,
  });
}

async function seedWorkspace(label: string, members: { userId: string; role: Role }[]) {
  return db().workspace.create({
    data: {
      slug: `tokens-${label}-${run}`,
      title: `Tokens ${label} ${run}`,
      issues: { create: { title: "Token issue", sortOrder: 0 } },
      parties: { create: { name: "Token party", shortName: "TP", colour: "#1d4ed8", sortOrder: 0 } },
      memberships: { create: members },
    },
    select: { id: true, slug: true, title: true },
  });
}

const tokenFor = async (userId: string, slugs: string[], scope: TokenScope) =>
  unwrap(
    await createApiToken(userId, {
      name: `Tokens e2e ${scope} ${randomUUID().slice(0, 6)}`,
      scope,
      workspaceSlugs: slugs,
      expiresInDays: 7,
    }),
  );

test.beforeAll(async () => {
  scripter = await seedUser("scripter");
  const leaver = await seedUser("leaver");
  const owner = await seedUser("owner");
  workspace = await seedWorkspace("main", [
    { userId: owner.id, role: Role.OWNER },
    { userId: scripter.id, role: Role.EDITOR },
    { userId: leaver.id, role: Role.EDITOR },
  ]);
  const elsewhere = await seedWorkspace("elsewhere", [{ userId: scripter.id, role: Role.OWNER }]);
  const made = {
    readToken: await tokenFor(scripter.id, [workspace.slug], TokenScope.READ),
    writeToken: await tokenFor(scripter.id, [workspace.slug], TokenScope.WRITE),
    expired: await tokenFor(scripter.id, [workspace.slug], TokenScope.WRITE),
    revoked: await tokenFor(scripter.id, [workspace.slug], TokenScope.WRITE),
    wrongWorkspace: await tokenFor(scripter.id, [elsewhere.slug], TokenScope.WRITE),
    removedMember: await tokenFor(leaver.id, [workspace.slug], TokenScope.WRITE),
  };
  await db().apiToken.update({ where: { id: made.expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  unwrap(await revokeApiToken(scripter.id, made.revoked.id));
  unwrap(await removeMember(trustedWorkspace(workspace, owner.id), leaver.id));
  for (const [kind, token] of Object.entries(made)) {
    secrets[kind as keyof typeof made] = token.secret;
    tokenIds[kind as keyof typeof made] = token.id;
  }
  session = (await signInOverHttp(scripter.email, PASSWORD)).caller;
  // A document imported from a file, so the original-file route has something to serve.
  const upload = new FormData();
  documentText = `Uploaded by a script ${randomUUID()}.\n`;
  upload.set("file", new Blob([documentText], { type: "text/plain" }), "note.txt");
  upload.set("publishedAt", "2024-05-01");
  const uploaded = await fetchAs(undefined, `/api/w/${workspace.slug}/documents`, {
    method: "POST",
    headers: { Authorization: `Bearer ${secrets.writeToken}` },
    body: upload,
  });
  expect(uploaded.status, await uploaded.clone().text()).toBe(201);
  uploadedDocumentId = ((await uploaded.json()) as { id: string }).id;
  const [issue, party] = await Promise.all([
    db().issue.findFirstOrThrow({ where: { workspaceId: workspace.id }, select: { id: true } }),
    db().party.findFirstOrThrow({ where: { workspaceId: workspace.id }, select: { id: true } }),
  ]);
  cell = { issueId: issue.id, partyId: party.id };
});

const auth = (kind: Kind): Record<string, string> =>
  kind === "none" ? {} : { Authorization: `Bearer ${secrets[kind]}` };

let cell: { issueId: string; partyId: string };
let documentText: string;

async function cellVersion(): Promise<number> {
  const row = await db().stanceCell.findUnique({
    where: { workspaceId_issueId_partyId: { workspaceId: workspace.id, ...cell } },
    select: { version: true },
  });
  return row?.version ?? 0;
}

/** A statement to correct or retract, recorded before the check starts (so it does not count as the route's write). */
async function freshStatement() {
  const result = await recordStatement(trustedWorkspace(workspace, scripter.id), {
    workspaceSlug: workspace.slug,
    ...cell,
    baseVersion: await cellVersion(),
    position: "OPEN",
    summary: `Token probe ${randomUUID()}`,
    statedOn: "2024-05-01",
    links: [],
  });
  if (!result.ok || !result.statementId) throw new Error(JSON.stringify(result));
  return { statementId: result.statementId, baseVersion: result.version };
}

type Prepared = { statementId: string; baseVersion: number };
const ROUTE_PREPARE: Record<string, () => Promise<Prepared>> = {
  "POST /api/v1/workspaces/[slug]/statements/[statementId]/corrections": freshStatement,
  "POST /api/v1/workspaces/[slug]/statements/[statementId]/retraction": freshStatement,
};

const v1 = (path: string) => `/api/v1/workspaces/${workspace.slug}${path}`;
const v1Write = (headers: Record<string, string>, path: string, body: unknown) =>
  fetchAs(undefined, v1(path), {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });

const ROUTE_REQUESTS: Record<string, (headers: Record<string, string>, prepared?: Prepared) => Promise<Response>> = {
  "GET /api/v1/openapi.json": (headers) => fetchAs(undefined, "/api/v1/openapi.json", { headers }),
  "GET /api/v1/workspaces": (headers) => fetchAs(undefined, "/api/v1/workspaces", { headers }),
  "GET /api/v1/workspaces/[slug]/structure": (headers) => fetchAs(undefined, v1("/structure"), { headers }),
  "GET /api/v1/workspaces/[slug]/matrix": (headers) =>
    fetchAs(undefined, v1("/matrix?asOf=2024-06-01&since=2024-01-01"), { headers }),
  "GET /api/v1/workspaces/[slug]/statements": (headers) => fetchAs(undefined, v1("/statements"), { headers }),
  async "POST /api/v1/workspaces/[slug]/statements"(headers) {
    return v1Write(headers, "/statements", {
      ...cell,
      baseVersion: await cellVersion(),
      position: "SUPPORTS",
      summary: `Token statement ${randomUUID()}`,
      statedOn: "2024-05-02",
    });
  },
  "POST /api/v1/workspaces/[slug]/statements/[statementId]/corrections": (headers, prepared) =>
    v1Write(headers, `/statements/${prepared!.statementId}/corrections`, {
      baseVersion: prepared!.baseVersion,
      position: "OPPOSES",
      summary: `Token correction ${randomUUID()}`,
      statedOn: "2024-05-01",
      reason: "Token probe correction.",
    }),
  "POST /api/v1/workspaces/[slug]/statements/[statementId]/retraction": (headers, prepared) =>
    v1Write(headers, `/statements/${prepared!.statementId}/retraction`, {
      baseVersion: prepared!.baseVersion,
      reason: "Token probe retraction.",
    }),
  "GET /api/v1/workspaces/[slug]/documents": (headers) => fetchAs(undefined, v1("/documents"), { headers }),
  "POST /api/v1/workspaces/[slug]/documents": (headers) =>
    v1Write(headers, "/documents", {
      title: `Token v1 import ${randomUUID()}`,
      publishedAt: "2024-05-01",
      text: `Sent by a script over v1 ${randomUUID()}.\n`,
    }),
  "GET /api/v1/workspaces/[slug]/documents/[documentId]": (headers) =>
    fetchAs(undefined, v1(`/documents/${uploadedDocumentId}`), { headers }),
  "GET /api/v1/workspaces/[slug]/evidence": (headers) => fetchAs(undefined, v1("/evidence?q=script"), { headers }),
  "POST /api/v1/workspaces/[slug]/evidence": (headers) =>
    v1Write(headers, "/evidence", {
      documentId: uploadedDocumentId,
      quote: documentText.slice(0, 20),
      kind: "DIRECT_QUOTE",
    }),
  "GET /api/v1/workspaces/[slug]/search": (headers) => fetchAs(undefined, v1("/search?q=script"), { headers }),
  "GET /api/v1/workspaces/[slug]/activity": (headers) =>
    fetchAs(undefined, v1("/activity?after=0&limit=5"), { headers }),
  "GET /api/v1/workspaces/[slug]/export": (headers) => fetchAs(undefined, v1("/export?format=json"), { headers }),
  "GET /api/health": (headers) => fetchAs(undefined, "/api/health", { headers }),
  "GET /api/health/live": (headers) => fetchAs(undefined, "/api/health/live", { headers }),
  "GET /api/health/ready": (headers) => fetchAs(undefined, "/api/health/ready", { headers }),
  "GET /api/metrics": (headers) => fetchAs(undefined, "/api/metrics", { headers }),
  "GET /api/auth/[...nextauth]": (headers) => fetchAs(undefined, "/api/auth/csrf", { headers }),
  "POST /api/auth/[...nextauth]": (headers) =>
    fetchAs(undefined, "/api/auth/session", {
      method: "POST",
      headers: { ...headers, "Content-Type": "application/json" },
      body: "{}",
    }),
  "GET /api/w/[slug]/matrix": (headers) => fetchAs(undefined, `/api/w/${workspace.slug}/matrix`, { headers }),
  "GET /api/w/[slug]/evidence": (headers) => fetchAs(undefined, `/api/w/${workspace.slug}/evidence?q=x`, { headers }),
  "GET /api/w/[slug]/search": (headers) =>
    fetchAs(undefined, `/api/w/${workspace.slug}/search?q=guarantee`, { headers }),
  "GET /api/w/[slug]/convergence": (headers) =>
    fetchAs(undefined, `/api/w/${workspace.slug}/convergence?asOf=2022-02-16&from=2022-01-01&to=2022-02-16`, {
      headers,
    }),
  "GET /api/w/[slug]/documents/[documentId]/file": (headers) =>
    fetchAs(undefined, `/api/w/${workspace.slug}/documents/${uploadedDocumentId}/file`, { headers }),
  "GET /api/w/[slug]/export": (headers) =>
    fetchAs(undefined, `/api/w/${workspace.slug}/export?format=csv`, { headers }),
  "GET /api/w/[slug]/events": (headers) => fetchAs(undefined, `/api/w/${workspace.slug}/events`, { headers }),
  "POST /api/w/[slug]/documents": (headers) =>
    fetchAs(undefined, `/api/w/${workspace.slug}/documents`, {
      method: "POST",
      headers: { ...headers, "Content-Type": "application/json" },
      body: JSON.stringify({
        title: `Token import ${randomUUID()}`,
        publishedAt: "2024-05-01",
        text: `Sent by a script ${randomUUID()}.\n`,
      }),
    }),
  "POST /api/w/[slug]/stance-imports": (headers) => {
    const form = new FormData();
    const sheet = "Issue,Party,Position,Summary,Date\nAn issue,A party,Supports,Token probe.,2024-05-01\n";
    form.set("file", new Blob([sheet], { type: "text/csv" }), "stances.csv");
    form.set("step", "preview");
    return fetchAs(undefined, `/api/w/${workspace.slug}/stance-imports`, { method: "POST", headers, body: form });
  },
  "POST /api/workspaces": (headers) =>
    fetchAs(undefined, "/api/workspaces", {
      method: "POST",
      headers: { ...headers, "Content-Type": "application/json" },
      body: JSON.stringify({ title: "Token workspace", slug: `tokens-new-${randomUUID().slice(0, 8)}` }),
    }),
  "GET /api/imports": (headers) => fetchAs(undefined, "/api/imports", { headers }),
};

async function settle(response: Response): Promise<string> {
  if (response.headers.get("content-type")?.startsWith("text/event-stream")) {
    await response.body?.cancel();
    return "";
  }
  return response.text();
}

test.describe("the token table", () => {
  test("has a row and a request for every route method", () => {
    expect(routes.filter((r) => !TOKEN_ROUTE_POLICY[r])).toEqual([]);
    expect(Object.keys(TOKEN_ROUTE_POLICY).filter((r) => !routes.includes(r))).toEqual([]);
    expect(routes.filter((r) => !ROUTE_REQUESTS[r])).toEqual([]);
  });
});

const tokenRoutes = Object.entries(TOKEN_ROUTE_POLICY)
  .filter(([, access]) => access === "read" || access === "write")
  .map(([route]) => route);

for (const route of tokenRoutes)
  test.describe(route, () => {
    for (const kind of BAD_KINDS)
      test(`with ${kind}: refused, nothing written`, async () => {
        const prepared = await ROUTE_PREPARE[route]?.();
        const before = await tableStamps();
        const response = await ROUTE_REQUESTS[route]!(auth(kind), prepared);
        const text = await settle(response);
        expect(await tableStamps()).toEqual(before);
        const [status, error] = REFUSAL[kind];
        expect(response.status, text).toBe(status);
        expect(JSON.parse(text)).toMatchObject({ error, message: expect.any(String) });
      });

    test("with a read token: allowed to read, 403 for a write (nothing written)", async () => {
      const prepared = await ROUTE_PREPARE[route]?.();
      const before = await tableStamps();
      const response = await ROUTE_REQUESTS[route]!(auth("readToken"), prepared);
      const text = await settle(response);
      if (TOKEN_ROUTE_POLICY[route] === "write") {
        expect(await tableStamps()).toEqual(before);
        expect(response.status, text).toBe(403);
        expect(JSON.parse(text)).toMatchObject({ error: "forbidden", message: "This access token is read-only." });
      } else expect(response.status, text).toBe(200);
    });

    test("with a write token: allowed", async () => {
      const response = await ROUTE_REQUESTS[route]!(auth("writeToken"), await ROUTE_PREPARE[route]?.());
      const text = await settle(response);
      expect(response.status, text).toBeGreaterThanOrEqual(200);
      expect(response.status, text).toBeLessThan(300);
    });
  });

for (const route of Object.keys(TOKEN_ROUTE_POLICY).filter((r) => TOKEN_ROUTE_POLICY[r] === "session-only"))
  test.describe(route, () => {
    test("refuses a valid token with 401 session_required and writes nothing", async () => {
      const before = await tableStamps();
      const response = await ROUTE_REQUESTS[route]!(auth("writeToken"));
      const text = await settle(response);
      expect(await tableStamps()).toEqual(before);
      expect(response.status, text).toBe(401);
      expect(JSON.parse(text)).toMatchObject({ error: "session_required" });
    });
  });

for (const route of Object.keys(TOKEN_ROUTE_POLICY).filter((r) => TOKEN_ROUTE_POLICY[r] === "public"))
  test.describe(route, () => {
    test("does not look at a token: a revoked one gets the same answer as none", async () => {
      const withToken = await ROUTE_REQUESTS[route]!(auth("revoked"));
      const without = await ROUTE_REQUESTS[route]!({});
      await Promise.all([settle(withToken), settle(without)]);
      expect(withToken.status).toBe(without.status);
      expect(withToken.status).not.toBe(401);
    });
  });

for (const route of Object.keys(TOKEN_ROUTE_POLICY).filter((r) => TOKEN_ROUTE_POLICY[r] === "own-credential"))
  test.describe(route, () => {
    test("takes no personal access token for its own credential", async () => {
      const response = await ROUTE_REQUESTS[route]!(auth("writeToken"));
      await settle(response);
      expect(response.status).toBe(401);
    });
  });

for (const route of Object.keys(TOKEN_ROUTE_POLICY).filter((r) => TOKEN_ROUTE_POLICY[r] === "own-list"))
  test.describe(route, () => {
    test("refuses a missing, expired or revoked token, and lists only the token's own workspaces", async () => {
      for (const kind of ["none", "expired", "revoked"] as const) {
        const response = await ROUTE_REQUESTS[route]!(auth(kind));
        const text = await settle(response);
        expect(response.status, text).toBe(REFUSAL[kind][0]);
        expect(JSON.parse(text)).toMatchObject({ error: REFUSAL[kind][1] });
      }
      const listed = async (kind: Kind) => {
        const response = await ROUTE_REQUESTS[route]!(auth(kind));
        expect(response.status).toBe(200);
        return JSON.stringify(await response.json());
      };
      expect(await listed("readToken")).toContain(`"${workspace.slug}"`);
      expect(await listed("wrongWorkspace")).not.toContain(`"${workspace.slug}"`);
      expect(await listed("removedMember")).not.toContain(`"${workspace.slug}"`);
    });
  });

test.describe("tokens and the account", () => {
  test("are created, listed, used and revoked through the account page's actions; a token alone calls no action", async () => {
    const name = `Nightly pull ${run}`;
    const created = await callAction(
      "createApiTokenAction",
      [{ name, scope: "READ", workspaceSlugs: [workspace.slug], expiresInDays: 30 }],
      session,
    );
    const { id, secret } = outcome(created).data as { id: string; secret: string };
    expect(secret).toMatch(/^parley_pat_/);
    const bearer = { Authorization: `Bearer ${secret}` };
    const matrix = await fetchAs(undefined, `/api/w/${workspace.slug}/matrix`, { headers: bearer });
    expect(matrix.status).toBe(200);

    const page = await fetchAs(session, "/account");
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain(name);
    expect(html).toContain("last used");
    expect(html).not.toContain(secret);

    // A Bearer header on a server action changes nothing: without a session it is anonymous.
    const before = await tableStamps();
    const viaToken = await callAction("revokeApiTokenAction", [{ tokenId: id }], undefined, baseUrl, bearer);
    expect(outcome(viaToken).serverError).toMatchObject({ code: "unauthenticated" });
    expect(await tableStamps()).toEqual(before);

    const revoked = await callAction("revokeApiTokenAction", [{ tokenId: id }], session);
    expect(outcome(revoked).data).toEqual({ revoked: true });
    const after = await fetchAs(undefined, `/api/w/${workspace.slug}/matrix`, { headers: bearer });
    expect(after.status).toBe(401);
    expect(after.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
  });
});

test.describe("the write allowance", () => {
  test("refuses the write after the last allowed one with 429 and Retry-After, and writes nothing", async () => {
    const token = await tokenFor(scripter.id, [workspace.slug], TokenScope.WRITE);
    const headers = { Authorization: `Bearer ${token.secret}` };
    const first = await ROUTE_REQUESTS["POST /api/w/[slug]/documents"]!(headers);
    expect(first.status, await first.text()).toBe(201);
    expect(first.headers.get("ratelimit-policy")).toMatch(/^"writes";q=\d+;w=\d+$/);
    const remaining = Number(/;r=(\d+);/.exec(first.headers.get("ratelimit") ?? "")?.[1]);
    // Use up the rest of the allowance the way the requests would have: one counted event each.
    const now = new Date();
    await db().throttleEvent.createMany({
      data: Array.from({ length: remaining }, () => ({ scope: "api:writes", address: `token:${token.id}`, at: now })),
    });
    const before = await tableStamps();
    const refused = await ROUTE_REQUESTS["POST /api/w/[slug]/documents"]!(headers);
    const body = await refused.json();
    expect(await tableStamps()).toEqual(before);
    expect(refused.status, JSON.stringify(body)).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("ratelimit")).toMatch(/^"writes";r=0;t=\d+$/);
    expect(body).toMatchObject({ error: "rate_limited", message: expect.stringMatching(/try again in \d+ seconds?/) });
    // The user's session counts separately from the token.
    const bySession = await fetchAs(session, `/api/w/${workspace.slug}/documents`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: baseUrl },
      body: JSON.stringify({ title: `Session import ${run}`, text: `Sent from a session ${randomUUID()}.\n` }),
    });
    expect(bySession.status).toBe(201);
  });

  test("reports the median time of a token and of a session request (informational)", async () => {
    const time = async (request: () => Promise<Response>) => {
      const samples: number[] = [];
      for (let i = 0; i < 15; i++) {
        const start = performance.now();
        const response = await request();
        await response.arrayBuffer();
        samples.push(performance.now() - start);
      }
      return samples.sort((a, b) => a - b)[7]!;
    };
    const path = `/api/w/${workspace.slug}/evidence?q=zzz`;
    const bySession = await time(() => fetchAs(session, path));
    const byToken = await time(() => fetchAs(undefined, path, { headers: auth("readToken") }));
    console.log(`GET evidence median: session ${bySession.toFixed(1)} ms, token ${byToken.toFixed(1)} ms`);
    expect(byToken).toBeGreaterThan(0);
  });
});

test.describe("the account page in Chromium", () => {
  test("creates a token, shows it once, and revokes it", async ({ page }) => {
    await signIn(page, { email: scripter.email, password: PASSWORD });
    await page.goto(`${baseUrl}/account`);
    const name = `Browser token ${run}`;
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByRole("checkbox", { name: new RegExp(workspace.title) }).check();
    await page.getByRole("radio", { name: "Read and write" }).check();
    await page.getByRole("button", { name: "Create token" }).click();
    const secretField = page.getByLabel("New access token");
    await expect(secretField).toBeVisible();
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^parley_pat_[A-Za-z0-9_-]{43}$/);
    const listed = page
      .getByRole("list", { name: "Your access tokens" })
      .getByRole("listitem")
      .filter({ hasText: name });
    await expect(listed.textContent()).resolves.toMatch(/read and write .* never used/);
    const headers = { Authorization: `Bearer ${secret}` };
    expect((await fetchAs(undefined, `/api/w/${workspace.slug}/matrix`, { headers })).status).toBe(200);

    await page.getByRole("button", { name: `Revoke token ${name}` }).click();
    await expect(listed.getByText(/revoked \d{1,2} [A-Z][a-z]{2,3} \d{4}/)).toBeVisible();
    expect((await fetchAs(undefined, `/api/w/${workspace.slug}/matrix`, { headers })).status).toBe(401);
  });
});
