#!/usr/bin/env node
// Serves the built app, as `next start` does, behind the admission gate (scripts/admission.mjs):
//   node scripts/serve.mjs [-p PORT] [-H HOSTNAME]
// `npm start`, the end-to-end tests, the bench and the load test all serve through it.
//   PARLEY_MAX_CONCURRENT_REQUESTS  requests rendering at once (default 16)
//   PARLEY_MAX_QUEUED_REQUESTS      requests waiting their turn beyond those (default 256)
//   PARLEY_QUEUE_WAIT_MS            longest wait before a 503 with Retry-After (default 10000)
//   PARLEY_HEAP_GROWING_PERCENT     how far the heap may grow past its live size before a full
//                                   collection (default 50; 0 leaves it to V8)
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import { z } from "zod";
import { createAdmissionGate } from "./admission.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const Settings = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOSTNAME: z.string().min(1).optional(),
  PARLEY_MAX_CONCURRENT_REQUESTS: z.coerce.number().int().min(1).max(10_000).default(16),
  PARLEY_MAX_QUEUED_REQUESTS: z.coerce.number().int().min(0).max(1_000_000).default(256),
  PARLEY_QUEUE_WAIT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  PARLEY_HEAP_GROWING_PERCENT: z.coerce.number().int().min(0).max(300).default(50),
});

function settingsFrom(argv, env) {
  const given = { ...env };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "-p" || argv[i] === "--port") given.PORT = argv[++i];
    else if (argv[i] === "-H" || argv[i] === "--hostname") given.HOSTNAME = argv[++i];
    else throw new Error(`unknown argument ${argv[i]} (use -p PORT and -H HOSTNAME)`);
  }
  const parsed = Settings.safeParse(given);
  if (!parsed.success)
    throw new Error(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
  return parsed.data;
}

let settings;
try {
  settings = settingsFrom(process.argv.slice(2), process.env);
} catch (error) {
  console.error(`Parley could not start: ${error.message}`);
  process.exit(1);
}

process.title = "parley-server";
// Left to itself, V8 lets a busy server's heap grow to several times what it holds live before it
// collects. On the demo under npm run load (fresh copies of one database, 60 s a rate) the app held
// 761 / 786 MB resident at 25 / 35 requests a second with V8's default (p95 167 / 694 ms); growing
// by half at most, 416 / 442 MB (p95 159 / 748 ms); by a fifth, 358 / 410 MB, but p95 2.2 s at 35,
// as collections took the CPU the requests needed. A pace, not a ceiling: the heap still grows as
// far as the work needs, so no request can run it out of memory that it would not have otherwise.
if (settings.PARLEY_HEAP_GROWING_PERCENT > 0)
  v8.setFlagsFromString(`--heap-growing-percent=${settings.PARLEY_HEAP_GROWING_PERCENT}`);
// As the next CLI does before it loads the server: production React and Node's runtime.
process.env.NODE_ENV ??= "production";
process.env.NEXT_RUNTIME = "nodejs";
const { default: next } = await import("next");
const app = next({ dev: false, dir: root, port: settings.PORT, hostname: settings.HOSTNAME });
await app.prepare();
const handle = app.getRequestHandler();

let lastShedLog = 0;
const gate = createAdmissionGate({
  concurrency: settings.PARLEY_MAX_CONCURRENT_REQUESTS,
  maxQueued: settings.PARLEY_MAX_QUEUED_REQUESTS,
  maxWaitMs: settings.PARLEY_QUEUE_WAIT_MS,
  onShed: (reason) => {
    // One line a second at most: under overload every refusal would otherwise log.
    if (Date.now() - lastShedLog < 1000) return;
    lastShedLog = Date.now();
    const { running, queued, shedTotal } = gate.stats();
    console.warn(`[admission] busy (${reason}): ${running} running, ${queued} queued, ${shedTotal} refused so far`);
  },
});

const server = http.createServer((req, res) => gate.admit(req, res, () => handle(req, res)));
server.on("error", (error) => {
  console.error(`Parley could not listen on port ${settings.PORT}: ${error.message}`);
  process.exit(1);
});
server.listen(settings.PORT, settings.HOSTNAME, () => {
  const { port } = server.address();
  console.log(`Parley server listening on ${settings.HOSTNAME ?? "all interfaces"}, port ${port}`);
});

let closing = false;
for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
]) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.close();
    server.closeIdleConnections();
    app
      .close()
      .catch((error) => console.error(error))
      .finally(() => process.exit(code));
  });
}
