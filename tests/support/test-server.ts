// The app server the end-to-end tests drive, as tests/support/app-server.mjs describes it in the
// environment: scripts/test.mjs sets it for both runners, or a global setup that started the
// server itself (its test processes inherit it).

/**
 * How long a wait for an element, a navigation or a web-first assertion may take. Playwright's
 * defaults (5 s for assertions, none for actions) are too short on a loaded 2-core machine, where
 * a server action plus a render has been seen to take tens of seconds; a wait ends as soon as its
 * condition holds.
 */
export const WAIT_MS = 60_000;

/**
 * The browser's language in every test context unless a test sets another: dates follow the
 * reader's locale, and the tests' expected texts are written in British English ("27 Jan 2022").
 */
export const TEST_LOCALE = "en-GB";

/**
 * How the tests launch Chromium: Debian's (Playwright's own download cannot work here), headless,
 * without the background traffic a test has no use for. extraArgs: e.g.
 * `--host-resolver-rules=MAP parley.test 127.0.0.1` to reach the app by another name.
 */
export function chromiumLaunchOptions(extraArgs: string[] = []) {
  return {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
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
  };
}

export interface Credentials {
  readonly email: string;
  readonly password: string;
}

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
  if (!value) throw new Error(`${key} is not set: the end-to-end global setup (or npm test) sets it with the server`);
  return value;
}
