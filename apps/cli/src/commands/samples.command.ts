import path from 'node:path';
import { writeSamples } from '@idv/synthetic';
import { integer, required, UsageError, type CliCommand } from './command';

/**
 * `samples --out DIR --count N --seed S [--today YYYY-MM-DD]`: writes a synthetic case set (images and
 * `cases.json` with ground truth, registration records and expected verdicts). Same seed, same bytes.
 */
export const samplesCommand: CliCommand = {
  summary: 'write synthetic test documents: --out DIR --count N --seed S [--today YYYY-MM-DD]',
  options: {
    out: { type: 'string' },
    count: { type: 'string' },
    seed: { type: 'string' },
    today: { type: 'string' },
  },
  async run(values) {
    const outDir = path.resolve(required(values, 'out'));
    const count = integer(values, 'count', 20);
    const seed = integer(values, 'seed', 1);
    const today = typeof values.today === 'string' ? values.today : undefined;
    if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today))
      throw new UsageError(`--today must be YYYY-MM-DD, not "${today}"`);
    const { manifestPath, cases } = await writeSamples({ outDir, count, seed, ...(today ? { today } : {}) });
    process.stdout.write(`Wrote ${cases.length} cases to ${outDir} (manifest ${manifestPath})\n`);
    return 0;
  },
};
