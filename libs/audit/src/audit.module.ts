import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditEventEntity } from '@idv/persistence';
import { APP_CONFIG, loadConfig, type AppConfig } from '@idv/platform';
import { AUDIT_OPTIONS, AuditTrail, type AuditOptions } from './audit-trail.service';
import { AuditRepository } from './audit.repository';

/**
 * Options from the validated platform configuration: `IDV_AUDIT_SALT` (required in production, where loadConfig
 * refuses to start without it; the public development salt otherwise).
 */
export function auditOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): AuditOptions {
  return { salt: loadConfig(env).auditSalt };
}

/**
 * Provides {@link AuditTrail}. Needs the app's TypeORM connection (PersistenceModule's forRootAsync) to be
 * imported somewhere in the app; it registers only its own entity.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEventEntity])],
  providers: [
    AuditRepository,
    AuditTrail,
    {
      provide: AUDIT_OPTIONS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): AuditOptions => ({ salt: config.auditSalt }),
    },
  ],
  exports: [AuditTrail],
})
export class AuditModule {}

/** An {@link AuditTrail} over an initialised DataSource, outside Nest (CLI commands, benchmarks, tests). */
export function createAuditTrail(
  dataSource: DataSource,
  options: AuditOptions = auditOptionsFromEnv(),
): AuditTrail {
  return new AuditTrail(new AuditRepository(dataSource.getRepository(AuditEventEntity)), options);
}
