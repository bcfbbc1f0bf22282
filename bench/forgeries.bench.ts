/**
 * Forged documents only: how many the service lets through. The accuracy bench holds 12 forgeries per set, too
 * few to show a false-accept rate of one in a hundred; a reading that makes a forged check digit pass by chance
 * (a digit misread beside the forger's edit) is exactly such a rate. This bench generates `--count` tampered
 * documents per style set (a digit of the number, or in the holdout set of a date, changed and its check digit
 * left), in every MRZ face of the set, and counts the verdicts.
 *
 * Run: npm run bench:forgeries [-- --count=N --seed=S --set=primary|holdout|both]
 *
 * Prints the verdicts per set, every forgery called `accepted` (the figure that must be 0) and the faces of those
 * sent to review or called unreadable; writes bench/results/forgeries.json.
 */
import { DocumentAnalyser } from '@idv/analysis';
import { caseSeed, generateCase } from '@idv/synthetic';
import { writeResult } from './support';

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const COUNT = Number(option('count') ?? 150);
const SEED = Number(option('seed') ?? 20261207);
const SET = option('set') ?? 'both';
if (!['primary', 'holdout', 'both'].includes(SET)) throw new Error('--set must be primary, holdout or both');
const SETS = (['primary', 'holdout'] as const).filter((s) => SET === 'both' || SET === s);

interface Forgery {
  set: (typeof SETS)[number];
  seed: number;
  format: string;
  mrzFont: string;
  tamperedField: string;
  verdict: string;
  reasons: string[];
}

async function main(): Promise<void> {
  const analyser = await DocumentAnalyser.create();
  const rows: Forgery[] = [];
  const started = Date.now();
  try {
    for (const set of SETS) {
      for (let i = 0; i < COUNT; i++) {
        const seed = caseSeed(SEED, i);
        const { case: c, images } = await generateCase(seed, { scenario: 'tampered', styleSet: set });
        const outcome = await analyser.analyse({
          front: images.front,
          back: images.back,
          record: c.record,
          today: c.today,
        });
        rows.push({
          set,
          seed,
          format: c.format,
          mrzFont: c.mrzFont ?? 'OCR B',
          tamperedField: c.tamperedField ?? 'documentNumber',
          verdict: outcome.verdict,
          reasons: outcome.reasons.map((r) => (r.field ? `${r.code}:${r.field}` : r.code)),
        });
        if ((i + 1) % 25 === 0) process.stderr.write(`  ${set}: ${i + 1} done\n`);
      }
    }
  } finally {
    await analyser.close();
  }
  const summary = Object.fromEntries(
    SETS.map((set) => {
      const of = rows.filter((r) => r.set === set);
      const verdicts: Record<string, number> = {};
      for (const r of of) verdicts[r.verdict] = (verdicts[r.verdict] ?? 0) + 1;
      return [
        set,
        { forgeries: of.length, verdicts, accepted: of.filter((r) => r.verdict === 'accepted').length },
      ];
    }),
  );
  for (const set of SETS) {
    const s = summary[set];
    process.stdout.write(
      `${set}: ${s.forgeries} forgeries; accepted ${s.accepted}; ${Object.entries(s.verdicts)
        .map(([v, n]) => `${v} ${n}`)
        .join(', ')}\n`,
    );
    for (const r of rows.filter((x) => x.set === set && x.verdict === 'accepted'))
      process.stdout.write(`  ACCEPTED seed ${r.seed} ${r.format} [${r.mrzFont}] ${r.tamperedField}\n`);
    const missed = rows.filter((x) => x.set === set && x.verdict !== 'rejected' && x.verdict !== 'accepted');
    const faces: Record<string, number> = {};
    for (const r of missed) faces[r.mrzFont] = (faces[r.mrzFont] ?? 0) + 1;
    process.stdout.write(
      `  not rejected (review, unreadable, mismatch) by face: ${Object.entries(faces)
        .sort((a, b) => b[1] - a[1])
        .map(([f, n]) => `${f} ${n}`)
        .join(', ')}\n`,
    );
  }
  const wall = Math.round((Date.now() - started) / 1000);
  process.stdout.write(`wall time: ${wall} s\n`);
  const file = writeResult('forgeries.json', {
    date: new Date().toISOString(),
    seed: SEED,
    count: COUNT,
    summary,
    wallSeconds: wall,
    rows,
  });
  process.stdout.write(`wrote ${file}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
