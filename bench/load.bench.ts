/**
 * `npm run bench:load [-- --workers 1,2,3] [--images postgres|files]`: the whole service under load, against its OCR
 * ceiling. `--images` picks where the service keeps images' ciphertext: in PostgreSQL (the default when
 * `IDV_IMAGE_DIR` is unset) or in files under a fresh temporary `IDV_IMAGE_DIR`.
 *
 * For each worker-process count N (default 1 and 2):
 *  1. the ceiling: the same documents through the analysis step alone (`DocumentAnalyser` from @idv/analysis, one
 *     per worker process, each fed as a worker feeds it), in this process — verdicts/min no deployment of N workers
 *     can beat on this machine; measured before and again after the service's run, the ratio uses the mean;
 *  2. the service (real API and N worker processes, a fresh database and queue prefix): a burst of uploads
 *     (accepted uploads/s, then how fast the backlog drains), closed-loop clients at rising concurrency (each
 *     uploads and waits for its verdict), and an open-loop stage at 80% of the ceiling's rate (p50/p95/p99
 *     upload → verdict);
 *  3. CPU and peak RSS per process, from /proc/<pid>/stat and /proc/<pid>/status.
 *
 * Prints a table per N and writes bench/results/load.json. Environment: BENCH_DOCS (documents in the mix,
 * default 12), BENCH_STAGE (documents per closed-loop stage per worker, default 20: with 8, a stage lasted 2–3 s
 * and its first and last documents, run at less than the stage's concurrency, weighed on its rate),
 * BENCH_OPEN_SECONDS (default 25).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DocumentAnalyser, type RegistrationRecord } from '@idv/analysis';
import { loadConfig, tuneGarbageCollection } from '@idv/platform';
import { generateCase } from '@idv/synthetic';
import {
  dropDatabase,
  freePort,
  freshDatabaseUrl,
  pidsNamed,
  runTs,
  sampleProcess,
  startTs,
  waitFor,
  type ServiceProcess,
} from '@idv/testing';
import { prepareUpload } from '@idv/verifications';
import { fmt, percentile, pool, writeResult } from './support';

const TODAY = '2026-11-01';
const DOCS = Number(process.env.BENCH_DOCS ?? 12);
const STAGE = Number(process.env.BENCH_STAGE ?? 20);
const OPEN_SECONDS = Number(process.env.BENCH_OPEN_SECONDS ?? 25);
const CONFIG = loadConfig();
const MB = 1024 * 1024;

interface Doc {
  record: Record<string, unknown>;
  front: Buffer;
  back?: Buffer;
  /** The images as a worker reads them back from storage (normalised by the upload step). */
  stored: { front: Buffer; back?: Buffer };
}

type ImageStoreKind = 'postgres' | 'files';

function imageStore(): ImageStoreKind {
  const i = process.argv.indexOf('--images');
  const raw = i >= 0 ? process.argv[i + 1] : 'files';
  if (raw !== 'postgres' && raw !== 'files') throw new Error(`--images takes postgres or files (got ${raw})`);
  return raw;
}

function workerCounts(): number[] {
  const i = process.argv.indexOf('--workers');
  const raw = i >= 0 ? process.argv[i + 1] : '1,2';
  const counts = raw.split(',').map(Number);
  if (!counts.length || counts.some((n) => !Number.isInteger(n) || n < 1 || n > 8))
    throw new Error(`--workers takes a list of process counts from 1 to 8, like 1,2,3 (got ${raw})`);
  return counts;
}

/** A fixed mix: passports, ID cards and visas the generator picks by seed; one in four mildly degraded. */
async function documents(): Promise<Doc[]> {
  const limits = { maxBytes: CONFIG.maxUploadBytes, maxPixels: CONFIG.maxPixels };
  return pool(
    Array.from({ length: DOCS }, (_, i) => i),
    2,
    async (i) => {
      const c = await generateCase(7100 + i, { scenario: i % 4 === 3 ? 'mild' : 'clean', today: TODAY });
      const front = await prepareUpload('front', c.images.front, limits);
      const back = c.images.back ? await prepareUpload('back', c.images.back, limits) : undefined;
      return {
        record: c.case.record as unknown as Record<string, unknown>,
        front: c.images.front,
        back: c.images.back,
        stored: { front: front.bytes, back: back?.bytes },
      };
    },
  );
}

/**
 * Verdicts/min of N analysers (as N worker processes hold them: IDV_OCR_WORKERS tesseract workers each, fed
 * IDV_WORKER_CONCURRENCY documents at a time) analysing the mix four times over, after one warm-up pass each. Four,
 * not two: over two passes (a few seconds) the figure swung by ±20% between runs, and every ratio divides by it.
 */
async function ceiling(
  docs: Doc[],
  n: number,
): Promise<{ verdictsPerMinute: number; analysed: number; cpuPercent: number }> {
  const analysers = await Promise.all(
    Array.from({ length: n }, () =>
      DocumentAnalyser.create({
        ocrOptions: { mrzWorkers: CONFIG.ocrWorkers },
        limits: { maxBytes: CONFIG.maxUploadBytes, maxPixels: CONFIG.maxPixels },
      }),
    ),
  );
  try {
    const analyse = (a: DocumentAnalyser, d: Doc) =>
      a.analyse({
        front: d.stored.front,
        back: d.stored.back,
        today: TODAY,
        record: d.record as unknown as RegistrationRecord,
      });
    await Promise.all(analysers.map((a, i) => analyse(a, docs[i % docs.length])));
    const items = [...docs, ...docs, ...docs, ...docs];
    let next = 0;
    const started = performance.now();
    const cpu = process.cpuUsage();
    await Promise.all(
      analysers.flatMap((a) =>
        Array.from({ length: CONFIG.workerConcurrency }, async () => {
          while (next < items.length) await analyse(a, items[next++]);
        }),
      ),
    );
    return {
      verdictsPerMinute: items.length / ((performance.now() - started) / 60_000),
      analysed: items.length,
      // This process, OCR threads included: how much of the machine the analysis alone keeps busy.
      cpuPercent: (cpuMs(process.cpuUsage(cpu)) / (performance.now() - started)) * 100,
    };
  } finally {
    await Promise.all(analysers.map((a) => a.close()));
  }
}

/**
 * Samples CPU and RSS of the service's processes until stopped, and the CPU of what shares the machine with them:
 * PostgreSQL and Redis (every process of that name: the machine's servers hold this run's database and queue) and
 * this process, whose clients upload and wait for verdicts.
 */
function monitor(processes: Array<{ role: string; p: ServiceProcess }>) {
  const first = new Map(processes.map(({ p }) => [p.child.pid!, sampleProcess(p.child.pid!)!]));
  const shared = ['postgres', 'redis-server'].map((name) => {
    const pids = pidsNamed(name);
    return { role: `${name} (all processes)`, pids, cpuMs: totalCpuMs(pids) };
  });
  const benchCpu = process.cpuUsage();
  const peak = new Map<number, number>();
  const started = performance.now();
  const tick = () => {
    for (const { p } of processes) {
      const s = sampleProcess(p.child.pid!);
      if (s) peak.set(p.child.pid!, Math.max(peak.get(p.child.pid!) ?? 0, s.rss));
    }
  };
  const timer = setInterval(tick, 200);
  return (): {
    seconds: number;
    processes: Array<{ role: string; pid?: number; cpuPercent: number; peakRssMB?: number }>;
  } => {
    clearInterval(timer);
    tick();
    const seconds = (performance.now() - started) / 1000;
    const percent = (cpuMs: number) => (cpuMs / 1000 / seconds) * 100;
    const bench = process.cpuUsage(benchCpu);
    const measured = [
      ...processes.map(({ role, p }) => {
        const pid = p.child.pid!;
        const last = sampleProcess(pid)!;
        return {
          role,
          pid,
          cpuPercent: percent(last.cpuMs - first.get(pid)!.cpuMs),
          peakRssMB: Math.max(peak.get(pid) ?? 0, last.peakRss) / MB,
        };
      }),
      // Backends that exited during the run are missed: their time is lost with them.
      ...shared.map((s) => ({ role: s.role, cpuPercent: percent(totalCpuMs(s.pids) - s.cpuMs) })),
      { role: 'bench clients (this process)', cpuPercent: percent(cpuMs(bench)) },
    ];
    return { seconds, processes: measured };
  };
}

/** A multipart/form-data body: text fields, then files (sent as `<name>.png`, which the API sniffs anyway). */
function multipart(fields: Record<string, string>, files: Record<string, Buffer>) {
  const boundary = `----idv-load-${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  for (const [name, bytes] of Object.entries(files)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${name}.png"\r\n` +
          `Content-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
const totalCpuMs = (pids: number[]) => pids.reduce((sum, pid) => sum + (sampleProcess(pid)?.cpuMs ?? 0), 0);

interface Stage {
  stage: string;
  documents: number;
  seconds: number;
  verdictsPerMinute: number;
  p50: number;
  p95: number;
  p99: number;
}

async function measureService(docs: Doc[], n: number, ceilingPerMinute: number, images: ImageStoreKind) {
  const db = freshDatabaseUrl('bench_load');
  const port = await freePort();
  const imageDir = images === 'files' ? await mkdtemp(join(tmpdir(), 'idv-load-images-')) : undefined;
  const env = {
    ...(imageDir ? { IDV_IMAGE_DIR: imageDir } : {}),
    DATABASE_URL: db.url,
    PORT: String(port),
    IDV_QUEUE_PREFIX: `idv-load-${randomBytes(3).toString('hex')}`,
    IDV_NOW: `${TODAY}T12:00:00Z`,
    IDV_RATE_LIMIT_PER_MINUTE: '1000000',
    IDV_MAX_FAILED_ATTEMPTS: '1000000',
    LOG_LEVEL: 'warn',
  };
  const base = `http://127.0.0.1:${port}`;
  const processes: Array<{ role: string; p: ServiceProcess }> = [];
  try {
    const migrated = await runTs('apps/cli/src/main.ts', ['migrate'], env);
    if (migrated.code !== 0) throw new Error(migrated.stderr);
    const created = await runTs(
      'apps/cli/src/main.ts',
      ['keys:create', '--tenant', 'load', '--role', 'client'],
      env,
    );
    const headers = { Authorization: `Bearer ${created.stdout.trim().split('\n').pop()}` };
    processes.push({ role: 'api', p: startTs('apps/api/src/main.ts', [], env) });
    for (let w = 0; w < n; w++)
      processes.push({ role: `worker ${w + 1}`, p: startTs('apps/worker/src/main.ts', [], env) });
    await waitFor(
      async () => ((await fetch(`${base}/health/ready`).catch(() => undefined))?.ok ? true : undefined),
      120_000,
      'the API and its workers',
    );
    const dbc = new Client({ connectionString: db.url });
    await dbc.connect();

    const applicants = await pool(docs, 4, async (d, i) => {
      const res = await fetch(`${base}/v1/applicants`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...d.record, externalId: `load-${i}` }),
      });
      return ((await res.json()) as { id: string }).id;
    });
    // Each document's multipart body is built once: encoding a FormData per upload cost the bench's clients more CPU
    // than anything but the worker and the API, on the cores the service under test runs on.
    const bodies = docs.map((d, i) =>
      multipart({ applicantId: applicants[i] }, { front: d.front, ...(d.back ? { back: d.back } : {}) }),
    );
    let serial = 0;
    const upload = async () => {
      const i = serial++ % docs.length;
      const at = performance.now();
      const res = await fetch(`${base}/v1/verifications`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': bodies[i].contentType },
        body: bodies[i].body,
      });
      const body = (await res.json()) as { id: string };
      if (res.status !== 202) throw new Error(`upload answered ${res.status}: ${JSON.stringify(body)}`);
      return { id: body.id, at };
    };

    // One query for every verdict awaited, every 50 ms: cheaper for the API than each client polling it.
    const waiting = new Map<string, (t: number) => void>();
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        if (waiting.size) {
          const { rows } = await dbc.query(
            `SELECT id FROM verifications WHERE id = ANY($1) AND status IN ('completed', 'failed')`,
            [[...waiting.keys()]],
          );
          const now = performance.now();
          for (const r of rows as Array<{ id: string }>) {
            waiting.get(r.id)?.(now);
            waiting.delete(r.id);
          }
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const verdict = (id: string) => new Promise<number>((resolve) => waiting.set(id, resolve));
    const uploadAndWait = async () => {
      const u = await upload();
      return (await verdict(u.id)) - u.at;
    };

    // Warm-up: a verification through every worker process (tesseract's first pages are slow).
    await pool(
      Array.from({ length: n * CONFIG.workerConcurrency }, (_, i) => i),
      n * CONFIG.workerConcurrency,
      () => uploadAndWait(),
    );
    const stop = monitor(processes);
    const stages: Stage[] = [];
    const stage = (name: string, latencies: number[], seconds: number) =>
      stages.push({
        stage: name,
        documents: latencies.length,
        seconds,
        verdictsPerMinute: latencies.length / (seconds / 60),
        p50: percentile(latencies, 50) / 1000,
        p95: percentile(latencies, 95) / 1000,
        p99: percentile(latencies, 99) / 1000,
      });

    // 1. A burst: uploads as fast as 8 clients send them, then the backlog drains.
    const burst = 12 * n;
    let t0 = performance.now();
    const sent = await pool(
      Array.from({ length: burst }, (_, i) => i),
      8,
      () => upload(),
    );
    const uploadSeconds = (performance.now() - t0) / 1000;
    const done = await Promise.all(sent.map(async (u) => (await verdict(u.id)) - u.at));
    stage(`burst of ${burst} (queue full)`, done, (performance.now() - t0) / 1000);

    // 2. Closed loop at rising concurrency, up to 8 clients per worker process (up to the queue never running dry
    //    while clients upload and wait): each client uploads, waits for the verdict, repeats; 3 documents per
    //    client at least.
    for (const c of [n, 2 * n, 4 * n, 8 * n]) {
      t0 = performance.now();
      const latencies = await pool(
        Array.from({ length: Math.max(STAGE * n, 3 * c) }, (_, i) => i),
        c,
        () => uploadAndWait(),
      );
      stage(`${c} client${c > 1 ? 's' : ''} (closed loop)`, latencies, (performance.now() - t0) / 1000);
    }

    // 3. Open loop at 80% of the ceiling's rate: arrivals on a fixed schedule, whatever the verdicts do.
    const rate = (0.8 * ceilingPerMinute) / 60;
    const arrivals = Math.max(4, Math.round(rate * OPEN_SECONDS));
    t0 = performance.now();
    const open = await Promise.all(
      Array.from({ length: arrivals }, async (_, i) => {
        await new Promise((r) => setTimeout(r, (i / rate) * 1000));
        return uploadAndWait();
      }),
    );
    stage(`open loop at 80% of the ceiling (${fmt(rate * 60)}/min)`, open, (performance.now() - t0) / 1000);

    const monitored = stop();
    // CPU per verdict: what each process spends on one document, whatever the stage's concurrency.
    const verdicts = stages.reduce((n, st) => n + st.documents, 0);
    const perProcess = monitored.processes.map((p) => ({
      ...p,
      cpuMsPerVerdict: ((p.cpuPercent / 100) * monitored.seconds * 1000) / verdicts,
    }));
    watching = false;
    await watcher;
    await dbc.end();
    return { accepted: { uploads: burst, perSecond: burst / uploadSeconds }, stages, perProcess };
  } finally {
    for (const { p } of processes.reverse()) {
      p.child.kill('SIGTERM');
      await p.exited;
    }
    await dropDatabase(db.name).catch(() => undefined);
    if (imageDir) await rm(imageDir, { recursive: true, force: true });
  }
}

async function main() {
  // The ceiling's analysers run in this process: with the same collector setting as the service's processes.
  tuneGarbageCollection();
  const counts = workerCounts();
  const images = imageStore();
  const started = performance.now();
  process.stdout.write(`Generating ${DOCS} documents…\n`);
  const docs = await documents();
  const runs = [];
  for (const n of counts) {
    process.stdout.write(`\n${n} worker process${n > 1 ? 'es' : ''}: measuring the OCR-only ceiling…\n`);
    const before = await ceiling(docs, n);
    process.stdout.write(
      `  ceiling ${fmt(before.verdictsPerMinute, 1)} verdicts/min at ${fmt(before.cpuPercent)}% of a core; starting the service…\n`,
    );
    const service = await measureService(docs, n, before.verdictsPerMinute, images);
    // Measured again afterwards: on a shared host the same analyses swung by 15% between runs minutes apart, and
    // every ratio divides by this figure; the mean of both brackets the service's run.
    const after = await ceiling(docs, n);
    process.stdout.write(
      `  ceiling again after the service: ${fmt(after.verdictsPerMinute, 1)} verdicts/min at ${fmt(after.cpuPercent)}% of a core\n`,
    );
    const top = {
      verdictsPerMinute: (before.verdictsPerMinute + after.verdictsPerMinute) / 2,
      cpuPercent: (before.cpuPercent + after.cpuPercent) / 2,
    };
    const best = Math.max(...service.stages.map((s) => s.verdictsPerMinute));
    const open = service.stages[service.stages.length - 1];
    const workers = service.perProcess.filter((p) => p.role.startsWith('worker'));
    // The machine's bound: all cores busy at the service's CPU per verdict (API, workers, databases, clients).
    const serviceCpuMsPerVerdict = service.perProcess.reduce((sum, p) => sum + p.cpuMsPerVerdict, 0);
    const cpuBound = (cpus().length * 60_000) / serviceCpuMsPerVerdict;
    const run = {
      workers: n,
      images,
      workerConcurrency: CONFIG.workerConcurrency,
      ocrWorkersPerProcess: CONFIG.ocrWorkers,
      ceilingVerdictsPerMinute: top.verdictsPerMinute,
      ceilingBeforeAndAfter: [before.verdictsPerMinute, after.verdictsPerMinute],
      ceilingCpuPercent: top.cpuPercent,
      acceptedUploadsPerSecond: service.accepted.perSecond,
      bestVerdictsPerMinute: best,
      ratioToCeiling: best / top.verdictsPerMinute,
      ceilingCpuMsPerVerdict: ((top.cpuPercent / 100) * 60_000) / top.verdictsPerMinute,
      serviceCpuMsPerVerdict,
      cpuBoundVerdictsPerMinute: cpuBound,
      stages: service.stages,
      processes: service.perProcess,
      goals: {
        atLeast85PercentOfCeiling: best / top.verdictsPerMinute >= 0.85,
        p95UnderTwoSecondsAt80Percent: open.p95 <= 2,
        workerRssUnder600MB: workers.every((w) => (w.peakRssMB ?? 0) <= 600),
      },
    };
    runs.push(run);
    print(run);
  }
  const result = {
    machine: { cores: cpus().length, cpu: cpus()[0]?.model, node: process.version },
    documents: DOCS,
    runs,
    seconds: (performance.now() - started) / 1000,
  };
  process.stdout.write(
    `\nwritten to ${writeResult('load.json', result)} (${fmt(result.seconds)} s in all)\n`,
  );
}

function print(run: {
  workers: number;
  images: ImageStoreKind;
  ceilingVerdictsPerMinute: number;
  ceilingBeforeAndAfter: number[];
  ceilingCpuPercent: number;
  acceptedUploadsPerSecond: number;
  bestVerdictsPerMinute: number;
  ratioToCeiling: number;
  ceilingCpuMsPerVerdict: number;
  serviceCpuMsPerVerdict: number;
  cpuBoundVerdictsPerMinute: number;
  stages: Stage[];
  processes: Array<{ role: string; cpuPercent: number; cpuMsPerVerdict: number; peakRssMB?: number }>;
  goals: Record<string, boolean>;
}) {
  const out = process.stdout;
  out.write(
    `\nbench:load, ${run.workers} worker process${run.workers > 1 ? 'es' : ''}, images in ${run.images} (${cpus().length} cores)\n`,
  );
  out.write(`| stage | documents | verdicts/min | upload → verdict p50 / p95 / p99 |\n|---|---|---|---|\n`);
  for (const s of run.stages) {
    out.write(
      `| ${s.stage} | ${s.documents} | ${fmt(s.verdictsPerMinute, 1)} | ${fmt(s.p50, 2)} / ${fmt(s.p95, 2)} / ${fmt(s.p99, 2)} s |\n`,
    );
  }
  out.write(`\naccepted uploads/s (burst, 8 clients): ${fmt(run.acceptedUploadsPerSecond, 1)}\n`);
  out.write(
    `OCR-only ceiling: ${fmt(run.ceilingVerdictsPerMinute, 1)} verdicts/min (mean of ${run.ceilingBeforeAndAfter.map((c) => fmt(c, 1)).join(' before and ')} after; at ${fmt(run.ceilingCpuPercent)}% of a core); best: ${fmt(run.bestVerdictsPerMinute, 1)} = ${fmt(run.ratioToCeiling * 100)}% of it\n`,
  );
  out.write(`| process | CPU (% of a core) | CPU per verdict | peak RSS |\n|---|---|---|---|\n`);
  for (const p of run.processes)
    out.write(
      `| ${p.role} | ${fmt(p.cpuPercent)}% | ${fmt(p.cpuMsPerVerdict)} ms | ${p.peakRssMB === undefined ? '—' : `${fmt(p.peakRssMB)} MB`} |\n`,
    );
  out.write(
    `CPU per verdict: ${fmt(run.serviceCpuMsPerVerdict)} ms for the whole service and its clients, ${fmt(run.ceilingCpuMsPerVerdict)} ms for the analysis alone; with every core busy this machine's bound is ${fmt(run.cpuBoundVerdictsPerMinute, 1)} verdicts/min = ${fmt((run.cpuBoundVerdictsPerMinute / run.ceilingVerdictsPerMinute) * 100)}% of the ceiling\n`,
  );
  out.write(
    `goals: ≥ 85% of ceiling ${mark(run.goals.atLeast85PercentOfCeiling)}, p95 ≤ 2 s at 80% ${mark(run.goals.p95UnderTwoSecondsAt80Percent)}, worker RSS ≤ 600 MB ${mark(run.goals.workerRssUnder600MB)}\n`,
  );
}

const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');

main().catch((err) => {
  process.stderr.write(`bench:load failed: ${(err as Error).stack}\n`);
  process.exit(1);
});
