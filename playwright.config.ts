import { register } from "node:module";
import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions, TEST_LOCALE, WAIT_MS } from "./tests/support/test-server";

// `server-only` and next's extensionless entry points, for the app code the tests call to seed
// data. Every worker loads this file before the test files, so the hook is in place for them.
register("./tests/support/node-resolve.mjs", import.meta.url);

// The browser tests (tests/browser): Chromium against the built app. `npm test` (scripts/test.mjs)
// starts one app server per shard and names it in PARLEY_E2E_BASE_URL; run alone
// (`npx playwright test <file>`), tests/browser/global-setup.ts starts one.
export default defineConfig({
  testDir: "tests/browser",
  testMatch: "**/*.test.ts",
  globalSetup: "tests/browser/global-setup.ts",
  // One app server and one database per shard; files seed their own uniquely named data, one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  // A test signs in and loads several pages, each of which can take seconds on a busy machine.
  timeout: 180_000,
  expect: { timeout: WAIT_MS },
  reporter: [["list"]],
  outputDir: "test-results/browser",
  use: {
    browserName: "chromium",
    launchOptions: chromiumLaunchOptions(),
    locale: TEST_LOCALE,
    actionTimeout: WAIT_MS,
    navigationTimeout: WAIT_MS,
    screenshot: "only-on-failure",
    trace: "off",
  },
});
