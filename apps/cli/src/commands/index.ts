import type { CliCommand } from './command';
import { auditVerifyCommand } from './audit-verify.command';
import { keysCreateCommand, keysListCommand, keysRevokeCommand } from './keys.command';
import { migrateCommand } from './migrate.command';
import { queuePingCommand } from './queue-ping.command';
import { retentionRunCommand } from './retention.command';
import { samplesCommand } from './samples.command';
import { verifyCommand } from './verify.command';

/** Every CLI command by name. */
export const COMMANDS: Record<string, CliCommand> = {
  'audit:verify': auditVerifyCommand,
  'keys:create': keysCreateCommand,
  'keys:list': keysListCommand,
  'keys:revoke': keysRevokeCommand,
  migrate: migrateCommand,
  'queue:ping': queuePingCommand,
  'retention:run': retentionRunCommand,
  samples: samplesCommand,
  verify: verifyCommand,
};
