import { Module } from '@nestjs/common';
import { PlatformModule } from '@idv/platform';
import { PersistenceModule } from '@idv/persistence';
import { AuthModule } from '@idv/auth';
import { DataProtectionModule } from '@idv/verifications';

/** What the database-backed CLI commands need: config, PostgreSQL and the feature services. No queue. */
@Module({ imports: [PlatformModule, PersistenceModule, AuthModule, DataProtectionModule] })
export class CliModule {}
