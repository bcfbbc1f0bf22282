import sharp from 'sharp';
import type { Page } from 'tesseract.js';
import { Box, TextBlock, VisualZoneRead } from './ocr.types';

/** Recognises a prepared PNG and returns tesseract's page (with blocks). */
export type PageRecogniser = (image: Buffer) => Promise<Page>;

/** The LSTM model reads best with x-heights of 20–30 px; small scans are enlarged to about this width. */
const MIN_WIDTH = 1400;
const MAX_WIDTH = 2400;

/**
 * Reads the human-readable text of a document image (or of `region`) as blocks with confidences, for
 * cross-checking names and dates against the MRZ.
 */
export async function readVisualZoneWith(
  image: Buffer,
  region: Box | undefined,
  recognise: PageRecogniser,
): Promise<VisualZoneRead> {
  const started = performance.now();
  let png: Buffer;
  let frame: { x: number; y: number; width: number; height: number; scale: number; ow: number; oh: number };
  try {
    const oriented = await sharp(image, { failOn: 'truncated' })
      .rotate()
      .flatten({ background: '#ffffff' })
      .toColourspace('b-w')
      .png()
      .toBuffer({ resolveWithObject: true });
    const ow = oriented.info.width;
    const oh = oriented.info.height;
    const r = region ?? { x: 0, y: 0, width: 1, height: 1 };
    const x = clamp(Math.round(r.x * ow), 0, ow - 1);
    const y = clamp(Math.round(r.y * oh), 0, oh - 1);
    const width = clamp(Math.round(r.width * ow), 1, ow - x);
    const height = clamp(Math.round(r.height * oh), 1, oh - y);
    const scale = width < MIN_WIDTH ? MIN_WIDTH / width : width > MAX_WIDTH ? MAX_WIDTH / width : 1;
    // Materialised between steps: sharp applies extract/resize in its own order within one pipeline.
    const cut = await sharp(oriented.data).extract({ left: x, top: y, width, height }).png().toBuffer();
    png = await sharp(cut)
      .resize(Math.round(width * scale), Math.round(height * scale), { kernel: 'cubic' })
      .normalise()
      .png()
      .toBuffer();
    frame = { x, y, width, height, scale, ow, oh };
  } catch {
    return {
      blocks: [],
      text: '',
      confidence: 0,
      ms: performance.now() - started,
      failure: 'IMAGE_UNREADABLE',
    };
  }
  let page: Page;
  try {
    page = await recognise(png);
  } catch {
    return { blocks: [], text: '', confidence: 0, ms: performance.now() - started, failure: 'OCR_FAILED' };
  }
  const blocks: TextBlock[] = (page.blocks ?? [])
    .filter((b) => b.text.trim().length > 0)
    .map((b) => ({
      text: b.text.trim(),
      confidence: b.confidence / 100,
      box: {
        x: (frame.x + b.bbox.x0 / frame.scale) / frame.ow,
        y: (frame.y + b.bbox.y0 / frame.scale) / frame.oh,
        width: (b.bbox.x1 - b.bbox.x0) / frame.scale / frame.ow,
        height: (b.bbox.y1 - b.bbox.y0) / frame.scale / frame.oh,
      },
    }));
  return {
    blocks,
    text: page.text ?? '',
    confidence: (page.confidence ?? 0) / 100,
    ms: performance.now() - started,
  };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}
