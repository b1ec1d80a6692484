#!/usr/bin/env node
// How heavy the matrix page is, and how many matrix reads one cell edit costs: starts the built
// app (PARLEY_DIST_DIR, default .next) on a fresh PostgreSQL database with the demo workspace and
// two generated ones (40 × 12 and 100 × 20, one statement per cell), signs in, and prints
//   - each matrix page's HTML, raw and gzip, and how much of it is the inline RSC payload;
//   - in Chromium (playwright-core), how long the 40 × 12 page takes to be whole and live, and the
//     requests for the matrix page, its RSC refresh and the
//     matrix JSON made from clicking "Record statement" until 5 s after the cell settles.
// Not a test: a measuring tool for the figures in issue #15 and #11.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { migrateDatabase } from "../tests/support/provision.mjs";
import { smallWorkspaceSql } from "./bench-data.mjs";
import { freePort } from "./embedded-postgres.mjs";
import { withClient } from "./pg-client.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const serverUrl = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const distDir = process.env.PARLEY_DIST_DIR || ".next";
const DEMO = "security-guarantees";
const SHAPES = [
  [40, 12],
  [100, 20],
];

async function waitUntilHealthy(baseUrl) {
  for (let i = 0; i < 480; i++) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).status === 200) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the app did not become healthy");
}

function sizes(html) {
  const flight = [...html.matchAll(/<script[^>]*>self\.__next_f\.push\((.*?)\)<\/script>/gs)]
    .map((m) => m[1].length)
    .reduce((a, b) => a + b, 0);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  return `${kb(Buffer.byteLength(html))} raw, ${kb(gzipSync(html).length)} gzip, inline RSC payload ${kb(flight)}`;
}

/**
 * The page's first-load JavaScript, gzipped, and whether zod is among it: every script the HTML
 * names, and every chunk its inline RSC payload names for the client components it renders (the
 * browser loads those before it hydrates them; Turbopack names them all in script tags too, but
 * webpack leaves out some, such as a nested layout's). The polyfills (`noModule`) are left out, as
 * Next's own "First Load JS" leaves them out: browsers that run modules never fetch them. They are
 * printed alongside. Chunks loaded on demand (React.lazy, next/dynamic) are not named, nor counted.
 */
function firstLoadJs(html) {
  const tags = [...html.matchAll(/<script[^>]* src="\/_next\/([^"?]+)[^>]*>/g)];
  const flight = [...html.matchAll(/<script[^>]*>self\.__next_f\.push\((.*?)\)<\/script>/gs)].map((m) => m[1]).join("");
  const referenced = [...flight.matchAll(/static\/chunks\/[\w%./-]+?\.js/g)].map((m) => m[0]);
  const sources = [
    ...new Set([...tags.filter((m) => !/\snomodule\b/i.test(m[0])).map((m) => m[1]), ...referenced]),
  ].filter((source) => !tags.some((m) => m[1] === source && /\snomodule\b/i.test(m[0])));
  const legacy = [...new Set(tags.filter((m) => /\snomodule\b/i.test(m[0])).map((m) => m[1]))];
  const gzipped = (source) => gzipSync(readFileSync(path.join(root, distDir, decodeURIComponent(source)))).length;
  let gzip = 0;
  let zod = false;
  for (const source of sources) {
    const code = readFileSync(path.join(root, distDir, decodeURIComponent(source)));
    gzip += gzipSync(code).length;
    if (/ZodError|\$ZodType/.test(code.toString())) zod = true;
  }
  const polyfills = legacy.reduce((sum, source) => sum + gzipped(source), 0);
  return (
    `first-load JS ${(gzip / 1024).toFixed(1)} KB gzip in ${sources.length} scripts, zod ${zod ? "included" : "absent"}` +
    ` (plus ${(polyfills / 1024).toFixed(1)} KB of noModule polyfills in ${legacy.length})`
  );
}

async function signedInPage(browser, baseUrl, email, password) {
  const page = await browser.newPage({ baseURL: baseUrl });
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  return page;
}

/**
 * How long after navigation starts a matrix page is whole and live in Chromium: the server sends
 * the first screenful of rows, and the rest appear once the page has hydrated, so the last cell's
 * arrival marks both. The median of five loads, in ms.
 */
async function timeToInteractive(baseUrl, email, password, slug, cells) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  try {
    const page = await signedInPage(browser, baseUrl, email, password);
    const times = [];
    for (let i = 0; i < 6; i++) {
      await page.goto(`/w/${slug}`, { waitUntil: "commit" });
      await page.waitForFunction(
        (count) => document.querySelectorAll('[data-testid="matrix-cell"]').length >= count,
        cells,
        { timeout: 60_000, polling: 16 },
      );
      const ms = await page.evaluate(() => performance.now());
      if (i > 0) times.push(ms);
    }
    return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
  } finally {
    await browser.close();
  }
}

async function countReadsPerEdit(baseUrl, email, password) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  try {
    const page = await signedInPage(browser, baseUrl, email, password);
    const figures = [];
    for (let round = 1; round <= 3; round++) {
      await page.goto(`/w/${DEMO}`);
      await page.locator('[data-testid="presence"][data-connected="true"]').waitFor({ timeout: 60_000 });
      const cell = page.locator('[data-testid="matrix-cell"]').nth(round);
      await cell.click();
      const dialog = page.getByRole("dialog");
      await dialog.waitFor();
      const summary = `Measured edit ${round} ${randomBytes(3).toString("hex")}`;
      await dialog.getByLabel("Position", { exact: true }).selectOption("OPEN");
      await dialog.getByLabel("Summary", { exact: true }).fill(summary);
      const reads = [];
      const listener = (request) => {
        const url = new URL(request.url());
        const rsc = request.headers().rsc === "1" || url.searchParams.has("_rsc");
        if (url.pathname === `/api/w/${DEMO}/matrix`) reads.push("matrix JSON");
        else if (url.pathname === `/w/${DEMO}` && request.method() === "GET")
          reads.push(rsc ? "matrix page (RSC)" : "matrix page");
        else if (url.pathname === `/w/${DEMO}` && request.method() === "POST") reads.push("server action");
      };
      page.on("request", listener);
      await dialog.getByRole("button", { name: /Record statement|Save correction/ }).click();
      await page.locator('[data-testid="matrix-cell"]:not([data-pending])').filter({ hasText: summary }).waitFor();
      await page.waitForTimeout(5000);
      page.off("request", listener);
      figures.push(reads);
    }
    return figures;
  } finally {
    await browser.close();
  }
}

async function main() {
  const name = `parley_size_${Date.now()}`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  let server;
  try {
    await migrateDatabase(databaseUrl);
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const email = "size-admin@parley.test";
    const password = `size-${randomBytes(12).toString("base64url")}`;
    server = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs"), "-p", `${port}`, "-H", "127.0.0.1"], {
      cwd: root,
      env: {
        ...process.env,
        PARLEY_DIST_DIR: distDir,
        DATABASE_URL: databaseUrl,
        PARLEY_DATABASE_KIND: "postgresql",
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        PARLEY_ADMIN_EMAIL: email,
        PARLEY_ADMIN_PASSWORD: password,
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitUntilHealthy(baseUrl);
    await withClient(databaseUrl, async (client) => {
      for (const [issues, parties] of SHAPES)
        for (const sql of smallWorkspaceSql(1, { slug: `size-${issues}x${parties}`, issues, parties }))
          await client.query(sql);
      await client.query(
        `INSERT INTO memberships ("workspaceId", "userId", role) SELECT w.id, u.id, 'OWNER' FROM workspaces w, users u WHERE w.slug LIKE 'size-%' AND u.email = $1`,
        [email],
      );
    });
    const jar = new Map();
    const absorb = (response) => {
      for (const header of response.headers.getSetCookie()) {
        const [pair] = header.split(";");
        const at = pair.indexOf("=");
        jar.set(pair.slice(0, at), pair.slice(at + 1));
      }
    };
    const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
    absorb(csrf);
    const { csrfToken } = await csrf.json();
    absorb(
      await fetch(`${baseUrl}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
        body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" }),
        redirect: "manual",
      }),
    );
    for (const slug of [DEMO, ...SHAPES.map(([i, p]) => `size-${i}x${p}`)]) {
      const response = await fetch(`${baseUrl}/w/${slug}`, { headers: { cookie: cookie() } });
      const html = await response.text();
      if (response.status !== 200 || !html.includes('role="grid"')) throw new Error(`/w/${slug}: ${response.status}`);
      console.log(`/w/${slug}: ${sizes(html)}`);
      if (slug === DEMO) console.log(`/w/${slug}: ${firstLoadJs(html)}`);
    }
    const [issues, parties] = SHAPES[0];
    const interactive = await timeToInteractive(
      baseUrl,
      email,
      password,
      `size-${issues}x${parties}`,
      issues * parties,
    );
    console.log(
      `/w/size-${issues}x${parties}: whole and live in Chromium ${interactive.toFixed(0)} ms after navigation (median of 5)`,
    );
    if (!process.argv.includes("--no-edits")) {
      const figures = await countReadsPerEdit(baseUrl, email, password);
      for (const [i, reads] of figures.entries()) {
        const counts = [...new Set(reads)].map((k) => `${k} ×${reads.filter((r) => r === k).length}`);
        console.log(
          `edit ${i + 1}: ${reads.filter((r) => r !== "server action").length} matrix reads (${counts.join(", ")})`,
        );
      }
    }
  } finally {
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await once(server, "exit");
    }
    await withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}

await main();
