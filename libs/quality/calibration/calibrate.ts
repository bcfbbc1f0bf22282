/**
 * Calibration of the quality thresholds on the real specimens ("should not fail") and on degraded copies of them
 * ("should fail", plus mild changes that should not). Prints per-check distributions and the confusion table.
 *
 *   node -r @swc-node/register -r tsconfig-paths/register libs/quality/calibration/calibrate.ts
 */
import { assessQuality, QUALITY_THRESHOLDS, QualityReport } from '@idv/quality';
import { generateCase } from '@idv/synthetic';
import { loadSpecimens, CORPUS_DIR } from './corpus';
import { DEGRADATIONS } from './degradations';

interface Row {
  file: string;
  set: string;
  expect: 'pass' | 'fail';
  code?: string;
  report: QualityReport;
}

const MEASURES: Array<[string, (r: QualityReport) => number]> = [
  ['sharpness', (r) => r.sharpness],
  ['p95 grey', (r) => r.details.exposure.p95],
  ['clipped white', (r) => r.details.exposure.brightClipped],
  ['glare', (r) => r.glare],
  ['MRZ band glare', (r) => r.details.glare.mrzBandCoverage],
  ['doc length px', (r) => r.details.resolution.effectiveLength],
  ['cut score', (r) => Math.max(0, ...Object.values(r.details.framing.cutScores))],
  ['aspect mismatch', (r) => r.details.framing.aspectMismatch ?? 0],
  ['texture', (r) => r.details.framing.texture],
];

/** Synthetic cases per scenario (clean, mild, severe); 0 leaves them out. */
const SYNTHETIC_CASES = Number(process.env.SYNTHETIC_CASES ?? 20);
const QUALITY_CODES = new Set([
  'IMAGE_BLURRED',
  'IMAGE_GLARE',
  'IMAGE_TOO_DARK',
  'IMAGE_TOO_BRIGHT',
  'IMAGE_LOW_RESOLUTION',
  'DOCUMENT_NOT_FOUND',
  'DOCUMENT_CUT_OFF',
]);

/**
 * Synthetic documents from @idv/synthetic: clean and mild cases (every side should pass) and severe ones, judged on
 * the side that carries the MRZ and the defect; severe cases whose expected reasons hold no image-quality code are
 * left out (their defect is not for this gate to catch).
 */
async function syntheticRows(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const scenario of ['clean', 'mild', 'severe'] as const) {
    for (let seed = 1; seed <= SYNTHETIC_CASES; seed++) {
      const { case: c, images } = await generateCase(seed, { scenario });
      if (scenario === 'severe') {
        const code = c.expectedReasons.find((r) => QUALITY_CODES.has(r));
        if (!code) continue;
        const bytes = images.back ?? images.front;
        rows.push({
          file: `${c.id} ${c.variant}`,
          set: `synthetic ${c.variant}`,
          expect: 'fail',
          code,
          report: await assessQuality(bytes),
        });
      } else {
        for (const bytes of [images.front, images.back].filter((b): b is Buffer => b !== undefined)) {
          rows.push({
            file: `${c.id} ${c.variant}`,
            set: `synthetic ${scenario}`,
            expect: 'pass',
            report: await assessQuality(bytes),
          });
        }
      }
    }
  }
  return rows;
}

const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2));

function quantiles(values: number[]): string {
  const s = [...values].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return [s[0], q(0.1), q(0.5), q(0.9), s[s.length - 1]].map(fmt).join(' / ');
}

async function main(): Promise<void> {
  const specimens = loadSpecimens();
  if (specimens.length === 0) {
    console.log(`No specimens found under ${CORPUS_DIR}; set IDV_CORPUS_DIR.`);
    return;
  }
  const rows: Row[] = [];
  for (const specimen of specimens) {
    rows.push({
      file: specimen.file,
      set: 'original',
      expect: 'pass',
      report: await assessQuality(specimen.bytes),
    });
    for (const d of DEGRADATIONS) {
      const bytes = await d.apply(specimen.bytes);
      rows.push({
        file: specimen.file,
        set: d.name,
        expect: d.expect,
        code: d.code,
        report: await assessQuality(bytes),
      });
    }
  }
  if (SYNTHETIC_CASES > 0) rows.push(...(await syntheticRows()));
  const sets = [...new Set(rows.map((r) => r.set))];
  console.log(
    `Thresholds ${QUALITY_THRESHOLDS.version}; ${specimens.length} specimens; ${SYNTHETIC_CASES} synthetic cases per scenario; values min / p10 / median / p90 / max\n`,
  );
  console.log(`| set | ${MEASURES.map(([name]) => name).join(' | ')} |`);
  console.log(`|---|${MEASURES.map(() => '---').join('|')}|`);
  for (const set of sets) {
    const rs = rows.filter((r) => r.set === set);
    console.log(`| ${set} | ${MEASURES.map(([, f]) => quantiles(rs.map((r) => f(r.report)))).join(' | ')} |`);
  }

  console.log('\nConfusion (n = specimens per set):\n');
  console.log('| set | expected | fail | warn | ok | expected code at fail | issues (fail/warn counts) |');
  console.log('|---|---|---|---|---|---|---|');
  for (const set of sets) {
    const rs = rows.filter((r) => r.set === set);
    const count = (s: string) => rs.filter((r) => r.report.severity === s).length;
    const expected = rs[0].expect;
    const code = rs[0].code;
    const hit = code
      ? `${rs.filter((r) => r.report.issues.some((i) => i.code === r.code && i.severity === 'fail')).length}/${rs.length} ${code}`
      : '-';
    const tally = new Map<string, [number, number]>();
    for (const r of rs) {
      for (const i of r.report.issues) {
        const t = tally.get(i.code) ?? [0, 0];
        t[i.severity === 'fail' ? 0 : 1]++;
        tally.set(i.code, t);
      }
    }
    const issues = [...tally].map(([c, [f, w]]) => `${c} ${f}/${w}`).join(', ');
    console.log(
      `| ${set} | ${expected} | ${count('fail')} | ${count('warn')} | ${count('ok')} | ${hit} | ${issues} |`,
    );
  }

  const wrong = rows.filter((r) => (r.expect === 'pass') === (r.report.severity === 'fail'));
  console.log(`\nMisjudged (${wrong.length}):`);
  for (const r of wrong) {
    const issues = r.report.issues
      .map((i) => `${i.code}:${i.severity} ${fmt(i.measured)}/${fmt(i.threshold)}`)
      .join(', ');
    console.log(`- ${r.set} ${r.file}: ${r.report.severity} ${issues}`);
  }
  const ms = rows.map((r) => r.report.ms);
  console.log(`\nassessQuality time per image (ms): ${quantiles(ms)}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
