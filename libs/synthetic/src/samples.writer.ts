import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { caseSeed, DEFAULT_TODAY, generateCase, GenerateCaseOptions, GeneratedCase } from './case.generator';
import { CARD_KINDS, CardCase, CardKind, CardStyleSet } from './cards/card.model';
import { generateCardSamples, GenerateCardSamplesOptions } from './cards/card-samples';
import { SampleCase } from './sample.model';
import { SyntheticError, SyntheticErrorCode } from './synthetic.error';

/** Options of {@link generateSamples}. */
export interface GenerateSamplesOptions extends Omit<
  GenerateCaseOptions,
  'id' | 'scenario' | 'documentType'
> {
  count: number;
  seed: number;
}

/**
 * Generates `count` cases from one `seed`, lazily and in order. Case `i` has the seed {@link caseSeed}(seed, i)
 * and the id `case-<i>`, so one case of a set can be regenerated alone.
 */
export async function* generateSamples(options: GenerateSamplesOptions): AsyncGenerator<GeneratedCase> {
  const { count, seed, ...caseOptions } = options;
  if (!Number.isInteger(count) || count < 0)
    throw new SyntheticError(
      SyntheticErrorCode.INVALID_OPTIONS,
      `count must be a non-negative integer, got ${count}`,
    );
  if (!Number.isInteger(seed))
    throw new SyntheticError(SyntheticErrorCode.INVALID_OPTIONS, `seed must be an integer, got ${seed}`);
  // Two cases in flight keep both cores busy (rendering and encoding run on libvips' threads).
  let pending: Promise<GeneratedCase> | undefined;
  for (let i = 0; i < count; i++) {
    const next = generateCase(caseSeed(seed, i), { ...caseOptions, id: caseId(i, count) });
    next.catch(() => undefined); // surfaced when awaited; avoids an unhandled rejection if an earlier case throws
    if (pending) yield await pending;
    pending = next;
  }
  if (pending) yield await pending;
}

function caseId(index: number, count: number): string {
  return `case-${String(index).padStart(Math.max(4, String(count - 1).length), '0')}`;
}

/** Options of {@link writeSamples}. */
export interface WriteSamplesOptions extends GenerateSamplesOptions {
  outDir: string;
  /** Chinese and Hong Kong identity cards written beside the MRZ cases (same seed and `today`). */
  cards?: Omit<GenerateCardSamplesOptions, 'seed' | 'today'>;
}

/** The `cases.json` that {@link writeSamples} writes beside the images. */
export interface CaseSetManifest {
  generator: '@idv/synthetic';
  version: 1;
  seed: number;
  count: number;
  today: string;
  /** Only on a holdout set's manifest. */
  styleSet?: 'holdout';
  cases: SampleCase[];
  /** The card set's options, when cards were asked for. */
  cardSet?: { count: number; kinds: CardKind[]; styleSet: CardStyleSet };
  /**
   * Card cases, keyed as `cases` where the keys apply (`id`, `files`, `record`, `documentType`,
   * `expectedVerdict`, `today`): `files` as uploaded, so `front` is always there (a lone emblem side is sent as
   * the front); `record` may hold `fullName` instead of `surname` and `givenNames`; `documentType` is the
   * contract's (`cn_resident_id`, `hk_identity_card`) and should be sent with the upload.
   */
  cards?: CardCase[];
}

/**
 * Writes a case set: every case's images (PNG, or JPEG where its last defect is JPEG compression) and
 * `cases.json` with the ground truth, the registration record and the expected verdict of each case, the
 * identity cards (`cards`) after the MRZ documents. Backs `npm run cli -- samples --out DIR --count N --seed S
 * [--cards N]`.
 */
export async function writeSamples(
  options: WriteSamplesOptions,
): Promise<{ outDir: string; manifestPath: string; cases: SampleCase[]; cards: CardCase[] }> {
  const { outDir, cards: cardOptions, ...generate } = options;
  await mkdir(outDir, { recursive: true });
  const write = async (
    files: { front?: string; back?: string },
    images: { front?: Buffer; back?: Buffer },
  ) => {
    for (const side of ['front', 'back'] as const) {
      const name = files[side];
      const bytes = images[side];
      if (name && bytes) await writeFile(path.join(outDir, name), bytes);
    }
  };
  const cases: SampleCase[] = [];
  for await (const { case: sample, images } of generateSamples(generate)) {
    await write(sample.files, images);
    cases.push(sample);
  }
  const today = options.today ?? DEFAULT_TODAY;
  const manifest: CaseSetManifest = {
    generator: '@idv/synthetic',
    version: 1,
    seed: options.seed,
    count: options.count,
    today,
    ...(options.styleSet === 'holdout' ? { styleSet: 'holdout' as const } : {}),
    cases,
  };
  if (cardOptions) {
    const cards: CardCase[] = [];
    for await (const { case: card, images } of generateCardSamples({
      ...cardOptions,
      seed: options.seed,
      today,
    })) {
      await write(card.files, images);
      cards.push(card);
    }
    manifest.cardSet = {
      count: cardOptions.count,
      kinds: [...(cardOptions.kinds ?? CARD_KINDS)],
      styleSet: cardOptions.styleSet ?? 'primary',
    };
    manifest.cards = cards;
  }
  const manifestPath = path.join(outDir, 'cases.json');
  await writeFile(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  return { outDir, manifestPath, cases, cards: manifest.cards ?? [] };
}
