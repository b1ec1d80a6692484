import "server-only";
import { createDatabase, type Database, db } from "@/lib/platform/db/client";
import { env } from "@/lib/platform/env";
import { type JobHandler, JobRunner } from "@/lib/platform/jobs/runner";
import { currentJobRunner, setJobRunner } from "@/lib/platform/jobs/wake";

// One runner per server process. The work runs on a pool of its own: a slow import holds one of
// the jobs' connections, never one of the connections that serve pages and the JSON routes. That
// pool is made on the first job; finding and claiming jobs are short queries on the app's pool.
// The handlers, one per kind of lib/platform/jobs/kinds.ts, come from the features
// (instrumentation.ts).

export function jobSettings() {
  const settings = env();
  // The embedded database runs one transaction at a time whatever the number of connections.
  const concurrency = settings.PARLEY_DATABASE_KIND === "embedded" ? 1 : (settings.PARLEY_JOBS_CONCURRENCY ?? 2);
  return { concurrency, poolMax: settings.PARLEY_JOBS_POOL_MAX ?? concurrency + 1 };
}

export function startJobWorker(handlers: Readonly<Record<string, JobHandler>>): JobRunner | undefined {
  if (!env().PARLEY_JOBS_WORKER) return undefined;
  const existing = currentJobRunner();
  if (existing) return existing;
  const { concurrency, poolMax } = jobSettings();
  let jobsDatabase: Database | undefined;
  const runner = new JobRunner({
    db: db(),
    // The embedded server mixes up statements that two connections send at the same moment
    // outside a transaction, and runs one transaction at a time anyway: there jobs share the
    // app's single connection, each import's transaction taking its turn with the requests.
    jobDb:
      env().PARLEY_DATABASE_KIND === "embedded"
        ? undefined
        : () => (jobsDatabase ??= createDatabase(env().DATABASE_URL, poolMax, "jobs")),
    handlers,
    concurrency,
    onError: (error, job) => console.error(job ? `job ${job.id} (${job.kind}) failed:` : "job runner:", error),
  });
  setJobRunner(runner);
  runner.start();
  return runner;
}
