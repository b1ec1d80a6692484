import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Database } from "@/lib/platform/db/client";
import { fail, type Result } from "@/lib/platform/errors";

// A small durable queue in PostgreSQL. A job is claimed with FOR UPDATE SKIP LOCKED, so any
// number of app servers can poll the same table and no two claim the same row; the claim is a
// lease (lockedBy, lockedUntil) that the runner renews while it works. A job whose server died is
// claimed again once its lease lapses, up to MAX_ATTEMPTS. A job's outcome is written with a
// guard on the lease, and a handler writes it inside its own transaction (finishJobIn): the work
// and the record that it was done commit together, so a job's effects happen at most once.

export type Transaction = Prisma.TransactionClient;
export type JsonObject = Prisma.InputJsonObject;

export const MAX_ATTEMPTS = 3;

export type ClaimedJob = {
  id: string;
  kind: string;
  userId: string;
  params: Record<string, unknown>;
  input: string | null;
  attempts: number;
};

export type JobOutcome = { ok: true; result: JsonObject } | { ok: false; error: JsonObject & { message: string } };

export type EnqueueLimits = {
  /** Jobs of these kinds count towards the limits (e.g. every kind of import). */
  kinds: readonly string[];
  concurrent: number;
  daily: number;
};

export type EnqueueResult = Result<{ jobId: string }, "too_many_running" | "daily_limit">;

/**
 * Queues a job for `userId` unless the user already has `limits.concurrent` jobs of those kinds
 * queued or running, or started `limits.daily` in the last 24 hours. A per-user advisory lock
 * makes the count and the insert one step, so simultaneous requests cannot all slip under it.
 */
export async function enqueueJob(
  database: Database,
  job: { kind: string; userId: string; params: JsonObject; input: string | null },
  limits: EnqueueLimits,
): Promise<EnqueueResult> {
  return database.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`parley.jobs:${job.userId}`}))`;
    const [counts] = await tx.$queryRaw<{ active: number; today: number }[]>`
      SELECT count(*) FILTER (WHERE "status" IN ('QUEUED', 'RUNNING'))::int AS "active",
             count(*) FILTER (WHERE "createdAt" > now() - interval '1 day')::int AS "today"
        FROM "jobs" WHERE "userId" = ${job.userId}::uuid AND "kind" = ANY(${[...limits.kinds]}::text[])`;
    if ((counts?.active ?? 0) >= limits.concurrent)
      return fail(
        "too_many_running",
        `You already have ${counts?.active} imports under way (at most ${limits.concurrent} at a time). Wait for one to finish, then try again.`,
      );
    if ((counts?.today ?? 0) >= limits.daily)
      return fail(
        "daily_limit",
        `You have started ${limits.daily} imports in the last 24 hours, the most allowed. Try again later.`,
      );
    const [row] = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "jobs" ("id", "kind", "userId", "params", "input")
      VALUES (gen_random_uuid(), ${job.kind}, ${job.userId}::uuid, ${JSON.stringify(job.params)}::jsonb, ${job.input})
      RETURNING "id"`;
    return { ok: true, jobId: row!.id } as const;
  });
}

/** Claims the oldest job of one of `kinds` that is queued, or whose lease has lapsed. */
export async function claimJob(
  database: Database,
  worker: string,
  kinds: readonly string[],
  leaseMs: number,
): Promise<ClaimedJob | null> {
  const rows = await database.$queryRaw<ClaimedJob[]>`
    UPDATE "jobs" SET "status" = 'RUNNING', "lockedBy" = ${worker},
           "lockedUntil" = now() + make_interval(secs => ${leaseMs / 1000}),
           "attempts" = "attempts" + 1, "startedAt" = coalesce("startedAt", now())
     WHERE "id" = (
       SELECT "id" FROM "jobs"
        WHERE "kind" = ANY(${[...kinds]}::text[])
          AND ("status" = 'QUEUED'
               OR ("status" = 'RUNNING' AND "lockedUntil" < now() AND "attempts" < ${MAX_ATTEMPTS}))
        ORDER BY "createdAt"
        LIMIT 1
        FOR UPDATE SKIP LOCKED)
    RETURNING "id", "kind", "userId", "params", "input", "attempts"`;
  return rows[0] ?? null;
}

/** Renews the lease and records progress; false once the job is no longer this worker's. */
export async function renewLease(
  database: Database,
  job: { id: string; attempts: number },
  worker: string,
  leaseMs: number,
  progress: { percent: number; stage: string },
): Promise<boolean> {
  const count = await database.$executeRaw`
    UPDATE "jobs" SET "lockedUntil" = now() + make_interval(secs => ${leaseMs / 1000}),
           "progress" = ${Math.max(0, Math.min(100, Math.round(progress.percent)))}, "stage" = ${progress.stage}
     WHERE "id" = ${job.id}::uuid AND "status" = 'RUNNING' AND "lockedBy" = ${worker} AND "attempts" = ${job.attempts}`;
  return count === 1;
}

export class LeaseLostError extends Error {
  constructor(jobId: string) {
    super(`job ${jobId} is no longer held by this worker`);
    this.name = "LeaseLostError";
  }
}

/**
 * Records a job's outcome, in `tx` when the handler passes its own transaction. Throws
 * LeaseLostError (rolling that transaction back) when another worker has taken the job over.
 */
export async function finishJobIn(
  tx: Transaction | Database,
  job: { id: string; attempts: number },
  worker: string,
  outcome: JobOutcome,
): Promise<void> {
  const status = outcome.ok ? "SUCCEEDED" : "FAILED";
  const count = await tx.$executeRaw`
    UPDATE "jobs" SET "status" = ${status}::"JobStatus",
           "result" = ${outcome.ok ? JSON.stringify(outcome.result) : null}::jsonb,
           "error" = ${outcome.ok ? null : JSON.stringify(outcome.error)}::jsonb,
           "progress" = 100, "stage" = ${outcome.ok ? "Done" : "Failed"}, "input" = NULL,
           "lockedBy" = NULL, "lockedUntil" = NULL, "finishedAt" = now()
     WHERE "id" = ${job.id}::uuid AND "status" = 'RUNNING' AND "lockedBy" = ${worker} AND "attempts" = ${job.attempts}`;
  if (count !== 1) throw new LeaseLostError(job.id);
}

/** Jobs whose lease lapsed MAX_ATTEMPTS times (their server kept dying) fail instead of running again. */
export async function failAbandonedJobs(database: Database): Promise<number> {
  return database.$executeRaw`
    UPDATE "jobs" SET "status" = 'FAILED', "input" = NULL, "lockedBy" = NULL, "lockedUntil" = NULL,
           "finishedAt" = now(), "stage" = 'Failed',
           "error" = jsonb_build_object('message', 'The import stopped several times before it could finish; nothing was saved. Try again.')
     WHERE "status" = 'RUNNING' AND "lockedUntil" < now() AND "attempts" >= ${MAX_ATTEMPTS}`;
}
