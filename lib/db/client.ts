import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

export type Database = PrismaClient;

export function createDatabase(connectionString: string, max: number): Database {
  // The embedded server drops connections beyond its limit instead of queueing them, so every
  // pool is sized explicitly (see scripts/embedded-postgres.mjs for the server's side). A small
  // pool makes transactions wait their turn: they get longer than Prisma's default 2 s for it.
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }), transactionOptions: { maxWait: 10_000, timeout: 15_000 } });
}

const globalForPrisma = globalThis as unknown as { parleyDb?: Database };

export function db(): Database {
  globalForPrisma.parleyDb ??= createDatabase(env().DATABASE_URL, env().DATABASE_POOL_MAX);
  return globalForPrisma.parleyDb;
}
