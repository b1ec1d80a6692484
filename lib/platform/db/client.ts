import "server-only";
import { AsyncResource } from "node:async_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import { Pool, type PoolClient } from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/platform/env";
import { metrics } from "@/lib/platform/observability/metrics";
import { countRequestQuery } from "@/lib/platform/observability/request-context";

export type Database = PrismaClient;

type Release = (error?: Error | boolean) => void;
type ConnectCallback = (error: Error | undefined, client: PoolClient | undefined, release: Release) => void;

const COUNTED = Symbol("parley.countedQueries");

/** Counts each query a connection sends for the request it serves (the request log prints it). */
function countQueries(client: PoolClient): PoolClient {
  const counted = client as PoolClient & { [COUNTED]?: true };
  if (counted[COUNTED]) return client;
  counted[COUNTED] = true;
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((...args: unknown[]) => {
    countRequestQuery();
    return query(...args);
  }) as PoolClient["query"];
  return client;
}

/**
 * Records how long each checkout waited for a connection (queries and transactions both check one
 * out), and counts the queries sent on it.
 */
function measurePoolWait(pool: Pool, name: string): void {
  const connect = pool.connect.bind(pool) as (callback?: ConnectCallback) => Promise<PoolClient> | undefined;
  const observe = (started: bigint) =>
    metrics().poolWait.observe({ pool: name }, Number(process.hrtime.bigint() - started) / 1e9);
  pool.connect = ((callback?: ConnectCallback) => {
    const started = process.hrtime.bigint();
    // pg runs a queued checkout's callback from whichever request released a connection: bound
    // here, it runs (and counts its queries) in the caller's context.
    if (callback)
      return connect(
        AsyncResource.bind((error: Error | undefined, client: PoolClient | undefined, release: Release) => {
          observe(started);
          callback(error, client ? countQueries(client) : client, release);
        }),
      );
    return connect()
      ?.then(countQueries)
      .finally(() => observe(started));
  }) as Pool["connect"];
}

// On globalThis, like the client: the proxy and the pages are separate bundles, each with its own
// copy of this module, and share one client.
const globalForPools = globalThis as unknown as { parleyPools?: WeakMap<Database, Pool> };
globalForPools.parleyPools ??= new WeakMap<Database, Pool>();
const pools = globalForPools.parleyPools;

/**
 * The connection with JIT off in its startup options. Options the address already sets win over
 * pg's `options` setting, so they are extended in the address itself.
 */
function withJitOff(connectionString: string): { connectionString: string; options?: string } {
  const JIT_OFF = "-c jit=off";
  try {
    const url = new URL(connectionString);
    const given = url.searchParams.get("options");
    if (given === null) return { connectionString, options: JIT_OFF };
    url.searchParams.set("options", `${given} ${JIT_OFF}`);
    return { connectionString: url.toString() };
  } catch {
    // Not a URL (a libpq keyword string): pg reads no options from it.
    return { connectionString, options: JIT_OFF };
  }
}

export function createDatabase(connectionString: string, max: number, poolName = "requests"): Database {
  // The embedded server drops connections beyond its limit instead of queueing them, so every
  // pool is sized explicitly (see scripts/embedded-postgres.mjs for the server's side). A small
  // pool makes transactions wait their turn: they get longer than Prisma's default 2 s for it.
  // No JIT on PostgreSQL: it compiles a plan whose estimated cost passes jit_above_cost, and the
  // estimates of our short queries' correlated subqueries overshoot by orders of magnitude — the
  // document page's one query spent 0.9 s compiling for 0.3 s of work. (PGlite has no JIT.)
  const connection = env().PARLEY_DATABASE_KIND === "postgresql" ? withJitOff(connectionString) : { connectionString };
  const pool = new Pool({ ...connection, max });
  measurePoolWait(pool, poolName);
  const database = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
  pools.set(database, pool);
  return database;
}

/**
 * The pool under db(), for the checks every request pays before anything else (the session and
 * API token lookups): for one small query Prisma's own work costs as much as the round trip.
 */
export function dbPool(): Pool {
  const pool = pools.get(db());
  if (!pool) throw new Error("db() was not made by createDatabase");
  return pool;
}

const globalForPrisma = globalThis as unknown as { parleyDb?: Database };

export function db(): Database {
  globalForPrisma.parleyDb ??= createDatabase(env().DATABASE_URL, env().DATABASE_POOL_MAX);
  return globalForPrisma.parleyDb;
}
