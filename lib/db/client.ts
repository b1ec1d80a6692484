import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

export type Database = PrismaClient;

export function createDatabase(connectionString: string, max: number): Database {
  // The embedded server drops connections beyond its limit instead of queueing them, so every
  // pool is sized explicitly (see scripts/embedded-postgres.mjs for the server's side).
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
}

const globalForPrisma = globalThis as unknown as { parleyDb?: Database };

export function db(): Database {
  globalForPrisma.parleyDb ??= createDatabase(env().DATABASE_URL, env().DATABASE_POOL_MAX);
  return globalForPrisma.parleyDb;
}
