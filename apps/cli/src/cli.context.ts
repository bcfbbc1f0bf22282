import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { checkPostgres, loadConfig } from '@idv/platform';
import { ensureDatabase, runMigrations } from '@idv/persistence';
import { CliModule } from './cli.module';

/** Runs `fn` with the services of a migrated database, then closes the connections. */
export async function withServices<T>(fn: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  await checkPostgres(config.databaseUrl);
  await ensureDatabase(config.databaseUrl);
  await runMigrations(config.databaseUrl);
  const app = await NestFactory.createApplicationContext(CliModule, { logger: false });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}
