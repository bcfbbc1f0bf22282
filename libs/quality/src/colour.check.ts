import sharp, { type SharpOptions } from 'sharp';
import type { Box } from './grey-image';
import type { QualityIssue } from './quality.types';

/** A small sRGB copy of the upload (3 bytes a pixel, row-major), enough to measure its colour. */
export interface ColourImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface ColourReport {
  /**
   * Spread of the document's chroma: the standard deviation of Hasler and Süsstrunk's opponent channels R−G
   * and ½(R+G)−B, in grey levels. Every identity document is printed in colour; a photocopy or a
   * black-and-white print has none.
   */
  chroma: number;
  /**
   * Spread of its chromaticity (r = R/(R+G+B), g = G/(R+G+B), standard deviation ×255). A tinted light or a
   * white balance multiplies the channels, which gives a copy some chroma but leaves its chromaticity flat.
   */
  chromaticity: number;
  issue?: QualityIssue;
}

/** Pixels darker than this (sum of the channels) are left out of the measure. */
const MIN_SUM = 90;

/** Long side of the colour copy: a 256 px thumbnail measures chroma as well as the full image. */
export const COLOUR_SIDE = 256;

/** The colour copy of an upload, upright, alpha flattened on white. */
export async function loadColour(bytes: Buffer, options: SharpOptions): Promise<ColourImage> {
  const { data, info } = await sharp(bytes, options)
    .timeout({ seconds: 10 })
    .rotate()
    .resize(COLOUR_SIDE, COLOUR_SIDE, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    data: new Uint8Array(data.buffer, data.byteOffset, data.length),
  };
}

/** Measures the document's colour inside `box` (normalised; the whole image when absent). Pure. */
export function checkColour(
  image: ColourImage,
  box: Box | undefined,
  limits: { copyChroma: number; copyChromaticity: number },
): ColourReport {
  const b = box ?? { x: 0, y: 0, width: 1, height: 1 };
  const x0 = Math.floor(b.x * image.width);
  const y0 = Math.floor(b.y * image.height);
  const x1 = Math.min(image.width, Math.ceil((b.x + b.width) * image.width));
  const y1 = Math.min(image.height, Math.ceil((b.y + b.height) * image.height));
  const opponent = new Spread();
  const relative = new Spread();
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const i = (y * image.width + x) * 3;
      const [r, g, bl] = [image.data[i], image.data[i + 1], image.data[i + 2]];
      opponent.add(r - g, 0.5 * (r + g) - bl);
      const sum = r + g + bl;
      // Near-black pixels have no reliable chromaticity (sensor noise dominates).
      if (sum >= MIN_SUM) relative.add((r / sum) * 255, (g / sum) * 255);
    }
  const chroma = opponent.deviation();
  const chromaticity = relative.deviation();
  const copy = chroma < limits.copyChroma || chromaticity < limits.copyChromaticity;
  const [measured, threshold] =
    chroma < limits.copyChroma ? [chroma, limits.copyChroma] : [chromaticity, limits.copyChromaticity];
  return {
    chroma,
    chromaticity,
    // A warning, not a failure before OCR: a black payment card has no colour either, and is `unsupported`.
    ...(copy
      ? { issue: { code: 'DOCUMENT_COPY', severity: 'warn', measured, threshold } as QualityIssue }
      : {}),
  };
}

/** Running standard deviation of a two-channel signal (the root of the two variances' sum), 0.1 precision. */
class Spread {
  private n = 0;
  private s = [0, 0];
  private q = [0, 0];

  add(a: number, b: number): void {
    this.n++;
    this.s[0] += a;
    this.s[1] += b;
    this.q[0] += a * a;
    this.q[1] += b * b;
  }

  deviation(): number {
    if (this.n === 0) return 0;
    const variance = [0, 1].reduce((v, k) => v + this.q[k] / this.n - (this.s[k] / this.n) ** 2, 0);
    return Math.round(Math.sqrt(Math.max(0, variance)) * 10) / 10;
  }
}
