import pg from "pg";

export {
  createTestDatabase,
  dropTestDatabase,
  type EmbeddedPostgres,
  migrateDatabase,
  startEmbeddedPostgres,
  type TestDatabase,
} from "./provision.mjs";

/**
 * The runner (or a global setup) names the database it created for this run here; only that
 * database may be reset.
 */
export const DISPOSABLE_DATABASE_ENV = "PARLEY_TEST_DISPOSABLE_DATABASE_URL";

export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error("DATABASE_URL is not set: run integration tests through `npm test` or `npm run test:integration`");
  return url;
}

/**
 * Empties every app table. Safe because the database was created (real server) or started in
 * memory (PGlite) for this test run alone and is dropped afterwards: nothing else reads or writes
 * it, and the files run one at a time. `_prisma_migrations` is kept so the schema stays known as
 * migrated; CASCADE covers the foreign keys between the tables.
 */
export async function resetDatabase(): Promise<void> {
  const url = testDatabaseUrl();
  if (process.env[DISPOSABLE_DATABASE_ENV] !== url) {
    throw new Error(
      `Refusing to empty ${new URL(url).pathname.slice(1)}: it is not the disposable database of this test run`,
    );
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'",
    );
    if (rows.length === 0) return;
    const tables = rows.map(({ tablename }) => `"public"."${tablename.replaceAll('"', '""')}"`).join(", ");
    await client.query(`TRUNCATE TABLE ${tables} RESTART IDENTITY CASCADE`);
  } finally {
    await client.end();
  }
}
