import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "@playwright/test";
import { absorbCookies, cookieHeader, SESSION_COOKIE } from "../e2e/http";
import { freePort, randomSecret } from "../support/provision.mjs";
import { seedUser } from "../support/seed";
import { chromiumLaunchOptions, TEST_LOCALE, WAIT_MS } from "../support/test-server";
import { expect, signIn, test, testServer } from "./fixtures";

const server = testServer();

// The deployment modes, in Chromium reaching the app as http://parley.test (mapped to 127.0.0.1):
// a second app server of this file's own with PARLEY_PUBLIC_URL=http://parley.test:PORT (an
// intranet host without TLS), and the run's app server behind a TLS-terminating proxy this file
// starts (https://parley.test:PORT, self-signed). The second server's stdout is the request log
// checked below: one line per request, and no secret or document text in any line.

const mainUrl = server.baseUrl;
const mainPort = Number(new URL(mainUrl).port);
const run = randomUUID().slice(0, 8);
const password = `deploy-${run}-${randomBytes(9).toString("base64url")}`;
const metricsToken = randomSecret();
const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

let intranet: { url: string; server: ChildProcess; output: () => string };
let tls: { url: string; server: https.Server; dir: string };
let browser: Browser;
let user: { id: string; email: string };

async function startIntranetServer(): Promise<typeof intranet> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const url = `http://parley.test:${port}`;
    let output = "";
    const server = spawn(process.execPath, [nextBin, "start", "-p", String(port)], {
      cwd: process.cwd(),
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: "1",
        PARLEY_PUBLIC_URL: url,
        PARLEY_METRICS_TOKEN: metricsToken,
        PARLEY_JOBS_WORKER: "false",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    for (const stream of [server.stdout, server.stderr]) stream?.on("data", (chunk: Buffer) => (output += chunk));
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && server.exitCode === null) {
      const answer = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined);
      if (answer?.status === 200) return { url, server, output: () => output };
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    server.kill("SIGKILL");
    if (attempt < 3 && output.includes("EADDRINUSE")) continue;
    throw new Error(`the second app server did not start:\n${output.slice(-3000)}`);
  }
}

/** https://parley.test:PORT → the run's app server, saying so in X-Forwarded-Proto/-Host as a proxy does. */
async function startTlsProxy(): Promise<typeof tls> {
  const dir = mkdtempSync(path.join(tmpdir(), "parley-tls-"));
  const key = path.join(dir, "key.pem");
  const cert = path.join(dir, "cert.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=parley.test",
      "-addext",
      "subjectAltName=DNS:parley.test",
      "-keyout",
      key,
      "-out",
      cert,
    ],
    { stdio: "ignore" },
  );
  const server = https.createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (request, response) => {
    const upstream = http.request(
      {
        host: "127.0.0.1",
        port: mainPort,
        method: request.method,
        path: request.url,
        headers: { ...request.headers, "x-forwarded-proto": "https", "x-forwarded-host": request.headers.host },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on("error", () => response.destroy());
    request.pipe(upstream);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { url: `https://parley.test:${(server.address() as AddressInfo).port}`, server, dir };
}

test.beforeAll(async () => {
  user = await seedUser({ email: `deploy-${run}@parley.test`, name: "Deploy", password });
  [intranet, tls, browser] = await Promise.all([
    startIntranetServer(),
    startTlsProxy(),
    chromium.launch(chromiumLaunchOptions(["--host-resolver-rules=MAP parley.test 127.0.0.1"])),
  ]);
});

test.afterAll(async () => {
  await browser?.close();
  tls?.server.close();
  if (tls) rmSync(tls.dir, { recursive: true, force: true });
  if (intranet && intranet.server.exitCode === null) {
    const exited = once(intranet.server, "exit");
    intranet.server.kill("SIGTERM");
    await exited;
  }
});

async function newPage(baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, ignoreHTTPSErrors: true, locale: TEST_LOCALE });
  context.setDefaultTimeout(WAIT_MS);
  context.setDefaultNavigationTimeout(WAIT_MS);
  return { context, page: await context.newPage() };
}

/** A cookie jar signed in as the file's user through Auth.js's endpoints, as a script would. */
async function signInOverHttp(url: string): Promise<Map<string, string>> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${url}/api/auth/csrf`);
  absorbCookies(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signedIn = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader({ jar }) },
    body: new URLSearchParams({ csrfToken, email: user.email, password, callbackUrl: `${url}/` }),
  });
  absorbCookies(jar, signedIn);
  return jar;
}

/** The request log: the JSON lines of the second server's output. */
function logLines(): Record<string, unknown>[] {
  return intranet
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

test.describe("on a plain-HTTP intranet host (PARLEY_PUBLIC_URL=http://parley.test:PORT)", () => {
  test("signs in with cookies that are not Secure, and warns that the connection is not encrypted", async () => {
    const { context, page } = await newPage(intranet.url);
    try {
      const response = await page.goto(`${intranet.url}/sign-in`);
      expect(response?.headers()["strict-transport-security"]).toBeUndefined();
      await expect(page.getByRole("alert").filter({ hasText: "not encrypted" })).toHaveCount(1);
      await signIn(page, { email: user.email, password: password });
      await page.goto(`${intranet.url}/workspaces`);
      await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
      const cookies = await context.cookies();
      const session = cookies.find((c) => c.name === "parley.session-token");
      expect(session).toMatchObject({ secure: false, httpOnly: true, sameSite: "Lax", domain: "parley.test" });
      expect(cookies.filter((c) => c.name.startsWith("__Host-") || c.name.startsWith("__Secure-"))).toEqual([]);
    } finally {
      await context.close();
    }
    expect(logLines().some((line) => line.level === 40 && String(line.msg).includes("plain HTTP"))).toBe(true);
  });
});

test.describe("behind a TLS-terminating proxy (X-Forwarded-Proto: https, AUTH_TRUST_HOST)", () => {
  test("signs in with __Host-/Secure cookies and sends HSTS", async () => {
    const { context, page } = await newPage(tls.url);
    try {
      const response = await page.goto(`${tls.url}/sign-in`);
      expect(response?.headers()["strict-transport-security"]).toMatch(/^max-age=\d+/);
      await expect(page.getByText("not encrypted")).toHaveCount(0);
      await signIn(page, { email: user.email, password: password });
      await page.goto(`${tls.url}/workspaces`);
      await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
      const cookies = await context.cookies();
      expect(cookies.find((c) => c.name === SESSION_COOKIE)).toMatchObject({ secure: true, httpOnly: true, path: "/" });
      expect(cookies.filter((c) => c.name === "parley.session-token")).toEqual([]);
    } finally {
      await context.close();
    }
    // The sign-in action's redirect is rendered by a request of Next's to itself carrying the
    // action's headers, request id included: the run's server (which trusts X-Request-Id) still
    // logs each request under an id of its own.
    const ids = readFileSync(server.serverLog, "utf8")
      .split("\n")
      .filter((line) => line.startsWith('{"') && line.includes('"msg":"request"'))
      .map((line) => (JSON.parse(line) as { reqId: string }).reqId);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });
});

test.describe("the app's idea of its own origin and Auth.js's CSRF cookie", () => {
  test("sets one CSRF cookie per response, holding the token it answers with", async () => {
    const response = await fetch(`${mainUrl}/api/auth/csrf`);
    const csrfCookies = response.headers.getSetCookie().filter((c) => /^(__Host-)?authjs\.csrf-token=/.test(c));
    expect(csrfCookies).toHaveLength(1);
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    expect(decodeURIComponent(csrfCookies[0]!.split(";")[0]!.split("=")[1]!).split("|")[0]).toBe(csrfToken);
    // Pages never need one (server actions sign in without it).
    const page = await fetch(`${mainUrl}/sign-in`);
    expect(page.headers.getSetCookie().filter((c) => c.includes("csrf-token"))).toEqual([]);
  });

  test("accepts a script's POST from http://127.0.0.1:PORT as same-origin, and still refuses other origins", async () => {
    const jar = await signInOverHttp(mainUrl);
    expect(jar.has(SESSION_COOKIE)).toBe(true);

    const loopback = `http://127.0.0.1:${mainPort}`;
    const post = (pathname: string, origin: string, body: unknown) =>
      fetch(`${loopback}${pathname}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: origin, Cookie: cookieHeader({ jar }) },
        body: JSON.stringify(body),
      });
    const slug = `deploy-${run}`;
    const created = await post("/api/workspaces", loopback, { title: `Deployment ${run}`, slug });
    expect(created.status, await created.clone().text()).toBe(201);
    const document = { title: `Loopback ${run}`, publishedAt: "2024-01-02", text: `Imported from loopback ${run}.\n` };
    const imported = await post(`/api/w/${slug}/documents`, loopback, document);
    expect(imported.status, await imported.clone().text()).toBe(201);
    const foreign = await post(`/api/w/${slug}/documents`, mainUrl, { ...document, title: `Foreign ${run}` });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: "cross_origin" });
  });
});

test.describe("operator signals", () => {
  test("answers liveness and readiness", async () => {
    const live = await fetch(`${mainUrl}/api/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${mainUrl}/api/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", database: "ok", pendingMigrations: 0 });
  });

  test("logs a request in one line with its request id and user, counts it in the metrics, and logs no secret", async () => {
    const direct = intranet.url.replace("parley.test", "127.0.0.1");
    const sessionToken = (await signInOverHttp(direct)).get("parley.session-token")!;
    expect(sessionToken).toBeTruthy();
    const slug = `deploy-logs-${run}`;
    const api = (pathname: string, body: unknown) =>
      fetch(`${direct}${pathname}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Cookie: `parley.session-token=${sessionToken}` },
        body: JSON.stringify(body),
      });
    expect((await api("/api/workspaces", { title: `Logs ${run}`, slug })).status).toBe(201);
    const documentText = `Confidential negotiating position ${randomUUID()} of the delegation.\n`;
    const imported = await api(`/api/w/${slug}/documents`, {
      title: `Logged ${run}`,
      publishedAt: "2024-01-02",
      text: documentText,
    });
    expect(imported.status).toBe(201);
    const requestId = imported.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

    const metricsUrl = `${direct}/api/metrics`;
    expect((await fetch(metricsUrl)).status).toBe(401);
    expect((await fetch(metricsUrl, { headers: { Authorization: "Bearer wrong-token-0123456789" } })).status).toBe(401);
    // A request is counted when its response closes, a moment after the client has read it: on a
    // busy machine the first scrape can come first, so scrape until it is there.
    const counted =
      /parley_http_request_duration_seconds_count\{method="POST",route="\/api\/w\/\[slug\]\/documents",status="201"\} 1/;
    let exposition = "";
    await expect
      .poll(
        async () => {
          const scrape = await fetch(metricsUrl, { headers: { Authorization: `Bearer ${metricsToken}` } });
          expect(scrape.status).toBe(200);
          exposition = await scrape.text();
          return counted.test(exposition);
        },
        { timeout: 15_000, intervals: [200] },
      )
      .toBe(true);
    expect(exposition).toMatch(/parley_db_pool_wait_seconds_count\{pool="requests"\} [1-9]/);
    expect(exposition).toContain("parley_live_streams 0");
    expect(exposition).toContain("parley_edit_conflicts_total 0");

    // The line is written when the response closes, a moment after the client has it.
    const deadline = Date.now() + 10_000;
    let lines = logLines().filter((line) => line.reqId === requestId);
    while (lines.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      lines = logLines().filter((line) => line.reqId === requestId);
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      msg: "request",
      method: "POST",
      route: "/api/w/[slug]/documents",
      status: 201,
      userId: user.id,
    });
    expect(typeof lines[0]!.durationMs).toBe("number");

    const log = intranet.output();
    for (const secret of [password, sessionToken, metricsToken, process.env.AUTH_SECRET!, documentText.trim()])
      expect(log.includes(secret), `the log contains ${secret.slice(0, 12)}…`).toBe(false);
    expect(log).not.toContain("Confidential negotiating position");
  });
});
