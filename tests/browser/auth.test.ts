import { randomBytes, randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { SESSION_COOKIE } from "@/lib/platform/auth/config";
import { db } from "@/lib/platform/db/client";
import { DEMO_SLUG } from "@/lib/workspaces/bootstrap";
import type { LoadedWorkspace } from "@/tests/support/fixture/load";
import { seedUser, seedWorkspace } from "../support/seed";
import { expect, newContext, signIn, test, testServer } from "./fixtures";
import { MembersPage } from "./pages/members";

const server = testServer();
const { baseUrl } = server;

// Signing in and out, invitations, removal and password changes, in Chromium against the built
// app, as the people involved would do them. Users and the second workspace are seeded through
// the app's own functions with unique names.
const run = randomUUID().slice(0, 8);

let stranger: { id: string; email: string };
let strangersWorkspace: LoadedWorkspace;

test.beforeAll(async () => {
  stranger = await seedUser({
    email: `auth-stranger-${run}@parley.test`,
    name: "Stranger",
    password: `stranger-${run}-passphrase`,
  });
  strangersWorkspace = await seedWorkspace({
    title: `Someone else's negotiation ${run}`,
    slug: `auth-other-${run}`,
    ownerId: stranger.id,
  });
});

test.afterAll(async () => {
  // The colleague may still be a member if a test failed half-way; leave the demo as it was.
  await db().membership.deleteMany({
    where: { workspace: { slug: DEMO_SLUG }, user: { email: { startsWith: `auth-colleague-${run}` } } },
  });
});

async function newPerson(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser);
  return { context, page: await context.newPage() };
}

/** Waits for the sign-in form to be the page (after a redirect or a sign-out). */
async function expectSignInForm(page: Page) {
  await expect(page.getByLabel("Password", { exact: true })).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
}

test.describe("signing in", () => {
  test("shows only the workspaces I am a member of", async ({ page }) => {
    await signIn(page, { email: server.admin.email, password: server.admin.password });
    await page.goto(`${baseUrl}/workspaces`);
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
    const hrefs = await main.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(hrefs).toContain(`/w/${DEMO_SLUG}`);
    expect(hrefs).not.toContain(`/w/${strangersWorkspace.slug}`);
    await expect(main.getByText(strangersWorkspace.title)).toHaveCount(0);

    // Knowing its address does not help.
    const response = await page.goto(`${baseUrl}/w/${strangersWorkspace.slug}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  });

  const payloads = [
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    "%2F%2Fevil.example",
    "https://app.example.evil.example",
    "javascript:alert(1)",
    "data:text/html,x",
  ];

  for (const payload of payloads)
    test(`through the form with callbackUrl=${payload}, lands on the app's own origin`, async ({ browser }) => {
      const { context, page } = await newPerson(browser);
      try {
        await page.goto(`${baseUrl}/sign-in?callbackUrl=${encodeURIComponent(payload)}`);
        const passwordField = page.getByLabel("Password", { exact: true });
        await page.getByLabel("Email", { exact: true }).fill(server.admin.email);
        await passwordField.fill(server.admin.password);
        await page.getByRole("button", { name: "Sign in", exact: true }).click();
        await expect(passwordField).toHaveCount(0);
        await expect(page.getByRole("main")).toBeVisible();
        expect(new URL(page.url()).origin).toBe(new URL(baseUrl).origin);
      } finally {
        await context.close();
      }
    });

  for (const payload of payloads)
    test(`through Auth.js's own endpoint with callbackUrl=${payload}, is sent back to the app's origin`, async () => {
      const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
      const cookies = csrf.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies },
        body: new URLSearchParams({
          csrfToken,
          email: server.admin.email,
          password: server.admin.password,
          callbackUrl: payload,
        }),
      });
      expect(response.status).toBe(302);
      expect(new URL(response.headers.get("location")!, baseUrl).origin).toBe(new URL(baseUrl).origin);
    });
});

test.describe("membership", () => {
  test("an owner invites a colleague, who joins as a viewer, cannot edit, and loses access once removed", async ({
    page: owner,
    browser,
  }) => {
    const colleague = {
      name: `Colleague ${run}`,
      email: `auth-colleague-${run}@parley.test`,
      password: `colleague-${randomBytes(9).toString("base64url")}`,
    };

    await signIn(owner, { email: server.admin.email, password: server.admin.password });
    const members = await new MembersPage(owner).goto(DEMO_SLUG);
    const link = await members.invite({ role: "VIEWER", email: colleague.email });
    expect(new URL(link).origin).toBe(new URL(baseUrl).origin);
    expect(new URL(link).pathname).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);

    const { context, page } = await newPerson(browser);
    try {
      await page.goto(link);
      await expect(page.getByText("You are invited as viewer")).toBeVisible();
      await page.getByLabel("Your name").fill(colleague.name);
      // The invitation names the address, so the form fills it in and locks it.
      const emailField = page.getByLabel("Email", { exact: true });
      await expect(emailField).toHaveValue(colleague.email);
      expect(await emailField.isEditable()).toBe(false);
      await page.getByLabel("Password", { exact: true }).fill(colleague.password);
      await page.getByRole("button", { name: "Create account and join" }).click();

      // Lands on the workspace, labelled with the new role.
      await expect(page.getByRole("banner").getByText("viewer", { exact: true })).toBeVisible();
      await expect(page.getByRole("grid")).toBeVisible();
      await expect(page).toHaveURL((url) => url.pathname === `/w/${DEMO_SLUG}`);

      // A viewer gets no editor: a cell opens its history instead, and nothing offers to record.
      await expect(page.getByRole("button", { name: "Record statement" })).toHaveCount(0);
      await page.getByTestId("matrix-cell").first().click();
      await expect(page).toHaveURL(/\/cells\/[0-9a-f-]{36}\/[0-9a-f-]{36}/);
      await expect(page.getByRole("link", { name: /^Matrix as of/ })).toBeVisible();
      await expect(page.getByRole("dialog")).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Record statement" })).toHaveCount(0);

      // The owner removes the colleague, confirming in the page's own dialog, which names them.
      await members.goto(DEMO_SLUG);
      await expect(members.member(colleague.email).getByRole("combobox")).toHaveValue("VIEWER");
      await members.remove(colleague.email, colleague.name);
      expect(
        await db().membership.count({ where: { workspace: { slug: DEMO_SLUG }, user: { email: colleague.email } } }),
      ).toBe(0);

      // The colleague's session still exists, but the workspace no longer does for them.
      const response = await page.goto(`${baseUrl}/w/${DEMO_SLUG}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
      await expect(page.getByRole("grid")).toHaveCount(0);
    } finally {
      await context.close();
    }
  });
});

test.describe("sessions", () => {
  test("changing the password ends the other open session at its next request", async ({ page, browser }) => {
    const oldPassword = `before-${randomBytes(9).toString("base64url")}`;
    const newPassword = `after-${randomBytes(9).toString("base64url")}`;
    const user = await seedUser({
      email: `auth-password-${run}@parley.test`,
      name: "Password changer",
      password: oldPassword,
    });

    await signIn(page, { email: user.email, password: oldPassword });
    const other = await newPerson(browser);
    try {
      await signIn(other.page, { email: user.email, password: oldPassword });
      await other.page.goto(`${baseUrl}/account`);
      await expect(other.page.getByRole("heading", { name: "Account" })).toBeVisible();

      await page.goto(`${baseUrl}/account`);
      await page.getByLabel("Current password").fill(oldPassword);
      await page.getByLabel("New password", { exact: true }).fill(newPassword);
      await page.getByLabel("New password again").fill(newPassword);
      await page.getByRole("button", { name: "Change password" }).click();
      await expect(page.getByText("Your password was changed")).toBeVisible();
      await expectSignInForm(page);

      // The other session: its next request finds the session ended.
      await other.page.goto(`${baseUrl}/account`);
      await expectSignInForm(other.page);

      // The old password no longer works; the new one does.
      const form = page.locator("form").filter({ has: page.getByLabel("Password", { exact: true }) });
      await page.getByLabel("Email", { exact: true }).fill(user.email);
      await page.getByLabel("Password", { exact: true }).fill(oldPassword);
      await form.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(form.getByRole("alert").first()).toBeVisible();
      await signIn(page, { email: user.email, password: newPassword });
      await page.goto(`${baseUrl}/account`);
      await expect(page.getByRole("heading", { name: "Account" })).toBeVisible();
    } finally {
      await other.context.close();
    }
  });

  test("signing out ends the session", async ({ page }) => {
    await signIn(page, { email: server.admin.email, password: server.admin.password });
    await page.goto(`${baseUrl}/account`);
    // Let the page's prefetches finish first: one still in flight can bring the session back (see below).
    await page.waitForLoadState("networkidle");
    await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
    await expectSignInForm(page);
    expect((await page.context().cookies()).filter((c) => c.name === SESSION_COOKIE)).toEqual([]);
    await page.goto(`${baseUrl}/`);
    await expectSignInForm(page);
  });

  // The proxy checks the cookie once per request and re-issues it at most once a minute
  // (tests/integration/session-check.test.ts drives the clock past the minute and the idle limit).
  test("a second request within the minute does not re-issue the session cookie", async ({ page }) => {
    await signIn(page, { email: server.admin.email, password: server.admin.password });
    const cookie = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE)!;
    for (const pathname of ["/account", "/workspaces"]) {
      const response = await fetch(`${baseUrl}${pathname}`, {
        headers: { Cookie: `${SESSION_COOKIE}=${cookie.value}` },
        redirect: "manual",
      });
      expect(response.status).toBe(200);
      expect(response.headers.getSetCookie().filter((c) => c.startsWith(`${SESSION_COOKIE}=`))).toEqual([]);
    }
  });

  // A request the page sent before signing out (a link prefetch, the live-updates stream) and
  // answered after it re-issues the session cookie; sign-out must revoke the token itself, so
  // that cookie is worthless. This replays that ordering deterministically.
  test("a request still in flight when the user signs out does not bring the session back", async ({ page }) => {
    await signIn(page, { email: server.admin.email, password: server.admin.password });
    const before = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE)!;
    await page.goto(`${baseUrl}/account`);
    await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
    await expectSignInForm(page);
    // The late answer to a request that carried the old cookie:
    const late = await fetch(`${baseUrl}/account`, {
      headers: { Cookie: `${SESSION_COOKIE}=${before.value}` },
      redirect: "manual",
    });
    expect(
      late.headers.getSetCookie().filter((c) => c.startsWith(`${SESSION_COOKIE}=`) && !/Max-Age=0/i.test(c)),
    ).toEqual([]);
  });
});
