import { mkdirSync } from "node:fs";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, inject } from "vitest";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/**
 * How long a wait for an element or a navigation may take before the test fails. Playwright's 30 s
 * default (and the 10–20 s some tests used) is too short on a loaded machine, where a server
 * action plus a render has been seen to take longer; a wait ends as soon as its condition holds.
 */
export const WAIT_MS = 60_000;
/**
 * The browser's language in every test context unless a test sets another: dates follow the
 * reader's locale, and the tests' expected texts are written in British English ("27 Jan 2022").
 */
export const TEST_LOCALE = "en-GB";
const screenshotDir = path.join(process.cwd(), "screenshots");

/** extraArgs: e.g. `--host-resolver-rules=MAP parley.test 127.0.0.1` to reach the app by another name. */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...extraArgs,
    ],
  });
}

/** A browser context whose waits and navigations use WAIT_MS. */
export async function newContext(
  browser: Browser,
  baseUrl: string,
  options: { locale?: string } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: TEST_LOCALE, ...options });
  context.setDefaultTimeout(WAIT_MS);
  context.setDefaultNavigationTimeout(WAIT_MS);
  return context;
}

export interface BrowserSession {
  readonly baseUrl: string;
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
}

/**
 * One browser for the calling test file and a fresh context (cookies, storage) with one page for
 * each test. A failing test leaves `screenshots/<file>--<test>.png` behind.
 *
 *   const session = useBrowser();
 *   it("…", async () => { await session.page.goto(session.baseUrl); });
 */
export function useBrowser(): BrowserSession {
  const baseUrl = inject("baseUrl");
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  beforeEach(async () => {
    context = await newContext(required(browser, "browser"), baseUrl);
    page = await context.newPage();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === "fail" && page && !page.isClosed()) {
      const file = path.basename(task.file.name, ".test.ts");
      await screenshot(page, `${file}--${task.name}`).catch(() => {});
    }
    await context?.close();
    context = undefined;
    page = undefined;
  });
  afterAll(async () => {
    await browser?.close();
  });

  return {
    baseUrl,
    get browser() {
      return required(browser, "browser");
    },
    get context() {
      return required(context, "context");
    },
    get page() {
      return required(page, "page");
    },
  };
}

function required<T>(value: T | undefined, name: string): T {
  if (!value) throw new Error(`The ${name} exists only inside a test (useBrowser() sets it up in hooks)`);
  return value;
}

/**
 * Signs in through the real form. Waits for the form to go away (or to show why it refused) and
 * for the workspace list's <main>, rather than for a URL: the server action's redirect is not a
 * full page load.
 */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  const passwordField = page.getByLabel("Password", { exact: true });
  const form = page.locator("form").filter({ has: passwordField });
  await page.getByLabel("Email", { exact: true }).fill(email);
  await passwordField.fill(password);
  await form.getByRole("button", { name: "Sign in", exact: true }).click();
  const outcome = await Promise.race([
    passwordField.waitFor({ state: "detached", timeout: WAIT_MS }).then(
      () => "signed-in" as const,
      () => undefined,
    ),
    form
      .getByRole("alert")
      .first()
      .waitFor({ state: "visible", timeout: WAIT_MS })
      .then(
        () => "refused" as const,
        () => undefined,
      ),
  ]);
  if (outcome !== "signed-in") {
    const reason =
      outcome === "refused" ? `: ${await form.getByRole("alert").first().innerText()}` : ` within ${WAIT_MS / 1000} s`;
    throw new Error(`Signing in as ${email} did not leave the sign-in form${reason}`);
  }
  await page.getByRole("main").waitFor();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name.replace(/[^\w.-]+/g, "-")}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
