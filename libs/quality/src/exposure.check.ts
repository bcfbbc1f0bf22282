import { GreyImage, histogram, PixelBox, percentile } from './grey-image';
import { grade, QualityIssue } from './quality.types';
import { QualityThresholds } from './quality.thresholds';

/** Brightness distribution of the document region. */
export interface ExposureReport {
  /** Mean grey level, 0..1. */
  brightness: number;
  /** 5th, 50th and 95th percentile grey levels, 0..255. */
  p5: number;
  p50: number;
  p95: number;
  /** Fractions of pixels at or below 10 (crushed black) and at or above 250 (clipped white). */
  darkClipped: number;
  brightClipped: number;
  issues: QualityIssue[];
}

/**
 * Judges exposure by the ends of the histogram rather than the mean, because documents differ a lot in how much
 * ink and blank paper they carry: an image is too dark when even its brightest part (paper) is dark, and too bright
 * when most of the document has clipped to white, print included, or when even its darkest part (print) has
 * washed out to pale grey. White renderings carry up to three quarters of
 * blank paper, which bounds how low the clipped-fraction threshold may go.
 */
export function checkExposure(
  image: GreyImage,
  region: PixelBox,
  thresholds: QualityThresholds['exposure'],
): ExposureReport {
  const bins = histogram(image, region);
  let total = 0;
  let sum = 0;
  for (let v = 0; v < 256; v++) {
    total += bins[v];
    sum += v * bins[v];
  }
  let dark = 0;
  let bright = 0;
  for (let v = 0; v <= 10; v++) dark += bins[v];
  for (let v = 250; v < 256; v++) bright += bins[v];
  const p5 = percentile(bins, 0.05);
  const p95 = percentile(bins, 0.95);
  const clipped = grade(
    'IMAGE_TOO_BRIGHT',
    total ? bright / total : 0,
    { warn: thresholds.clippedWarn, fail: thresholds.clippedFail },
    false,
  );
  // Overexposure that stops just short of clipping leaves the paper at 249 and the print pale grey.
  const washedOut = grade(
    'IMAGE_TOO_BRIGHT',
    p5,
    { warn: thresholds.washedOutP5Warn, fail: thresholds.washedOutP5Fail },
    false,
  );
  const tooBright = [clipped, washedOut].find((i) => i?.severity === 'fail') ?? clipped ?? washedOut;
  const issues = [
    grade('IMAGE_TOO_DARK', p95, { warn: thresholds.darkP95Warn, fail: thresholds.darkP95Fail }, true),
    tooBright,
  ].filter((issue): issue is QualityIssue => issue !== undefined);
  return {
    brightness: total ? sum / total / 255 : 0,
    p5,
    p50: percentile(bins, 0.5),
    p95,
    darkClipped: total ? dark / total : 0,
    brightClipped: total ? bright / total : 0,
    issues,
  };
}
