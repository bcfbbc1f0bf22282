import path from 'node:path';
import { SyntheticError, SyntheticErrorCode, writeSamples } from '@idv/synthetic';
import { integer, required, UsageError, type CliCommand } from './command';

/**
 * `samples --out DIR --count N --seed S [--today YYYY-MM-DD]`: writes a synthetic case set (images and
 * `cases.json` with ground truth, registration records and expected verdicts). Same seed, same bytes. The MRZ
 * is OCR-B, the machine's or the copy in libs/synthetic/fonts; a face it needs and has not is one line on
 * stderr naming the package, and exit 1.
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
    let written: Awaited<ReturnType<typeof writeSamples>>;
    try {
      written = await writeSamples({ outDir, count, seed, ...(today ? { today } : {}) });
    } catch (err) {
      // A face neither installed nor carried: one line saying what to install, never a fallback face.
      if (!(err instanceof SyntheticError) || err.code !== SyntheticErrorCode.FONT_MISSING) throw err;
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    const { manifestPath, cases } = written;
    process.stdout.write(`Wrote ${cases.length} cases to ${outDir} (manifest ${manifestPath})\n`);
    return 0;
  },
};
