/**
 * Sets of generated card cases, as `npm run cli -- samples --cards N` writes them and the benches read them.
 */
import { DEFAULT_TODAY } from '../case.generator';
import { hashString } from '../prng';
import { SyntheticError, SyntheticErrorCode } from '../synthetic.error';
import { DEFAULT_CARD_KIND_WEIGHTS, generateCardCase } from './card.generator';
import { CARD_KINDS, CardKind, CardScenario, CardStyleSet, GeneratedCardCase } from './card.model';

/** Options of {@link generateCardSamples}. */
export interface GenerateCardSamplesOptions {
  count: number;
  seed: number;
  today?: string;
  /** The kinds to draw from (at their default weights); all three when absent. */
  kinds?: readonly CardKind[];
  /** Scenario weights (the generator's defaults when absent). */
  scenarios?: Partial<Record<CardScenario, number>>;
  styleSet?: CardStyleSet;
}

/**
 * The seed of card `index` of a set: independent of the MRZ cases' seeds (`caseSeed`), so adding cards to a
 * set leaves its MRZ cases as they were, and the other way round.
 */
export function cardCaseSeed(seed: number, index: number): number {
  return hashString(`card:${seed}:${index}`);
}

/**
 * A case as it is uploaded through the API, which needs a `front`: a card with only its emblem side goes up
 * with that side as the front (the reader tells the sides by what they print). The file keeps its name
 * (`…-back.png`), so the set still says which side it is.
 */
export function asUploaded(generated: GeneratedCardCase): GeneratedCardCase {
  const { case: c, images } = generated;
  if (c.files.front || !c.files.back) return generated;
  return {
    case: { ...c, files: { front: c.files.back } },
    images: { front: images.back },
  };
}

/**
 * Generates `count` card cases from one `seed`, lazily and in order, as uploaded ({@link asUploaded}). Card `i`
 * has the seed {@link cardCaseSeed}(seed, i) and the id `card-<i>`.
 */
export async function* generateCardSamples(
  options: GenerateCardSamplesOptions,
): AsyncGenerator<GeneratedCardCase> {
  const { count, seed, kinds, scenarios, styleSet, today } = options;
  if (!Number.isInteger(count) || count < 0)
    throw new SyntheticError(
      SyntheticErrorCode.INVALID_OPTIONS,
      `card count must be a non-negative integer, got ${count}`,
    );
  const unknown = (kinds ?? []).filter((k) => !CARD_KINDS.includes(k));
  if (unknown.length > 0 || (kinds && kinds.length === 0))
    throw new SyntheticError(
      SyntheticErrorCode.INVALID_OPTIONS,
      `card kinds must be some of ${CARD_KINDS.join(', ')}, got ${(kinds ?? []).join(', ') || 'none'}`,
    );
  const weights = Object.fromEntries(
    CARD_KINDS.map((k) => [k, !kinds || kinds.includes(k) ? DEFAULT_CARD_KIND_WEIGHTS[k] : 0]),
  ) as Record<CardKind, number>;
  const width = Math.max(4, String(count - 1).length);
  // Two cases in flight, as for the MRZ cases: rendering and encoding run on libvips' threads.
  let pending: Promise<GeneratedCardCase> | undefined;
  for (let i = 0; i < count; i++) {
    const next = generateCardCase(cardCaseSeed(seed, i), {
      id: `card-${String(i).padStart(width, '0')}`,
      today: today ?? DEFAULT_TODAY,
      kinds: weights,
      ...(scenarios ? { scenarios } : {}),
      styleSet: styleSet ?? 'primary',
    });
    next.catch(() => undefined); // surfaced when awaited
    if (pending) yield asUploaded(await pending);
    pending = next;
  }
  if (pending) yield asUploaded(await pending);
}
