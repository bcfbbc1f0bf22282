import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { Client } from 'pg';
import { OUTBOX_ROUTES } from '@idv/platform';

export const OUTBOX_POLL_MS = Symbol('OUTBOX_POLL_MS');

/** A queue add that does not answer within this time (Redis down) rolls the pass back instead of holding row locks. */
const ADD_TIMEOUT_MS = 5000;

/**
 * Outbox rows already dispatched whose work is evidently not done: the job may have been lost with a Redis that
 * crashed without persistence, or finished in another timeline of the database (a backup restored while Redis kept
 * the jobs run after the backup was taken). Re-adding with the same job id is a no-op while BullMQ still has the job.
 */
const UNFINISHED: Record<string, string> = {
  'verification.analyse': `EXISTS (SELECT 1 FROM verifications v
      WHERE v.id = (o.payload->>'verificationId')::uuid AND v.status IN ('queued', 'processing'))`,
};

/**
 * Moves outbox rows to BullMQ. Rows are claimed with FOR UPDATE SKIP LOCKED (several relays may run) and
 * marked dispatched in the same transaction as the queue add; each job id is derived from the row's random job key,
 * so a relay that dies after adding but before committing re-adds the same job id and BullMQ ignores the duplicate,
 * while no row of a restored or recreated database can take the id of a job Redis still keeps.
 * When Redis is down the adds fail, the transaction rolls back, and the rows wait for the next pass.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly moduleRef: ModuleRef,
    @Optional() @Inject(OUTBOX_POLL_MS) private readonly pollMs = 500,
  ) {}

  private reconcileTimer?: NodeJS.Timeout;
  private listener?: Client;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), this.pollMs);
    this.timer.unref();
    const every = Number(process.env.IDV_OUTBOX_RECONCILE_SECONDS ?? 60) * 1000;
    this.reconcileTimer = setInterval(
      () =>
        void this.reconcile(every).catch((err) =>
          this.logger.warn(`outbox reconcile failed: ${(err as Error).message}`),
        ),
      every,
    );
    this.reconcileTimer.unref();
    void this.listen();
    this.kick();
  }

  /**
   * Wakes the relay as soon as a transaction that wrote to the outbox commits (enqueue() sends pg_notify), instead
   * of waiting for the next poll; polling stays as the fallback if this connection drops.
   */
  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: (this.ds.options as { url?: string }).url });
    client.on('notification', () => this.kick());
    client.on('error', () => {
      this.listener = undefined;
      void client.end().catch(() => undefined);
      setTimeout(() => void this.listen(), 5000).unref();
    });
    try {
      await client.connect();
      await client.query('LISTEN idv_outbox');
      this.listener = client;
    } catch {
      void client.end().catch(() => undefined);
      setTimeout(() => void this.listen(), 5000).unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearInterval(this.reconcileTimer);
    await this.listener?.end().catch(() => undefined);
    await this.running;
  }

  /** Starts a pass unless one is running. */
  kick(): void {
    if (this.running || this.stopped) return;
    this.running = this.drain()
      .then(() => undefined)
      .catch((err) => this.logger.warn(`outbox relay pass failed, will retry: ${(err as Error).message}`))
      .finally(() => (this.running = undefined));
  }

  /** Dispatches pending rows in batches until none are left; returns how many were dispatched. */
  async drain(batch = 50): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.ds.transaction(async (tx) => {
        const rows: OutboxRow[] = await tx.query(
          `SELECT id, job_key, topic, payload FROM outbox
            WHERE dispatched_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [batch],
        );
        for (const row of rows) await this.add(row);
        if (rows.length) {
          await tx.query(`UPDATE outbox SET dispatched_at = now() WHERE id = ANY($1::bigint[])`, [
            rows.map((r) => r.id),
          ]);
        }
        return rows.length;
      });
      total += n;
      if (n < batch || this.stopped) return total;
    }
  }

  /**
   * Re-adds the jobs of rows dispatched more than `olderThanMs` ago whose work is still unfinished (see UNFINISHED).
   * Returns how many were re-added (or found still in the queue).
   */
  async reconcile(olderThanMs: number): Promise<number> {
    let n = 0;
    for (const [topic, unfinished] of Object.entries(UNFINISHED)) {
      const rows: OutboxRow[] = await this.ds.query(
        `SELECT o.id, o.job_key, o.topic, o.payload FROM outbox o
          WHERE o.topic = $1 AND o.dispatched_at < now() - make_interval(secs => $2) AND ${unfinished}
          ORDER BY o.id LIMIT 200`,
        [topic, olderThanMs / 1000],
      );
      for (const row of rows) {
        // One row's failure (its job changed state under us, a Redis blip) must not hold up the others.
        await this.revive(row, unfinished).catch((err) =>
          this.logger.warn(`outbox reconcile of row ${row.id} failed: ${(err as Error).message}`),
        );
      }
      n += rows.length;
    }
    if (n) this.logger.warn(`outbox reconcile: re-queued ${n} unfinished job(s)`);
    return n;
  }

  private add(row: OutboxRow): Promise<unknown> {
    const route = routeOf(row);
    return withTimeout(
      this.queue(route.queue).add(route.job, row.payload, {
        jobId: outboxJobId(row),
        ...(JOB_OPTIONS[row.topic] ?? {}),
      }),
    );
  }

  /**
   * Puts unfinished work back in the queue: re-adds a job Redis lost; retries one that used up its attempts while a
   * dependency was down (e.g. PostgreSQL for longer than the backoff, when even marking it failed failed); and runs
   * again one that completed although its work is not done, which happens only when the database went back in time
   * (a backup restored while Redis kept the job that did the work in the database's lost future). BullMQ moves a
   * job out of the completed set atomically, so of several relays reconciling at once exactly one re-runs it, and
   * the re-run job is waiting or active until the work is done, so later passes leave it alone.
   */
  private async revive(row: OutboxRow, unfinished: string): Promise<void> {
    const job = await withTimeout(this.queue(routeOf(row).queue).getJob(outboxJobId(row)));
    const state = job ? await job.getState() : 'missing';
    if (!job) await this.add(row);
    else if (state === 'failed') await withTimeout(job.retry('failed'));
    // The job may have completed the work between the reconcile query and getState: look again before re-running.
    else if (state === 'completed' && (await this.stillUnfinished(row, unfinished))) {
      this.logger.warn(
        `outbox reconcile: job ${job.id} completed but its work is not done; running it again`,
      );
      await withTimeout(job.retry('completed', { resetAttemptsMade: true, resetAttemptsStarted: true }));
    }
  }

  private async stillUnfinished(row: OutboxRow, unfinished: string): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(`SELECT 1 FROM outbox o WHERE o.id = $1 AND ${unfinished}`, [
      row.id,
    ]);
    return rows.length > 0;
  }

  private queue(name: string): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }
}

type OutboxRow = { id: string; job_key: string; topic: string; payload: Record<string, unknown> };

/** The queue job of an outbox row, named after the row's random key (never its id, a sequence that restores rewind). */
export const outboxJobId = (row: Pick<OutboxRow, 'job_key'>) => `outbox-${row.job_key}`;

function routeOf(row: OutboxRow) {
  const route = OUTBOX_ROUTES[row.topic];
  if (!route) throw new Error(`No route for outbox topic ${row.topic}`);
  return route;
}

/** Redis calls that do not answer within ADD_TIMEOUT_MS (Redis down) fail instead of holding a transaction open. */
async function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>(
        (_, reject) => (timer = setTimeout(() => reject(new Error('queue call timed out')), ADD_TIMEOUT_MS)),
      ),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Retry policies per topic. Analysis: a few quick retries (a worker crash is handled by stall detection).
 * Webhooks: exponential backoff from 30 s, 13 attempts: 30 s × (2¹² − 1) ≈ 34 hours of retrying (the contract asks ≥ 24 h).
 */
const JOB_OPTIONS: Record<string, object> = {
  'verification.analyse': {
    attempts: 5,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: { age: 3600, count: 10000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  },
  'webhook.deliver': {
    attempts: 13,
    backoff: { type: 'exponential', delay: 30_000 },
    removeOnComplete: { age: 3600, count: 10000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  },
};
