import type { DataSourceOptions } from 'typeorm';
import { TenantEntity } from './entities/tenant.entity';
import { ApiKeyEntity } from './entities/api-key.entity';
import { ApplicantCorrectionEntity, ApplicantEntity } from './entities/applicant.entity';
import { VerificationEntity, VerificationImageEntity } from './entities/verification.entity';
import { OutboxEntity } from './entities/outbox.entity';
import { WebhookDeliveryEntity, WebhookEndpointEntity, WebhookEventEntity } from './entities/webhook.entity';
import { AuditEventEntity } from './entities/audit-event.entity';
import { ReviewEntity } from './entities/review.entity';
import { Init1764100000000 } from './migrations/1764100000000-init';
import { Core1764200000000 } from './migrations/1764200000000-core';
import { Audit1764300000000 } from './migrations/1764300000000-audit';
import { Reviews1764400000000 } from './migrations/1764400000000-reviews';
import { ImageFiles1764500000000 } from './migrations/1764500000000-image-files';
import { ApplicantFullName1764700000000 } from './migrations/1764700000000-applicant-full-name';
import { OutboxJobKey1764810000000 } from './migrations/1764810000000-outbox-job-key';
import { DeploymentIdentity1764820000000 } from './migrations/1764820000000-deployment-identity';

/** Every entity and migration, listed as classes (not globs) so the same list works from TypeScript and from dist/. */
export const ENTITIES = [
  TenantEntity,
  ApiKeyEntity,
  ApplicantEntity,
  ApplicantCorrectionEntity,
  VerificationEntity,
  VerificationImageEntity,
  OutboxEntity,
  WebhookEndpointEntity,
  WebhookEventEntity,
  WebhookDeliveryEntity,
  AuditEventEntity,
  ReviewEntity,
];
export const MIGRATIONS = [
  Init1764100000000,
  Core1764200000000,
  Audit1764300000000,
  Reviews1764400000000,
  ImageFiles1764500000000,
  ApplicantFullName1764700000000,
  OutboxJobKey1764810000000,
  DeploymentIdentity1764820000000,
];

/** TypeORM options for `databaseUrl`. Schema changes go through migrations only; never `synchronize`. */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    // The connect timeout is wall time, and its timer fires first when the event loop comes back: a process whose
    // loop was held past it fails a connection PostgreSQL had accepted (pg's pool, a 1 s timeout: a query sent
    // before a 1.5 s hold failed, one before a 0.5 s hold ran). The worker analyses images in JavaScript on its main thread: bench/event-loop-lag.setup.js
    // measured holds up to 4.8 s in the card e2e file (two e2e files at once on 2 cores, a unit run beside them).
    // 15 s is past any hold measured and still fails a request well before a client or proxy gives up on it.
    extra: { max: 10, connectionTimeoutMillis: 15_000 },
  };
}
