import "server-only";
import type { JobRunner } from "@/lib/platform/jobs/runner";

// This process's runner, on globalThis: Next bundles instrumentation (which starts it) and the
// routes (which queue jobs) separately, so a module-level variable would not be shared.
const globalForJobs = globalThis as unknown as { parleyJobRunner?: JobRunner };

export function currentJobRunner(): JobRunner | undefined {
  return globalForJobs.parleyJobRunner;
}

export function setJobRunner(runner: JobRunner): void {
  globalForJobs.parleyJobRunner = runner;
}

/** After queueing: this server looks for work at once instead of at its next poll. */
export function wakeJobWorker(): void {
  globalForJobs.parleyJobRunner?.wake();
}
