import { Module } from '@nestjs/common';
import { AuditModule } from '@idv/audit';
import { ApiKeyRepository } from './api-key.repository';
import { ApiKeys } from './api-keys.service';

/** API keys and tenancy. Needs PersistenceModule's TypeORM connection in the importing app. */
@Module({ imports: [AuditModule], providers: [ApiKeyRepository, ApiKeys], exports: [ApiKeys] })
export class AuthModule {}
