import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, loadConfig, type AppConfig } from './config';
import { Clock, clockFromEnv } from './clock';

/** The validated configuration (APP_CONFIG) and the clock, available everywhere. */
@Global()
@Module({
  providers: [
    { provide: APP_CONFIG, useFactory: (): AppConfig => loadConfig() },
    { provide: Clock, useFactory: () => clockFromEnv() },
  ],
  exports: [APP_CONFIG, Clock],
})
export class PlatformModule {}
