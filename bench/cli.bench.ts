/**
 * The one-shot CLI from a built checkout (issue 16, finding 5): `node dist/apps/cli/src/main.js verify …`.
 *
 * Run: npm run bench:cli [-- --runs=N --batch=N --cli=<main.js>]
 *
 * Builds first when dist/ is missing. Then, with documents from the generator (fixed seeds): the wall time of the
 * whole process (spawn to exit) for N one-document runs (default 10) of a clean passport (TD3) and of a clean ID
 * card (TD1, front and back), and the throughput of `verify --cases` over a case set of `--batch` cases (default
 * 20): documents per second of the whole process, and of the verification alone as the command's summary reports
 * it. Each run's CPU time (user + system, every thread) is printed beside its wall time: on a shared host the wall
 * time follows the load (the 1-minute load average is printed and stored too), the CPU time much less.
 * `--cli` measures another build of the CLI (an older checkout's dist, for a before/after); the results file is
 * then left alone. Writes bench/results/cli.json.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '@idv/testing';
import { generateCase, writeSamples, type GeneratedCase } from '@idv/synthetic';
import { fmt, percentile, writeResult } from './support';

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const RUNS = Number(option('runs') ?? 10);
const BATCH = Number(option('batch') ?? 20);
const OTHER_CLI = option('cli');
const CLI = path.resolve(OTHER_CLI ?? path.join(REPO_ROOT, 'dist/apps/cli/src/main.js'));

/** Loaded into each CLI process: its CPU time (every thread) on stderr as it exits. */
const RUSAGE_PRELOAD = `process.on('exit', () => { const u = process.resourceUsage();
  process.stderr.write('\\nbench-cpu-ms=' + Math.round((u.userCPUTime + u.systemCPUTime) / 1000) + '\\n'); });`;

interface Run {
  wallMs: number;
  cpuMs: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI once; wall time from spawn to exit. */
function runCli(preload: string, cliArgs: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['-r', preload, CLI, ...cliArgs], {
      cwd: REPO_ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.once('error', reject);
    child.once('exit', (code) => {
      const wallMs = performance.now() - started;
      const cpuMs = Number(/bench-cpu-ms=(\d+)/.exec(stderr)?.[1] ?? NaN);
      resolve({ wallMs, cpuMs, code, stdout, stderr });
    });
  });
}

/** The first clean case of the generator with this MRZ format, written as an image pair and a record file. */
async function cleanDocument(dir: string, format: 'TD3' | 'TD1'): Promise<{ args: string[]; id: string }> {
  const documentType = format === 'TD3' ? 'passport' : 'id_card';
  let found: GeneratedCase | undefined;
  for (let seed = 1; !found; seed++) {
    const c = await generateCase(seed, { scenario: 'clean', documentType });
    if (c.case.format === format) found = c;
  }
  const { case: c, images } = found;
  const file = (name: string) => path.join(dir, `${format}-${name}`);
  writeFileSync(file('front.png'), images.front);
  if (images.back) writeFileSync(file('back.png'), images.back);
  writeFileSync(file('record.json'), JSON.stringify(c.record));
  return {
    id: c.id,
    args: [
      'verify',
      '--front',
      file('front.png'),
      ...(images.back ? ['--back', file('back.png')] : []),
      '--record',
      file('record.json'),
      '--today',
      c.today,
    ],
  };
}

async function oneDocument(preload: string, name: string, doc: { args: string[]; id: string }) {
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await runCli(preload, doc.args);
    const verdict = (JSON.parse(run.stdout || '{}') as { verdict?: string }).verdict;
    if (run.code !== 0 || verdict !== 'accepted')
      throw new Error(`${name} run ${i}: exit ${run.code}, verdict ${verdict}\n${run.stderr}`);
    runs.push(run);
    process.stdout.write(`  ${name} run ${i + 1}: ${fmt(run.wallMs)} ms wall, ${fmt(run.cpuMs)} ms CPU\n`);
  }
  const wall = runs.map((r) => r.wallMs);
  const cpu = runs.map((r) => r.cpuMs);
  return {
    case: doc.id,
    runs: RUNS,
    wallMedianMs: Math.round(percentile(wall, 50)),
    wallMinMs: Math.round(Math.min(...wall)),
    wallMaxMs: Math.round(Math.max(...wall)),
    cpuMedianMs: Math.round(percentile(cpu, 50)),
    wallMs: wall.map(Math.round),
    cpuMs: cpu,
  };
}

/** `verify --cases` over a generated case set of {@link BATCH} cases: the whole process, and as it reports. */
async function batchThroughput(preload: string, setDir: string) {
  await writeSamples({ outDir: setDir, count: BATCH, seed: 16 });
  const run = await runCli(preload, ['verify', '--cases', path.join(setDir, 'cases.json')]);
  if (run.code !== 0) throw new Error(`verify --cases: exit ${run.code}\n${run.stderr}`);
  const summary =
    /(\d+) cases in ([\d.]+) s \(([\d.]+) documents\/s\): (\d+) of (\d+) verdicts as expected/.exec(
      run.stderr,
    );
  return {
    cases: BATCH,
    wallMs: Math.round(run.wallMs),
    cpuMs: run.cpuMs,
    documentsPerSecond: Math.round((BATCH / (run.wallMs / 1000)) * 100) / 100,
    documentsPerSecondVerifying: summary ? Number(summary[3]) : null,
    asExpected: summary ? `${summary[4]} of ${summary[5]}` : null,
  };
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) {
    process.stdout.write('dist/ is missing: npm run build ...\n');
    const built = spawnSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build failed');
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'idv-bench-cli-'));
  try {
    const preload = path.join(dir, 'rusage.js');
    writeFileSync(preload, RUSAGE_PRELOAD);
    const loadBefore = os.loadavg()[0];
    const passport = await oneDocument(preload, 'passport (TD3)', await cleanDocument(dir, 'TD3'));
    const card = await oneDocument(preload, 'ID card (TD1, two sides)', await cleanDocument(dir, 'TD1'));

    const batch = BATCH > 0 ? await batchThroughput(preload, path.join(dir, 'set')) : null;
    const loadAfter = os.loadavg()[0];
    const result = {
      date: new Date().toISOString(),
      cli: path.relative(REPO_ROOT, CLI),
      host: {
        cpus: os.cpus().length,
        node: process.version,
        loadAverage1m: { before: loadBefore, after: loadAfter },
      },
      passport,
      card,
      batch,
    };
    const file = OTHER_CLI ? '(not written: --cli)' : writeResult('cli.json', result);
    process.stdout.write(
      [
        '',
        `one document, median of ${RUNS} runs of the whole process (wall / CPU):`,
        `  clean passport (TD3):            ${fmt(passport.wallMedianMs)} ms / ${fmt(passport.cpuMedianMs)} ms (wall ${passport.wallMinMs}–${passport.wallMaxMs})`,
        `  clean ID card (TD1, two sides):  ${fmt(card.wallMedianMs)} ms / ${fmt(card.cpuMedianMs)} ms (wall ${card.wallMinMs}–${card.wallMaxMs})`,
        batch
          ? `batch, verify --cases over ${BATCH} cases: ${batch.documentsPerSecond} documents/s for the whole ` +
            `process (${fmt(batch.wallMs)} ms wall, ${fmt(batch.cpuMs)} ms CPU), ` +
            `${batch.documentsPerSecondVerifying} documents/s once started; verdicts as expected: ${batch.asExpected}`
          : 'batch: not measured (--batch=0)',
        `load average (1 min) before / after: ${loadBefore.toFixed(1)} / ${loadAfter.toFixed(1)} on ${os.cpus().length} CPUs`,
        `written to ${file}`,
        '',
      ].join('\n'),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
