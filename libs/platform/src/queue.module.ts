import { Global, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { APP_CONFIG, type AppConfig } from './config';
import { redisOptionsFromUrl } from './redis-connection';
import { MAINTENANCE_QUEUE, VERIFICATION_QUEUE, WEBHOOK_QUEUE } from './queue';

/** The BullMQ connection and the queues between the API and the worker. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: redisOptionsFromUrl(config.redisUrl),
        prefix: config.queuePrefix,
      }),
    }),
    BullModule.registerQueue(
      { name: VERIFICATION_QUEUE },
      { name: WEBHOOK_QUEUE },
      { name: MAINTENANCE_QUEUE },
    ),
  ],
  exports: [BullModule],
})
export class QueueModule {}
