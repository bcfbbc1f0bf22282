import { cropBand, normalise, toPgm } from './band.crop';
import { decodeGrey, GreyImage, resizeGrey } from './grey-image';
import { locateMrzBands, MrzBand } from './mrz-band.locator';
import { checkMrzLines, MrzCheck } from './mrz.validator';
import { extractMrzCandidates } from './mrz-text.cleaner';
import { Box, MrzRead, Rotation } from './ocr.types';

/** Text and mean confidence (0–100, tesseract's scale) of one OCR pass over a band image. */
export interface OcrPass {
  text: string;
  confidence: number;
}

/** Recognises one prepared band image (binary PGM); the OCR model is the caller's choice. */
export type BandRecogniser = (image: Buffer) => Promise<OcrPass>;

/** Tuning of the MRZ reader; the defaults were measured on the specimen corpus (see bench/ocr-specimens.ts). */
export interface MrzReaderOptions {
  /** Long side of the raster the band locator works on. */
  locatorSide: number;
  /** How many located bands to OCR at most. */
  maxBands: number;
  /** Hard cap on OCR passes per image (bands × orientations), which bounds the worst-case time. */
  maxAttempts: number;
  /** Character height the band is scaled to before OCR. */
  charHeight: number;
}

export const DEFAULT_MRZ_READER_OPTIONS: MrzReaderOptions = {
  locatorSide: 800,
  maxBands: 4,
  maxAttempts: 6,
  charHeight: 30,
};

interface Attempt {
  check: MrzCheck;
  confidence: number;
  band: MrzBand;
  flip: boolean;
}

/**
 * Reads the MRZ of a document image: locate candidate bands, OCR each (deskewed, scaled, contrast
 * stretched) and keep the first whose check digits all verify; otherwise the best partial read.
 */
export async function readMrzWith(
  image: Buffer,
  recognise: BandRecogniser,
  options: Partial<MrzReaderOptions> = {},
): Promise<MrzRead> {
  const opts = { ...DEFAULT_MRZ_READER_OPTIONS, ...options };
  const started = performance.now();
  const empty = (failure: MrzRead['failure'], attempts = 0): MrzRead => ({
    found: false,
    lines: [],
    format: null,
    valid: false,
    checkDigitsPassed: 0,
    checkDigitsTotal: 0,
    confidence: 0,
    rotation: 0,
    skew: 0,
    attempts,
    ms: performance.now() - started,
    failure,
  });

  let page: GreyImage;
  try {
    page = await decodeGrey(image);
  } catch {
    return empty('IMAGE_UNREADABLE');
  }
  const scale = opts.locatorSide / Math.max(page.width, page.height);
  const work = await resizeGrey(
    page,
    Math.max(1, Math.round(page.width * scale)),
    Math.max(1, Math.round(page.height * scale)),
  );
  const bands = locateMrzBands(work, opts.maxBands).map((b) => toPageBand(b, scale));
  if (bands.length === 0) return empty('NO_MRZ_BAND');

  let best: Attempt | null = null;
  let attempts = 0;
  let ocrFailed = false;
  for (const band of bands) {
    for (const flip of [false, true]) {
      if (attempts >= opts.maxAttempts) break;
      attempts++;
      let pass: OcrPass;
      try {
        const crop = normalise(
          cropBand(page, band, { charHeight: opts.charHeight, marginAlong: 1.5, marginAcross: 0.8, flip }),
        );
        pass = await recognise(toPgm(crop));
      } catch {
        ocrFailed = true;
        continue;
      }
      const attempt = bestCandidate(pass, band, flip);
      if (attempt && (!best || rank(attempt) > rank(best))) best = attempt;
      if (best?.check.valid) break;
      // Upright text that OCRs into an MRZ shape needs no flip; garbage may be upside down.
      if (attempt && attempt.check.passed > 0) break;
    }
    if (best?.check.valid) break;
  }
  if (!best) return empty(ocrFailed ? 'OCR_FAILED' : 'MRZ_UNREADABLE', attempts);
  const reading = best.band.angle + (best.flip ? 180 : 0);
  const rotation = (((Math.round(reading / 90) * 90) % 360) + 360) % 360;
  return {
    found: true,
    lines: best.check.lines,
    format: best.check.format,
    valid: best.check.valid,
    checkDigitsPassed: best.check.passed,
    checkDigitsTotal: best.check.total,
    confidence: best.confidence,
    rotation: rotation as Rotation,
    skew: reading - Math.round(reading / 90) * 90,
    band: bandBox(best.band, page),
    attempts,
    ms: performance.now() - started,
  };
}

function toPageBand(b: MrzBand, scale: number): MrzBand {
  return {
    ...b,
    cx: (b.cx + 0.5) / scale - 0.5,
    cy: (b.cy + 0.5) / scale - 0.5,
    length: b.length / scale,
    height: b.height / scale,
    lineThickness: b.lineThickness / scale,
  };
}

function bestCandidate(pass: OcrPass, band: MrzBand, flip: boolean): Attempt | null {
  let best: Attempt | null = null;
  for (const candidate of extractMrzCandidates(pass.text)) {
    const check = checkMrzLines(candidate.lines);
    if (!check.format) continue;
    const attempt = { check, confidence: pass.confidence / 100, band, flip };
    if (!best || rank(attempt) > rank(best)) best = attempt;
    if (check.valid) break;
  }
  return best;
}

/** Valid beats partially valid beats confident; a pass with no verifying digit only wins on confidence. */
function rank(a: Attempt): number {
  return (
    (a.check.valid ? 1000 : 0) + (a.check.total ? (100 * a.check.passed) / a.check.total : 0) + a.confidence
  );
}

function bandBox(b: MrzBand, page: GreyImage): Box {
  const c = Math.abs(Math.cos((b.angle * Math.PI) / 180));
  const s = Math.abs(Math.sin((b.angle * Math.PI) / 180));
  const w = b.length * c + b.height * s;
  const h = b.length * s + b.height * c;
  const x0 = Math.max(0, b.cx - w / 2);
  const y0 = Math.max(0, b.cy - h / 2);
  const x1 = Math.min(page.width, b.cx + w / 2);
  const y1 = Math.min(page.height, b.cy + h / 2);
  return {
    x: x0 / page.width,
    y: y0 / page.height,
    width: (x1 - x0) / page.width,
    height: (y1 - y0) / page.height,
  };
}

/**
 * Cleans OCR text from any source (another engine, a whole-page read) into the best MRZ reading it holds,
 * with the same rules the reader uses on its own bands.
 */
export function mrzFromText(
  text: string,
  confidence = 0,
): Pick<MrzRead, 'found' | 'lines' | 'format' | 'valid' | 'checkDigitsPassed' | 'checkDigitsTotal'> {
  const dummy: MrzBand = {
    cx: 0,
    cy: 0,
    angle: 0,
    length: 0,
    height: 0,
    lineCount: 0,
    lineThickness: 1,
    score: 0,
  };
  const best = bestCandidate({ text, confidence }, dummy, false);
  if (!best)
    return { found: false, lines: [], format: null, valid: false, checkDigitsPassed: 0, checkDigitsTotal: 0 };
  return {
    found: true,
    lines: best.check.lines,
    format: best.check.format,
    valid: best.check.valid,
    checkDigitsPassed: best.check.passed,
    checkDigitsTotal: best.check.total,
  };
}
