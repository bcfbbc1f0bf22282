import { Client } from 'pg';
import Redis from 'ioredis';
import { redisOptionsFromUrl } from './redis-connection';

/** Why a dependency could not be reached, as one line a person can act on. */
export class DependencyUnavailableError extends Error {
  override readonly name = 'DependencyUnavailableError';
  constructor(
    readonly dependency: 'postgresql' | 'redis',
    message: string,
  ) {
    super(message);
  }
}

const PG_HINT =
  'start it with `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` ' +
  '(or `docker compose -f docker/compose.yml up -d postgres`), or set DATABASE_URL';
const REDIS_HINT =
  'start it with `redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no` ' +
  '(or `docker compose -f docker/compose.yml up -d redis`), or set REDIS_URL';

function where(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || (u.protocol.startsWith('redis') ? 6379 : 5432)}`;
}

/** Connects to the server of `databaseUrl` (its maintenance database, since ours may not exist yet). */
export async function checkPostgres(databaseUrl: string, timeoutMs = 3000): Promise<void> {
  const u = new URL(databaseUrl);
  u.pathname = '/postgres';
  const client = new Client({ connectionString: u.toString(), connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new DependencyUnavailableError(
      'postgresql',
      `PostgreSQL is not reachable at ${where(databaseUrl)} (${code}): ${PG_HINT}.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** PINGs Redis once, without retrying, so a missing server is reported at once. */
export async function checkRedis(redisUrl: string, timeoutMs = 3000): Promise<void> {
  const redis = new Redis({
    ...redisOptionsFromUrl(redisUrl),
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  let firstError: NodeJS.ErrnoException | undefined;
  redis.on('error', (err: NodeJS.ErrnoException) => (firstError ??= err));
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    // ioredis rejects with "Connection is closed"; the socket error that caused it is the useful part.
    const cause = firstError ?? (err as NodeJS.ErrnoException);
    const code = cause.code ?? cause.message;
    throw new DependencyUnavailableError(
      'redis',
      `Redis is not reachable at ${where(redisUrl)} (${code}): ${REDIS_HINT}.`,
    );
  } finally {
    redis.disconnect();
  }
}
