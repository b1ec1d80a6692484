// Disposable databases and servers for one test run. Plain JavaScript so that both the runner
// (scripts/test.mjs, run by Node directly) and the Vitest global setups can use it; types in
// provision.d.mts.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { runPrisma } from "../../scripts/prisma.mjs";

export { askOwner, freePort, startEmbeddedPostgres } from "../../scripts/embedded-postgres.mjs";

export const DEFAULT_TEST_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
export const TEST_DATABASE_PREFIX = "parley_test_";

export function testServerUrl() {
  return process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
}

function quoteIdentifier(name) {
  return `"${name.replaceAll('"', '""')}"`;
}

function databaseUrl(serverUrl, name) {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withServer(serverUrl, work) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** `parley_test_<UTC timestamp>_<random>`: unique, and old leftovers are easy to spot. */
export function newTestDatabaseName() {
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  return `${TEST_DATABASE_PREFIX}${stamp}_${randomBytes(4).toString("hex")}`;
}

/** Applies the migrations with Prisma's CLI. */
export async function migrateDatabase(url) {
  const result = await runPrisma(["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
  if (result.status !== 0) {
    throw new Error(
      `prisma migrate deploy failed (exit ${result.status ?? result.signal}):\n${result.stdout ?? ""}${result.stderr ?? ""}${result.error ?? ""}`,
    );
  }
}

/** Creates a fresh, uniquely named database on the test server and migrates it. */
export async function createTestDatabase({ migrate = true } = {}) {
  const serverUrl = testServerUrl();
  const name = newTestDatabaseName();
  await withServer(serverUrl, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
  const url = databaseUrl(serverUrl, name);
  if (migrate) {
    try {
      await migrateDatabase(url);
    } catch (error) {
      await dropTestDatabase(url).catch(() => {});
      throw error;
    }
  }
  return { name, url };
}

/** Drops a database made by createTestDatabase; refuses any other name. */
export async function dropTestDatabase(url) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name.startsWith(TEST_DATABASE_PREFIX)) throw new Error(`Refusing to drop ${name}: not a test database`);
  // FORCE ends connections a crashed test or app server may have left behind.
  await withServer(testServerUrl(), (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
  );
}

export function randomSecret() {
  return randomBytes(32).toString("base64url");
}
