/** PostgreSQL through TypeORM: entities, migrations, and the helpers that create and migrate the database. */
export { PersistenceModule, OutboxModule } from './persistence.module';
export { dataSourceOptions, ENTITIES, MIGRATIONS } from './data-source.options';
export { ensureDatabase, runMigrations } from './schema';
export { TenantEntity } from './entities/tenant.entity';
export { ApiKeyEntity } from './entities/api-key.entity';
export type { ApiKeyRole } from './entities/api-key.entity';
export { ApplicantEntity, ApplicantCorrectionEntity } from './entities/applicant.entity';
export type { ApplicantStatus } from './entities/applicant.entity';
export { VerificationEntity, VerificationImageEntity } from './entities/verification.entity';
export type { VerificationStatus } from './entities/verification.entity';
export { OutboxEntity } from './entities/outbox.entity';
export { WebhookEndpointEntity, WebhookEventEntity, WebhookDeliveryEntity } from './entities/webhook.entity';
export { AuditEventEntity } from './entities/audit-event.entity';
export type { AuditActorType } from './entities/audit-event.entity';
export { ReviewEntity } from './entities/review.entity';
export type { ReviewReason, ReviewStatus, ReviewDecisionRecord } from './entities/review.entity';
export { enqueue, type Tx, type OutboxMessages } from './outbox/outbox';
export { OutboxRelay, OUTBOX_POLL_MS } from './outbox/outbox.relay';
