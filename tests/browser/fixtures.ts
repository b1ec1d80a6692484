import { mkdirSync } from "node:fs";
import path from "node:path";
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  test as base,
  type Page,
} from "@playwright/test";
import { type Credentials, TEST_LOCALE, type TestServer, testServer, WAIT_MS } from "../support/test-server";
import { signIn } from "./pages/sign-in";

export { expect } from "@playwright/test";
export { signIn } from "./pages/sign-in";
export { testServer, WAIT_MS };

interface Fixtures {
  /** Signs `page` (the test's own by default) in through the form, as the admin unless told otherwise. */
  signIn: (who?: Credentials, page?: Page) => Promise<void>;
}

interface WorkerFixtures {
  server: TestServer;
  admin: Credentials;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  server: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from its first parameter.
    async ({}, use) => use(testServer()),
    { scope: "worker" },
  ],
  admin: [async ({ server }, use) => use(server.admin), { scope: "worker" }],
  baseURL: async ({ server }, use) => use(server.baseUrl),
  signIn: async ({ page, admin }, use) => {
    await use((who = admin, onPage = page) => signIn(onPage, who));
  },
});

const screenshotDir = path.join(process.cwd(), "screenshots");

/** A full-page screenshot in screenshots/, for a reviewer to look at (failures get their own in test-results/). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name.replace(/[^\w.-]+/g, "-")}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Another browser context (another person, or the same one on a second device) with the config's waits and language. */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: testServer().baseUrl, locale: TEST_LOCALE, ...options });
  context.setDefaultTimeout(WAIT_MS);
  context.setDefaultNavigationTimeout(WAIT_MS);
  return context;
}
