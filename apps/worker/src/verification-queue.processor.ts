import { hostname } from 'node:os';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JobName, loadConfig, VERIFICATION_QUEUE, type PingJobData, type PingJobResult } from '@idv/platform';

/**
 * The worker's entry for the verification queue: a thin dispatcher by job name.
 * Stalled jobs (a worker killed mid-job) are moved back to waiting by BullMQ after the lock expires.
 */
@Processor(VERIFICATION_QUEUE, { concurrency: loadConfig().workerConcurrency })
export class VerificationQueueProcessor extends WorkerHost {
  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JobName.Ping:
        return this.ping(job as Job<PingJobData>);
      default:
        throw new Error(`Unknown job ${job.name}`);
    }
  }

  private ping(job: Job<PingJobData>): PingJobResult {
    return {
      nonce: job.data.nonce,
      worker: `${hostname()}:${process.pid}`,
      receivedAt: new Date().toISOString(),
    };
  }
}
