import { GreyImage, histogram, percentile, PixelBox } from './grey-image';
import { grade, QualityIssue } from './quality.types';
import { QualityThresholds } from './quality.thresholds';

/** Result of the focus measurement. */
export interface SharpnessReport {
  /**
   * Normalised Laplacian variance: sqrt(2 · Var(Laplacian) / Var(gradient)). For a step edge blurred by a Gaussian
   * of width σ pixels this is 1/σ, so it does not depend on contrast (both variances scale with it) nor on how much
   * text the image holds (both scale with the number of edges). Sharp scans reach about 1; σ=4 blur gives ~0.25.
   */
  sharpness: number;
  issue?: QualityIssue;
}

/**
 * Pixels flatter than this (squared grey levels per pixel) are skipped: there the 8-bit rounding of a smooth
 * ramp dominates the Laplacian and would make a heavily blurred image look crisp.
 */
const MIN_EDGE_GRADIENT2 = 9;
/**
 * Floor of the contrast range used to scale that cut-off: blur itself narrows the range a little, and without a
 * floor the cut-off would follow it down into the rounding noise.
 */
const MIN_RANGE = 96;

/**
 * Measures focus on the working copy, whose size is bounded but never enlarged: blur is judged in the pixels the
 * OCR will see, so a small but crisp image is not called blurred.
 */
export function checkSharpness(
  image: GreyImage,
  region: PixelBox,
  thresholds: QualityThresholds['sharpness'],
): SharpnessReport {
  const { width: w, height: h, data: d } = image;
  // Contrast normalisation: the flatness cut-off applies to the gradient as if the region spanned 0..255, so a dim
  // or washed-out photo keeps the same edges in the measure as a well-exposed one.
  const bins = histogram(image, region);
  const range = Math.max(MIN_RANGE, percentile(bins, 0.99) - percentile(bins, 0.01));
  const minGradient2 = MIN_EDGE_GRADIENT2 * (range / 255) ** 2;
  let laplacianEnergy = 0;
  let gradientEnergy = 0;
  // Only the document region: an out-of-focus background behind a sharp card must not count as blur.
  const [x0, x1] = [Math.max(1, region.x0), Math.min(w - 1, region.x1)];
  const [y0, y1] = [Math.max(1, region.y0), Math.min(h - 1, region.y1)];
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = y * w + x;
      const left = d[i - 1];
      const right = d[i + 1];
      const up = d[i - w];
      const down = d[i + w];
      const laplacian = left + right + up + down - 4 * d[i];
      const gx = (right - left) / 2;
      const gy = (down - up) / 2;
      const g2 = gx * gx + gy * gy;
      if (g2 < minGradient2) continue;
      laplacianEnergy += laplacian * laplacian;
      gradientEnergy += g2;
    }
  }
  // A flat image has no edges to judge; call it blurred rather than divide by zero.
  const sharpness = gradientEnergy > 0 ? Math.sqrt((2 * laplacianEnergy) / gradientEnergy) : 0;
  return { sharpness, issue: grade('IMAGE_BLURRED', sharpness, thresholds, true) };
}
