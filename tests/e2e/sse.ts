import http from "node:http";
import { SESSION_COOKIE } from "@/lib/platform/auth/config";

// Raw HTTP helpers for the event stream tests: a signed-in cookie jar without a browser, and an
// event stream read (or deliberately not read) byte by byte.

export type Jar = Map<string, string>;

export function cookieHeader(jar: Jar): string {
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

function absorbCookies(jar: Jar, response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const at = pair!.indexOf("=");
    jar.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
}

/** Signs in through Auth.js's credentials endpoint, as the sign-in form's server action does. */
export async function signInOverHttp(baseUrl: string, email: string, password: string): Promise<Jar> {
  const jar: Jar = new Map();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  absorbCookies(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/` }),
  });
  absorbCookies(jar, response);
  if (!jar.has(SESSION_COOKIE))
    throw new Error(`Signing in as ${email} set no session cookie (HTTP ${response.status})`);
  return jar;
}

export type SseEvent = { event: string; data: string };

export type OpenStream = {
  status: number;
  /** Bytes of body received so far. */
  bytes: number;
  events: SseEvent[];
  ended: boolean;
  endedAt: number | null;
  /** Stops reading from the socket (the server's writes then pile up in the network buffers). */
  pause(): void;
  resume(): void;
  close(): void;
  /** Waits for a condition on this stream, polling, with a deadline. */
  until(check: (stream: OpenStream) => boolean, timeoutMs: number, what: string): Promise<void>;
};

/** Opens `/api/w/<slug>/events` and parses what arrives; resolves once the response headers are in. */
export function openEventStream(
  baseUrl: string,
  jar: Jar,
  slug: string,
  options: { view?: string; parse?: (event: string) => boolean } = {},
): Promise<OpenStream> {
  const url = new URL(`/api/w/${slug}/events?view=${encodeURIComponent(options.view ?? "/matrix")}`, baseUrl);
  const wanted = options.parse ?? (() => true);
  return new Promise((resolve, reject) => {
    const request = http.get(url, {
      headers: { Cookie: cookieHeader(jar), Accept: "text/event-stream" },
      agent: false,
    });
    request.on("error", reject);
    request.on("response", (response) => {
      let pending = "";
      const stream: OpenStream = {
        status: response.statusCode ?? 0,
        bytes: 0,
        events: [],
        ended: false,
        endedAt: null,
        pause: () => response.pause(),
        resume: () => response.resume(),
        close: () => request.destroy(),
        until: async (check, timeoutMs, what) => {
          const deadline = Date.now() + timeoutMs;
          while (!check(stream)) {
            if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
            await new Promise((r) => setTimeout(r, 25));
          }
        },
      };
      const end = () => {
        if (stream.ended) return;
        stream.ended = true;
        stream.endedAt = Date.now();
      };
      response.on("data", (chunk: Buffer) => {
        stream.bytes += chunk.length;
        pending += chunk.toString("utf8");
        let at = pending.indexOf("\n\n");
        while (at !== -1) {
          const block = pending.slice(0, at);
          pending = pending.slice(at + 2);
          at = pending.indexOf("\n\n");
          let event = "message";
          const data: string[] = [];
          for (const line of block.split("\n")) {
            if (line.startsWith("event:")) event = line.slice(6).trim();
            else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
          }
          if (data.length > 0 && wanted(event)) stream.events.push({ event, data: data.join("\n") });
        }
      });
      response.on("end", end);
      response.on("close", end);
      response.on("error", end);
      resolve(stream);
    });
  });
}

/** Pings /api/health back to back until stopped; returns each answer's latency in ms. */
export function probeHealth(baseUrl: string): { stop(): Promise<number[]> } {
  const latencies: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      const response = await fetch(`${baseUrl}/api/health`);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`/api/health answered ${response.status}`);
      latencies.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return latencies;
    },
  };
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
}
