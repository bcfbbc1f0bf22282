/**
 * Verdict accuracy of the document pipeline (issue 3's figures).
 *
 * Run: npm run bench:accuracy [-- --count=N --seed=S --no-specimens --no-generated --only=substr]
 *
 * - Generated cases (`@idv/synthetic`, fixed seed, every scenario and defect): the expected verdict is the
 *   generator's. Cached under $TMPDIR/idv-bench-cases/<seed>-<count> so reruns skip rendering.
 * - Real specimens ($IDV_CORPUS_DIR/specimens, default ../shared/corpus): the record is built from the ground
 *   truth and `today` is the day before the document's expiry, so a correct reading is `accepted`; specimens
 *   whose printed check digits are wrong should be `rejected`, the payment card `unsupported`, and a specimen
 *   whose document spans fewer pixels than `IDV_MIN_DOCUMENT_PIXELS` (default 300) `unreadable` (refused as too
 *   small to keep as evidence; left out of the reading figures).
 *
 * Prints a table per expected verdict (count, correct, what the misses became) and the figures; writes
 * bench/results/accuracy.json.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { DocumentAnalyser, type AnalysisOutcome, type RegistrationRecord } from '@idv/analysis';
import { QUALITY_THRESHOLDS, withMinDocumentPixels } from '@idv/quality';
import { writeSamples, type CaseSetManifest, type SampleCase } from '@idv/synthetic';

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const flag = (name: string) => args.includes(`--${name}`);
const COUNT = Number(option('count') ?? 320);
const SEED = Number(option('seed') ?? 20251125);
const ONLY = option('only');
const corpus = process.env.IDV_CORPUS_DIR ?? path.resolve(__dirname, '../../shared/corpus');
/** The service's floor for a document's longer side, as `IDV_MIN_DOCUMENT_PIXELS` sets it. */
const THRESHOLDS = withMinDocumentPixels(
  Number(process.env.IDV_MIN_DOCUMENT_PIXELS ?? QUALITY_THRESHOLDS.resolution.minDocumentPixels),
);

interface Row {
  source: 'generated' | 'specimen';
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

async function cachedCases(): Promise<{ dir: string; cases: SampleCase[] }> {
  const dir = path.join(os.tmpdir(), 'idv-bench-cases', `${SEED}-${COUNT}`);
  const manifest = path.join(dir, 'cases.json');
  if (!existsSync(manifest)) {
    process.stdout.write(`generating ${COUNT} cases (seed ${SEED}) into ${dir} ...\n`);
    await writeSamples({ outDir: dir, count: COUNT, seed: SEED });
  }
  return { dir, cases: (JSON.parse(readFileSync(manifest, 'utf8')) as CaseSetManifest).cases };
}

const sameLines = (a: string[], b: string[] | undefined) =>
  !!b && a.length === b.length && a.every((l, i) => l === b[i]);

async function runGenerated(analyser: DocumentAnalyser, rows: Row[]): Promise<void> {
  const { dir, cases } = await cachedCases();
  for (const c of cases) {
    if (ONLY && !c.id.includes(ONLY) && !c.variant.includes(ONLY)) continue;
    const front = readFileSync(path.join(dir, c.files.front));
    const back = c.files.back ? readFileSync(path.join(dir, c.files.back)) : undefined;
    const started = performance.now();
    const outcome = await analyser.analyse({ front, back, record: c.record, today: c.today });
    rows.push({
      source: 'generated',
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
    if (!flag('no-generated')) await runGenerated(analyser, rows);
    if (!flag('no-specimens')) await runSpecimens(analyser, rows);
  } finally {
    await analyser.close();
  }
  const summary = summarise(rows);
  const misses = rows.filter((r) => r.verdict !== r.expected);
  process.stdout.write(`\n${table(rows)}\n\nmisses:\n`);
  for (const m of misses) {
    process.stdout.write(
      `  ${m.id.padEnd(34)} ${m.variant.padEnd(28)} ${m.expected} → ${m.verdict}  ${m.reasons.join(',')}\n`,
    );
  }
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
  writeFileSync(
    path.join(outDir, 'accuracy.json'),
    JSON.stringify(
      { date: new Date().toISOString(), seed: SEED, count: COUNT, corpus, summary, rows },
      null,
      2,
    ) + '\n',
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
