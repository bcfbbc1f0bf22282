/**
 * Generality check of the MRZ reader on synthetic documents it was never tuned on (@idv/synthetic: varied
 * designs, TD1/TD2/TD3/visas, clean and mildly/severely degraded scans and photos).
 * Run: node -r @swc-node/register -r tsconfig-paths/register bench/ocr-synthetic.ts [--count=60] [--seed=1000]
 * Prints per case: scenario/variant, layout, lines exact?, valid?, ms; then totals per scenario.
 */
import { OcrEngine } from '@idv/ocr';
import { generateCase } from '@idv/synthetic';

const args = process.argv.slice(2);
const count = Number(args.find((a) => a.startsWith('--count='))?.slice(8) ?? 60);
const firstSeed = Number(args.find((a) => a.startsWith('--seed='))?.slice(7) ?? 1000);

async function main(): Promise<void> {
  const engine = new OcrEngine({ mrzWorkers: 1 });
  await engine.warmUp();
  const totals = new Map<string, { n: number; exact: number; valid: number; ms: number[] }>();
  try {
    for (let seed = firstSeed; seed < firstSeed + count; seed++) {
      const { case: c, images } = await generateCase(seed, { scenarios: { unsupported: 0 } });
      const truth = c.groundTruth.mrzLines;
      if (truth.length === 0) continue;
      // Two-sided cards carry the MRZ on the back.
      const image = images.back ?? images.front;
      const read = await engine.readMrz(image);
      const exact = read.lines.join('\n') === truth.join('\n');
      const t = totals.get(c.scenario) ?? { n: 0, exact: 0, valid: 0, ms: [] };
      t.n++;
      t.exact += exact ? 1 : 0;
      t.valid += read.valid ? 1 : 0;
      t.ms.push(read.ms);
      totals.set(c.scenario, t);
      console.log(
        `${String(seed).padEnd(6)} ${c.variant.padEnd(28)} ${c.format.padEnd(6)} ${exact ? 'exact' : '-----'} ${read.valid ? 'valid' : '-----'} ${String(Math.round(read.ms)).padStart(5)} ms ${exact ? '' : read.lines.join('|')}`,
      );
    }
  } finally {
    await engine.terminate();
  }
  for (const [scenario, t] of totals) {
    const median = [...t.ms].sort((a, b) => a - b)[Math.floor(t.ms.length / 2)];
    console.log(
      `TOTAL ${scenario}: ${t.n} cases, lines exact ${Math.round((100 * t.exact) / t.n)}%, valid ${Math.round((100 * t.valid) / t.n)}%, median ${Math.round(median)} ms`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
