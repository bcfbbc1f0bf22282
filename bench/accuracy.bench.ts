/**
 * Verdict accuracy of the document pipeline (issue 3's figures, issue 16's holdout set and false-fraud rate).
 *
 * Run: npm run bench:accuracy [-- --set=primary|holdout|both --count=N --seed=S --holdout-count=N
 *        --holdout-seed=S --no-specimens --no-generated --only=substr --mrz-font=FACE]
 *        [--cards (the identity cards only) | --no-cards] [--card-count=N --card-seed=S]
 *
 * - Generated cases (`@idv/synthetic`), two independent sets, each its own column: `primary` (fixed seed, every
 *   scenario and defect; the set the service is tuned on, its figures comparable with the README's) and
 *   `holdout` (other layouts, MRZ faces, names with diacritics in every field, phone photos; never calibrated
 *   on, it shows whether a change generalises). The expected verdict is the generator's. Each set is cached
 *   under $TMPDIR/idv-bench-cases/ so reruns skip rendering.
 *   `--mrz-font=FACE` prints the primary set's MRZ in another face (one of `MRZ_FONT_FAMILIES`; its own cache):
 *   the way to calibrate on faces other than OCR-B without looking at the holdout set.
 * - Real specimens ($IDV_CORPUS_DIR/specimens, default ../shared/corpus): the record is built from the ground
 *   truth and `today` is the day before the document's expiry, so a correct reading is `accepted`; specimens
 *   whose printed check digits are wrong should be `rejected`, the payment card `unsupported`, and a specimen
 *   whose document spans fewer pixels than `IDV_MIN_DOCUMENT_PIXELS` (default 300) `unreadable` (refused as too
 *   small to keep as evidence; left out of the reading figures).
 * - False-fraud rate: genuine documents (an MRZ whose check digits hold) called `rejected`, over both sets and the
 *   specimens. The target is 0.
 *
 * - Chinese and Hong Kong identity cards (bench/cards.accuracy.ts): the primary and holdout style sets side by
 *   side, written to bench/results/cards-accuracy.json.
 *
 * Prints a table per expected verdict (count, correct, what the misses became) and the figures per set; writes
 * bench/results/accuracy.json.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { DocumentAnalyser, type AnalysisOutcome, type RegistrationRecord } from '@idv/analysis';
import { QUALITY_THRESHOLDS, withMinDocumentPixels } from '@idv/quality';
import { writeSamples, type CaseSetManifest, type SampleCase } from '@idv/synthetic';
import { runCardAccuracy } from './cards.accuracy';

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const flag = (name: string) => args.includes(`--${name}`);
const COUNT = Number(option('count') ?? 320);
const SEED = Number(option('seed') ?? 20251125);
const HOLDOUT_COUNT = Number(option('holdout-count') ?? 200);
const HOLDOUT_SEED = Number(option('holdout-seed') ?? 20261206);
const SET = option('set') ?? 'both';
if (!['primary', 'holdout', 'both'].includes(SET)) throw new Error(`--set must be primary, holdout or both`);
const ONLY = option('only');
const PRIMARY_MRZ_FONT = option('mrz-font');
const CARDS_ONLY = flag('cards');
const corpus = process.env.IDV_CORPUS_DIR ?? path.resolve(__dirname, '../../shared/corpus');
/** The service's floor for a document's longer side, as `IDV_MIN_DOCUMENT_PIXELS` sets it. */
const THRESHOLDS = withMinDocumentPixels(
  Number(process.env.IDV_MIN_DOCUMENT_PIXELS ?? QUALITY_THRESHOLDS.resolution.minDocumentPixels),
);

/** A generated set: its name (the column), seed and size. */
interface GeneratedSet {
  name: 'primary' | 'holdout';
  seed: number;
  count: number;
}

const GENERATED_SETS: GeneratedSet[] = [
  { name: 'primary' as const, seed: SEED, count: COUNT },
  { name: 'holdout' as const, seed: HOLDOUT_SEED, count: HOLDOUT_COUNT },
].filter((set) => SET === 'both' || SET === set.name);

interface Row {
  source: 'generated' | 'specimen';
  /** The column: a generated set, or the specimens. */
  set: GeneratedSet['name'] | 'specimens';
  /** The MRZ's check digits really hold (a document that must never be called `rejected`). */
  genuine: boolean;
  /** Clean generated cases whose record has a one-letter typo in a name: the field it is in. */
  nameTypoField?: string;
  format?: string;
  mrzFont?: string;
  id: string;
  variant: string;
  expected: string;
  verdict: string;
  reasons: string[];
  ms: number;
  /** Generated clean cases and specimens: the MRZ lines read exactly. */
  linesExact?: boolean;
  /** Specimens: document number, birth and expiry dates all right. */
  fieldsRight?: boolean;
}

interface Specimen {
  file: string;
  mrz_format: string;
  document_kind: string;
  mrz_check_digits_valid: boolean | null;
  ground_truth?: {
    mrz_lines?: string[];
    surname?: string;
    given_names?: string;
    document_number?: string;
    nationality?: string;
    birth_date?: string;
    expiry_date?: string | null;
    birth_date_mrz?: string;
    expiry_date_mrz?: string;
    sex?: string;
  };
}

async function cachedCases(set: GeneratedSet): Promise<{ dir: string; cases: SampleCase[] }> {
  // The primary set keeps its old cache folder name: caches made before the holdout set existed stay valid.
  const face = PRIMARY_MRZ_FONT ? `-${PRIMARY_MRZ_FONT.replace(/\W+/g, '_')}` : '';
  const folder =
    set.name === 'primary' ? `${set.seed}-${set.count}${face}` : `holdout-${set.seed}-${set.count}`;
  const dir = path.join(os.tmpdir(), 'idv-bench-cases', folder);
  const manifest = path.join(dir, 'cases.json');
  if (!existsSync(manifest)) {
    process.stdout.write(`generating ${set.count} ${set.name} cases (seed ${set.seed}) into ${dir} ...\n`);
    await writeSamples({
      outDir: dir,
      count: set.count,
      seed: set.seed,
      ...(set.name === 'holdout' ? { styleSet: 'holdout' as const } : {}),
      ...(set.name === 'primary' && PRIMARY_MRZ_FONT ? { mrzFont: PRIMARY_MRZ_FONT } : {}),
    });
  }
  return { dir, cases: (JSON.parse(readFileSync(manifest, 'utf8')) as CaseSetManifest).cases };
}

/** A set's misses by the MRZ's face (of the documents printed in it) and by the first reason given. */
function missBreakdown(of: Row[]): string {
  const count = (key: (r: Row) => string, among: Row[]) =>
    among.reduce((m, r) => m.set(key(r), (m.get(key(r)) ?? 0) + 1), new Map<string, number>());
  const missed = of.filter((r) => r.verdict !== r.expected);
  const faces = count(
    (r) => r.mrzFont ?? 'OCR B',
    of.filter((r) => r.format),
  );
  const missedFaces = count(
    (r) => r.mrzFont ?? 'OCR B',
    missed.filter((r) => r.format),
  );
  const byFace = [...faces]
    .map(([face, n]) => [face, missedFaces.get(face) ?? 0, n] as const)
    .sort((a, b) => b[1] - a[1])
    .map(([face, m, n]) => `${face} ${m} of ${n}`);
  const byReason = [...count((r) => (r.reasons[0] ?? 'none').split(':')[0], missed)]
    .sort((a, b) => b[1] - a[1])
    .map(([reason, n]) => `${reason} ${n}`);
  return `misses by MRZ face: ${byFace.join(', ')}\nmisses by first reason: ${byReason.join(', ')}\n`;
}

const sameLines = (a: string[], b: string[] | undefined) =>
  !!b && a.length === b.length && a.every((l, i) => l === b[i]);

/** The name field of a clean case whose record has a one-letter typo in it (`mismatch-surname-typo`). */
const nameTypoField = (c: SampleCase) => /^mismatch-(surname|givenNames)-typo$/.exec(c.variant)?.[1];

async function runGenerated(analyser: DocumentAnalyser, rows: Row[], set: GeneratedSet): Promise<void> {
  const { dir, cases } = await cachedCases(set);
  for (const c of cases) {
    if (ONLY && !c.id.includes(ONLY) && !c.variant.includes(ONLY)) continue;
    const front = readFileSync(path.join(dir, c.files.front));
    const back = c.files.back ? readFileSync(path.join(dir, c.files.back)) : undefined;
    const started = performance.now();
    const outcome = await analyser.analyse({ front, back, record: c.record, today: c.today });
    const typoField = nameTypoField(c);
    rows.push({
      source: 'generated',
      set: set.name,
      genuine: c.format !== 'none' && c.groundTruth.mrzValid,
      format: c.format,
      ...(c.mrzFont ? { mrzFont: c.mrzFont } : {}),
      ...(typoField ? { nameTypoField: typoField } : {}),
      id: c.id,
      variant: c.variant,
      expected: c.expectedVerdict,
      verdict: outcome.verdict,
      reasons: outcome.reasons.map((r) => (r.field ? `${r.code}:${r.field}` : r.code)),
      ms: performance.now() - started,
      ...(c.scenario === 'clean'
        ? { linesExact: sameLines(outcome.checks.mrz.lines, c.groundTruth.mrzLines) }
        : {}),
    });
    progress(rows);
  }
}

/** The day before `iso`, so that a document read correctly is not expired. */
function dayBefore(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * A specimen whose MRZ holds no expiry date (the pre-2021 French ID card) is judged a year after its issue,
 * which its document number states (YYMM first), so that a correct reading is `accepted` there too.
 */
function dayAfterIssue(s: Specimen): string | null {
  const issued = /^(\d{2})(\d{2})/.exec(s.ground_truth?.document_number ?? '');
  if (s.mrz_format !== 'FRENCH_NATIONAL_ID' || !issued) return null;
  const year = Number(issued[1]) >= 88 ? 1900 + Number(issued[1]) : 2000 + Number(issued[1]);
  return `${year + 1}-${issued[2]}-15`;
}

/**
 * `tooSmall`: the specimen's document spans fewer pixels than the floor. The specimens are crops of one document,
 * so its span is the image's longer side; the service must refuse it (`unreadable`, IMAGE_LOW_RESOLUTION).
 */
function specimenExpectation(s: Specimen, tooSmall: boolean): string {
  if (tooSmall) return 'unreadable';
  if (s.mrz_format === 'none') return 'unsupported';
  return s.mrz_check_digits_valid === false ? 'rejected' : 'accepted';
}

function specimenRecord(s: Specimen): RegistrationRecord {
  const g = s.ground_truth ?? {};
  return {
    surname: g.surname ?? 'UNKNOWN',
    givenNames: g.given_names ?? '',
    dateOfBirth: g.birth_date ?? '1970-01-01',
    nationality: g.nationality ?? 'XXX',
    ...(g.sex === 'M' || g.sex === 'F' ? { sex: g.sex } : {}),
    ...(g.document_number ? { documentNumber: g.document_number } : {}),
  };
}

const yymmdd = (iso: string | null) => (iso ? iso.slice(2).replace(/-/g, '') : null);

function fieldsRight(s: Specimen, o: AnalysisOutcome): boolean {
  const g = s.ground_truth ?? {};
  const number = (o.document.documentNumber ?? '').replace(/</g, '');
  return (
    number === (g.document_number ?? '') &&
    yymmdd(o.document.dateOfBirth) === (g.birth_date_mrz ?? null) &&
    (g.expiry_date_mrz ? yymmdd(o.document.expiryDate) === g.expiry_date_mrz : true)
  );
}

async function runSpecimens(analyser: DocumentAnalyser, rows: Row[]): Promise<number> {
  const manifestPath = path.join(corpus, 'specimens', 'manifest.json');
  if (!existsSync(manifestPath)) {
    process.stdout.write(`corpus not found at ${corpus} (set IDV_CORPUS_DIR): specimens skipped\n`);
    return 0;
  }
  const specimens = JSON.parse(readFileSync(manifestPath, 'utf8')) as Specimen[];
  let n = 0;
  for (const s of specimens) {
    if (ONLY && !s.file.includes(ONLY)) continue;
    const front = readFileSync(path.join(corpus, 'specimens', s.file));
    const { width = 0, height = 0 } = await sharp(front).metadata();
    const tooSmall = Math.max(width, height) < THRESHOLDS.resolution.minDocumentPixels;
    const expiry = s.ground_truth?.expiry_date;
    const today = expiry ? dayBefore(expiry) : (dayAfterIssue(s) ?? '2020-01-01');
    const started = performance.now();
    const outcome = await analyser.analyse({ front, record: specimenRecord(s), today });
    const hasTruth = (s.ground_truth?.mrz_lines?.length ?? 0) > 0 && !tooSmall;
    rows.push({
      source: 'specimen',
      set: 'specimens',
      genuine: s.mrz_format !== 'none' && s.mrz_check_digits_valid !== false,
      format: s.mrz_format,
      id: s.file,
      variant: `specimen-${s.mrz_format}${tooSmall ? '-too-small' : ''}`,
      expected: specimenExpectation(s, tooSmall),
      verdict: outcome.verdict,
      reasons: outcome.reasons.map((r) => (r.field ? `${r.code}:${r.field}` : r.code)),
      ms: performance.now() - started,
      ...(hasTruth
        ? {
            linesExact: sameLines(outcome.checks.mrz.lines, s.ground_truth?.mrz_lines),
            fieldsRight: fieldsRight(s, outcome),
          }
        : {}),
    });
    n++;
    progress(rows);
  }
  return n;
}

function progress(rows: Row[]): void {
  if (rows.length % 25 === 0) process.stderr.write(`  ${rows.length} done\n`);
}

const pct = (n: number, d: number) => (d === 0 ? null : Math.round((1000 * n) / d) / 10);

function summarise(rows: Row[]) {
  const correct = rows.filter((r) => r.verdict === r.expected).length;
  const negatives = rows.filter((r) => ['unreadable', 'mismatch', 'expired'].includes(r.expected));
  const falseAccepts = negatives.filter((r) => r.verdict === 'accepted');
  const anyWrongAccept = rows.filter((r) => r.expected !== 'accepted' && r.verdict === 'accepted');
  const unreadable = rows.filter((r) => r.expected === 'unreadable');
  const mild = rows.filter((r) => r.source === 'generated' && r.variant.startsWith('mild-'));
  const clean = rows.filter((r) => r.source === 'generated' && r.linesExact !== undefined);
  const specimens = rows.filter((r) => r.source === 'specimen' && r.fieldsRight !== undefined);
  const generated = rows.filter((r) => r.source === 'generated');
  return {
    cases: rows.length,
    verdictAccuracyPct: pct(correct, rows.length),
    generatedAccuracyPct: pct(generated.filter((r) => r.verdict === r.expected).length, generated.length),
    falseAccepts: falseAccepts.length,
    acceptedWhenNotExpected: anyWrongAccept.length,
    unreadableRecallPct: pct(unreadable.filter((r) => r.verdict === 'unreadable').length, unreadable.length),
    mildWronglyUnreadablePct: pct(mild.filter((r) => r.verdict === 'unreadable').length, mild.length),
    mildCases: mild.length,
    cleanMrzExactPct: pct(clean.filter((r) => r.linesExact).length, clean.length),
    cleanCases: clean.length,
    specimens: specimens.length,
    specimenFieldsRightPct: pct(specimens.filter((r) => r.fieldsRight).length, specimens.length),
    specimenLinesExactPct: pct(specimens.filter((r) => r.linesExact).length, specimens.length),
    falseAcceptIds: anyWrongAccept.map((r) => r.id),
  };
}

/**
 * One column of issue 16's comparison: verdict accuracy, false accepts, genuine documents called `rejected`,
 * unreadable recall, MRZ exact on clean documents, and one-letter name typos on clean documents reported as
 * `mismatch` naming the field.
 */
function setFigures(rows: Row[]) {
  const right = rows.filter((r) => r.verdict === r.expected).length;
  const negatives = rows.filter((r) => ['unreadable', 'mismatch', 'expired'].includes(r.expected));
  const unreadable = rows.filter((r) => r.expected === 'unreadable');
  const genuine = rows.filter((r) => r.genuine);
  const clean = rows.filter((r) => r.source === 'generated' && r.linesExact !== undefined);
  const typos = rows.filter((r) => r.nameTypoField);
  const typoRight = typos.filter(
    (r) => r.verdict === 'mismatch' && r.reasons.includes(`FIELD_MISMATCH:${r.nameTypoField}`),
  );
  return {
    cases: rows.length,
    verdictAccuracyPct: pct(right, rows.length),
    falseAccepts: negatives.filter((r) => r.verdict === 'accepted').length,
    acceptedWhenNotExpected: rows.filter((r) => r.expected !== 'accepted' && r.verdict === 'accepted').length,
    genuine: genuine.length,
    falseRejected: genuine.filter((r) => r.verdict === 'rejected').length,
    falseRejectedIds: genuine.filter((r) => r.verdict === 'rejected').map((r) => r.id),
    unreadableRecallPct: pct(unreadable.filter((r) => r.verdict === 'unreadable').length, unreadable.length),
    unreadableCases: unreadable.length,
    cleanMrzExactPct: pct(clean.filter((r) => r.linesExact).length, clean.length),
    cleanCases: clean.length,
    nameTyposAsMismatchPct: pct(typoRight.length, typos.length),
    nameTypoCases: typos.length,
  };
}

/** The holdout set's figures side by side with the primary set's and the specimens'. */
function comparison(sets: Record<string, ReturnType<typeof setFigures>>): string {
  const names = Object.keys(sets);
  const cell = (v: string) => v.padStart(12);
  const line = (label: string, f: (s: ReturnType<typeof setFigures>) => string) =>
    `${label.padEnd(40)}${names.map((n) => cell(f(sets[n]))).join('')}`;
  const percent = (v: number | null, of: number) => (v === null ? '—' : `${v}% /${of}`);
  return [
    `${''.padEnd(40)}${names.map(cell).join('')}`,
    line('cases', (s) => String(s.cases)),
    line('verdict accuracy', (s) => percent(s.verdictAccuracyPct, s.cases)),
    line('false accepts', (s) => String(s.falseAccepts)),
    // A forged document (expected `rejected`) or one for a person to see, accepted: the worst miss of all.
    line('any other non-accepted called accepted', (s) => String(s.acceptedWhenNotExpected - s.falseAccepts)),
    line('genuine called rejected (false fraud)', (s) => `${s.falseRejected} /${s.genuine}`),
    line('unreadable recall', (s) => percent(s.unreadableRecallPct, s.unreadableCases)),
    line('MRZ exact, clean', (s) => percent(s.cleanMrzExactPct, s.cleanCases)),
    line('name typo → mismatch + field, clean', (s) => percent(s.nameTyposAsMismatchPct, s.nameTypoCases)),
  ].join('\n');
}

function table(rows: Row[]): string {
  const verdicts = [...new Set(rows.map((r) => r.expected))].sort();
  const out = ['expected        count  correct  confusion (what the misses became)'];
  for (const v of verdicts) {
    const of = rows.filter((r) => r.expected === v);
    const ok = of.filter((r) => r.verdict === v).length;
    const confusion: Record<string, number> = {};
    for (const r of of) if (r.verdict !== v) confusion[r.verdict] = (confusion[r.verdict] ?? 0) + 1;
    const conf = Object.entries(confusion)
      .map(([k, n]) => `${k}:${n}`)
      .join(' ');
    out.push(`${v.padEnd(15)} ${String(of.length).padStart(5)}  ${String(ok).padStart(7)}  ${conf}`);
  }
  return out.join('\n');
}

async function main(): Promise<void> {
  const analyser = await DocumentAnalyser.create({ thresholds: THRESHOLDS });
  const rows: Row[] = [];
  const started = Date.now();
  try {
    if (!CARDS_ONLY && !flag('no-generated'))
      for (const set of GENERATED_SETS) await runGenerated(analyser, rows, set);
    if (!CARDS_ONLY && !flag('no-specimens')) await runSpecimens(analyser, rows);
    if (!flag('no-cards'))
      await runCardAccuracy(analyser, {
        count: Number(option('card-count') ?? 210),
        seed: Number(option('card-seed') ?? 20261204),
        sets: ['primary', 'holdout'],
        only: ONLY,
      });
  } finally {
    await analyser.close();
  }
  // The MRZ documents did not run: their figures and accuracy.json stay as the last full run left them.
  if (CARDS_ONLY) return;
  // The figures of issue 3 (README's table) stay those of the primary set and the specimens.
  const summary = summarise(rows.filter((r) => r.set !== 'holdout'));
  const columns = ['primary', 'holdout', 'specimens'] as const;
  const sets = Object.fromEntries(
    columns
      .filter((name) => rows.some((r) => r.set === name))
      .map((name) => [name, setFigures(rows.filter((r) => r.set === name))]),
  );
  const genuine = rows.filter((r) => r.genuine);
  const falseFraud = {
    genuine: genuine.length,
    calledRejected: genuine.filter((r) => r.verdict === 'rejected').length,
    ratePct: pct(genuine.filter((r) => r.verdict === 'rejected').length, genuine.length),
    ids: genuine.filter((r) => r.verdict === 'rejected').map((r) => `${r.set}/${r.id}`),
  };
  for (const name of columns) {
    const of = rows.filter((r) => r.set === name);
    if (of.length === 0) continue;
    process.stdout.write(`\n${name}:\n${table(of)}\n\nmisses:\n`);
    for (const m of of.filter((r) => r.verdict !== r.expected)) {
      const face = m.mrzFont ? ` [${m.format} ${m.mrzFont}]` : '';
      process.stdout.write(
        `  ${m.id.padEnd(34)} ${m.variant.padEnd(28)} ${m.expected} → ${m.verdict}  ${m.reasons.join(',')}${face}\n`,
      );
    }
    if (name !== 'specimens') process.stdout.write(missBreakdown(of));
  }
  process.stdout.write(`\n${comparison(sets)}\n`);
  process.stdout.write(
    `false-fraud rate (genuine documents called rejected, all columns): ${falseFraud.calledRejected} of ${falseFraud.genuine} (${falseFraud.ratePct}%)${falseFraud.ids.length ? `: ${falseFraud.ids.join(' ')}` : ''}\n`,
  );
  const s = summary;
  process.stdout.write(
    [
      '',
      `verdict accuracy:                 ${s.verdictAccuracyPct}% of ${s.cases} (generated only: ${s.generatedAccuracyPct}%)`,
      `false accepts:                    ${s.falseAccepts} (unreadable/mismatch/expired called accepted; any non-accepted called accepted: ${s.acceptedWhenNotExpected})`,
      `unreadable recall:                ${s.unreadableRecallPct}%`,
      `mild defects wrongly unreadable:  ${s.mildWronglyUnreadablePct}% of ${s.mildCases}`,
      `MRZ exact on clean generated:     ${s.cleanMrzExactPct}% of ${s.cleanCases}`,
      `specimens docnum+dob+expiry right: ${s.specimenFieldsRightPct}% of ${s.specimens}`,
      `specimens MRZ lines exact:        ${s.specimenLinesExactPct}% of ${s.specimens}`,
      `wall time: ${Math.round((Date.now() - started) / 1000)} s`,
      '',
    ].join('\n'),
  );
  const outDir = path.resolve(__dirname, 'results');
  mkdirSync(outDir, { recursive: true });
  // A part of the bench (one set, a face, some cases) is written beside the full run's figures, not over them.
  const partial = SET !== 'both' || ONLY || PRIMARY_MRZ_FONT || flag('no-generated') || flag('no-specimens');
  writeFileSync(
    path.join(outDir, partial ? 'accuracy.partial.json' : 'accuracy.json'),
    JSON.stringify(
      {
        date: new Date().toISOString(),
        seed: SEED,
        count: COUNT,
        holdout: { seed: HOLDOUT_SEED, count: HOLDOUT_COUNT },
        corpus,
        summary,
        sets,
        falseFraud,
        rows,
      },
      null,
      2,
    ) + '\n',
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
