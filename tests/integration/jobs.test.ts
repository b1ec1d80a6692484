import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { getWorkspaceExport } from "@/lib/exports/data";
import { runWorkspaceImportJob } from "@/lib/exports/import-job";
import { createDatabase, type Database, db } from "@/lib/platform/db/client";
import { JOB_KINDS } from "@/lib/platform/jobs/kinds";
import { enqueueJob, type JobOutcome } from "@/lib/platform/jobs/queue";
import { type JobHandler, JobRunner } from "@/lib/platform/jobs/runner";
import { trustedWorkspace } from "@/lib/workspaces/access";
import { makeBigWorkspaceExport } from "../support/big-export";
import { resetDatabase, testDatabaseUrl } from "../support/database";

// The job queue on the database it runs on (PostgreSQL, and embedded PGlite through
// scripts/test.mjs): each job runs once even with several runners (app servers) polling the same
// table, a failed job leaves nothing written, and a runner never runs more than its concurrency.

const TEST_KIND = "test.record";
const LIMITS = { kinds: [TEST_KIND, JOB_KINDS.importWorkspace], concurrent: 100, daily: 1000 };
const pools: Database[] = [];
const runners: JobRunner[] = [];

const onEmbedded = process.env.PARLEY_DATABASE_KIND === "embedded";

/**
 * Like the app (lib/platform/jobs/worker.ts): claims on the app's pool, the work on a pool of its
 * own made on the first job; on the embedded server, whose socket mixes up statements sent at
 * once on several connections, the work shares the one connection.
 */
function jobsPool(): (() => Database) | undefined {
  if (onEmbedded) return undefined;
  let pool: Database | undefined;
  return () => {
    if (!pool) {
      pool = createDatabase(testDatabaseUrl(), 2);
      pools.push(pool);
    }
    return pool;
  };
}

function runner(handlers: Record<string, JobHandler>, concurrency = 2, jobDb = jobsPool()): JobRunner {
  const started = new JobRunner({
    db: db(),
    jobDb,
    handlers,
    concurrency,
    pollMs: 100,
    leaseMs: 10_000,
    onError: (error) => console.error(error),
  });
  runners.push(started);
  started.start();
  return started;
}

async function seedUser(): Promise<string> {
  return (await db().user.create({ data: { email: `jobs-${randomUUID()}@parley.test` }, select: { id: true } })).id;
}

async function queue(userId: string, kind: string, params: Record<string, string>, input: string | null = null) {
  const queued = await enqueueJob(db(), { kind, userId, params, input }, LIMITS);
  if (!queued.ok) throw new Error(queued.message);
  return queued.jobId;
}

async function waitForJobs(ids: string[], timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const jobs = await db().job.findMany({ where: { id: { in: ids } } });
    if (jobs.length === ids.length && jobs.every((job) => job.status === "SUCCEEDED" || job.status === "FAILED"))
      return jobs;
    if (Date.now() > deadline) throw new Error(`jobs not finished: ${JSON.stringify(jobs.map((j) => j.status))}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stop()));
  await resetDatabase();
});

afterAll(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stop()));
  await Promise.all(pools.splice(0).map((pool) => pool.$disconnect()));
});

describe("the job queue", () => {
  it("runs every job exactly once with three runners polling the same table", async () => {
    const userId = await seedUser();
    const runs: string[] = [];
    const record: JobHandler = async ({ job, db: database, finishIn }): Promise<JobOutcome> => {
      runs.push(job.id);
      return database.$transaction(async (tx) => {
        await tx.user.create({ data: { email: `ran-${job.id}@parley.test` } });
        await finishIn(tx, { ok: true, result: { ran: job.id } });
        return { ok: true, result: { ran: job.id } };
      });
    };
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await queue(userId, TEST_KIND, { n: String(i) }));
    for (let i = 0; i < 3; i++) runner({ [TEST_KIND]: record });
    const jobs = await waitForJobs(ids);
    expect(jobs.every((job) => job.status === "SUCCEEDED" && job.attempts === 1 && job.input === null)).toBe(true);
    expect(runs.sort()).toEqual([...ids].sort());
    expect(await db().user.count({ where: { email: { startsWith: "ran-" } } })).toBe(12);
  }, 120_000);

  it("never runs more jobs at once than its concurrency", async () => {
    const userId = await seedUser();
    let inFlight = 0;
    let most = 0;
    // Each job holds its slot until a second one runs beside it (or 10 s pass), then a little
    // longer: a runner that ignored its concurrency would start a third in that time. Waiting on
    // the second, not on a fixed delay, keeps the check from depending on how fast a busy machine
    // claims jobs.
    const slow: JobHandler = async ({ progress }) => {
      inFlight++;
      most = Math.max(most, inFlight);
      progress(50, "Waiting");
      const deadline = Date.now() + 10_000;
      while (inFlight < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      await new Promise((resolve) => setTimeout(resolve, 300));
      inFlight--;
      return { ok: true, result: {} };
    };
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push(await queue(userId, TEST_KIND, {}));
    runner({ [TEST_KIND]: slow }, 2);
    await waitForJobs(ids);
    expect(most).toBe(2);
  });

  it("a job that throws fails cleanly and writes nothing", async () => {
    const userId = await seedUser();
    const failing: JobHandler = async ({ db: database, finishIn }) =>
      database.$transaction(async (tx) => {
        await tx.user.create({ data: { email: `half-written-${randomUUID()}@parley.test` } });
        await finishIn(tx, { ok: true, result: {} });
        throw new Error("boom after writing");
      });
    const id = await queue(userId, TEST_KIND, {}, "payload");
    runner({ [TEST_KIND]: failing });
    const [done] = await waitForJobs([id]);
    expect(done).toMatchObject({ status: "FAILED", input: null, result: null });
    expect((done!.error as { message: string }).message).toMatch(/nothing was saved/);
    expect(await db().user.count({ where: { email: { startsWith: "half-written-" } } })).toBe(0);
  }, 60_000);

  it.runIf(!onEmbedded)("makes the jobs' own database client on the first job, not before", async () => {
    const userId = await seedUser();
    const made: Database[] = [];
    const ownPool = () => {
      made[0] ??= createDatabase(testDatabaseUrl(), 2);
      return made[0];
    };
    const ranOn: Database[] = [];
    const record: JobHandler = async ({ job, db: database, finishIn }) =>
      database.$transaction(async (tx) => {
        ranOn.push(database);
        const outcome = { ok: true as const, result: { id: job.id } };
        await finishIn(tx, outcome);
        return outcome;
      });
    runner({ [TEST_KIND]: record }, 1, ownPool);
    // Several polls find nothing to do.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(made).toHaveLength(0);
    await waitForJobs([await queue(userId, TEST_KIND, {})]);
    expect(made).toHaveLength(1);
    expect(ranOn).toEqual([made[0]]);
    pools.push(...made);
  });

  it("refuses at once past the per-user limits", async () => {
    const userId = await seedUser();
    const limits = { kinds: [TEST_KIND], concurrent: 2, daily: 3 };
    const attempt = () => enqueueJob(db(), { kind: TEST_KIND, userId, params: {}, input: null }, limits);
    const answers = await Promise.all([attempt(), attempt(), attempt(), attempt()]);
    expect(answers.filter((a) => a.ok)).toHaveLength(2);
    expect(answers.filter((a) => !a.ok && a.code === "too_many_running")).toHaveLength(2);
    runner({ [TEST_KIND]: async () => ({ ok: true, result: {} }) });
    await waitForJobs(answers.flatMap((a) => (a.ok ? [a.jobId] : [])));
    expect(await attempt()).toMatchObject({ ok: true });
    expect(await attempt()).toMatchObject({ ok: false, code: "daily_limit" });
  });
});

describe("the workspace import job", () => {
  it("imports a 4.7 MB export (a smaller one on the embedded database), progress and outcome recorded", async () => {
    const userId = await seedUser();
    // PGlite runs PostgreSQL in WebAssembly, several times slower: there the test checks the
    // path, not the speed, with a tenth of the file.
    const embedded = process.env.PARLEY_DATABASE_KIND === "embedded";
    const quotes = embedded ? 75 : 750;
    const file = JSON.stringify(
      makeBigWorkspaceExport(embedded ? { documentLength: 185_000, quotesPerDocument: quotes } : {}),
    );
    expect(file.length).toBeGreaterThan(embedded ? 450_000 : 4_500_000);
    const slug = `big-${randomUUID().slice(0, 8)}`;
    const id = await queue(userId, JOB_KINDS.importWorkspace, { slug }, file);
    const started = performance.now();
    runner({ [JOB_KINDS.importWorkspace]: runWorkspaceImportJob }, 1);
    const [job] = await waitForJobs([id], 240_000);
    console.log(
      `one ${(file.length / 1e6).toFixed(1)} MB import as a job: ${Math.round(performance.now() - started)} ms`,
    );
    expect(job).toMatchObject({ status: "SUCCEEDED", progress: 100, input: null });
    const workspace = await db().workspace.findUniqueOrThrow({ where: { slug } });
    expect(await db().evidence.count({ where: { workspaceId: workspace.id } })).toBe(2 * quotes);
    expect((job!.result as { workspace: { slug: string } }).workspace.slug).toBe(slug);
    const exported = await getWorkspaceExport(trustedWorkspace(workspace, userId));
    expect(exported.evidence).toHaveLength(2 * quotes);
  }, 300_000);

  it("a file with one quote that disagrees with its text fails with nothing written", async () => {
    const userId = await seedUser();
    const file = makeBigWorkspaceExport({ documents: 1, documentLength: 20_000, quotesPerDocument: 50 });
    const slug = `bad-${randomUUID().slice(0, 8)}`;
    file.evidence[17]!.exact = `${file.evidence[17]!.exact.slice(0, -1)}X`;
    const id = await queue(userId, JOB_KINDS.importWorkspace, { slug }, JSON.stringify(file));
    runner({ [JOB_KINDS.importWorkspace]: runWorkspaceImportJob }, 1);
    const [job] = await waitForJobs([id]);
    expect(job).toMatchObject({ status: "FAILED", input: null });
    expect((job!.error as { message: string }).message).toMatch(/damaged/);
    expect(await db().workspace.count({ where: { slug } })).toBe(0);
  });
});

describe("the database's quote check", () => {
  it("refuses a quote that disagrees with its revision, in a bulk insert and a single update", async () => {
    const userId = await seedUser();
    const file = makeBigWorkspaceExport({ documents: 1, documentLength: 20_000, quotesPerDocument: 20 });
    const slug = `check-${randomUUID().slice(0, 8)}`;
    const id = await queue(userId, JOB_KINDS.importWorkspace, { slug }, JSON.stringify(file));
    runner({ [JOB_KINDS.importWorkspace]: runWorkspaceImportJob }, 1);
    expect((await waitForJobs([id]))[0]!.status).toBe("SUCCEEDED");
    const quotes = await db().evidence.findMany({ where: { workspace: { slug } }, orderBy: { startOffset: "asc" } });
    const first = quotes[0]!;
    await expect(
      db().evidence.update({ where: { id: first.id }, data: { prefix: `${first.prefix.slice(1)}!` } }),
    ).rejects.toThrow(/does not match/);
    await expect(
      db().evidence.update({ where: { id: first.id }, data: { endOffset: 30_000 + first.endOffset } }),
    ).rejects.toThrow();
    const { id: _id, ...copy } = first;
    await expect(
      db().evidence.createMany({
        data: [
          { ...copy, id: randomUUID() },
          { ...copy, id: randomUUID(), exact: `${copy.exact.slice(0, -1)}Z` },
        ],
      }),
    ).rejects.toThrow(/does not match/);
    expect(await db().evidence.count({ where: { workspace: { slug } } })).toBe(20);
    await db().evidence.update({ where: { id: first.id }, data: { note: "still fine" } });
  });
});
