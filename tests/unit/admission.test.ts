import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createAdmissionGate, isExempt } from "../../scripts/admission.mjs";

// A real node:http server behind the gate, whose handler answers only when the test lets it.
type Held = { url: string; finish: () => void };

async function gatedServer(options: { concurrency: number; maxQueued: number; maxWaitMs: number }) {
  const held: Held[] = [];
  const started: string[] = [];
  const gate = createAdmissionGate(options);
  const server = http.createServer((req, res) =>
    gate.admit(req, res, () => {
      started.push(req.url ?? "");
      held.push({ url: req.url ?? "", finish: () => res.end(`done ${req.url}`) });
    }),
  );
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, gate, held, started, base };
}

const servers: http.Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function until(condition: () => boolean) {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}

describe("the admission gate", () => {
  it("runs at most `concurrency` requests at once and the rest in arrival order", async () => {
    const s = await gatedServer({ concurrency: 2, maxQueued: 10, maxWaitMs: 10_000 });
    servers.push(s.server);
    const answers = ["/a", "/b", "/c", "/d", "/e"].map((path) => fetch(`${s.base}${path}`).then((r) => r.text()));
    await until(() => s.gate.stats().queued === 3);
    expect(s.started).toHaveLength(2);
    expect(s.gate.stats()).toMatchObject({ running: 2, queued: 3 });
    // Each answer lets the next queued request in, first come first served.
    while (s.held.length > 0 || s.gate.stats().queued > 0) {
      await until(() => s.held.length > 0);
      s.held.shift()?.finish();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(await Promise.all(answers)).toEqual(["done /a", "done /b", "done /c", "done /d", "done /e"]);
    expect(s.started.slice(2)).toEqual(["/c", "/d", "/e"]);
    expect(s.gate.stats()).toMatchObject({ running: 0, queued: 0, shedTotal: 0 });
  });

  it("answers 503 with Retry-After at once when the queue is full, in JSON under /api/", async () => {
    const s = await gatedServer({ concurrency: 1, maxQueued: 1, maxWaitMs: 5_000 });
    servers.push(s.server);
    const first = fetch(`${s.base}/w/one`);
    await until(() => s.started.length === 1);
    const second = fetch(`${s.base}/w/two`);
    await until(() => s.gate.stats().queued === 1);
    const refused = await fetch(`${s.base}/api/w/x/matrix`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(refused.headers.get("cache-control")).toBe("no-store");
    const message = "Parley is busy: too many requests are waiting. Nothing was done; try again in 5 seconds.";
    expect(refused.headers.get("content-type")).toBe("application/json");
    expect(await refused.json()).toEqual({
      type: "/docs/api#problem-busy",
      title: "Server busy",
      status: 503,
      detail: message,
      error: "busy",
      message,
      details: { retryAfterSeconds: 5 },
    });
    const scripted = await fetch(`${s.base}/api/v1/workspaces/x/matrix`);
    expect(scripted.status).toBe(503);
    expect(scripted.headers.get("content-type")).toBe("application/problem+json");
    const page = await fetch(`${s.base}/w/three`);
    expect(page.status).toBe(503);
    expect(page.headers.get("content-type")).toContain("text/plain");
    expect(await page.text()).toContain("Parley is busy");
    expect(s.started).toEqual(["/w/one"]);
    s.held.shift()?.finish();
    await until(() => s.held.length === 1);
    s.held.shift()?.finish();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    expect(s.gate.stats().shedTotal).toBe(3);
  });

  it("refuses a request that waited longer than maxWaitMs, without ever running it", async () => {
    const s = await gatedServer({ concurrency: 1, maxQueued: 10, maxWaitMs: 150 });
    servers.push(s.server);
    void fetch(`${s.base}/slow`).catch(() => {});
    await until(() => s.started.length === 1);
    const waited = await fetch(`${s.base}/waits`);
    expect(waited.status).toBe(503);
    expect(waited.headers.get("retry-after")).toBe("1");
    s.held.shift()?.finish();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(s.started).toEqual(["/slow"]);
  });

  it("drops a queued request whose client went away, and lets the next one in", async () => {
    const s = await gatedServer({ concurrency: 1, maxQueued: 10, maxWaitMs: 10_000 });
    servers.push(s.server);
    const first = fetch(`${s.base}/first`);
    await until(() => s.started.length === 1);
    const controller = new AbortController();
    const gaveUp = fetch(`${s.base}/gave-up`, { signal: controller.signal }).catch((error: Error) => error.name);
    await until(() => s.gate.stats().queued === 1);
    controller.abort();
    expect(await gaveUp).toBe("AbortError");
    await until(() => s.gate.stats().queued === 0);
    const third = fetch(`${s.base}/third`);
    await until(() => s.gate.stats().queued === 1);
    s.held.shift()?.finish();
    await until(() => s.held.length === 1);
    s.held.shift()?.finish();
    expect(await (await first).text()).toBe("done /first");
    expect(await (await third).text()).toBe("done /third");
    expect(s.started).toEqual(["/first", "/third"]);
  });

  it("lets static files, the health check and event streams through without waiting", async () => {
    const s = await gatedServer({ concurrency: 1, maxQueued: 0, maxWaitMs: 1_000 });
    servers.push(s.server);
    void fetch(`${s.base}/w/busy`).catch(() => {});
    await until(() => s.started.length === 1);
    for (const path of ["/api/health", "/_next/static/chunks/app.js", "/api/w/demo/events?since=1"]) {
      const answer = fetch(`${s.base}${path}`);
      await until(() => s.started.includes(path));
      s.held
        .splice(
          s.held.findIndex((h) => h.url === path),
          1,
        )[0]
        ?.finish();
      expect((await answer).status).toBe(200);
    }
    expect((await fetch(`${s.base}/w/other`)).status).toBe(503);
    s.held.shift()?.finish();
  });

  it("knows which paths are exempt", () => {
    expect(isExempt("/api/health")).toBe(true);
    expect(isExempt("/api/healthy")).toBe(false);
    expect(isExempt("/api/w/security-guarantees/events")).toBe(true);
    expect(isExempt("/api/w/security-guarantees/events/old")).toBe(false);
    expect(isExempt("/w/security-guarantees")).toBe(false);
  });
});
