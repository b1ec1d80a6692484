import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, db } from "@/lib/platform/db/client";
import { checkReadiness } from "@/lib/platform/db/health";

// /api/health/ready's check, against the run's migrated database (PostgreSQL and PGlite), one
// that does not answer, and a build that ships a migration the database lacks.
const migrations = path.join(process.cwd(), "prisma", "migrations");
const scratch = mkdtempSync(path.join(tmpdir(), "parley-readiness-"));

// The first query starts the client; on a loaded machine that alone can take longer than the
// readiness check's time limit, which is about a running server.
beforeAll(async () => {
  await db().$queryRaw`SELECT 1`;
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("readiness", () => {
  it("is ready on a reachable database with every migration applied", async () => {
    expect(await checkReadiness({ migrationsDir: migrations })).toEqual({
      ready: true,
      database: "ok",
      pendingMigrations: 0,
    });
  });

  it("is not ready while a migration this build ships is not applied", async () => {
    const ahead = path.join(scratch, "ahead");
    cpSync(migrations, ahead, { recursive: true });
    mkdirSync(path.join(ahead, "29991231000000_from_the_future"));
    writeFileSync(path.join(ahead, "29991231000000_from_the_future", "migration.sql"), "SELECT 1;\n");
    expect(await checkReadiness({ migrationsDir: ahead })).toEqual({
      ready: false,
      database: "ok",
      pendingMigrations: 1,
    });
  });

  it("is not ready when the database does not answer", async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const unreachable = createDatabase("postgresql://postgres@127.0.0.1:1/parley", 1);
    try {
      expect(await checkReadiness({ database: unreachable, migrationsDir: migrations })).toEqual({
        ready: false,
        database: "unreachable",
        pendingMigrations: null,
      });
    } finally {
      await unreachable.$disconnect();
    }
  });
});

// PGlite has no JIT; on PostgreSQL the app turns it off for its connections (lib/platform/db/client.ts).
describe.runIf(process.env.PARLEY_DATABASE_KIND !== "embedded")("the app's PostgreSQL connections", () => {
  it("run without JIT, keeping startup options the address sets", async () => {
    const [plain] = await db().$queryRaw<{ jit: string }[]>`SELECT current_setting('jit') AS jit`;
    expect(plain?.jit).toBe("off");

    const address = new URL(process.env.DATABASE_URL ?? "");
    address.searchParams.set("options", "-c statement_timeout=12345");
    const withOptions = createDatabase(address.toString(), 1);
    try {
      const [row] = await withOptions.$queryRaw<{ jit: string; timeout: string }[]>`
        SELECT current_setting('jit') AS jit, current_setting('statement_timeout') AS timeout`;
      expect(row).toEqual({ jit: "off", timeout: "12345ms" });
    } finally {
      await withOptions.$disconnect();
    }
  });
});

// The embedded server keeps PostgreSQL's buffer cache small: it lives in the app's own memory
// (scripts/embedded-postgres.mjs).
describe.runIf(process.env.PARLEY_DATABASE_KIND === "embedded")("the embedded database", () => {
  it("runs with a 32 MB buffer cache", async () => {
    const [row] = await db().$queryRaw<{ buffers: string }[]>`SELECT current_setting('shared_buffers') AS buffers`;
    expect(row?.buffers).toBe("32MB");
  });
});
