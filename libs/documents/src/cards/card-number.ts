import type { GreyImage, LineScript, OcrEngine, TextLine } from '@idv/ocr';
import type { Box } from '@idv/quality';
import { windowOf } from './card-image';

/** A card number as read, with what settles it. */
export interface CardNumberRead<T> {
  number: T;
  line: TextLine;
  /**
   * The read can be trusted to say what the card prints: one sure read whose check passes, or two reads at
   * different scales agreeing character for character, each sure. Only a settled failing number argues forgery.
   */
  settled: boolean;
}

/** How one family's number is found in its window. */
export interface CardNumberSpec<T> {
  window: Box;
  script: LineScript;
  whitelist?: string;
  /** The number in a line's text, or null when the line shows none of that shape. */
  parse: (text: string) => T | null;
  valid: (number: T) => boolean;
  value: (number: T) => string;
}

/** A read is sure when its line is this confident and no character is below {@link WEAKEST}. */
export const SURE_LINE = 0.75;
const WEAKEST = 0.45;
/** Scales of the number window (of the 1284 px card): the first read, and the second that must agree. */
const SCALES = [0.55, 0.8];

const sure = (l: TextLine) => l.confidence >= SURE_LINE && l.weakest >= WEAKEST;

/**
 * Reads a card's number from its window; null when this image (turned this way) shows none. A read that is
 * unsure or fails its check is read again at another scale: a second read that passes wins, one that agrees
 * settles the failure, one that differs leaves it to OCR.
 */
export async function readCardNumber<T>(
  ocr: OcrEngine,
  card: GreyImage,
  spec: CardNumberSpec<T>,
): Promise<CardNumberRead<T> | null> {
  const first = await numberAt(ocr, card, spec, SCALES[0]);
  if (!first) return null;
  if (spec.valid(first.number) && sure(first.line)) return { ...first, settled: true };
  const second = await numberAt(ocr, card, spec, SCALES[1]);
  if (second && spec.valid(second.number) && !spec.valid(first.number))
    return { ...second, settled: sure(second.line) };
  const agree = second !== null && spec.value(second.number) === spec.value(first.number);
  // Two reads at different scales agreeing character for character, no character of either weak: the line's
  // own confidence is not asked for here, as it sinks on print the model has no class for (HKID's brackets).
  const firm = (l: TextLine) => l.weakest >= WEAKEST;
  return { ...first, settled: agree && firm(first.line) && firm(second.line) };
}

async function numberAt<T>(
  ocr: OcrEngine,
  card: GreyImage,
  spec: CardNumberSpec<T>,
  scale: number,
): Promise<Omit<CardNumberRead<T>, 'settled'> | null> {
  for (const line of await readWindow(ocr, card, spec.window, scale, spec.script, spec.whitelist)) {
    const number = spec.parse(line.text);
    if (number !== null) return { number, line };
  }
  return null;
}

/** The lines of a card window; a crashed or timed-out OCR job reads as nothing (the field is unreadable). */
export async function readWindow(
  ocr: OcrEngine,
  card: GreyImage,
  window: Box,
  scale: number,
  script: LineScript,
  whitelist?: string,
): Promise<TextLine[]> {
  try {
    return await ocr.readLines(await windowOf(card, window, scale), script, whitelist);
  } catch {
    return [];
  }
}
