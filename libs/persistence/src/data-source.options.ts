import type { DataSourceOptions } from 'typeorm';
import { TenantEntity } from './entities/tenant.entity';
import { ApiKeyEntity } from './entities/api-key.entity';
import { Init1764100000000 } from './migrations/1764100000000-init';

/** Every entity and migration, listed as classes (not globs) so the same list works from TypeScript and from dist/. */
export const ENTITIES = [TenantEntity, ApiKeyEntity];
export const MIGRATIONS = [Init1764100000000];

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
    extra: { max: 10, connectionTimeoutMillis: 5000 },
  };
}
