import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { VERIFICATION_QUEUE } from '@idv/platform';

const QUEUE_STATES = [
  'waiting',
  'active',
  'delayed',
  'failed',
  'completed',
  'prioritized',
  'waiting-children',
] as const;

/** Prometheus metrics of the API process: Node defaults plus the depth of the verification queue, read at scrape. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  constructor(@InjectQueue(VERIFICATION_QUEUE) queue: Queue) {
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
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
