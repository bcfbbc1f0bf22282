import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import {
  APP_CONFIG,
  loadConfig,
  loggerParams,
  PlatformModule,
  QueueModule,
  type AppConfig,
} from '@idv/platform';
import { OutboxModule, PersistenceModule } from '@idv/persistence';
import { AuthModule } from '@idv/auth';
import { ApplicantsModule } from '@idv/applicants';
import { WebhooksModule } from '@idv/webhooks';
import { DataProtectionModule, VerificationsModule } from '@idv/verifications';
import { ReviewsModule } from '@idv/review';
import { AuditModule } from '@idv/audit';
import { HealthController } from './health/health.controller';
import { QueueHealthIndicator } from './health/queue.health';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsService } from './metrics/metrics.service';
import { HttpErrorFilter } from './errors/http-error.filter';
import { requestValidationPipe } from './errors/validation.pipe';
import { NulTextPipe } from './errors/nul-text.pipe';
import { AvailabilityGuard } from './availability/availability.guard';
import { DependencyStatus } from './availability/dependency.status';
import { ApiKeyGuard } from './auth/api-key.guard';
import { ApiKeyThrottlerGuard } from './rate-limit/api-key.throttler.guard';
import { RateLimitStorageModule } from './rate-limit/rate-limit.module';
import { RedisThrottlerStorage } from './rate-limit/redis-throttler.storage';
import { ApplicantsController } from './applicants/applicants.controller';
import { WebhooksController } from './webhooks/webhooks.controller';
import { VerificationsController } from './verifications/verifications.controller';
import { QualityChecksController } from './verifications/quality-checks.controller';
import { VerificationImagesController } from './verifications/verification-images.controller';
import { ReviewsController } from './reviews/reviews.controller';
import { AppealsController } from './reviews/appeals.controller';
import { ConsoleController } from './console/console.controller';
import { AuditController } from './audit/audit.controller';
import { MaintenanceRecorder } from './availability/maintenance.recorder';

/** The HTTP API: wiring only. Guards run in order: availability (503) → API key and role (401/403). */
@Module({
  imports: [
    LoggerModule.forRoot(loggerParams(loadConfig(), 'api')),
    PlatformModule,
    QueueModule,
    PersistenceModule,
    OutboxModule,
    TerminusModule.forRoot({ errorLogStyle: 'json' }),
    ThrottlerModule.forRootAsync({
      imports: [RateLimitStorageModule],
      inject: [APP_CONFIG, RedisThrottlerStorage],
      useFactory: (config: AppConfig, storage: RedisThrottlerStorage) => ({
        throttlers: [{ name: 'default', ttl: 60_000, limit: config.limits.rateLimitPerMinute }],
        storage,
      }),
    }),
    RateLimitStorageModule,
    AuthModule,
    ApplicantsModule,
    WebhooksModule,
    VerificationsModule,
    ReviewsModule,
    AuditModule,
    DataProtectionModule,
  ],
  controllers: [
    HealthController,
    MetricsController,
    ApplicantsController,
    VerificationsController,
    QualityChecksController,
    WebhooksController,
    VerificationImagesController,
    ReviewsController,
    AppealsController,
    ConsoleController,
    AuditController,
  ],
  providers: [
    QueueHealthIndicator,
    MetricsService,
    DependencyStatus,
    MaintenanceRecorder,
    { provide: APP_FILTER, useClass: HttpErrorFilter },
    { provide: APP_PIPE, useFactory: requestValidationPipe },
    { provide: APP_PIPE, useClass: NulTextPipe },
    { provide: APP_GUARD, useClass: AvailabilityGuard },
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_GUARD, useClass: ApiKeyThrottlerGuard },
  ],
})
export class AppModule {}
