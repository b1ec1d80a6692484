import { DISPOSABLE_DATABASE_ENV } from "../support/database";
import { createTestDatabase, dropTestDatabase, randomSecret } from "../support/provision.mjs";

/**
 * `npm test` hands this project a database it created (real PostgreSQL or embedded PGlite). Run
 * alone (`npm run test:integration`), the project makes its own on the real server and drops it
 * afterwards. Workers inherit process.env as it is after this runs.
 */
export default async function setup(): Promise<(() => Promise<void>) | void> {
  process.env.AUTH_SECRET ??= randomSecret();
  if (process.env.DATABASE_URL) {
    if (!process.env[DISPOSABLE_DATABASE_ENV]) {
      throw new Error(
        `DATABASE_URL is set but ${DISPOSABLE_DATABASE_ENV} is not: integration tests empty their database, so they only run on one made for them. Unset DATABASE_URL to get a fresh one.`,
      );
    }
    return;
  }
  const database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env[DISPOSABLE_DATABASE_ENV] = database.url;
  process.env.PARLEY_DATABASE_KIND = "postgresql";
  return async () => {
    await dropTestDatabase(database.url);
  };
}
