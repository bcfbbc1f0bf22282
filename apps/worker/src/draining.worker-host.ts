import type { BeforeApplicationShutdown } from '@nestjs/common';
import { WorkerHost } from '@nestjs/bullmq';

/**
 * A BullMQ processor that, when the process is told to stop, takes no new jobs and waits for the ones it is running
 * before anything they need is closed. @nestjs/bullmq closes workers in onApplicationShutdown, in no defined order
 * with TypeORM's and the OCR pool's own onApplicationShutdown: a job still running then failed on a closed
 * database. beforeApplicationShutdown runs before every onApplicationShutdown hook.
 */
export abstract class DrainingWorkerHost extends WorkerHost implements BeforeApplicationShutdown {
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }
}
