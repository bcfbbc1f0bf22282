import Redis from 'ioredis';
import { deploymentId, queueOwnerKey } from '@idv/persistence';
import { redisOptionsFromUrl } from '@idv/platform';
import { dropDatabase, freePort, freshDatabaseUrl, runTs, startTs, waitFor } from '@idv/testing';
import { startService, type RealService } from '../support/service.harness';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Two deployments (two databases) pointed at the same Redis with the same IDV_QUEUE_PREFIX would run each other's
 * jobs against the wrong database. The second one refuses to start, with one line, while the first has work or
 * live workers there; once the first has left nothing behind (a database recreated for good), the second starts
 * and the prefix is its own. (A restored backup is the same deployment: test/faults/database-restore starts on it.)
 */
describe("a queue prefix that holds another database's work", () => {
  let owner: RealService;
  const other = freshDatabaseUrl('otherdeploy');
  let env: Record<string, string>;

  beforeAll(async () => {
    owner = await startService('prefixowner');
    env = {
      DATABASE_URL: other.url,
      REDIS_URL,
      IDV_QUEUE_PREFIX: owner.prefix,
      PORT: String(await freePort()),
    };
  }, 180_000);

  afterAll(async () => {
    await owner?.close();
    await dropDatabase(other.name);
  });

  it('stops npm start, the API and a worker of another database with one line', async () => {
    const refusal = new RegExp(
      `^IDV_QUEUE_PREFIX "${owner.prefix}" holds the work of another deployment .*1 live worker.*own IDV_QUEUE_PREFIX`,
    );
    for (const entry of ['apps/launcher/src/main.ts', 'apps/worker/src/main.ts', 'apps/api/src/main.ts']) {
      const { code, stdout, stderr } = await runTs(entry, [], env);
      expect({ entry, code, stderr: stderr.trim().split('\n') }).toEqual({
        entry,
        code: 1,
        stderr: [expect.stringMatching(refusal)],
      });
      expect(stdout).not.toMatch(/ready/);
    }
  }, 240_000);

  it('lets the other database have the prefix once the first deployment left no work there', async () => {
    for (const p of [...owner.workers, owner.api]) await owner.stop(p);
    const api = startTs('apps/api/src/main.ts', [], { ...env, LOG_LEVEL: 'warn' });
    try {
      await waitFor(
        async () => {
          if (api.child.exitCode !== null) throw new Error(`the API exited: ${api.output()}`);
          return (await fetch(`http://127.0.0.1:${env.PORT}/health/live`).catch(() => undefined))?.ok
            ? true
            : undefined;
        },
        90_000,
        "the other database's API to listen",
      );
      expect(api.output()).toMatch(/passes from deployment .* which left no work there/);
    } finally {
      api.child.kill('SIGKILL');
    }
    const redis = new Redis(redisOptionsFromUrl(REDIS_URL));
    try {
      expect(await redis.get(queueOwnerKey(owner.prefix))).toBe(await deploymentId(other.url));
    } finally {
      redis.disconnect();
    }
  }, 180_000);
});
