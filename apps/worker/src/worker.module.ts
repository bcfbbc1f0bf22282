import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { loadConfig, loggerParams, PlatformModule, QueueModule } from '@idv/platform';
import { VerificationQueueProcessor } from './verification-queue.processor';

/** The worker: BullMQ processors only; the analysis itself lives in the libs. */
@Module({
  imports: [LoggerModule.forRoot(loggerParams(loadConfig(), 'worker')), PlatformModule, QueueModule],
  providers: [VerificationQueueProcessor],
})
export class WorkerModule {}
