/**
 * `npm run bench:api`: the wallet-facing API under load, against a service this script starts (real processes,
 * a fresh database and queue prefix, the machine's PostgreSQL and Redis).
 *
 *  1. uploads/s accepted (202) with no worker running, at a fixed client concurrency;
 *  2. POST /v1/quality-checks latency for a 1600 px photo (the instant pre-check);
 *  3. upload → verdict seconds (p50/p95) and verdicts/min with 1 and then 2 worker processes.
 *
 * Prints a table and writes bench/results/api.json. Options (env): BENCH_UPLOADS (default 200),
 * BENCH_E2E (documents per worker setting, default 40), BENCH_CONCURRENCY (default 8).
 */
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import sharp from 'sharp';
import { generateCase } from '@idv/synthetic';
import {
  dropDatabase,
  freePort,
  freshDatabaseUrl,
  runTs,
  startTs,
  waitFor,
  type ServiceProcess,
} from '@idv/testing';
import { fmt, percentile, pool, writeResult } from './support';

const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 200);
const E2E = Number(process.env.BENCH_E2E ?? 40);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const TODAY = '2026-11-01';

async function main() {
  const db = freshDatabaseUrl('bench_api');
  const port = await freePort();
  const env = {
    DATABASE_URL: db.url,
    PORT: String(port),
    IDV_QUEUE_PREFIX: `idv-bench-${randomBytes(3).toString('hex')}`,
    IDV_NOW: `${TODAY}T12:00:00Z`,
    IDV_RATE_LIMIT_PER_MINUTE: '1000000',
    IDV_MAX_FAILED_ATTEMPTS: '1000000',
    LOG_LEVEL: 'warn',
  };
  const processes: ServiceProcess[] = [];
  const base = `http://127.0.0.1:${port}`;
  try {
    const migrated = await runTs('apps/cli/src/main.ts', ['migrate'], env);
    if (migrated.code !== 0) throw new Error(migrated.stderr);
    const key = (
      await runTs('apps/cli/src/main.ts', ['keys:create', '--tenant', 'bench', '--role', 'client'], env)
    ).stdout
      .trim()
      .split('\n')
      .pop()!;
    const headers = { Authorization: `Bearer ${key}` };
    const api = startTs('apps/api/src/main.ts', [], env);
    processes.push(api);
    await waitFor(
      // Live, not ready: readiness also needs a worker, and step 1 runs the API alone on purpose.
      async () => ((await fetch(`${base}/health/live`).catch(() => undefined))?.ok ? true : undefined),
      60_000,
      'the API',
    );

    process.stdout.write(`Generating documents…\n`);
    const docs = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        generateCase(9000 + i, { scenario: i % 4 === 3 ? 'mild' : 'clean', today: TODAY }),
      ),
    );
    const applicantIds = await pool(docs, 4, async (d, i) => {
      const res = await fetch(`${base}/v1/applicants`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...d.case.record, externalId: `bench-${i}` }),
      });
      return ((await res.json()) as { id: string }).id;
    });
    const upload = async (i: number) => {
      const d = docs[i % docs.length];
      const form = new FormData();
      form.set('applicantId', applicantIds[i % docs.length]);
      form.set('front', new Blob([d.images.front]), 'front.png');
      if (d.images.back) form.set('back', new Blob([d.images.back]), 'back.png');
      const started = performance.now();
      const res = await fetch(`${base}/v1/verifications`, { method: 'POST', headers, body: form });
      const body = (await res.json()) as { id: string };
      return { status: res.status, id: body.id, at: Date.now(), ms: performance.now() - started };
    };

    // 1. Uploads/s with nothing consuming the queue.
    const t0 = performance.now();
    const uploads = await pool(
      Array.from({ length: UPLOADS }, (_, i) => i),
      CONCURRENCY,
      (i) => upload(i),
    );
    const seconds = (performance.now() - t0) / 1000;
    const accepted = uploads.filter((u) => u.status === 202).length;
    const uploadLatency = uploads.map((u) => u.ms);

    // 2. The instant quality pre-check on a 1600 px photo.
    const photo = await sharp(docs[0].images.front).resize({ width: 1600 }).jpeg({ quality: 88 }).toBuffer();
    const qc: number[] = [];
    for (let i = 0; i < 40; i++) {
      const form = new FormData();
      form.set('image', new Blob([photo]), 'photo.jpg');
      const s = performance.now();
      const res = await fetch(`${base}/v1/quality-checks`, { method: 'POST', headers, body: form });
      await res.arrayBuffer();
      if (i >= 5) qc.push(performance.now() - s);
    }

    // 3. Upload → verdict with 1 and 2 worker processes (the backlog from step 1 is drained first).
    const e2e: Record<string, { p50: number; p95: number; verdictsPerMinute: number; n: number }> = {};
    for (const workers of [1, 2]) {
      while (processes.length > 1) {
        const w = processes.pop()!;
        w.child.kill('SIGTERM');
        await w.exited;
      }
      const pg = await import('pg');
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      await client.query(
        `UPDATE verifications SET status = 'completed', verdict = 'accepted' WHERE status <> 'completed'`,
      );
      for (let w = 0; w < workers; w++)
        processes.push(startTs('apps/worker/src/main.ts', [], { ...env, IDV_WORKER_CONCURRENCY: '1' }));
      // Warm-up: one verification through every worker process.
      await pool(
        Array.from({ length: workers * 2 }, (_, i) => i),
        workers * 2,
        async (i) => waitVerdict(base, headers, (await upload(i)).id),
      );
      const started = performance.now();
      const latencies = await pool(
        Array.from({ length: E2E }, (_, i) => i),
        workers * 2,
        async (i) => {
          const u = await upload(i);
          await waitVerdict(base, headers, u.id);
          return Date.now() - u.at + u.ms;
        },
      );
      const minutes = (performance.now() - started) / 60_000;
      e2e[`${workers} worker${workers > 1 ? 's' : ''}`] = {
        p50: percentile(latencies, 50) / 1000,
        p95: percentile(latencies, 95) / 1000,
        verdictsPerMinute: E2E / minutes,
        n: E2E,
      };
      await client.end();
    }

    const result = {
      machine: { cores: cpus().length, cpu: cpus()[0]?.model, node: process.version },
      uploads: {
        n: UPLOADS,
        concurrency: CONCURRENCY,
        accepted,
        perSecond: accepted / seconds,
        p50ms: percentile(uploadLatency, 50),
        p95ms: percentile(uploadLatency, 95),
      },
      qualityCheck: {
        photo: '1600 px JPEG',
        n: qc.length,
        p50ms: percentile(qc, 50),
        p95ms: percentile(qc, 95),
      },
      uploadToVerdict: e2e,
    };
    process.stdout.write(
      `\nbench:api (${result.machine.cores} cores, ${result.machine.cpu}, Node ${result.machine.node})\n`,
    );
    process.stdout.write(`| measure | value |\n|---|---|\n`);
    process.stdout.write(
      `| uploads accepted/s (concurrency ${CONCURRENCY}, ${UPLOADS} uploads, no worker) | ${fmt(result.uploads.perSecond, 1)} |\n`,
    );
    process.stdout.write(
      `| upload latency p50 / p95 | ${fmt(result.uploads.p50ms)} / ${fmt(result.uploads.p95ms)} ms |\n`,
    );
    process.stdout.write(
      `| quality pre-check, 1600 px photo, p50 / p95 | ${fmt(result.qualityCheck.p50ms)} / ${fmt(result.qualityCheck.p95ms)} ms |\n`,
    );
    for (const [k, v] of Object.entries(e2e)) {
      process.stdout.write(
        `| upload → verdict, ${k}: p50 / p95 | ${fmt(v.p50, 2)} / ${fmt(v.p95, 2)} s (${fmt(v.verdictsPerMinute, 0)} verdicts/min) |\n`,
      );
    }
    process.stdout.write(`\nwritten to ${writeResult('api.json', result)}\n`);
  } finally {
    for (const p of processes.reverse()) {
      p.child.kill('SIGTERM');
      await p.exited;
    }
    await dropDatabase(db.name).catch(() => undefined);
  }
}

async function waitVerdict(base: string, headers: Record<string, string>, id: string): Promise<void> {
  for (;;) {
    const res = await fetch(`${base}/v1/verifications/${id}`, { headers });
    const body = (await res.json()) as { status: string };
    if (body.status === 'completed' || body.status === 'failed') return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

main().catch((err) => {
  process.stderr.write(`bench:api failed: ${(err as Error).stack}\n`);
  process.exit(1);
});
