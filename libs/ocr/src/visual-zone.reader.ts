import sharp from 'sharp';
import type { Page } from 'tesseract.js';
import { decodeGrey, GreyImage } from './grey-image';
import { Box, TextBlock, VisualZoneRead } from './ocr.types';
import { textLineAngle } from './text-angle';

/**
 * Recognises a prepared PNG and returns tesseract's page (with blocks). `sparse`: find scattered text rather
 * than lay out a page (tesseract's page segmentation 11).
 */
export type PageRecogniser = (image: Buffer, sparse: boolean) => Promise<Page>;

/** Where the text is and how it lies, when the caller knows (from the framing check and the MRZ read). */
export interface VisualZoneHints {
  /** The document's box in normalised coordinates; the whole image when absent. */
  region?: Box;
  /**
   * Angle (degrees, clockwise) by which the text lines are turned, e.g. the MRZ band's quarter turn plus skew.
   * Tesseract's page layout finds no text at all on a photo skewed by 5° or more against a dark desk. When
   * absent, the page's own lines of print give it within ±25° (see textLineAngle).
   */
  angle?: number;
  /**
   * `fields` (default): enlarge small print to the LSTM's best size, to read names and dates. `captions`: read
   * at most at 1200 px wide and never enlarge — enough for titles and captions ("IDENTITY CARD", "VALID THRU")
   * that tell what kind of card it is, in about half the time.
   */
  detail?: 'fields' | 'captions';
}

/** The LSTM model reads best with x-heights of 20–30 px; small scans are enlarged to about this width. */
const WIDTHS = { fields: { min: 1400, max: 2400 }, captions: { min: 0, max: 1200 } } as const;
/** Below this angle tesseract's own deskewing copes. */
const MIN_DESKEW_DEGREES = 1.5;
/**
 * Fewer letters and digits than this from the page layout pass: the layout found no text blocks (a dark,
 * patterned card), so the page is read again as scattered text.
 */
const MIN_PAGE_CHARACTERS = 24;

/**
 * Reads the human-readable text of a document image (or of its `region`, turned upright by `angle`) as blocks
 * with confidences, for cross-checking names and dates against the MRZ.
 */
export async function readVisualZoneWith(
  image: Buffer | GreyImage,
  hints: VisualZoneHints,
  recognise: PageRecogniser,
): Promise<VisualZoneRead> {
  const { region, detail = 'fields' } = hints;
  const { min: MIN_WIDTH, max: MAX_WIDTH } = WIDTHS[detail];
  const started = performance.now();
  let png: Buffer;
  let frame: { x: number; y: number; width: number; height: number; scale: number; ow: number; oh: number };
  let turned = false;
  try {
    const page = Buffer.isBuffer(image) ? await decodeGrey(image) : image;
    // Without an angle from the caller (a card's data page: its MRZ, if any, is on the other photo), the page's
    // own lines of print give it.
    const turn = uprightTurn(hints.angle ?? textLineAngle(page, region));
    turned = Math.abs(turn) >= MIN_DESKEW_DEGREES;
    const ow = page.width;
    const oh = page.height;
    const r = region ?? { x: 0, y: 0, width: 1, height: 1 };
    const x = clamp(Math.round(r.x * ow), 0, ow - 1);
    const y = clamp(Math.round(r.y * oh), 0, oh - 1);
    const width = clamp(Math.round(r.width * ow), 1, ow - x);
    const height = clamp(Math.round(r.height * oh), 1, oh - y);
    const scale = width < MIN_WIDTH ? MIN_WIDTH / width : width > MAX_WIDTH ? MAX_WIDTH / width : 1;
    // Materialised between steps: sharp applies extract/resize in its own order within one pipeline.
    const extracted = await sharp(Buffer.from(page.data.buffer, page.data.byteOffset, page.data.length), {
      raw: { width: ow, height: oh, channels: 1 },
    })
      .extract({ left: x, top: y, width, height })
      .png()
      .toBuffer({ resolveWithObject: true });
    // A turned crop is larger than the region (and a quarter turn swaps its sides): scale it by its own size,
    // or the resize would trim its edges.
    const cut = turned
      ? await sharp(extracted.data)
          .rotate(turn, { background: '#ffffff' })
          .png()
          .toBuffer({ resolveWithObject: true })
      : extracted;
    png = await sharp(cut.data)
      .resize(Math.round(cut.info.width * scale), Math.round(cut.info.height * scale), { kernel: 'cubic' })
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
    page = await recognise(png, false);
    if (alphanumerics(page.text) < MIN_PAGE_CHARACTERS) {
      const sparse = await recognise(png, true);
      if (alphanumerics(sparse.text) > alphanumerics(page.text)) page = sparse;
    }
  } catch {
    return { blocks: [], text: '', confidence: 0, ms: performance.now() - started, failure: 'OCR_FAILED' };
  }
  // Block boxes map back to the image only for an unturned crop; a turned one reports the region's box.
  const blocks: TextBlock[] = (page.blocks ?? [])
    .filter((b) => b.text.trim().length > 0)
    .map((b) => ({
      text: b.text.trim(),
      confidence: b.confidence / 100,
      box: turned
        ? {
            x: frame.x / frame.ow,
            y: frame.y / frame.oh,
            width: frame.width / frame.ow,
            height: frame.height / frame.oh,
          }
        : {
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

/** The clockwise turn that makes text lying at `angle` upright, in (-180, 180]. */
function uprightTurn(angle: number): number {
  const turn = -angle % 360;
  return turn > 180 ? turn - 360 : turn <= -180 ? turn + 360 : turn;
}

const alphanumerics = (text: string | undefined) => (text ?? '').replace(/[^\p{L}\p{N}]/gu, '').length;

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}
