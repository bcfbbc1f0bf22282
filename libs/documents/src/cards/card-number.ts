import type { GreyImage, LineScript, OcrEngine, TextLine } from '@idv/ocr';
import type { Box } from '@idv/quality';
import { windowOf } from './card-image';
import { GLARE_SHARE, readCardLines, SURE_CHARACTER, washedOut } from './card-lines';

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
  /**
   * Try the Chinese line recogniser (PP-OCR) on the window's lines first: it reads a clean number in one pass of
   * ~40 ms where tesseract needs one or two of ~90 ms. Only a read whose check holds and whose every character is
   * sure is taken; anything else falls through to tesseract's reads as before.
   */
  lineRecogniserFirst?: boolean;
}

/** A read is sure when its line is this confident and no character is below {@link WEAKEST}. */
export const SURE_LINE = 0.75;
const WEAKEST = 0.45;
/** The weakest character of each of two agreeing reads, for them to settle a failing check. */
const FIRM_CHARACTER = 0.85;
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
  if (spec.lineRecogniserFirst)
    for (const line of await readCardLines(ocr, card, spec.window)) {
      const number = spec.parse(line.text);
      // Not under glare: the recogniser can guess a washed-out digit right, but the person is asked for a photo
      // whose number can be seen (tesseract's reads below decide then, as before).
      if (
        number !== null &&
        spec.valid(number) &&
        line.weakest >= SURE_CHARACTER &&
        washedOut(card, line) <= GLARE_SHARE
      )
        return { number, line, settled: true };
    }
  const first = await numberAt(ocr, card, spec, SCALES[0]);
  if (!first) return null;
  if (spec.valid(first.number) && sure(first.line)) return { ...first, settled: true };
  const second = await numberAt(ocr, card, spec, SCALES[1]);
  if (second && spec.valid(second.number) && !spec.valid(first.number))
    return { ...second, settled: sure(second.line) };
  const agree = second !== null && spec.value(second.number) === spec.value(first.number);
  // Two reads at different scales agreeing character for character, every character of both read firmly: the
  // line's own confidence is not asked for here, as it sinks on print the model has no class for (HKID's
  // brackets), but each character's is, and higher than for a read that stands alone.
  const firm = (l: TextLine) => l.weakest >= FIRM_CHARACTER;
  return { ...first, settled: agree && firm(first.line) && firm(second.line) };
}

async function numberAt<T>(
  ocr: OcrEngine,
  card: GreyImage,
  spec: CardNumberSpec<T>,
  scale: number,
): Promise<Omit<CardNumberRead<T>, 'settled'> | null> {
  // The window may hold other lines of the number's shape (the edge of the photo above it read as B90000000):
  // the line whose check holds, else the first that parses.
  let first: Omit<CardNumberRead<T>, 'settled'> | null = null;
  for (const line of await readWindow(ocr, card, spec.window, scale, spec.script, spec.whitelist)) {
    const number = spec.parse(line.text);
    if (number === null) continue;
    if (spec.valid(number)) return { number, line };
    first ??= { number, line };
  }
  return first;
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
