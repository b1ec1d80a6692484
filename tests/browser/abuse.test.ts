import { randomBytes, randomInt, randomUUID } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { Role } from "@/lib/generated/prisma/enums";
import { createInvitation } from "@/lib/members/mutations";
import { SESSION_COOKIE } from "@/lib/platform/auth/config";
import { FREE_FAILURES } from "@/lib/platform/auth/throttle";
import { db } from "@/lib/platform/db/client";
import { trustedWorkspace } from "@/lib/workspaces/access";
import { DEMO_SLUG } from "@/lib/workspaces/bootstrap";
import { seedUser, userIdByEmail } from "../support/seed";
import { expect, newContext, signIn, test, testServer } from "./fixtures";
import { MembersPage } from "./pages/members";

const server = testServer();
const { baseUrl } = server;

// The app under abuse, from outside: throttled sign-in as the person locked out sees it, a
// password spray against Auth.js's own endpoint, and the headers anonymous callers get. The server
// trusts x-forwarded-for (tests/support/app-server.mjs), so each test here is its own client address
// (documentation range 203.0.113.0/24: a header value only, no traffic goes there).
const run = randomUUID().slice(0, 8);
const SPRAY_CAP = 20; // PARLEY_SIGNIN_ADDRESS_LIMIT's default, per 60 s

const newAddress = () => `203.0.113.${randomInt(1, 255)}, 10.${randomInt(0, 255)}.0.1`;
const lastHop = (header: string) => header.split(",").pop()?.trim() ?? "";

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test.describe("sign-in throttling", () => {
  test("tells a paused account when to retry, does not count the right password meanwhile, and lets it in after", async ({
    browser,
  }) => {
    const password = `paused-${randomBytes(9).toString("base64url")}`;
    const user = await seedUser({ email: `abuse-paused-${run}@parley.test`, name: "Paused", password });
    const forwarded = `198.51.100.${randomInt(1, 255)}`;
    // Someone failed 14 times from this address a moment ago: a 16-second delay.
    const at = new Date();
    await db().loginAttempt.createMany({
      data: Array.from({ length: FREE_FAILURES + 4 }, () => ({
        email: user.email,
        address: forwarded,
        succeeded: false,
        at,
      })),
    });
    const context = await newContext(browser, {
      extraHTTPHeaders: { "x-forwarded-for": forwarded },
    });
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/sign-in`);
      const form = page.locator("form").filter({ has: page.getByLabel("Password", { exact: true }) });
      const tryRightPassword = async () => {
        await page.getByLabel("Email", { exact: true }).fill(user.email);
        await page.getByLabel("Password", { exact: true }).fill(password);
        await form.getByRole("button", { name: "Sign in", exact: true }).click();
      };
      await tryRightPassword();
      const alert = form.getByRole("alert").first();
      await expect(alert).toBeVisible();
      const text = (await alert.textContent()) ?? "";
      expect(text).toMatch(/paused after repeated failures\. Try again in \d+ seconds\. That is at \d{1,2}:\d\d:\d\d/);
      const seconds = Number(/in (\d+) seconds/.exec(text)?.[1]);
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThanOrEqual(16);
      const retryAt = new Date(
        await alert
          .locator("time")
          .getAttribute("datetime")
          .then((v) => v ?? ""),
      );
      expect(retryAt.getTime()).toBe(at.getTime() + 16_000);
      // Refused unchecked: nothing was recorded, so the delay did not grow.
      expect(await db().loginAttempt.count({ where: { email: user.email } })).toBe(FREE_FAILURES + 4);

      // Once the delay has passed, the right password works.
      await until("the delay to pass", async () => (Date.now() > retryAt.getTime() ? true : undefined), 30_000);
      await tryRightPassword();
      await expect(page.getByLabel("Password", { exact: true })).toHaveCount(0);
      expect((await context.cookies()).some((c) => c.name === SESSION_COOKIE)).toBe(true);
      console.log(`paused sign-in: told to wait ${seconds} s of a 16 s delay; signed in once it passed`);
    } finally {
      await context.close();
    }
  });

  test(`stops a spray of 40 accounts from one address after ${SPRAY_CAP} failures, the real account's right password included`, async () => {
    const password = `sprayed-${randomBytes(9).toString("base64url")}`;
    const real = await seedUser({ email: `abuse-sprayed-${run}@parley.test`, name: "Sprayed", password });
    const forwarded = newAddress();
    const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { "x-forwarded-for": forwarded } });
    // The CSRF cookie comes twice (proxy and route); a browser keeps the last, and so do we.
    const jar = new Map(
      csrf.headers.getSetCookie().map((c) => {
        const pair = c.split(";")[0] ?? "";
        return [pair.slice(0, pair.indexOf("=")), pair] as const;
      }),
    );
    const cookie = [...jar.values()].join("; ");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const started = Date.now();
    const signedIn: boolean[] = [];
    for (let i = 0; i < 40; i++) {
      const [email, guess] = i === 30 ? [real.email, password] : [`abuse-spray-${i}-${run}@parley.test`, "Winter2026!"];
      const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, "x-forwarded-for": forwarded },
        body: new URLSearchParams({ csrfToken, email, password: guess, callbackUrl: "/" }),
      });
      // Refused as a sign-in failure, not for a missing CSRF token.
      expect(response.headers.get("location")).toMatch(/error=CredentialsSignin/);
      signedIn.push(response.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`)));
    }
    const elapsed = Date.now() - started;
    expect(signedIn.every((s) => !s)).toBe(true);
    const recorded = await db().loginAttempt.count({ where: { address: lastHop(forwarded) } });
    console.log(`spray: 40 accounts in ${elapsed} ms, ${recorded} checked, the rest refused unchecked`);
    expect(recorded).toBe(SPRAY_CAP);

    // The same account from another address is unaffected.
    const other = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, "x-forwarded-for": newAddress() },
      body: new URLSearchParams({ csrfToken, email: real.email, password, callbackUrl: "/" }),
    });
    expect(other.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(true);
  });
});

test.describe("email-bound invitations without mail", () => {
  test("say plainly, to the owner and on the invitation page, that the address is the owner's word", async ({
    page,
    browser,
  }) => {
    await signIn(page, { email: server.admin.email, password: server.admin.password });
    await new MembersPage(page).goto(DEMO_SLUG);
    await expect(page.getByText("This server cannot send mail: an email here is your word only.")).toBeVisible();

    const workspace = await db().workspace.findUniqueOrThrow({
      where: { slug: DEMO_SLUG },
      select: { id: true, slug: true, title: true },
    });
    const adminId = await userIdByEmail(server.admin.email);
    const bound = `abuse-bound-${run}@parley.test`;
    const invitation = await createInvitation(trustedWorkspace(workspace, adminId), {
      role: Role.VIEWER,
      email: bound,
      expiresInDays: 1,
    });
    const visitor = await newContext(browser);
    try {
      const invitee = await visitor.newPage();
      await invitee.goto(`${baseUrl}${invitation.path}`);
      await expect(invitee.getByText(`Parley does not check that ${bound} is yours`)).toBeVisible();
      await expect(invitee.getByLabel("Code from the mail")).toHaveCount(0);
    } finally {
      await visitor.close();
      await db().invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
    }
  });
});

test.describe("headers and answers for anonymous callers", () => {
  test("the health check tells an anonymous caller only that it is up, and a signed-in owner more", async ({
    page,
  }) => {
    const anonymous = await fetch(`${baseUrl}/api/health`);
    expect(anonymous.status).toBe(200);
    expect(await anonymous.json()).toEqual({ status: "ok" });

    await signIn(page, { email: server.admin.email, password: server.admin.password });
    const owner = await page.request.get(`${baseUrl}/api/health`);
    expect(owner.status()).toBe(200);
    expect(await owner.json()).toMatchObject({
      status: "ok",
      database: "postgresql",
      server: expect.stringMatching(/^PostgreSQL \d+/),
    });
  });

  test("the export keeps its own sandbox policy; pages keep theirs", async ({ page }) => {
    await signIn(page, { email: server.admin.email, password: server.admin.password });
    const exported = await page.request.get(`${baseUrl}/api/w/${DEMO_SLUG}/export?format=html`);
    expect(exported.status()).toBe(200);
    expect(exported.headers()["content-security-policy"]).toBe(
      "sandbox; default-src 'none'; style-src 'unsafe-inline'",
    );
    const pageResponse = await page.request.get(`${baseUrl}/w/${DEMO_SLUG}`);
    expect(pageResponse.headers()["content-security-policy"]).toMatch(
      /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/,
    );
  });

  test("a forged session cookie leaves one log line without a stack, and signs nobody in", async () => {
    // The server's output, as tests/support/app-server.mjs writes it.
    const log = server.serverLog;
    const offset = statSync(log).size;
    const forged = `forged-${randomBytes(24).toString("base64url")}`;
    const response = await fetch(`${baseUrl}/api/health`, { headers: { Cookie: `${SESSION_COOKIE}=${forged}` } });
    expect(await response.json()).toEqual({ status: "ok" });
    const lines = await until("the refusal in the server log", async () => {
      const added = readFileSync(log).subarray(offset).toString("utf8").split("\n");
      const at = added.findIndex((line) => line.includes("[auth] JWTSessionError"));
      return at === -1 ? undefined : added.slice(at, at + 2);
    });
    console.log(`server log for a forged session cookie: ${lines[0]}`);
    expect(lines[0]?.length).toBeLessThanOrEqual(320);
    expect(lines[1] ?? "").not.toMatch(/^\s+at |\[auth\]\[cause\]/);
  });
});
