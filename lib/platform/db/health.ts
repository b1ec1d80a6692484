import "server-only";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { type Database, db } from "@/lib/platform/db/client";

/** Throws when the database does not answer. */
export async function pingDatabase(): Promise<void> {
  await db().$queryRaw`SELECT 1`;
}

/** "PostgreSQL 15.20", for signed-in callers of /api/health. */
export async function databaseServerVersion(): Promise<string | undefined> {
  const [row] = await db().$queryRaw<{ version: string }[]>`SELECT version()`;
  return row?.version.split(" ").slice(0, 2).join(" ");
}

export type Readiness = {
  ready: boolean;
  database: "ok" | "unreachable";
  /** Migrations in prisma/migrations not (fully) applied to the database; null when unknown. */
  pendingMigrations: number | null;
};

const READINESS_TIMEOUT_MS = 5_000;

function expectedMigrations(migrationsDir: string): string[] | null {
  try {
    return readdirSync(migrationsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(path.join(migrationsDir, entry.name, "migration.sql")))
      .map((entry) => entry.name);
  } catch {
    return null;
  }
}

async function appliedMigrations(database: Database): Promise<Set<string>> {
  try {
    const rows = await database.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    return new Set(rows.map((row) => row.migration_name));
  } catch (error) {
    // No migrations table: nothing was ever applied (a reachable but empty database).
    if (/_prisma_migrations/.test(String(error))) return new Set();
    throw error;
  }
}

/**
 * Whether this server should get traffic: the database answers (within 5 s) and has every
 * migration this build ships. Migrations the build does not know of (a newer server already
 * migrated) do not count against it. Without a readable prisma/migrations, only the database counts.
 */
export async function checkReadiness(
  options: { database?: Database; migrationsDir?: string } = {},
): Promise<Readiness> {
  const database = options.database ?? db();
  const expected = expectedMigrations(options.migrationsDir ?? path.join(process.cwd(), "prisma", "migrations"));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("database did not answer in time")), READINESS_TIMEOUT_MS);
  });
  try {
    const applied = await Promise.race([appliedMigrations(database), timeout]);
    const pending = expected ? expected.filter((name) => !applied.has(name)).length : null;
    return { ready: pending === null || pending === 0, database: "ok", pendingMigrations: pending };
  } catch {
    return { ready: false, database: "unreachable", pendingMigrations: null };
  } finally {
    clearTimeout(timer);
  }
}
