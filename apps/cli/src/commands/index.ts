import type { CliCommand } from './command';
import { migrateCommand } from './migrate.command';
import { queuePingCommand } from './queue-ping.command';

/** Every CLI command by name. */
export const COMMANDS: Record<string, CliCommand> = {
  migrate: migrateCommand,
  'queue:ping': queuePingCommand,
};
