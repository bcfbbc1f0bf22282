import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { OutboxMessages } from '@idv/persistence';
import { JobName, WEBHOOK_QUEUE } from '@idv/platform';
import { WebhookDeliverer, type DeliveryOutcome } from '@idv/webhooks';
import { DrainingWorkerHost } from './draining.worker-host';

/**
 * The worker's entry for the webhook queue. A thrown delivery failure makes BullMQ retry the job with the backoff
 * the outbox relay set (exponential from 30 s, 13 attempts ≈ 34 h); the attempt number is the queue's own count.
 */
@Processor(WEBHOOK_QUEUE, { concurrency: 8 })
export class WebhookDeliveryProcessor extends DrainingWorkerHost {
  constructor(private readonly deliverer: WebhookDeliverer) {
    super();
  }

  private readonly logger = new Logger('WebhookQueue');

  /** Connection drops and lost locks are reported here; without a listener they would be thrown. */
  @OnWorkerEvent('error')
  onError(err: Error): void {
    this.logger.warn(`webhook worker: ${err.message}`);
  }

  process(job: Job<OutboxMessages['webhook.deliver']>): Promise<DeliveryOutcome> {
    if (job.name !== JobName.DeliverWebhook) throw new Error(`Unknown job ${job.name}`);
    return this.deliverer.deliver(job.data.eventId, job.data.endpointId, job.attemptsMade + 1);
  }
}
