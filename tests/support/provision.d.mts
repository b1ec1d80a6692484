export declare const DEFAULT_TEST_DATABASE_URL: string;
export declare const TEST_DATABASE_PREFIX: string;
export interface TestDatabase {
  name: string;
  url: string;
}
export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}
export declare function testServerUrl(): string;
export declare function newTestDatabaseName(): string;
export declare function migrateDatabase(url: string): Promise<void>;
export declare function createTestDatabase(options?: { migrate?: boolean }): Promise<TestDatabase>;
export declare function dropTestDatabase(url: string): Promise<void>;
export declare function startEmbeddedPostgres(options?: { dataDir?: string; port?: number }): Promise<EmbeddedPostgres>;
export declare function randomSecret(): string;
export declare function freePort(): Promise<number>;
/** Asks the owner of an embedded data directory (see scripts/embedded-postgres.mjs); undefined when none runs. */
export declare function askOwner(
  dataDir: string,
  pathname: string,
  options?: { timeoutMs?: number },
): Promise<{ status: number; body: Buffer } | undefined>;
