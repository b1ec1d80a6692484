import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetDatabase, testDatabaseUrl } from "../support/database";

describe("the test database", () => {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });

  beforeAll(async () => {
    await client.connect();
    await resetDatabase();
  });
  afterAll(async () => {
    await client.end();
  });

  it("has the migrations applied", async () => {
    const { rows } = await client.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    expect(rows[0]?.count).toBeGreaterThanOrEqual(1);
  });

  it("refuses a workspace slug that breaks workspaces_slug_format", async () => {
    const insert = (slug: string) =>
      client.query("INSERT INTO workspaces (id, slug, title) VALUES ($1, $2, $3)", [randomUUID(), slug, "Smoke test"]);

    await expect(insert("Not A Slug!")).rejects.toMatchObject({ code: "23514", constraint: "workspaces_slug_format" });
    await expect(insert("a-valid-slug")).resolves.toMatchObject({ rowCount: 1 });
  });

  it("is emptied by resetDatabase", async () => {
    await resetDatabase();
    const { rows } = await client.query<{ count: number }>("SELECT count(*)::int AS count FROM workspaces");
    expect(rows[0]?.count).toBe(0);
  });
});
