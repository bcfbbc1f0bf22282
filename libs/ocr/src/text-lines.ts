import type { Page } from 'tesseract.js';

/** Scripts a field of a printed card is read in, each with the model made for it. */
export type LineScript =
  /** Simplified Chinese (`chi_sim` LSTM) with the digits and Latin letters it also knows. */
  | 'han'
  /** Latin letters and digits (`eng` LSTM): an HKID card's English name and dates. */
  | 'latin'
  /** Digits and the letter X, in the OCR-B the cards print their numbers in (the MRZ model knows that face). */
  | 'number';

/** One line of text as tesseract laid it out, in pixels of the image it was read from. */
export interface TextLine {
  text: string;
  /** Mean character confidence 0–1. */
  confidence: number;
  /** The least confident character's confidence 0–1 (one unsure digit is enough to doubt a number). */
  weakest: number;
  box: { x: number; y: number; width: number; height: number };
}

const HAN = '\\p{Script=Han}';
/** A space with a Han character on either side: tesseract's word segmentation, not the document's spacing. */
const HAN_GAP = new RegExp(`(?<=[${HAN}])\\s+(?=[${HAN}\\d])|(?<=[${HAN}\\d])\\s+(?=[${HAN}])`, 'gu');

/** Tesseract separates every Han character as a word; the card prints none of those spaces. */
export function stripHanSpaces(text: string): string {
  return text.replace(HAN_GAP, '');
}

/** The lines of a recognised page, Han word gaps removed, empty lines dropped. */
export function linesOf(page: Page): TextLine[] {
  const lines: TextLine[] = [];
  for (const block of page.blocks ?? [])
    for (const paragraph of block.paragraphs)
      for (const line of paragraph.lines) {
        const text = stripHanSpaces(line.text.replace(/\s+$/u, '').replace(/^\s+/u, ''));
        if (!text) continue;
        const symbols = line.words.flatMap((w) => w.symbols ?? []);
        const weakest = symbols.length ? Math.min(...symbols.map((s) => s.confidence)) : line.confidence;
        lines.push({
          text,
          confidence: line.confidence / 100,
          weakest: weakest / 100,
          box: {
            x: line.bbox.x0,
            y: line.bbox.y0,
            width: line.bbox.x1 - line.bbox.x0,
            height: line.bbox.y1 - line.bbox.y0,
          },
        });
      }
  return lines;
}
