import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import * as jobsRepo from '../db/repositories/jobs.ts';
import type { JobProgress } from '../db/schema/index.ts';
import { AppError } from '../domain/errors.ts';
import type { JobFailureReason } from '../shared/contracts/index.ts';

export type JobRow = jobsRepo.JobRow;

/** A failure the app names itself: the job's page says its reason in the reader's language. */
export class JobFailure extends Error {
  constructor(
    readonly reason: JobFailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'JobFailure';
  }
}

/** The named reason of a job's failure, or null for an unexpected one. */
export function failureReason(error: unknown): JobFailureReason | null {
  if (error instanceof JobFailure) return error.reason;
  if (error instanceof AppError && error.code === 'EDITION_LOCKED') return 'edition-locked';
  return null;
}

/** The job was taken over by another server (this one's lease expired): stop without writing. */
export class LeaseLost extends Error {
  constructor(jobId: string) {
    super(`Job ${jobId} is held by another server now`);
  }
}

/** What a job's step may do with its job. */
export type JobContext = {
  db: Db;
  job: JobRow;
  instance: string;
  /** Records progress and renews the lease, in the caller's transaction when given; throws LeaseLost. */
  progress: (progress: JobProgress, tx?: Db) => Promise<void>;
  /** Marks the job done in the caller's transaction (with the work it publishes); throws LeaseLost. */
  complete: (tx: Db, result: Record<string, unknown> | null) => Promise<void>;
};

/**
 * How a kind of job runs. `step` does one short piece of work and answers
 * whether more remains; the runner yields to other requests between steps
 * and renews the lease. The last step calls `complete`. `failed` undoes what
 * a failed job left behind, in the transaction that marks it failed.
 */
export type JobHandler = {
  step(ctx: JobContext): Promise<boolean>;
  failed?(tx: Db, job: JobRow, error: unknown): Promise<void>;
};

export type JobRunnerOptions = {
  db: Db;
  handlers: Record<string, JobHandler>;
  onError: (error: unknown) => void;
  /** Names this server in `locked_by`; unique per process by default. */
  instance?: string;
  /** How long a claim lasts without a heartbeat (default 60 s). */
  leaseMs?: number;
  /** Jobs this server runs at once (default 2). */
  concurrency?: number;
  /** A job taken this many times (its servers kept dying) fails instead of running again. */
  maxAttempts?: number;
};

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

export function jobContext(db: Db, job: JobRow, instance: string, leaseMs: number): JobContext & { completed: boolean } {
  const ctx = {
    db,
    job,
    instance,
    completed: false,
    progress: async (progress: JobProgress, tx?: Db) => {
      if (!(await jobsRepo.renewJob(tx ?? db, job.id, instance, leaseMs, progress))) throw new LeaseLost(job.id);
      ctx.job = { ...ctx.job, progress };
    },
    complete: async (tx: Db, result: Record<string, unknown> | null) => {
      if (!(await jobsRepo.completeJob(tx, job.id, instance, result))) throw new LeaseLost(job.id);
      ctx.completed = true;
    },
  };
  return ctx;
}

/**
 * Runs the job table's work inside an app server (docs/jobs.md): claims one
 * job at a time with `for update skip locked`, renews its lease while it
 * runs, and takes over only jobs whose lease has expired. Several servers
 * over one database each run every job once between them.
 */
export class JobRunner {
  readonly instance: string;
  /** How long a claim lasts without a heartbeat; a request preparing a job holds it as long. */
  readonly leaseMs: number;
  private readonly concurrency: number;
  private readonly maxAttempts: number;
  private readonly active = new Map<string, Promise<void>>();
  private polling: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(private readonly options: JobRunnerOptions) {
    this.instance = options.instance ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.concurrency = options.concurrency ?? 2;
    this.maxAttempts = options.maxAttempts ?? 3;
  }

  /** Polls the table every `everyMs` and renews the leases of running jobs. */
  start(everyMs = 2000): void {
    this.timer = setInterval(() => this.kick(), everyMs);
    this.timer.unref();
    this.heartbeat = setInterval(() => void this.renewAll(), Math.max(100, Math.floor(this.leaseMs / 3)));
    this.heartbeat.unref();
    this.kick();
  }

  /** Looks for work now (after a job was queued). */
  kick(): void {
    this.poll().catch(this.options.onError);
  }

  /** Claims and starts jobs while there are some and this server has room. */
  poll(): Promise<void> {
    if (this.polling) {
      this.again = true;
      return this.polling;
    }
    this.polling = (async () => {
      do {
        this.again = false;
        while (!this.stopped && this.active.size < this.concurrency) {
          const job = await jobsRepo.claimJob(this.options.db, { instance: this.instance, leaseMs: this.leaseMs, kinds: Object.keys(this.options.handlers) });
          if (!job) break;
          // Tracked: its end is awaited by drain() and stop().
          void this.track(job);
        }
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.polling = null;
    });
    return this.polling;
  }

  /** Runs one given job here now, if it is runnable (the command line's `load-extract`). */
  async runOne(jobId: string): Promise<void> {
    const job = await jobsRepo.claimJob(this.options.db, { instance: this.instance, leaseMs: this.leaseMs, kinds: Object.keys(this.options.handlers), id: jobId });
    if (job) await this.track(job);
  }

  /** Waits until this server has no job running and none is waiting that it could take. */
  async drain(): Promise<void> {
    for (;;) {
      await this.poll();
      if (this.active.size === 0) return;
      await Promise.allSettled([...this.active.values()]);
    }
  }

  /** Stops taking jobs and waits for the running ones to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.polling;
    await Promise.allSettled([...this.active.values()]);
    if (this.heartbeat) clearInterval(this.heartbeat);
  }

  private track(job: JobRow): Promise<void> {
    const run = this.execute(job)
      .catch(this.options.onError)
      .finally(() => {
        this.active.delete(job.id);
        if (!this.stopped) this.kick();
      });
    this.active.set(job.id, run);
    return run;
  }

  private async renewAll(): Promise<void> {
    for (const id of this.active.keys()) {
      await jobsRepo.renewJob(this.options.db, id, this.instance, this.leaseMs).catch(this.options.onError);
    }
  }

  private async execute(job: JobRow): Promise<void> {
    const handler = this.options.handlers[job.kind]!;
    const ctx = jobContext(this.options.db, job, this.instance, this.leaseMs);
    try {
      if (job.attempts > this.maxAttempts) throw new JobFailure('gave-up', `Gave up after ${this.maxAttempts} attempts: the servers running it stopped each time`);
      while (await handler.step(ctx)) await nextTick();
      if (!ctx.completed) await ctx.complete(this.options.db, null);
    } catch (error) {
      if (error instanceof LeaseLost) return;
      const message = error instanceof Error ? error.message : String(error);
      await this.options.db.transaction(async (tx) => {
        if (!(await jobsRepo.failJob(tx, job.id, this.instance, message, failureReason(error)))) return;
        await handler.failed?.(tx, ctx.job, error);
      });
    }
  }
}
