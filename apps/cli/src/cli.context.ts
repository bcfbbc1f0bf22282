import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { checkPostgres, loadConfig, secretsSourceLine, type AppConfig } from '@idv/platform';
import { ensureDatabase, runMigrations } from '@idv/persistence';
import { CliModule } from './cli.module';

/**
 * The validated configuration. Commands print their result on stdout (keys:create's key is its last line), so the
 * line about the secrets file goes to stderr, and only on the start that generated it.
 */
export function cliConfig(): AppConfig {
  const config = loadConfig();
  if (config.secretsFile?.created) process.stderr.write(`${secretsSourceLine(config)}\n`);
  return config;
}

/** Runs `fn` with the services of a migrated database, then closes the connections. */
export async function withServices<T>(fn: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const config = cliConfig();
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
