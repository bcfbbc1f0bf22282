import { abs, Box, GreyImage, histogram, normaliseBox, percentile, PixelBox, sobel } from './grey-image';
import { QualityIssue, Side } from './quality.types';
import { QualityThresholds } from './quality.thresholds';

/** Where the document is and whether it is whole. */
export interface FramingReport {
  found: boolean;
  /** Document box in normalised coordinates (the whole image when the document fills the frame). */
  box?: Box;
  /** Sides on which the document runs into the image border with content crossing it. */
  cutOff: Side[];
  /** Per touched side: along-border gradient in the outermost strip relative to the document's mean gradient. */
  cutScores: Partial<Record<Side, number>>;
  /** |log| distance of the box's width/height ratio from the nearest known document layout. */
  aspectMismatch?: number;
  /** Sides with a uniform background strip (so the document edge on that side is visible). */
  backgroundSides: Side[];
  /** Mean gradient magnitude of the whole image, scaled to a 0..255 contrast range; near zero for a blank frame. */
  texture: number;
  issues: QualityIssue[];
}

const SIDES: Side[] = ['top', 'bottom', 'left', 'right'];

interface Maps {
  image: GreyImage;
  gx: Float32Array;
  gy: Float32Array;
}

/** Values of row (top/bottom) or column (left/right) `index`, optionally restricted to [from, to). */
function line(maps: Maps, side: Side, index: number, from = 0, to?: number): number[] {
  const { width: w, height: h } = maps.image;
  const horizontal = side === 'top' || side === 'bottom';
  const end = to ?? (horizontal ? w : h);
  const out: number[] = [];
  for (let k = from; k < end; k++) out.push(horizontal ? index * w + k : k * w + index);
  return out;
}

/** Row or column index `depth` steps in from a side. */
function inward(image: GreyImage, side: Side, depth: number): number {
  if (side === 'top') return depth;
  if (side === 'left') return depth;
  if (side === 'bottom') return image.height - 1 - depth;
  return image.width - 1 - depth;
}

const magnitude = (maps: Maps, i: number) => abs(maps.gx[i]) + abs(maps.gy[i]);

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/**
 * For a side whose outer strip is uniform (background), walks inward until a row/column is mostly unlike that
 * background; returns the depth of the document edge, or 0 when the side has no background (document at the border).
 */
function edgeDepth(
  maps: Maps,
  side: Side,
  t: QualityThresholds['framing'],
): { depth: number; background: boolean } {
  const { image } = maps;
  const span = side === 'top' || side === 'bottom' ? image.height : image.width;
  const ring = Math.max(2, Math.round(t.ring * span));
  const strip: number[] = [];
  let stripTexture = 0;
  for (let depth = 1; depth <= ring; depth++) {
    for (const i of line(maps, side, inward(image, side, depth))) {
      strip.push(image.data[i]);
      stripTexture += magnitude(maps, i);
    }
  }
  stripTexture /= strip.length;
  const background = quantile(strip, 0.5);
  const spread = quantile(strip, 0.9) - quantile(strip, 0.1);
  if (spread > t.backgroundSpread || stripTexture > t.backgroundTexture)
    return { depth: 0, background: false };
  const limit = Math.floor(span * t.maxMargin);
  for (let depth = 1; depth < limit; depth++) {
    const pixels = line(maps, side, inward(image, side, depth));
    let foreground = 0;
    for (const i of pixels) {
      if (abs(image.data[i] - background) > t.foregroundDelta || magnitude(maps, i) > t.foregroundGradient)
        foreground++;
    }
    if (foreground / pixels.length > t.foregroundRow) return { depth, background: true };
  }
  // Uniform all the way in: no document edge on this side within reach.
  return { depth: limit, background: true };
}

/** Mean gradient magnitude inside a pixel box (shrunk by one pixel, where Sobel is defined). */
function meanTexture(maps: Maps, box: PixelBox): number {
  let sum = 0;
  let count = 0;
  const [x0, x1] = [Math.max(1, box.x0), Math.min(maps.image.width - 1, box.x1)];
  const [y0, y1] = [Math.max(1, box.y0), Math.min(maps.image.height - 1, box.y1)];
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      sum += magnitude(maps, y * maps.image.width + x);
      count++;
    }
  }
  return count ? sum / count : 0;
}

/**
 * How much content crosses the border on a touched side: the gradient along the border (|gx| for top/bottom, |gy|
 * for left/right) in the outermost strip. A document edge or a frame line parallel to the border has none; text or
 * a portrait sliced by the border has plenty. The corners are skipped because rounded card corners curve there.
 */
function crossingScore(
  maps: Maps,
  side: Side,
  box: PixelBox,
  interior: number,
  t: QualityThresholds['framing'],
): number {
  const horizontal = side === 'top' || side === 'bottom';
  const span = horizontal ? maps.image.height : maps.image.width;
  const from = horizontal ? box.x0 : box.y0;
  const to = horizontal ? box.x1 : box.y1;
  const margin = Math.round((to - from) * 0.1);
  const strip = Math.max(1, Math.round(t.cutStrip * span));
  let sum = 0;
  let count = 0;
  for (let depth = 1; depth <= strip; depth++) {
    for (const i of line(maps, side, inward(maps.image, side, depth), from + margin, to - margin)) {
      sum += abs(horizontal ? maps.gx[i] : maps.gy[i]);
      count++;
    }
  }
  return interior > 0 && count ? sum / count / interior : 0;
}

/** Distance, in |log ratio|, from `aspect` to the nearest of the known layout aspects. */
function mismatch(aspect: number, known: readonly number[]): number {
  return Math.min(...known.map((k) => Math.abs(Math.log(aspect / k))));
}

/**
 * Finds the document as the region inside uniform background strips, and flags sides where it runs into the
 * border with content crossing it. Most scans and renderings are cropped to the document, so a document filling the
 * frame is normal; only content sliced by the border counts as cut off.
 */
export function checkFraming(image: GreyImage, t: QualityThresholds['framing']): FramingReport {
  const { gx, gy } = sobel(image);
  const maps: Maps = { image, gx, gy };
  const whole: PixelBox = { x0: 0, y0: 0, x1: image.width, y1: image.height };
  // Contrast-normalised, so that a dim photo of a document is not mistaken for an empty frame.
  const bins = histogram(image);
  const range = Math.max(t.minRange, percentile(bins, 0.99) - percentile(bins, 0.01));
  const texture = (meanTexture(maps, whole) * 255) / range;
  if (texture < t.minTexture) {
    const issue: QualityIssue = {
      code: 'DOCUMENT_NOT_FOUND',
      severity: 'fail',
      measured: texture,
      threshold: t.minTexture,
    };
    return { found: false, cutOff: [], cutScores: {}, backgroundSides: [], texture, issues: [issue] };
  }
  const edges = Object.fromEntries(SIDES.map((side) => [side, edgeDepth(maps, side, t)])) as Record<
    Side,
    { depth: number; background: boolean }
  >;
  const box: PixelBox = {
    x0: edges.left.depth,
    y0: edges.top.depth,
    x1: image.width - edges.right.depth,
    y1: image.height - edges.bottom.depth,
  };
  const area = Math.max(0, box.x1 - box.x0) * Math.max(0, box.y1 - box.y0);
  const interior = meanTexture(maps, box);
  const backgroundSides = SIDES.filter((side) => edges[side].background);
  if (area < t.minArea * image.width * image.height || (interior * 255) / range < t.minTexture) {
    const issue: QualityIssue = {
      code: 'DOCUMENT_NOT_FOUND',
      severity: 'warn',
      measured: area / (image.width * image.height),
      threshold: t.minArea,
    };
    return { found: false, cutOff: [], cutScores: {}, backgroundSides, texture, issues: [issue] };
  }
  const cutScores: Partial<Record<Side, number>> = {};
  for (const side of SIDES) {
    const span = side === 'top' || side === 'bottom' ? image.height : image.width;
    if (edges[side].depth <= t.touch * span) cutScores[side] = crossingScore(maps, side, box, interior, t);
  }
  const aspectMismatch = mismatch((box.x1 - box.x0) / Math.max(1, box.y1 - box.y0), t.aspects);
  // A box whose shape matches no document layout is itself evidence of a cut, so weaker crossing content suffices.
  const sideThreshold = aspectMismatch > t.aspectTolerance ? t.cutWithAspect : t.cutWarn;
  const cutOff = SIDES.filter((side) => (cutScores[side] ?? 0) > sideThreshold);
  const worst = Math.max(0, ...Object.values(cutScores));
  const issues: QualityIssue[] = [];
  if (worst > t.cutFail) {
    issues.push({ code: 'DOCUMENT_CUT_OFF', severity: 'fail', measured: worst, threshold: t.cutFail });
  } else if (cutOff.length > 0 && aspectMismatch > t.aspectTolerance) {
    issues.push({ code: 'DOCUMENT_CUT_OFF', severity: 'fail', measured: worst, threshold: t.cutWithAspect });
  } else if (cutOff.length > 0) {
    issues.push({ code: 'DOCUMENT_CUT_OFF', severity: 'warn', measured: worst, threshold: t.cutWarn });
  }
  return {
    found: true,
    box: normaliseBox(box, image.width, image.height),
    cutOff,
    cutScores,
    aspectMismatch,
    backgroundSides,
    texture,
    issues,
  };
}
