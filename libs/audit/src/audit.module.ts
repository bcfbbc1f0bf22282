import { Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditEventEntity } from '@idv/persistence';
import { AUDIT_OPTIONS, AuditTrail, type AuditOptions } from './audit-trail.service';
import { AuditRepository } from './audit.repository';
import { auditSaltFromEnv, DEV_AUDIT_SALT } from './personal-data';

/** Options from the environment: `IDV_AUDIT_SALT` (a warning in production when it is left at the dev default). */
export function auditOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): AuditOptions {
  const salt = auditSaltFromEnv(env);
  if (salt === DEV_AUDIT_SALT && env.NODE_ENV === 'production') {
    new Logger('Audit').warn(
      'IDV_AUDIT_SALT is not set: personal-data digests use the public development salt',
    );
  }
  return { salt };
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
    { provide: AUDIT_OPTIONS, useFactory: () => auditOptionsFromEnv() },
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
