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
import { OUTBOX_ROUTES } from '@idv/platform';

export const OUTBOX_POLL_MS = Symbol('OUTBOX_POLL_MS');

/**
 * Moves outbox rows to BullMQ. Rows are claimed with FOR UPDATE SKIP LOCKED (several relays may run) and
 * marked dispatched in the same transaction as the queue add; each job id is derived from the row id, so a
 * relay that dies after adding but before committing re-adds the same job id and BullMQ ignores the duplicate.
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

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), this.pollMs);
    this.timer.unref();
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
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
        const rows: Array<{ id: string; topic: string; payload: Record<string, unknown> }> = await tx.query(
          `SELECT id, topic, payload FROM outbox WHERE dispatched_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [batch],
        );
        for (const row of rows) {
          const route = OUTBOX_ROUTES[row.topic];
          if (!route) throw new Error(`No route for outbox topic ${row.topic}`);
          await this.queue(route.queue).add(route.job, row.payload, {
            jobId: `outbox-${row.id}`,
            ...(JOB_OPTIONS[row.topic] ?? {}),
          });
        }
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

  private queue(name: string): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
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
