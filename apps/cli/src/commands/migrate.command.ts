import { checkPostgres } from '@idv/platform';
import { ensureDatabase, runMigrations } from '@idv/persistence';
import type { CliCommand } from './command';
import { cliConfig } from '../cli.context';

/** Creates the database if needed and applies pending migrations (what `npm start` does first). */
export const migrateCommand: CliCommand = {
  summary: 'create the database if missing and apply pending migrations',
  options: {},
  async run() {
    const config = cliConfig();
    await checkPostgres(config.databaseUrl);
    await ensureDatabase(config.databaseUrl);
    const applied = await runMigrations(config.databaseUrl);
    process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'schema up to date\n');
    return 0;
  },
};
