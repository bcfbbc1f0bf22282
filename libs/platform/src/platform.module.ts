import { Global, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { APP_CONFIG, loadConfig, type AppConfig } from './config';
import { redisOptionsFromUrl } from './redis-connection';
import { VERIFICATION_QUEUE } from './queue';

/**
 * Configuration and the BullMQ connection, shared by the API and the worker.
 * Config is validated once here; a bad value stops the boot with one line (see apps/launcher).
 */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      useFactory: () => {
        const config = loadConfig();
        return { connection: redisOptionsFromUrl(config.redisUrl), prefix: config.queuePrefix };
      },
    }),
    BullModule.registerQueue({ name: VERIFICATION_QUEUE }),
  ],
  providers: [{ provide: APP_CONFIG, useFactory: (): AppConfig => loadConfig() }],
  exports: [APP_CONFIG, BullModule],
})
export class PlatformModule {}
