import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { loadConfig, loggerParams, PlatformModule, QueueModule, WorkerHeartbeat } from '@idv/platform';
import { OutboxModule, PersistenceModule } from '@idv/persistence';
import { DataProtectionModule, VerificationAnalysisModule } from '@idv/verifications';
import { WebhooksModule } from '@idv/webhooks';
import { VerificationQueueProcessor } from './verification-queue.processor';
import { WebhookDeliveryProcessor } from './webhook-delivery.processor';
import { RetentionProcessor } from './retention.processor';

/** The worker: BullMQ processors only; the analysis itself lives in the libs. */
@Module({
  imports: [
    LoggerModule.forRoot(loggerParams(loadConfig(), 'worker')),
    PlatformModule,
    QueueModule,
    PersistenceModule,
    OutboxModule,
    WebhooksModule,
    VerificationAnalysisModule,
    DataProtectionModule,
  ],
  providers: [WorkerHeartbeat, VerificationQueueProcessor, WebhookDeliveryProcessor, RetentionProcessor],
})
export class WorkerModule {}
