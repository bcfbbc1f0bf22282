import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { redisOptionsFromUrl } from '@idv/platform';
import { ensureDatabase, runMigrations } from '@idv/persistence';
import { DEFAULT_TODAY, generateCase } from '@idv/synthetic';
import { createTestDatabase, freePort, runTs, startTs, waitFor, type ServiceProcess } from '@idv/testing';

/**
 * The service as production runs it: the API and worker entry points as separate real processes
 * (`apps/api/src/main.ts`, `apps/worker/src/main.ts`) on a fresh database and a queue prefix of their own, so a
 * test can kill -9 them, stop their dependencies, and watch what survives.
 */
export interface RealService {
  url: string;
  databaseUrl: string;
  prefix: string;
  /** The environment every process of this service gets. */
  env: Record<string, string>;
  /** A client key of the service's tenant, as request headers. */
  auth: { Authorization: string };
  api: ServiceProcess;
  workers: ServiceProcess[];
  /** Starts a new API process (after the last one was stopped) on the same port and waits until it listens. */
  restartApi(): Promise<ServiceProcess>;
  /** A BullMQ handle on one of the service's queues (close it after use). */
  queue(name: string): Queue;
  /** Starts one more worker process and waits until it consumes the queue. */
  startWorker(env?: Record<string, string>): Promise<ServiceProcess>;
  /** Sends `signal` to a process of this service and waits for its exit. */
  stop(p: ServiceProcess, signal?: NodeJS.Signals): Promise<{ code: number | null; signal: string | null }>;
  close(): Promise<void>;
}

export interface ServiceOptions {
  env?: Record<string, string>;
  /** Worker processes to start with the API (default 1). */
  workers?: number;
  /** A database on another server (a ThrowawayPostgres); created and migrated here. Default: a clone per file. */
  databaseUrl?: string;
}

/** Starts the API and `workers` worker processes and creates a client key. */
export async function startService(label: string, options: ServiceOptions = {}): Promise<RealService> {
  let databaseUrl = options.databaseUrl;
  let drop = async () => undefined as unknown;
  if (databaseUrl) {
    await ensureDatabase(databaseUrl);
    await runMigrations(databaseUrl);
  } else {
    const db = await createTestDatabase(label);
    databaseUrl = db.url;
    drop = db.drop;
  }
  const port = await freePort();
  const prefix = `idv-real-${label}-${randomBytes(3).toString('hex')}`;
  const env: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    IDV_QUEUE_PREFIX: prefix,
    IDV_NOW: `${DEFAULT_TODAY}T12:00:00Z`,
    IDV_RATE_LIMIT_PER_MINUTE: '100000',
    IDV_MAX_FAILED_ATTEMPTS: '100000',
    IDV_OUTBOX_RECONCILE_SECONDS: '3',
    ...options.env,
  };
  const created = await runTs(
    'apps/cli/src/main.ts',
    ['keys:create', '--tenant', label, '--role', 'client'],
    env,
  );
  if (created.code !== 0) throw new Error(`keys:create failed: ${created.stderr}`);
  const key = created.stdout.trim().split('\n').pop()!;
  const url = `http://127.0.0.1:${port}`;
  const processes: ServiceProcess[] = [];

  const startApi = async () => {
    const api = startTs('apps/api/src/main.ts', [], env);
    processes.push(api);
    // Live, not ready: readiness also asks for a running worker process.
    await waitFor(
      async () => {
        if (api.child.exitCode !== null) throw new Error(`the API exited: ${api.output()}`);
        return (await fetch(`${url}/health/live`).catch(() => undefined))?.ok ? true : undefined;
      },
      60_000,
      'the API to listen',
    );
    return api;
  };
  const service: RealService = {
    url,
    databaseUrl,
    prefix,
    env,
    auth: { Authorization: `Bearer ${key}` },
    api: undefined as unknown as ServiceProcess,
    workers: [],
    queue: (name) => {
      const queue = new Queue(name, {
        connection: redisOptionsFromUrl(env.REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'),
        prefix,
      });
      // A test that stops Redis under its queue reads the failure from the calls it makes; BullMQ would print the
      // same error, unheard as an event, on stderr once more.
      queue.on('error', () => undefined);
      return queue;
    },
    async restartApi() {
      service.api = await startApi();
      return service.api;
    },
    async startWorker(extra = {}) {
      // `worker ready` is logged at info once the BullMQ workers are running.
      const w = startTs('apps/worker/src/main.ts', [], { ...env, LOG_LEVEL: 'info', ...extra });
      processes.push(w);
      service.workers.push(w);
      await waitFor(
        async () => {
          if (w.child.exitCode !== null) throw new Error(`a worker exited: ${w.output()}`);
          return w.output().includes('worker ready') ? true : undefined;
        },
        90_000,
        'a worker to be ready',
      );
      return w;
    },
    async stop(p, signal = 'SIGTERM') {
      if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill(signal);
      return p.exited;
    },
    async close() {
      for (const p of processes.reverse()) await service.stop(p, 'SIGKILL');
      await drop().catch(() => undefined);
    },
  };
  try {
    await service.restartApi();
    for (let i = 0; i < (options.workers ?? 1); i++) await service.startWorker();
  } catch (err) {
    await service.close();
    throw err;
  }
  return service;
}

/** A registered applicant with a synthetic document of theirs (PNG bytes), ready to upload. */
export interface Subject {
  applicantId: string;
  front: Buffer;
  back?: Buffer;
}

/** Registers the applicant of synthetic case `seed` and returns them with their document images. */
export async function subject(
  service: Pick<RealService, 'url' | 'auth'>,
  seed: number,
  scenario: 'clean' | 'mild' = 'clean',
): Promise<Subject> {
  const c = await generateCase(seed, { scenario, today: DEFAULT_TODAY });
  const res = await fetch(`${service.url}/v1/applicants`, {
    method: 'POST',
    headers: { ...service.auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      ...c.case.record,
      externalId: `subject-${seed}-${randomBytes(3).toString('hex')}`,
    }),
  });
  if (res.status !== 201) throw new Error(`registering case ${seed}: ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  return { applicantId: id, front: c.images.front, back: c.images.back };
}

/** POST /v1/verifications with the subject's document; the status and body as answered. */
export async function upload(
  service: Pick<RealService, 'url' | 'auth'>,
  s: Subject,
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const form = new FormData();
  form.set('applicantId', s.applicantId);
  form.set('front', new Blob([s.front]), 'front.png');
  if (s.back) form.set('back', new Blob([s.back]), 'back.png');
  const res = await fetch(`${service.url}/v1/verifications`, {
    method: 'POST',
    headers: service.auth,
    body: form,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

/** Polls GET /v1/verifications/:id until it is completed or failed. */
export async function waitForVerdict(
  service: Pick<RealService, 'url' | 'auth'>,
  id: string,
  timeoutMs = 60_000,
): Promise<Record<string, unknown> & { status: string }> {
  return waitFor(
    async () => {
      const res = await fetch(`${service.url}/v1/verifications/${id}`, { headers: service.auth });
      if (!res.ok) return undefined;
      const body = (await res.json()) as Record<string, unknown> & { status: string };
      return body.status === 'completed' || body.status === 'failed' ? body : undefined;
    },
    timeoutMs,
    `the verdict of ${id}`,
  );
}
