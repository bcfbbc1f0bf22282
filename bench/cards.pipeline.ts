/**
 * The identity cards' part of `npm run bench:pipeline` (issue 14's speed figures): a two-sided Resident ID card
 * end to end in the same process and on the same core as the MRZ documents, then the native tesseract CLI on
 * the same cards for scale.
 *
 * The cards are clean generated Resident ID cards (both sides, primary style set), cached under
 * $TMPDIR/idv-bench-cards/pipeline-<seed>-<count>. The baseline runs `tesseract <portrait side> stdout -l
 * chi_sim+eng` on the whole image, as a developer without this service would, and counts the cards whose
 * 18-character number appears in its output; it needs Debian's tesseract-ocr and tesseract-ocr-chi-sim.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DocumentAnalyser } from '@idv/analysis';
import { cardCaseSeed, generateCardCase, type CardCase } from '@idv/synthetic';
import { percentile } from './support';

export interface CardPipelineOptions {
  count: number;
  seed: number;
  /** Skip the native tesseract baseline. */
  noNative: boolean;
}

interface CardDoc {
  case: CardCase;
  front: string;
  back: string;
}

async function cachedCards(o: CardPipelineOptions): Promise<CardDoc[]> {
  const dir = path.join(os.tmpdir(), 'idv-bench-cards', `pipeline-${o.seed}-${o.count}`);
  const manifest = path.join(dir, 'cards.json');
  if (!existsSync(manifest)) {
    mkdirSync(dir, { recursive: true });
    const cases: CardCase[] = [];
    for (let i = 0; i < o.count; i++) {
      const g = await generateCardCase(cardCaseSeed(o.seed, i), {
        id: `card-${String(i).padStart(4, '0')}`,
        kind: 'cn_resident_id',
        scenario: 'clean',
      });
      writeFileSync(path.join(dir, g.case.files.front!), g.images.front!);
      writeFileSync(path.join(dir, g.case.files.back!), g.images.back!);
      cases.push(g.case);
    }
    writeFileSync(manifest, JSON.stringify(cases, null, 2) + '\n');
  }
  const cases = JSON.parse(readFileSync(manifest, 'utf8')) as CardCase[];
  return cases.map((c) => ({
    case: c,
    front: path.join(dir, c.files.front!),
    back: path.join(dir, c.files.back!),
  }));
}

const timing = (ms: number[]) => ({
  n: ms.length,
  medianMs: Math.round(percentile(ms, 50)),
  p95Ms: Math.round(percentile(ms, 95)),
});

/** Why the native baseline cannot run here, or null when tesseract with chi_sim and eng is installed. */
function nativeMissing(): string | null {
  const langs = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  if (langs.error || langs.status !== 0)
    return 'the tesseract CLI is not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim)';
  const have = `${langs.stdout}\n${langs.stderr}`.split(/\s+/);
  const missing = ['chi_sim', 'eng'].filter((l) => !have.includes(l));
  return missing.length
    ? `tesseract lacks ${missing.join(', ')} (apt-get install tesseract-ocr-chi-sim tesseract-ocr-eng)`
    : null;
}

/** The native CLI on the whole portrait side: time per image, and whether the number is in what it printed. */
function nativeBaseline(docs: CardDoc[]) {
  const ms: number[] = [];
  let exact = 0;
  for (const d of docs) {
    const started = performance.now();
    const run = spawnSync('tesseract', [d.front, 'stdout', '-l', 'chi_sim+eng'], {
      encoding: 'utf8',
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    });
    ms.push(performance.now() - started);
    const text = (run.stdout ?? '').replace(/\s+/g, '').toUpperCase();
    if (text.includes(d.case.groundTruth.fields.documentNumber!.value)) exact++;
  }
  return { ...timing(ms), numberExact: exact, numberExactPct: Math.round((1000 * exact) / docs.length) / 10 };
}

/**
 * Runs the card section on `analyser` (already warm from the MRZ documents), prints its lines and returns the
 * figures; the caller adds the process's peak RSS, which only means something once both models are warm.
 */
export async function runCardPipeline(analyser: DocumentAnalyser, o: CardPipelineOptions) {
  const docs = await cachedCards(o);
  const rows: { id: string; ms: number; cpuMs: number; verdict: string; numberExact: boolean }[] = [];
  const input = (d: CardDoc) => ({
    front: readFileSync(d.front),
    back: readFileSync(d.back),
    record: {
      ...d.case.record,
      surname: d.case.record.surname ?? '',
      givenNames: d.case.record.givenNames ?? '',
    },
    documentType: d.case.documentType,
    today: d.case.today,
  });
  // Warm-up: the first cards pay for the Han model's lazy start, which a server pays once.
  for (const d of docs.slice(0, 2)) await analyser.analyse(input(d));
  for (const d of docs) {
    const bytes = input(d);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const outcome = await analyser.analyse(bytes);
    const used = process.cpuUsage(cpu);
    rows.push({
      id: d.case.id,
      ms: performance.now() - started,
      cpuMs: (used.user + used.system) / 1000,
      verdict: outcome.verdict,
      numberExact: outcome.document.documentNumber === d.case.groundTruth.fields.documentNumber!.value,
    });
  }
  const ours = {
    ...timing(rows.map((r) => r.ms)),
    accepted: rows.filter((r) => r.verdict === 'accepted').length,
    numberExact: rows.filter((r) => r.numberExact).length,
  };
  const missing = o.noNative ? '--no-native' : nativeMissing();
  const native = missing ? null : nativeBaseline(docs);
  const lines = [
    `Resident ID card, both sides (clean, ${rows.length}): median ${ours.medianMs} ms, p95 ${ours.p95Ms} ms; accepted ${ours.accepted}/${rows.length}, number exact ${ours.numberExact}/${rows.length}`,
    native
      ? `native tesseract CLI (portrait side, whole image, chi_sim+eng): median ${native.medianMs} ms, p95 ${native.p95Ms} ms, number exact ${native.numberExact}/${native.n} (${native.numberExactPct}%)`
      : `native tesseract CLI on the cards: not run (${missing})`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return { seed: o.seed, count: o.count, residentIdCard: ours, native, nativeSkipped: missing, rows };
}
