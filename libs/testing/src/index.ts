/** Test helpers: a database per test file, free ports, real service processes, the external corpus. */
export { createTestDatabase, dropDatabase, freshDatabaseUrl } from './database';
export { freePort, runTs, startTs, waitFor, REPO_ROOT } from './processes';
export type { ServiceProcess } from './processes';
export { corpusDir } from './corpus';
export { ThrowawayRedis } from './redis';
export { ThrowawayPostgres } from './postgres';
export { pidsNamed, sampleProcess } from './proc';
export type { ProcSample } from './proc';
