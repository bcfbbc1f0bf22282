import type { GreyImage, OcrEngine, TextLine } from '@idv/ocr';
import type { Box } from '@idv/quality';
import { textBands, type TextBandOptions } from './text-bands';

/** A character the line recogniser is at least this sure of is read; below it, a slip is possible. */
export const SURE_CHARACTER = 0.9;
/** Share of a line's pixels washed out to white beyond which glare, not print, decides what is legible. */
export const GLARE_SHARE = 0.02;
/** Grey level of a washed-out pixel: the cards' paper prints at 225–245. */
const WASHED_OUT = 252;

/**
 * The printed lines of a window of an upright card, top to bottom, each found by {@link textBands} and read on
 * its own by the Chinese line recogniser (PP-OCR: far fewer slips on names than tesseract's chi_sim, see
 * bench/han-ocr.bench.ts). Boxes are in pixels of the card. A line the recogniser fails on reads as nothing.
 */
export async function readCardLines(
  ocr: OcrEngine,
  card: GreyImage,
  window: Box,
  options: TextBandOptions = {},
): Promise<TextLine[]> {
  const lines: TextLine[] = [];
  for (const band of textBands(card, window, options)) {
    const line = await readBand(ocr, card, band);
    if (line) lines.push(line);
  }
  return lines;
}

/**
 * The same line read again from a crop of another extent (twice the margin round it): the recogniser sees
 * other pixels at another scale, so agreement rules out most slips of either read.
 */
export function rereadCardLine(ocr: OcrEngine, card: GreyImage, line: TextLine): Promise<TextLine | null> {
  const pad = line.box.height / 5;
  return readBand(ocr, card, {
    x: (line.box.x - pad) / card.width,
    y: (line.box.y - pad) / card.height,
    width: (line.box.width + 2 * pad) / card.width,
    height: (line.box.height + 2 * pad) / card.height,
  });
}

async function readBand(ocr: OcrEngine, card: GreyImage, band: Box): Promise<TextLine | null> {
  try {
    const read = await ocr.readHanLine(card, band);
    if (!read.text) return null;
    return {
      text: read.text,
      confidence: read.confidence,
      weakest: read.weakest,
      box: {
        x: band.x * card.width,
        y: band.y * card.height,
        width: band.width * card.width,
        height: band.height * card.height,
      },
    };
  } catch {
    return null;
  }
}

/** Share of a line's pixels at paper white or above (glare). */
export function washedOut(card: GreyImage, line: TextLine): number {
  const x0 = Math.max(0, Math.round(line.box.x));
  const y0 = Math.max(0, Math.round(line.box.y));
  const x1 = Math.min(card.width, Math.round(line.box.x + line.box.width));
  const y1 = Math.min(card.height, Math.round(line.box.y + line.box.height));
  let white = 0;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) if (card.data[y * card.width + x] >= WASHED_OUT) white++;
  return white / Math.max(1, (x1 - x0) * (y1 - y0));
}
