/**
 * Per-document time of the whole pipeline (decode, quality, OCR, compare, verdict) on one core.
 *
 * Run: npm run bench:pipeline [-- --count=N --seed=S --no-native --no-cards --card-count=N]
 *
 * The set is fixed: N generated cases (default 40, every scenario, fixed seed) plus every specimen of
 * $IDV_CORPUS_DIR/specimens. The process pins itself to one CPU with `taskset` when it can (and says so),
 * with one OCR worker and one libvips thread, and analyses the documents one after another after a warm-up.
 * When the native `tesseract` CLI is installed, the same images go through it on the whole image with the
 * corpus's mrz.traineddata (`--psm 6`) as a baseline. Then two-sided Resident ID cards in the same process
 * (bench/cards.pipeline.ts, with the native CLI's chi_sim+eng on them), and the process's peak RSS with both the
 * MRZ and the Han models warm. Writes bench/results/pipeline.json and bench/results/cards-pipeline.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { DocumentAnalyser } from '@idv/analysis';
import { mrzFromText } from '@idv/ocr';
import { tuneGarbageCollection } from '@idv/platform';
import { writeSamples, type CaseSetManifest } from '@idv/synthetic';
import { runCardPipeline } from './cards.pipeline';
import { writeResult } from './support';

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const COUNT = Number(option('count') ?? 40);
const SEED = Number(option('seed') ?? 424242);
const corpus = process.env.IDV_CORPUS_DIR ?? path.resolve(__dirname, '../../shared/corpus');

/** Re-runs this script under `taskset -c 0` once, so every thread (libvips, tesseract) shares one core. */
function pinToOneCore(): boolean {
  if (process.env.IDV_BENCH_PINNED) return true;
  const probe = spawnSync('taskset', ['--version']);
  if (probe.status !== 0) return false;
  const run = spawnSync('taskset', ['-c', '0', process.execPath, ...process.execArgv, __filename, ...args], {
    stdio: 'inherit',
    env: { ...process.env, IDV_BENCH_PINNED: '1', UV_THREADPOOL_SIZE: '1' },
  });
  process.exit(run.status ?? 1);
}

interface Doc {
  id: string;
  front: Buffer;
  back?: Buffer;
  record: { surname: string; givenNames: string; dateOfBirth: string; nationality: string };
  today: string;
  /** Path of the image holding the MRZ, for the native baseline. */
  mrzImage: string;
}

async function documents(): Promise<Doc[]> {
  const dir = path.join(os.tmpdir(), 'idv-bench-cases', `pipeline-${SEED}-${COUNT}`);
  if (!existsSync(path.join(dir, 'cases.json')))
    await writeSamples({ outDir: dir, count: COUNT, seed: SEED });
  const manifest = JSON.parse(readFileSync(path.join(dir, 'cases.json'), 'utf8')) as CaseSetManifest;
  const docs: Doc[] = manifest.cases.map((c) => ({
    id: c.id,
    front: readFileSync(path.join(dir, c.files.front)),
    back: c.files.back ? readFileSync(path.join(dir, c.files.back)) : undefined,
    record: c.record,
    today: c.today,
    mrzImage: path.join(dir, c.files.back ?? c.files.front),
  }));
  const specimens = path.join(corpus, 'specimens');
  if (!existsSync(path.join(specimens, 'manifest.json'))) {
    process.stdout.write(`corpus not found at ${corpus} (set IDV_CORPUS_DIR): specimens skipped\n`);
    return docs;
  }
  const list = JSON.parse(readFileSync(path.join(specimens, 'manifest.json'), 'utf8')) as {
    file: string;
    ground_truth?: Record<string, string>;
  }[];
  for (const s of list) {
    const g = s.ground_truth ?? {};
    docs.push({
      id: s.file,
      front: readFileSync(path.join(specimens, s.file)),
      record: {
        surname: g.surname ?? 'UNKNOWN',
        givenNames: g.given_names ?? '',
        dateOfBirth: g.birth_date ?? '1970-01-01',
        nationality: g.nationality ?? 'XXX',
      },
      today: '2010-01-01',
      mrzImage: path.join(specimens, s.file),
    });
  }
  return docs;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const summary = (ms: number[]) => ({
  n: ms.length,
  medianMs: Math.round(percentile(ms, 50)),
  p95Ms: Math.round(percentile(ms, 95)),
  meanMs: Math.round(ms.reduce((a, b) => a + b, 0) / Math.max(1, ms.length)),
});

/** The native CLI on the whole image, as PassportEye-style tools run it; timed per image, MRZ scored. */
function nativeBaseline(docs: Doc[]) {
  const tessdata = path.join(corpus, 'tessdata');
  if (
    spawnSync('tesseract', ['--version']).status !== 0 ||
    !existsSync(path.join(tessdata, 'mrz.traineddata'))
  )
    return null;
  const ms: number[] = [];
  let valid = 0;
  for (const d of docs) {
    const started = performance.now();
    const run = spawnSync(
      'tesseract',
      [d.mrzImage, 'stdout', '--tessdata-dir', tessdata, '-l', 'mrz', '--psm', '6'],
      {
        encoding: 'utf8',
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      },
    );
    ms.push(performance.now() - started);
    if (mrzFromText(run.stdout ?? '').valid) valid++;
  }
  return { ...summary(ms), validMrz: valid };
}

async function main(): Promise<void> {
  // The worker process runs with this setting (runMain): measure the analysis as it runs there.
  tuneGarbageCollection();
  const pinned = pinToOneCore();
  sharp.concurrency(1);
  const docs = await documents();
  const analyser = await DocumentAnalyser.create({ ocrOptions: { mrzWorkers: 1, visualZoneWorkers: 1 } });
  const rows: { id: string; ms: number; cpuMs: number; verdict: string; stages: Record<string, number> }[] =
    [];
  let cards: Awaited<ReturnType<typeof runCardPipeline>> | null = null;
  try {
    // Warm-up: the first documents pay for lazy initialisation (VIZ worker, JIT), which a server pays once.
    for (const d of docs.slice(0, 2)) await analyser.analyse({ ...d });
    for (const d of docs) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      const outcome = await analyser.analyse({
        front: d.front,
        back: d.back,
        record: d.record,
        today: d.today,
      });
      const used = process.cpuUsage(cpu);
      const { total: _total, ...stages } = outcome.timings;
      rows.push({
        id: d.id,
        ms: performance.now() - started,
        cpuMs: (used.user + used.system) / 1000,
        verdict: outcome.verdict,
        stages: stages as Record<string, number>,
      });
    }
    if (!args.includes('--no-cards'))
      cards = await runCardPipeline(analyser, {
        count: Number(option('card-count') ?? 20),
        seed: SEED,
        noNative: args.includes('--no-native'),
      });
  } finally {
    await analyser.close();
  }
  // Kilobytes on Linux; with the cards run, both the MRZ and the Han models have been warm in this process.
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const ours = summary(rows.map((r) => r.ms));
  const generated = summary(rows.filter((r) => !r.id.includes('.')).map((r) => r.ms));
  const specimens = summary(rows.filter((r) => r.id.includes('.')).map((r) => r.ms));
  const native = args.includes('--no-native') ? null : nativeBaseline(docs);
  const lines = [
    `pinned to one core: ${pinned ? 'yes (taskset -c 0)' : 'no (taskset missing)'}; documents: ${rows.length}`,
    `pipeline, all:        median ${ours.medianMs} ms, p95 ${ours.p95Ms} ms, mean ${ours.meanMs} ms`,
    `pipeline, generated:  median ${generated.medianMs} ms, p95 ${generated.p95Ms} ms (${generated.n})`,
    `pipeline, specimens:  median ${specimens.medianMs} ms, p95 ${specimens.p95Ms} ms (${specimens.n})`,
    native
      ? `native tesseract CLI (whole image, mrz.traineddata, psm 6): median ${native.medianMs} ms, p95 ${native.p95Ms} ms, valid MRZ on ${native.validMrz}/${native.n}`
      : 'native tesseract CLI: not run (not installed, model missing or --no-native)',
    `peak RSS of this process: ${peakRssMb} MB (${cards ? 'MRZ and Han models warm' : 'MRZ documents only'})`,
    'slowest:',
    ...[...rows]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 8)
      .map((r) => `  ${r.id.padEnd(34)} ${Math.round(r.ms)} ms ${r.verdict} ${JSON.stringify(r.stages)}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const outDir = path.resolve(__dirname, 'results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(
    path.join(outDir, 'pipeline.json'),
    JSON.stringify(
      {
        date: new Date().toISOString(),
        pinned,
        seed: SEED,
        count: COUNT,
        ours,
        generated,
        specimens,
        native,
        peakRssMb,
        rows,
      },
      null,
      2,
    ) + '\n',
  );
  if (cards)
    writeResult('cards-pipeline.json', { date: new Date().toISOString(), pinned, peakRssMb, ...cards });
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
