import { Queue, type JobType } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import {
  aliveWorkers,
  ConfigError,
  redisOptionsFromUrl,
  VERIFICATION_QUEUE,
  WEBHOOK_QUEUE,
  type AppConfig,
} from '@idv/platform';

/** The Redis key under a queue prefix that names the deployment whose work the prefix holds. */
export const queueOwnerKey = (prefix: string) => `${prefix}:deployment`;

/** Queues whose jobs point into one database. (The retention schedule runs on whichever database takes it.) */
const DATABASE_QUEUES = [VERIFICATION_QUEUE, WEBHOOK_QUEUE];

/** Jobs still to run: another deployment's would be taken by our workers, and ours by theirs. */
const UNFINISHED: JobType[] = ['wait', 'active', 'delayed', 'prioritized', 'paused', 'waiting-children'];

/** Replaces the owner only if it is still the one we looked at (two deployments taking over at once: one wins). */
const SWAP_OWNER = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('SET', KEYS[1], ARGV[2]) end
return false`;

const RETRY_MS = 2000;

/**
 * The deployment's identity: the id in the `deployment` table, written by the first start. A backup carries it,
 * so a restored database is still the same deployment; a database created afresh is another.
 */
export async function deploymentId(databaseUrl: string): Promise<string> {
  const client = new Client({ connectionString: databaseUrl });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(`INSERT INTO deployment DEFAULT VALUES ON CONFLICT DO NOTHING`);
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM deployment`);
    return rows[0].id;
  } catch (err) {
    if ((err as { code?: string }).code !== '42P01') throw err;
    const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
    throw new ConfigError(
      `The database ${name} is not migrated: run \`npm run cli -- migrate\` (npm start does it) first.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Makes sure the queue prefix (IDV_QUEUE_PREFIX) holds this deployment's work and no other's before the process
 * adds or takes a job. Two deployments sharing a prefix run each other's jobs against the wrong database (a
 * verification "missing", its own never analysed); and a database recreated beside the old one's jobs met them
 * under the same ids. The first deployment to start on a prefix writes its id there. Another one is refused, with
 * one line, while the owner has unfinished jobs or live workers there; when the owner left nothing to do (a
 * database recreated for good), the prefix passes to the new one and the takeover is logged. Waits for PostgreSQL
 * and Redis as the service's own connections do.
 */
export async function claimQueuePrefix(
  config: Pick<AppConfig, 'databaseUrl' | 'redisUrl' | 'queuePrefix'>,
  log: (message: string) => void = warnLine,
): Promise<void> {
  const ours = await untilReachable(() => deploymentId(config.databaseUrl), log);
  const redis = new Redis(redisOptionsFromUrl(config.redisUrl));
  redis.on('error', () => undefined);
  const prefix = config.queuePrefix;
  const queues = DATABASE_QUEUES.map((name) => new Queue(name, { connection: redis, prefix }));
  const key = queueOwnerKey(prefix);
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      if ((await redis.set(key, ours, 'NX')) === 'OK') return;
      const owner = await redis.get(key);
      if (owner === ours) return;
      if (owner === null) continue;
      const counts = await Promise.all(queues.map((q) => q.getJobCounts(...UNFINISHED)));
      const jobs = counts.flatMap((c) => Object.values(c)).reduce((a, b) => a + b, 0);
      const workers = await aliveWorkers(queues[0], prefix);
      if (jobs > 0 || workers > 0) throw sharedPrefix(prefix, owner, ours, jobs, workers);
      if (await redis.eval(SWAP_OWNER, 1, key, owner, ours)) {
        log(
          `IDV_QUEUE_PREFIX "${prefix}" passes from deployment ${owner}, which left no work there, to ${ours}`,
        );
        return;
      }
    }
    throw new ConfigError(
      `IDV_QUEUE_PREFIX "${prefix}" is being claimed by another deployment at the same time.`,
    );
  } finally {
    await Promise.all(queues.map((q) => q.close()));
    redis.disconnect();
  }
}

function sharedPrefix(prefix: string, owner: string, ours: string, jobs: number, workers: number) {
  return new ConfigError(
    `IDV_QUEUE_PREFIX "${prefix}" holds the work of another deployment (database ${owner}; this one is ${ours}: ` +
      `${jobs} unfinished job(s), ${workers} live worker(s)): give each deployment its own IDV_QUEUE_PREFIX, or, ` +
      `if that database is gone for good, delete its keys (redis-cli --scan --pattern '${prefix}:*' | xargs redis-cli del).`,
  );
}

/** Runs `work` until PostgreSQL answers; a ConfigError is final. */
async function untilReachable<T>(work: () => Promise<T>, log: (message: string) => void): Promise<T> {
  for (let said = false; ; said = true) {
    try {
      return await work();
    } catch (err) {
      if (err instanceof ConfigError) throw err;
      if (!said) log(`waiting for PostgreSQL to check IDV_QUEUE_PREFIX: ${(err as Error).message}`);
      await new Promise((r) => setTimeout(r, RETRY_MS));
    }
  }
}

/** A pino-shaped warning line: the process's own logger does not exist yet. */
function warnLine(msg: string): void {
  process.stdout.write(`${JSON.stringify({ level: 40, time: Date.now(), msg })}\n`);
}
