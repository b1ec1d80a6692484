import { mkdirSync } from "node:fs";
import path from "node:path";
import { test as base, type Page } from "@playwright/test";
import { type Credentials, type TestServer, testServer } from "../support/test-server";
import { signIn } from "./pages/sign-in";

export { expect } from "@playwright/test";
export { testServer };

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
