import type { CliCommand } from './command';

/**
 * Every CLI command by name, each module loaded only when its command runs: `verify` then loads the analysis and
 * the record rules, not NestJS, TypeORM and BullMQ, which the database commands need (about a second of CPU on a
 * one-shot run, measured by `npm run bench:cli`).
 */
export const COMMANDS: Record<string, () => Promise<CliCommand>> = {
  'audit:verify': () => import('./audit-verify.command').then((m) => m.auditVerifyCommand),
  'keys:create': () => import('./keys.command').then((m) => m.keysCreateCommand),
  'keys:list': () => import('./keys.command').then((m) => m.keysListCommand),
  'keys:revoke': () => import('./keys.command').then((m) => m.keysRevokeCommand),
  migrate: () => import('./migrate.command').then((m) => m.migrateCommand),
  'queue:ping': () => import('./queue-ping.command').then((m) => m.queuePingCommand),
  'retention:run': () => import('./retention.command').then((m) => m.retentionRunCommand),
  samples: () => import('./samples.command').then((m) => m.samplesCommand),
  verify: () => import('./verify.command').then((m) => m.verifyCommand),
};
