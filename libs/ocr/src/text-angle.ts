import type { GreyImage } from './grey-image';
import type { Box } from './ocr.types';

/** Long side of the raster the angle is measured on: lines of print stay several pixels tall. */
const WORK_SIDE = 640;
/** Most ink points measured; more are sampled evenly. */
const MAX_POINTS = 30_000;
/**
 * How much better the best angle's profile must be than the unturned one's to be believed: a page without lines
 * of print (a photo, a guilloche) peaks at random angles, and turning an upright page by a wrong angle loses it.
 */
const MIN_GAIN = 1.15;

/**
 * The angle (degrees, clockwise, in ±`maxDegrees`) at which the lines of print of a page (or of `region` of it)
 * lie, as {@link VisualZoneHints.angle} takes it; 0 when no angle stands out. A photo of a card's data page
 * rolled by 5° or more reads as nothing in tesseract's page layout, and that page has no MRZ band to take the
 * angle from (a card's MRZ is on its other side, photographed separately).
 *
 * Projection profile: print is dark against its own surroundings (measured against the local mean, so a shadow
 * across the card is no ink), and its points, projected across the direction the lines run, pile up into narrow
 * rows at the right angle; the sum of the squared row counts is largest there.
 */
export function textLineAngle(img: GreyImage, region?: Box, maxDegrees = 25): number {
  const points = inkPoints(img, region);
  if (points.length < 200) return 0;
  const profile = (degrees: number) => rowEnergy(points, degrees);
  let best = 0;
  let bestScore = profile(0);
  const level = bestScore;
  for (let a = -maxDegrees; a <= maxDegrees; a += 1) {
    const s = profile(a);
    if (s > bestScore) [best, bestScore] = [a, s];
  }
  for (let a = best - 0.75; a <= best + 0.75; a += 0.25) {
    const s = profile(a);
    if (s > bestScore) [best, bestScore] = [a, s];
  }
  return bestScore >= MIN_GAIN * level ? best : 0;
}

/** Ink points (x, y about the centre) of the region, on a raster reduced to about WORK_SIDE. */
function inkPoints(img: GreyImage, region?: Box): Float64Array {
  const r = region ?? { x: 0, y: 0, width: 1, height: 1 };
  const x0 = Math.max(0, Math.floor(r.x * img.width));
  const y0 = Math.max(0, Math.floor(r.y * img.height));
  const x1 = Math.min(img.width, Math.ceil((r.x + r.width) * img.width));
  const y1 = Math.min(img.height, Math.ceil((r.y + r.height) * img.height));
  const step = Math.max(1, Math.max(x1 - x0, y1 - y0) / WORK_SIDE);
  const w = Math.floor((x1 - x0) / step);
  const h = Math.floor((y1 - y0) / step);
  if (w < 32 || h < 32) return new Float64Array(0);
  const grey = new Float64Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      grey[y * w + x] = img.data[Math.floor(y0 + y * step) * img.width + Math.floor(x0 + x * step)];
  // Summed-area table for the local mean over a window about a line of print tall.
  const sum = new Float64Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++)
    for (let x = 0, row = 0; x < w; x++) {
      row += grey[y * w + x];
      sum[(y + 1) * (w + 1) + x + 1] = sum[y * (w + 1) + x + 1] + row;
    }
  const k = Math.max(4, Math.round(Math.max(w, h) / 40));
  const found: number[] = [];
  for (let y = 0; y < h; y++) {
    const ya = Math.max(0, y - k);
    const yb = Math.min(h, y + k + 1);
    for (let x = 0; x < w; x++) {
      const xa = Math.max(0, x - k);
      const xb = Math.min(w, x + k + 1);
      const area = (yb - ya) * (xb - xa);
      const mean =
        (sum[yb * (w + 1) + xb] - sum[ya * (w + 1) + xb] - sum[yb * (w + 1) + xa] + sum[ya * (w + 1) + xa]) /
        area;
      const v = grey[y * w + x];
      if (v < 0.8 * mean && mean - v > 16) found.push(x - w / 2, y - h / 2);
    }
  }
  const n = found.length / 2;
  if (n <= MAX_POINTS) return Float64Array.from(found);
  const out = new Float64Array(2 * MAX_POINTS);
  for (let i = 0; i < MAX_POINTS; i++) {
    const j = Math.floor((i * n) / MAX_POINTS);
    out[2 * i] = found[2 * j];
    out[2 * i + 1] = found[2 * j + 1];
  }
  return out;
}

/** Sum of squared counts of the points' rows across lines running at `degrees` (clockwise). */
function rowEnergy(points: Float64Array, degrees: number): number {
  const t = (degrees * Math.PI) / 180;
  const [c, s] = [Math.cos(t), Math.sin(t)];
  const rows = new Map<number, number>();
  for (let i = 0; i < points.length; i += 2) {
    const r = Math.round(points[i + 1] * c - points[i] * s);
    rows.set(r, (rows.get(r) ?? 0) + 1);
  }
  let energy = 0;
  for (const n of rows.values()) energy += n * n;
  return energy;
}
