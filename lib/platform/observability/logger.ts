import "server-only";
import pino, { type Logger } from "pino";
import { env } from "@/lib/platform/env";

// One JSON line per event on stdout. What goes in is chosen field by field at each call, never a
// whole object: request lines carry the route pattern, not the path (invitation and share links
// hold tokens in it), and no query string, header, body or document text. (pino's `redact` would
// be a second guard, but it tripled the cost of a line: 7 µs → 24 µs.)
const globalForLogger = globalThis as unknown as { parleyLogger?: Logger };

export function logger(): Logger {
  globalForLogger.parleyLogger ??= pino({
    level: env().PARLEY_LOG_LEVEL,
    base: { pid: process.pid },
  });
  return globalForLogger.parleyLogger;
}
