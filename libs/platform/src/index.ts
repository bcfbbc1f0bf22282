/** Cross-cutting platform concerns: configuration, dependency checks, logging, Redis connection options. */
export { loadConfig, ConfigError, APP_CONFIG, SECRET_KEYS, secretsSourceLine } from './config';
export type { AppConfig } from './config';
export { checkPostgres, checkRedis, DependencyUnavailableError } from './dependency.check';
export { loggerParams, REDACTED_PATHS, errorForLog } from './logging';
export { redisOptionsFromUrl } from './redis-connection';
export { PlatformModule } from './platform.module';
export { announceSecrets, runMain, SERVICE_PROCESS_ENV, tuneGarbageCollection } from './process';
export {
  VERIFICATION_QUEUE,
  WEBHOOK_QUEUE,
  MAINTENANCE_QUEUE,
  RETENTION_SCHEDULER_ID,
  JobName,
  OUTBOX_ROUTES,
} from './queue';
export { QueueModule } from './queue.module';
export type { PingJobData, PingJobResult } from './queue';
export { DomainError } from './domain.error';
export type { ErrorKind } from './domain.error';
export { Clock, clockFromEnv } from './clock';
export { WorkerHeartbeat, aliveWorkers, HEARTBEAT_VALID_MS } from './worker.heartbeat';
