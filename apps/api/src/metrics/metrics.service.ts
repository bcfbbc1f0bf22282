import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { VERIFICATION_QUEUE } from '@idv/platform';
import { Reviews } from '@idv/review';

const QUEUE_STATES = [
  'waiting',
  'active',
  'delayed',
  'failed',
  'completed',
  'prioritized',
  'waiting-children',
] as const;

/**
 * Prometheus metrics of the API process: Node defaults, the depth of the verification queue and the review queue
 * (open reviews by state, age of the oldest pending one), all read at scrape.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  constructor(@InjectQueue(VERIFICATION_QUEUE) queue: Queue, reviews: Reviews) {
    collectDefaultMetrics({ register: this.registry, prefix: 'idv_' });
    new Gauge({
      name: 'idv_queue_jobs',
      help: 'Jobs in the verification queue by state',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        try {
          const counts = await queue.getJobCounts(...QUEUE_STATES);
          for (const state of QUEUE_STATES)
            this.set({ queue: VERIFICATION_QUEUE, state }, counts[state] ?? 0);
        } catch {
          // Redis down: keep the last values; /health/ready reports the outage.
        }
      },
    });
    new Gauge({
      name: 'idv_review_queue_reviews',
      help: 'Open manual reviews by state (an expired lease counts as pending)',
      labelNames: ['state'],
      registers: [this.registry],
      async collect() {
        try {
          const stats = await reviews.stats();
          this.set({ state: 'pending' }, stats.pending);
          this.set({ state: 'claimed' }, stats.claimed);
        } catch {
          // PostgreSQL down: keep the last values; /health/ready reports the outage.
        }
      },
    });
    new Gauge({
      name: 'idv_review_oldest_pending_seconds',
      help: 'Age of the oldest pending manual review, 0 when none is pending',
      registers: [this.registry],
      async collect() {
        try {
          this.set((await reviews.stats()).oldestPendingSeconds);
        } catch {
          // As above.
        }
      },
    });
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
