import path from 'node:path';
import {
  CARD_KINDS,
  MRZ_FONT_FAMILIES,
  SyntheticError,
  SyntheticErrorCode,
  writeSamples,
  type CardKind,
  type CardStyleSet,
} from '@idv/synthetic';
import { integer, required, UsageError, type CliCommand } from './command';

const STYLE_SETS: readonly CardStyleSet[] = ['primary', 'holdout'];

/** `--kind`: one kind, a comma-separated list, or `all`. */
function cardKinds(value: string | boolean | undefined): CardKind[] {
  if (value === undefined || value === 'all') return [...CARD_KINDS];
  const kinds = String(value)
    .split(',')
    .map((k) => k.trim());
  const unknown = kinds.filter((k) => !(CARD_KINDS as readonly string[]).includes(k));
  if (unknown.length > 0 || kinds.length === 0)
    throw new UsageError(
      `--kind must be all or one or more of ${CARD_KINDS.join(', ')}, not "${String(value)}"`,
    );
  return kinds as CardKind[];
}

function styleSet(value: string | boolean | undefined): CardStyleSet {
  if (value === undefined) return 'primary';
  if (!(STYLE_SETS as readonly string[]).includes(String(value)))
    throw new UsageError(`--set must be primary or holdout, not "${String(value)}"`);
  return value as CardStyleSet;
}

/**
 * `samples --out DIR --count N --seed S [--today YYYY-MM-DD] [--set primary|holdout] [--mrz-font FACE]
 * [--cards N --kind K]`: writes a synthetic case set (images and `cases.json` with ground truth, registration
 * records and expected verdicts): N MRZ documents, and with `--cards` Chinese and Hong Kong identity cards (`cards`
 * in the manifest). `--set holdout` draws the independent second set of both (other layouts and faces, names with
 * diacritics, phone photos); `--mrz-font` prints every MRZ in one face. Same options, same bytes. OCR-B is the
 * machine's or the copy in libs/synthetic/fonts; a face it needs and has not is one line on stderr naming the
 * package, and exit 1.
 */
export const samplesCommand: CliCommand = {
  summary:
    'write synthetic test documents: --out DIR --count N --seed S [--today YYYY-MM-DD] [--set primary|holdout] [--mrz-font FACE] [--cards N --kind cn_resident_id|cn_residence_permit|hk_identity_card|all]',
  options: {
    out: { type: 'string' },
    count: { type: 'string' },
    seed: { type: 'string' },
    today: { type: 'string' },
    set: { type: 'string' },
    'mrz-font': { type: 'string' },
    cards: { type: 'string' },
    kind: { type: 'string' },
  },
  async run(values) {
    const outDir = path.resolve(required(values, 'out'));
    const count = integer(values, 'count', 20);
    const seed = integer(values, 'seed', 1);
    const today = typeof values.today === 'string' ? values.today : undefined;
    if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today))
      throw new UsageError(`--today must be YYYY-MM-DD, not "${today}"`);
    const set = styleSet(values.set);
    const mrzFont = values['mrz-font'];
    if (mrzFont !== undefined && !MRZ_FONT_FAMILIES.includes(mrzFont as never))
      throw new UsageError(
        `--mrz-font must be one of ${MRZ_FONT_FAMILIES.map((f) => `"${f}"`).join(', ')}, not "${String(mrzFont)}"`,
      );
    const cardCount = integer(values, 'cards', 0);
    if (cardCount === 0 && values.kind !== undefined)
      throw new UsageError('--kind chooses the cards of --cards N: give --cards too');
    const cards =
      cardCount > 0 ? { count: cardCount, kinds: cardKinds(values.kind), styleSet: set } : undefined;
    let written: Awaited<ReturnType<typeof writeSamples>>;
    try {
      written = await writeSamples({
        outDir,
        count,
        seed,
        ...(today ? { today } : {}),
        ...(set === 'holdout' ? { styleSet: 'holdout' as const } : {}),
        ...(typeof mrzFont === 'string' ? { mrzFont } : {}),
        ...(cards ? { cards } : {}),
      });
    } catch (err) {
      // A face neither installed nor carried: one line saying what to install, never a fallback face.
      if (!(err instanceof SyntheticError) || err.code !== SyntheticErrorCode.FONT_MISSING) throw err;
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    const cardNote = cards ? ` and ${written.cards.length} identity cards` : '';
    process.stdout.write(
      `Wrote ${written.cases.length} cases${cardNote} to ${outDir} (manifest ${written.manifestPath})\n`,
    );
    return 0;
  },
};
