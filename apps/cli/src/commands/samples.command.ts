import path from 'node:path';
import { MRZ_FONT_FAMILIES, SyntheticError, SyntheticErrorCode, writeSamples } from '@idv/synthetic';
import { integer, required, UsageError, type CliCommand } from './command';

/**
 * `samples --out DIR --count N --seed S [--today YYYY-MM-DD] [--set primary|holdout] [--mrz-font FACE]`: writes a
 * synthetic case set (images and `cases.json` with ground truth, registration records and expected verdicts).
 * `--set holdout` draws the independent second set (other layouts and MRZ faces, names with diacritics, phone
 * photos); `--mrz-font` prints every MRZ in one face. Same options, same bytes. OCR-B is the machine's or the
 * copy in libs/synthetic/fonts; a face it needs and has not is one line on stderr naming the package, and exit 1.
 */
export const samplesCommand: CliCommand = {
  summary:
    'write synthetic test documents: --out DIR --count N --seed S [--today YYYY-MM-DD] [--set primary|holdout] [--mrz-font FACE]',
  options: {
    out: { type: 'string' },
    count: { type: 'string' },
    seed: { type: 'string' },
    today: { type: 'string' },
    set: { type: 'string' },
    'mrz-font': { type: 'string' },
  },
  async run(values) {
    const outDir = path.resolve(required(values, 'out'));
    const count = integer(values, 'count', 20);
    const seed = integer(values, 'seed', 1);
    const today = typeof values.today === 'string' ? values.today : undefined;
    if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today))
      throw new UsageError(`--today must be YYYY-MM-DD, not "${today}"`);
    const set = values.set ?? 'primary';
    if (set !== 'primary' && set !== 'holdout')
      throw new UsageError(`--set must be primary or holdout, not "${String(set)}"`);
    const mrzFont = values['mrz-font'];
    if (mrzFont !== undefined && !MRZ_FONT_FAMILIES.includes(mrzFont as never))
      throw new UsageError(
        `--mrz-font must be one of ${MRZ_FONT_FAMILIES.map((f) => `"${f}"`).join(', ')}, not "${String(mrzFont)}"`,
      );
    let written: Awaited<ReturnType<typeof writeSamples>>;
    try {
      written = await writeSamples({
        outDir,
        count,
        seed,
        ...(today ? { today } : {}),
        ...(set === 'holdout' ? { styleSet: 'holdout' as const } : {}),
        ...(typeof mrzFont === 'string' ? { mrzFont } : {}),
      });
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
