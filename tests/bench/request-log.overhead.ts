// The request log's and request metrics' cost per request (lib/platform/observability/request-log.ts, the
// real hook, writing real JSON lines to stdout), on a bare node:http server whose handler does
// nothing: the worst case, since every Parley request does far more. Rounds with and without the
// hook alternate, so a change in the machine's load affects both. Writes PARLEY_BENCH_OUT.
import { once } from "node:events";
import { writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { it } from "vitest";
import { installRequestLogging } from "@/lib/platform/observability/request-log";

const ROUNDS = 8;
const REQUESTS_PER_ROUND = 1000;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

it("measures the request log's overhead", async () => {
  const server = http.createServer((_request, response) => response.end("ok"));
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = () =>
    new Promise<void>((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port, path: "/api/w/demo/documents", agent }, (response) => {
          response.resume();
          response.on("end", resolve);
        })
        .on("error", reject);
    });
  // CPU time of this process (server and client both live here), not wall time: on a machine
  // shared with other work, waiting for a core would swamp a difference of microseconds.
  const round = async (n: number) => {
    const started = process.cpuUsage();
    for (let i = 0; i < n; i++) await get();
    const used = process.cpuUsage(started);
    return (used.user + used.system) / n;
  };

  const plain: number[] = [];
  const logged: number[] = [];
  await round(300);
  const uninstall = installRequestLogging();
  await round(300);
  uninstall();
  for (let r = 0; r < ROUNDS; r++) {
    plain.push(await round(REQUESTS_PER_ROUND));
    const undo = installRequestLogging();
    logged.push(await round(REQUESTS_PER_ROUND));
    undo();
  }
  agent.destroy();
  server.close();
  const result = {
    plainMicroseconds: median(plain),
    loggedMicroseconds: median(logged),
    overheadMicroseconds: median(logged) - median(plain),
    ratio: median(logged) / median(plain),
    requests: ROUNDS * REQUESTS_PER_ROUND,
  };
  if (process.env.PARLEY_BENCH_OUT) writeFileSync(process.env.PARLEY_BENCH_OUT, JSON.stringify(result));
});
