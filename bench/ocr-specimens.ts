/**
 * MRZ accuracy and speed on the real specimen corpus.
 * Run: node -r @swc-node/register -r tsconfig-paths/register bench/ocr-specimens.ts [--only=substr] [--no-native] [--no-lstm]
 * Prints per specimen (file, format, lines exact?, document number / birth / expiry right?, ms) and totals for
 * our pipeline with the eng legacy model and with the tesseractMRZ LSTM model, plus the native tesseract CLI on
 * the whole image when installed. Writes bench/results/ocr-specimens.json.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'mrz';
import { parseMrz } from '@idv/mrz';
import { mrzFromText, MrzModel, OcrEngine } from '@idv/ocr';

const corpus = process.env.IDV_CORPUS_DIR ?? path.resolve(__dirname, '../../shared/corpus');
const specimens = path.join(corpus, 'specimens');
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice(7);
const charHeight = Number(args.find((a) => a.startsWith('--char-height='))?.slice(14) ?? NaN);
const reader = Number.isFinite(charHeight) ? { charHeight } : {};

interface Spec {
  file: string;
  mrz_format: string;
  ground_truth: {
    mrz_lines?: string[];
    document_number?: string;
    birth_date_mrz?: string;
    expiry_date_mrz?: string;
  };
}
interface Row {
  file: string;
  format: string;
  linesExact: boolean;
  docnum: boolean;
  dob: boolean;
  expiry: boolean;
  valid: boolean;
  ms: number;
  cpuMs?: number;
  attempts?: number;
  lines: string[];
}

function fieldsOf(lines: string[]): { doc: string | null; dob: string | null; exp: string | null } {
  if (lines.length === 0) return { doc: null, dob: null, exp: null };
  const r = parseMrz(lines);
  if (r.format)
    return { doc: r.fields.documentNumber, dob: r.fields.dateOfBirthMrz, exp: r.fields.expiryDateMrz };
  try {
    // The pre-2021 French national ID is not ICAO; the mrz package reads it.
    const f = parse(lines);
    return {
      doc: f.documentNumber ?? f.fields.documentNumber ?? null,
      dob: f.fields.birthDate ?? null,
      exp: null,
    };
  } catch {
    return { doc: null, dob: null, exp: null };
  }
}

function score(spec: Spec, lines: string[], valid: boolean, ms: number): Row {
  const gt = spec.ground_truth;
  const f = fieldsOf(lines);
  return {
    file: spec.file,
    format: spec.mrz_format,
    linesExact: lines.length > 0 && lines.join('\n') === (gt.mrz_lines ?? []).join('\n'),
    docnum: !!f.doc && f.doc.replace(/[<\s]/g, '') === gt.document_number,
    dob: !!f.dob && f.dob === gt.birth_date_mrz,
    // The French national ID has no expiry in its MRZ (null in the ground truth).
    expiry: lines.length > 0 && (f.exp ?? null) === (gt.expiry_date_mrz ?? null),
    valid,
    ms,
    lines,
  };
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : 0;
}

function totals(rows: Row[]) {
  const withMrz = rows.filter((r) => r.format !== 'none');
  const pct = (n: number) => Math.round((1000 * n) / withMrz.length) / 10;
  return {
    images: withMrz.length,
    fieldsRightPct: pct(withMrz.filter((r) => r.docnum && r.dob && r.expiry).length),
    linesExactPct: pct(withMrz.filter((r) => r.linesExact).length),
    validPct: pct(withMrz.filter((r) => r.valid).length),
    medianMs: Math.round(
      quantile(
        rows.map((r) => r.ms),
        0.5,
      ),
    ),
    p95Ms: Math.round(
      quantile(
        rows.map((r) => r.ms),
        0.95,
      ),
    ),
    medianCpuMs: Math.round(
      quantile(
        rows.map((r) => r.cpuMs ?? r.ms),
        0.5,
      ),
    ),
    p95CpuMs: Math.round(
      quantile(
        rows.map((r) => r.cpuMs ?? r.ms),
        0.95,
      ),
    ),
  };
}

function print(title: string, rows: Row[]): ReturnType<typeof totals> {
  console.log(`\n## ${title}`);
  console.log(
    'file'.padEnd(34),
    'format'.padEnd(18),
    'lines',
    'doc',
    'dob',
    'exp',
    '    ms',
    ' cpu ms',
    'ocr',
  );
  const yn = (b: boolean) => (b ? ' ok ' : ' -- ');
  for (const r of rows) {
    console.log(
      r.file.padEnd(34),
      r.format.padEnd(18),
      yn(r.linesExact),
      yn(r.docnum),
      yn(r.dob),
      yn(r.expiry),
      String(Math.round(r.ms)).padStart(6),
      String(Math.round(r.cpuMs ?? r.ms)).padStart(7),
      String(r.attempts ?? '').padStart(3),
      r.linesExact ? '' : r.lines.join('|'),
    );
  }
  const t = totals(rows);
  console.log(
    `TOTAL ${title}: fields right ${t.fieldsRightPct}%, lines exact ${t.linesExactPct}%, check digits valid ${t.validPct}% of ${t.images}; wall median ${t.medianMs} ms, p95 ${t.p95Ms} ms; cpu median ${t.medianCpuMs} ms, p95 ${t.p95CpuMs} ms`,
  );
  return t;
}

async function runEngine(specs: Spec[], model: MrzModel): Promise<Row[]> {
  const engine = new OcrEngine({ mrzWorkers: 1, mrzModel: model, reader });
  await engine.warmUp();
  const rows: Row[] = [];
  try {
    for (const spec of specs) {
      const image = fs.readFileSync(path.join(specimens, spec.file));
      // CPU time of the process (all threads, tesseract's worker included): the one-core cost, which unlike
      // wall time does not depend on what else the machine is running.
      const cpu = process.cpuUsage();
      const read = await engine.readMrz(image);
      const used = process.cpuUsage(cpu);
      rows.push({
        ...score(spec, read.lines, read.valid, read.ms),
        cpuMs: (used.user + used.system) / 1000,
        attempts: read.attempts,
      });
    }
  } finally {
    await engine.terminate();
  }
  return rows;
}

function runNative(specs: Spec[], extra: string[]): Row[] {
  return specs.map((spec) => {
    const t = performance.now();
    const out = spawnSync('tesseract', [path.join(specimens, spec.file), 'stdout', ...extra], {
      encoding: 'utf8',
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    });
    const read = mrzFromText(out.stdout ?? '');
    return score(spec, read.lines, read.valid, performance.now() - t);
  });
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(specimens, 'manifest.json'))) {
    console.log(`corpus not found at ${corpus} (set IDV_CORPUS_DIR); nothing to measure`);
    return;
  }
  const manifest: Spec[] = JSON.parse(fs.readFileSync(path.join(specimens, 'manifest.json'), 'utf8'));
  const specs = manifest.filter((s) => !only || s.file.includes(only));
  const results: Record<string, unknown> = { date: new Date().toISOString(), corpus, node: process.version };

  if (!args.includes('--no-legacy')) {
    const legacy = await runEngine(specs, { kind: 'eng-legacy' });
    results.engLegacy = { totals: print('@idv/ocr, eng 4.0.0 legacy', legacy), rows: legacy };
  }

  const mrzModelDir = path.join(corpus, 'tessdata');
  if (!args.includes('--no-lstm') && fs.existsSync(path.join(mrzModelDir, 'mrz.traineddata'))) {
    const lstm = await runEngine(specs, { kind: 'lstm', dir: mrzModelDir, lang: 'mrz' });
    results.mrzLstm = { totals: print('@idv/ocr, tesseractMRZ mrz.traineddata (LSTM)', lstm), rows: lstm };
  }

  let nativeAvailable = false;
  try {
    execFileSync('tesseract', ['--version'], { stdio: 'ignore' });
    nativeAvailable = true;
  } catch {
    console.log('\nnative tesseract CLI not installed: no baseline');
  }
  if (nativeAvailable && !args.includes('--no-native')) {
    const def = runNative(specs, []);
    results.nativeDefault = {
      totals: print('native tesseract CLI, whole image, eng default', def),
      rows: def,
    };
    const mrz = runNative(specs, ['--tessdata-dir', mrzModelDir, '-l', 'mrz']);
    results.nativeMrz = {
      totals: print('native tesseract CLI, whole image, mrz.traineddata', mrz),
      rows: mrz,
    };
  }
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'results', 'ocr-specimens.json'), JSON.stringify(results, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
