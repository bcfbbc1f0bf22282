import { hostname } from 'node:os';
import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { OutboxMessages } from '@idv/persistence';
import {
  errorForLog,
  JobName,
  loadConfig,
  VERIFICATION_QUEUE,
  type PingJobData,
  type PingJobResult,
} from '@idv/platform';
import { VerificationAnalysis } from '@idv/verifications';
import { DrainingWorkerHost } from './draining.worker-host';

/**
 * The worker's entry for the verification queue: a thin dispatcher by job name.
 * A worker killed mid-job stops renewing its lock (IDV_LOCK_DURATION_MS); the next stall check
 * (IDV_STALLED_INTERVAL_MS) of a live worker puts the job back, and VerificationAnalysis records exactly one verdict whatever happens.
 */
@Processor(VERIFICATION_QUEUE, {
  concurrency: loadConfig().workerConcurrency,
  lockDuration: loadConfig().jobs.lockDurationMs,
  stalledInterval: loadConfig().jobs.stalledIntervalMs,
  maxStalledCount: 3,
  // Started in onApplicationBootstrap: a worker booting onto a backlog took jobs before its OCR was up, and each
  // of them failed once ("analyser not started") and waited out a retry backoff.
  autorun: false,
})
export class VerificationQueueProcessor extends DrainingWorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('VerificationQueue');

  constructor(private readonly analysis: VerificationAnalysis) {
    super();
  }

  /** Every onModuleInit (the OCR workers' start included) has finished by now. */
  onApplicationBootstrap(): void {
    this.worker.run().catch((err: Error) => this.logger.error(`verification worker stopped: ${err.message}`));
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JobName.Ping:
        return this.ping(job as Job<PingJobData>);
      case JobName.Analyse: {
        const { tenantId, verificationId } = (job as Job<OutboxMessages['verification.analyse']>).data;
        return { result: await this.analysis.run(tenantId, verificationId) };
      }
      default:
        throw new Error(`Unknown job ${job.name}`);
    }
  }

  /** After the last retry the verification is marked failed, so it never stays "processing" for ever. */
  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined, err: Error): Promise<void> {
    if (!job || job.name !== JobName.Analyse) return;
    // A database error's message can quote a value; logs and the (immutable) audit trail get the safe form.
    const safe = errorForLog(err);
    this.logger.error({ jobId: job.id, attempts: job.attemptsMade, err: safe }, 'analysis job failed');
    if (job.attemptsMade >= (job.opts.attempts ?? 1)) {
      const { tenantId, verificationId } = job.data as OutboxMessages['verification.analyse'];
      const why = String(safe.message ?? `${String(safe.type)} ${String(safe.code ?? '')}`.trim());
      await this.analysis.markFailed(tenantId, verificationId, why).catch(() => undefined);
    }
  }

  /** Lost locks and connection drops are reported here (BullMQ recovers by itself); without a listener they would be thrown. */
  @OnWorkerEvent('error')
  onError(err: Error): void {
    this.logger.warn(`verification worker: ${err.message}`);
  }

  private ping(job: Job<PingJobData>): PingJobResult {
    return {
      nonce: job.data.nonce,
      worker: `${hostname()}:${process.pid}`,
      receivedAt: new Date().toISOString(),
    };
  }
}
