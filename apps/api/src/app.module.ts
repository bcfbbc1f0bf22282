import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { loadConfig, loggerParams, PlatformModule, QueueModule } from '@idv/platform';
import { PersistenceModule } from '@idv/persistence';
import { HealthController } from './health/health.controller';
import { RedisHealthIndicator } from './health/redis.health';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsService } from './metrics/metrics.service';
import { HttpErrorFilter } from './errors/http-error.filter';

/** The HTTP API: wiring only. Each feature module owns its controllers and services. */
@Module({
  imports: [
    LoggerModule.forRoot(loggerParams(loadConfig(), 'api')),
    PlatformModule,
    QueueModule,
    PersistenceModule,
    TerminusModule.forRoot({ errorLogStyle: 'json' }),
  ],
  controllers: [HealthController, MetricsController],
  providers: [RedisHealthIndicator, MetricsService, { provide: APP_FILTER, useClass: HttpErrorFilter }],
})
export class AppModule {}
