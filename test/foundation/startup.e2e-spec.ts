import { Client } from 'pg';
import { Queue, QueueEvents } from 'bullmq';
import {
  dropDatabase,
  freePort,
  freshDatabaseUrl,
  REPO_ROOT,
  runTs,
  startTs,
  waitFor,
  type ServiceProcess,
} from '@idv/testing';
import { JobName, redisOptionsFromUrl, VERIFICATION_QUEUE } from '@idv/platform';

const LAUNCHER = 'apps/launcher/src/main.ts';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const METRICS_TOKEN = 'startup-metrics-token-0123456789';

describe('npm start (the launcher)', () => {
  describe('against a fresh database', () => {
    const db = freshDatabaseUrl('startup');
    const prefix = `idv-test-${process.pid}-startup`;
    let port: number;
    let service: ServiceProcess;

    beforeAll(async () => {
      port = await freePort();
      service = startTs(LAUNCHER, [], {
        DATABASE_URL: db.url,
        REDIS_URL,
        PORT: String(port),
        IDV_QUEUE_PREFIX: prefix,
        IDV_METRICS_TOKEN: METRICS_TOKEN,
      });
      await waitFor(
        async () =>
          (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined))?.ok
            ? true
            : undefined,
        60_000,
        `/health/ready on port ${port}\n${service.output()}`,
      );
    }, 90_000);

    afterAll(async () => {
      if (service.child.exitCode === null) service.child.kill('SIGKILL');
      await dropDatabase(db.name);
    });

    it('creates the database and applies the migrations', async () => {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      try {
        const { rows } = await client.query('SELECT name FROM migrations ORDER BY id');
        expect(rows.map((r) => r.name)).toContain('Init1764100000000');
        const tables = await client.query(`SELECT to_regclass('public.api_keys') AS t`);
        expect(tables.rows[0].t).toBe('api_keys');
      } finally {
        await client.end();
      }
    });

    it('answers readiness with PostgreSQL and Redis up, and liveness', async () => {
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({
        status: 'ok',
        info: { postgresql: { status: 'up' }, redis: { status: 'up' }, ocr: { status: 'up', workers: 1 } },
      });
      expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);
    });

    it('serves Prometheus metrics with the queue depth (to the metrics token), and the OpenAPI document', async () => {
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(401);
      const metrics = await (
        await fetch(`http://127.0.0.1:${port}/metrics`, {
          headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
        })
      ).text();
      expect(metrics).toMatch(/idv_queue_jobs\{queue="verification",state="waiting"\} \d+/);
      expect(metrics).toContain('idv_process_resident_memory_bytes');
      const doc = (await (await fetch(`http://127.0.0.1:${port}/docs-json`)).json()) as {
        openapi: string;
        paths: object;
      };
      expect(doc.openapi).toMatch(/^3\./);
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health/live', '/health/ready']));
      expect((await fetch(`http://127.0.0.1:${port}/docs`)).status).toBe(200);
    });

    it('answers unknown routes with the contract error body', async () => {
      const res = await fetch(`http://127.0.0.1:${port}/v1/nothing-here`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: 'not_found', message: expect.any(String) });
    });

    it('carries a job from the queue to the worker process and back', async () => {
      const connection = redisOptionsFromUrl(REDIS_URL);
      const queue = new Queue(VERIFICATION_QUEUE, { connection, prefix });
      const events = new QueueEvents(VERIFICATION_QUEUE, { connection, prefix });
      try {
        await events.waitUntilReady();
        const job = await queue.add(JobName.Ping, { sentAt: new Date().toISOString(), nonce: 'n-123' });
        // Readiness is the API's: the worker takes jobs only once its OCR workers are warm, which on a fresh
        // checkout (nothing compiled yet) and a busy machine has taken longer than 15 s after it.
        const result = await job.waitUntilFinished(events, 60_000);
        expect(result.nonce).toBe('n-123');
        const workerPid = Number(String(result.worker).split(':').pop());
        expect(workerPid).not.toBe(process.pid);
        expect(workerPid).not.toBe(service.child.pid);
      } finally {
        await events.close();
        await queue.obliterate({ force: true });
        await queue.close();
      }
    }, 90_000);

    it('stops the API and the worker cleanly on SIGTERM', async () => {
      service.child.kill('SIGTERM');
      const { code } = await service.exited;
      expect(code).toBe(0);
      await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();
    }, 30_000);
  });

  it('exits non-zero with one line naming Redis when Redis is unreachable', async () => {
    const deadPort = await freePort();
    const { code, stdout, stderr } = await runTs(LAUNCHER, [], {
      REDIS_URL: `redis://127.0.0.1:${deadPort}`,
    });
    expect(code).not.toBe(0);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^Redis is not reachable at 127\\.0\\.0\\.1:${deadPort} .*redis-server`),
    );
    expect(stdout).not.toMatch(/ready:/);
  });

  it('exits non-zero with one line naming PostgreSQL when PostgreSQL is unreachable', async () => {
    const deadPort = await freePort();
    const { code, stderr } = await runTs(LAUNCHER, [], {
      DATABASE_URL: `postgres://postgres@127.0.0.1:${deadPort}/idv`,
    });
    expect(code).not.toBe(0);
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^PostgreSQL is not reachable at .*pg_ctlcluster/),
    ]);
  });

  it('exits non-zero with one line naming IDV_IMAGE_DIR when it cannot be written', async () => {
    // A path under a regular file: no directory can be made there, not even by root.
    const blocked = `${REPO_ROOT}/package.json/images`;
    const { code, stdout, stderr } = await runTs(LAUNCHER, [], { IDV_IMAGE_DIR: blocked });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^IDV_IMAGE_DIR ${blocked} is not a writable directory .*mount`)),
    ]);
    expect(stdout).not.toMatch(/ready:/);
  });

  it.each([
    [{ PORT: 'abc' }, /^Invalid configuration: PORT="abc": PORT must be a whole number/],
    [{ PORT: '70000' }, /^Invalid configuration: PORT="70000"/],
    [
      { DATABASE_URL: 'mysql://x' },
      /^Invalid configuration: DATABASE_URL=\(hidden\): DATABASE_URL must look like postgres:/,
    ],
    [{ REDIS_URL: 'localhost:6379' }, /^Invalid configuration: REDIS_URL=\(hidden\)/],
  ])('refuses invalid configuration %j with one clear line', async (env, pattern) => {
    const { code, stderr } = await runTs(LAUNCHER, [], env);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(pattern)]);
  });
});
