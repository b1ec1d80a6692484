import { mkdirSync } from "node:fs";
import path from "node:path";
import { test as base, type Page } from "@playwright/test";
import { type Credentials, signIn } from "./pages/sign-in";

export { expect } from "@playwright/test";

/** The app server under test (tests/browser/global-setup.ts or scripts/test.mjs starts it). */
export interface TestServer {
  readonly baseUrl: string;
  /** The owner account the app's first start created. */
  readonly admin: Credentials;
  /** The server's output, for tests that read what it logged. */
  readonly serverLog: string;
}

export function testServer(): TestServer {
  return {
    baseUrl: fromEnv("PARLEY_E2E_BASE_URL"),
    admin: { email: fromEnv("PARLEY_E2E_ADMIN_EMAIL"), password: fromEnv("PARLEY_E2E_ADMIN_PASSWORD") },
    serverLog: fromEnv("PARLEY_E2E_SERVER_LOG"),
  };
}

function fromEnv(key: string): string {
  const value = process.env[key];
  if (!value) throw new Error(`${key} is not set: the browser tests' global setup (or npm test) sets it`);
  return value;
}

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
