import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { JobName, MAINTENANCE_QUEUE, RETENTION_SCHEDULER_ID } from '@idv/platform';
import { Retention, type RetentionReport } from '@idv/verifications';
import { DrainingWorkerHost } from './draining.worker-host';

/** How often retention runs: images become due hour by hour, so an hourly pass keeps them within the period. */
export const RETENTION_EVERY_MS = 3_600_000;

/**
 * Schedules the retention run (a BullMQ job scheduler with a stable id: every worker upserts the same schedule, so
 * N workers still run it once an hour) and runs it: purges due images and redacts old records, each batch audited.
 */
@Processor(MAINTENANCE_QUEUE, { concurrency: 1 })
export class RetentionProcessor extends DrainingWorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('RetentionProcessor');

  constructor(
    private readonly retention: Retention,
    @InjectQueue(MAINTENANCE_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue
      .upsertJobScheduler(
        RETENTION_SCHEDULER_ID,
        { every: RETENTION_EVERY_MS },
        { name: JobName.Retention, opts: { removeOnComplete: 24, removeOnFail: 24 } },
      )
      // Redis down at boot: the worker still starts; the next worker boot (or this one's restart) schedules it.
      .catch((err: Error) => this.logger.warn(`could not schedule retention: ${err.message}`));
  }

  async process(job: Job): Promise<{ runs: number; images: number; verifications: number }> {
    if (job.name !== JobName.Retention) throw new Error(`Unknown job ${job.name}`);
    const reports: RetentionReport[] = await this.retention.runAll();
    return {
      runs: reports.length,
      images: reports.reduce((n, r) => n + r.images, 0),
      verifications: reports.reduce((n, r) => n + r.verifications, 0),
    };
  }
}
