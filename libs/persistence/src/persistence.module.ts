import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@idv/platform';
import { dataSourceOptions } from './data-source.options';
import { OutboxRelay } from './outbox/outbox.relay';

/** The TypeORM connection; repositories of each feature live beside it and are exported from here. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.databaseUrl),
        // Keep retrying in the background rather than crashing when PostgreSQL blips; /health/ready reports it.
        retryAttempts: Number.MAX_SAFE_INTEGER,
        retryDelay: 2000,
      }),
    }),
  ],
  exports: [TypeOrmModule],
})
export class PersistenceModule {}

/** The outbox relay; the API and the worker both run one (rows are claimed with SKIP LOCKED). */
@Module({ imports: [PersistenceModule], providers: [OutboxRelay], exports: [OutboxRelay] })
export class OutboxModule {}
