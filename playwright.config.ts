import { register } from "node:module";
import { defineConfig } from "@playwright/test";

// `server-only` and next's extensionless entry points, for the app code the tests call to seed
// data. Every worker loads this file before the test files, so the hook is in place for them.
register("./tests/support/node-resolve.mjs", import.meta.url);

/**
 * How long a wait for an element, a navigation or a web-first assertion may take. Playwright's
 * defaults (5 s for assertions, none for actions) are too short on a loaded 2-core machine, where
 * a server action plus a render has been seen to take tens of seconds; a wait ends as soon as its
 * condition holds.
 */
export const WAIT_MS = 60_000;

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
    // Debian's Chromium: Playwright's own download cannot work here (no internet but the npm registry).
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    // Dates follow the reader's locale; the expected texts are written in British English ("27 Jan 2022").
    locale: "en-GB",
    actionTimeout: WAIT_MS,
    navigationTimeout: WAIT_MS,
    screenshot: "only-on-failure",
    trace: "off",
  },
});
