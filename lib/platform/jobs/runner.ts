import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Database } from "@/lib/platform/db/client";
import {
  type ClaimedJob,
  claimJob,
  failAbandonedJobs,
  finishJobIn,
  type JobOutcome,
  LeaseLostError,
  renewLease,
  type Transaction,
} from "@/lib/platform/jobs/queue";

export type JobContext = {
  job: ClaimedJob;
  /** The jobs' own pool: never the request pool. */
  db: Database;
  /**
   * Records progress. It is written by the lease renewal on another connection and never awaited:
   * a handler inside a transaction must not wait for a second connection (the embedded database
   * runs one transaction at a time, so that would wait forever).
   */
  progress(percent: number, stage: string): void;
  /** Writes the outcome inside the handler's transaction, so the work and its record commit together. */
  finishIn(tx: Transaction, outcome: JobOutcome): Promise<void>;
};

export type JobHandler = (context: JobContext) => Promise<JobOutcome>;

export type JobRunnerOptions = {
  /** For finding and claiming jobs: short queries, which may share the requests' pool. */
  db: Database;
  /**
   * The jobs' own pool, for the work and its lease; made on the first job, so a process that
   * never runs one never holds a second database client (its data model graph is ~20 MB of
   * heap). Without it, jobs run on `db`.
   */
  jobDb?: () => Database;
  handlers: Readonly<Record<string, JobHandler>>;
  concurrency: number;
  leaseMs?: number;
  pollMs?: number;
  /** Unique per runner: the lease names it. */
  workerId?: string;
  onError?: (error: unknown, job?: ClaimedJob) => void;
};

const GENERIC_FAILURE = { message: "Something went wrong on our side; nothing was saved. Try again." };

/**
 * Runs queued jobs, at most `concurrency` at a time in this process. Polls the table (every
 * pollMs, and at once on wake()) rather than listening for notifications, which the embedded
 * database's socket server does not deliver between connections.
 */
export class JobRunner {
  readonly workerId: string;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly running = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private polling: Promise<void> | undefined;
  private pollAgain = false;

  constructor(private readonly options: JobRunnerOptions) {
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.pollMs = options.pollMs ?? 2_000;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.wake();
  }

  /** Looks for work now (after a job was queued by this process, or one finished). */
  wake(): void {
    if (this.stopped) return;
    if (this.polling) {
      this.pollAgain = true;
      return;
    }
    clearTimeout(this.timer);
    this.polling = this.poll()
      .catch((error) => this.options.onError?.(error))
      .finally(() => {
        this.polling = undefined;
        if (this.stopped) return;
        if (this.pollAgain) {
          this.pollAgain = false;
          this.wake();
        } else {
          this.timer = setTimeout(() => this.wake(), this.pollMs);
          this.timer.unref?.();
        }
      });
  }

  /** Stops claiming and waits for the jobs under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.polling;
    await Promise.allSettled([...this.running]);
  }

  private async poll(): Promise<void> {
    await failAbandonedJobs(this.options.db);
    const kinds = Object.keys(this.options.handlers);
    while (!this.stopped && this.running.size < this.options.concurrency) {
      const job = await claimJob(this.options.db, this.workerId, kinds, this.leaseMs);
      if (!job) return;
      const run = this.run(job).finally(() => {
        this.running.delete(run);
        this.wake();
      });
      this.running.add(run);
    }
  }

  private async run(job: ClaimedJob): Promise<void> {
    const db = this.options.jobDb?.() ?? this.options.db;
    const progress = { percent: 0, stage: "Starting" };
    let renewing: Promise<void> | undefined;
    const renew = () => {
      renewing ??= renewLease(db, job, this.workerId, this.leaseMs, progress)
        .then(() => undefined)
        .catch((error) => this.options.onError?.(error, job))
        .finally(() => {
          renewing = undefined;
        });
    };
    const heartbeat = setInterval(renew, Math.min(1_000, this.leaseMs / 3));
    heartbeat.unref?.();
    const context: JobContext = {
      job,
      db,
      progress(percent, stage) {
        progress.percent = percent;
        progress.stage = stage;
      },
      finishIn: (tx, outcome) => finishJobIn(tx, job, this.workerId, outcome),
    };
    let outcome: JobOutcome;
    try {
      const handler = this.options.handlers[job.kind];
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      outcome = await handler(context);
    } catch (error) {
      if (!(error instanceof LeaseLostError)) this.options.onError?.(error, job);
      outcome = { ok: false, error: GENERIC_FAILURE };
    } finally {
      clearInterval(heartbeat);
      await renewing;
    }
    try {
      // A no-op (LeaseLostError) when the handler's transaction already recorded the outcome, or
      // when another worker took the job over after our lease lapsed: either outcome stands.
      await finishJobIn(db, job, this.workerId, outcome);
    } catch (error) {
      if (!(error instanceof LeaseLostError)) this.options.onError?.(error, job);
    }
  }
}
