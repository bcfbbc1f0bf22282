/** PostgreSQL through TypeORM: entities, migrations, and the helpers that create and migrate the database. */
export { PersistenceModule } from './persistence.module';
export { dataSourceOptions, ENTITIES, MIGRATIONS } from './data-source.options';
export { ensureDatabase, runMigrations } from './schema';
export { TenantEntity } from './entities/tenant.entity';
export { ApiKeyEntity } from './entities/api-key.entity';
export type { ApiKeyRole } from './entities/api-key.entity';
