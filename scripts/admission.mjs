// The admission gate in front of the app (scripts/serve.mjs). Next.js starts every request the
// moment it arrives; past the server's capacity, hundreds then render at once, each slower as they
// share one CPU and fill the heap together, until every answer takes tens of seconds and the
// process holds a gigabyte. The gate lets a fixed number of requests run at once and queues the
// rest in arrival order: a request waits its turn instead of slowing those ahead of it, the heap
// holds a bounded number of renders, and beyond the queue's length or its longest wait the answer
// is an immediate 503 with Retry-After rather than a timeout. Each app server has its own gate.

/** Paths that never wait: static files, the health check, and long-lived event streams. */
const EXEMPT = [/^\/_next\/static\//, /^\/favicon\.ico$/, /^\/api\/health(\?|$)/, /^\/api\/w\/[^/]+\/events(\?|$)/];

export function isExempt(url) {
  return EXEMPT.some((pattern) => pattern.test(url));
}

/**
 * A FIFO gate for node:http requests: `admit(req, res, run)` calls `run` when fewer than
 * `concurrency` admitted requests are open, else queues it; a request is released when its
 * response closes (finished or cut off). Queued requests whose client has gone are dropped.
 */
export function createAdmissionGate({ concurrency, maxQueued, maxWaitMs, onShed = () => {} }) {
  let running = 0;
  const queue = [];
  let shedTotal = 0;

  const start = (res, run) => {
    running++;
    let released = false;
    res.once("close", () => {
      if (released) return;
      released = true;
      running--;
      next();
    });
    run();
  };

  const next = () => {
    while (running < concurrency && queue.length > 0) {
      const waiter = queue.shift();
      clearTimeout(waiter.timer);
      if (waiter.res.destroyed || waiter.res.writableEnded) continue;
      start(waiter.res, waiter.run);
    }
  };

  const shed = (req, res, reason) => {
    shedTotal++;
    onShed(reason);
    respondBusy(req, res, Math.max(1, Math.ceil(maxWaitMs / 1000)));
  };

  return {
    admit(req, res, run) {
      if (isExempt(req.url ?? "/")) return run();
      if (running < concurrency) return start(res, run);
      if (queue.length >= maxQueued) return shed(req, res, "queue full");
      const waiter = { res, run, timer: null };
      waiter.timer = setTimeout(() => {
        const at = queue.indexOf(waiter);
        if (at === -1) return;
        queue.splice(at, 1);
        shed(req, res, "waited too long");
      }, maxWaitMs);
      waiter.timer.unref?.();
      // A client that gives up while queued frees its place at once.
      res.once("close", () => {
        const at = queue.indexOf(waiter);
        if (at !== -1) {
          queue.splice(at, 1);
          clearTimeout(waiter.timer);
        }
      });
      queue.push(waiter);
    },
    stats: () => ({ running, queued: queue.length, shedTotal }),
  };
}

/**
 * 503 with Retry-After. Under /api/ the body is the JSON routes' `{ error, message, details }` and
 * RFC 9457 problem details at once, as lib/api/problem.ts answers; pages get plain words.
 */
function respondBusy(req, res, retryAfterSeconds) {
  if (res.headersSent || res.destroyed) return;
  const message = `Parley is busy: too many requests are waiting. Nothing was done; try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`;
  const url = req.url ?? "/";
  const api = url.startsWith("/api/");
  const body = api
    ? JSON.stringify({
        type: "/docs/api#problem-busy",
        title: "Server busy",
        status: 503,
        detail: message,
        error: "busy",
        message,
        details: { retryAfterSeconds },
      })
    : `${message}\n`;
  res.writeHead(503, {
    "Content-Type": !api
      ? "text/plain; charset=utf-8"
      : url.startsWith("/api/v1/")
        ? "application/problem+json"
        : "application/json",
    "Cache-Control": "no-store",
    "Retry-After": String(retryAfterSeconds),
    "Content-Length": Buffer.byteLength(body),
  });
  res.end(body);
}
