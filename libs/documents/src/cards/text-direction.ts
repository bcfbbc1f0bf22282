import type { GreyImage } from '@idv/ocr';

/** How the text lines of a card image lie: along the rows or the columns, and how far they are skewed. */
export interface TextDirection {
  /** The lines run down the image (the card was photographed a quarter turn round). */
  vertical: boolean;
  /** Degrees, clockwise, by which the lines are turned from the axis they run along. */
  skew: number;
}

/** Angles tried, in degrees: a hand-held card is rarely turned further without the person noticing. */
const ANGLES = [-8, -6, -4.5, -3, -2, -1, 0, 1, 2, 3, 4.5, 6, 8];
/** Working width of the estimate: a line of card text is still several pixels tall. */
const WORK_SIDE = 360;

/**
 * The direction of a card's text lines, by projection profiles (the classic deskew): ink projected along the
 * lines' true direction piles into sharp peaks and gaps, so the angle and axis whose profile varies most is the
 * one the lines follow. Pure and cheap (a few milliseconds on a shrunk copy); orientation within the axis (0 or
 * 180°) is left to the reader, which knows what the card should say.
 */
export function textDirection(image: GreyImage): TextDirection {
  const step = Math.max(1, Math.ceil(Math.max(image.width, image.height) / WORK_SIDE));
  const w = Math.floor(image.width / step);
  const h = Math.floor(image.height / step);
  const ink = inkPoints(image, step, w, h);
  let best = { vertical: false, skew: 0, score: -1 };
  for (const vertical of [false, true])
    for (const skew of ANGLES) {
      const score = profileVariance(ink, vertical, skew, vertical ? w : h);
      // A near tie keeps the smaller angle: plain text beats an artefact of the pattern.
      if (score > best.score * 1.02 || (score > best.score * 0.98 && Math.abs(skew) < Math.abs(best.skew)))
        best = { vertical, skew, score: Math.max(score, best.score) };
    }
  return { vertical: best.vertical, skew: best.skew };
}

/** Half the side of the neighbourhood a point is compared with, in working pixels (a few glyphs wide). */
const LOCAL = 6;
/** Darker than its neighbourhood by this much: a stroke, not a shadow, the desk or a printed tint. */
const INK_CONTRAST = 28;

/**
 * Ink points: darker than their own neighbourhood's mean (an integral image makes that cheap). A global
 * threshold would count a dark desk round the card, or a tinted panel, as ink, and those lie at no angle.
 */
function inkPoints(image: GreyImage, step: number, w: number, h: number): Float64Array {
  const integral = new Float64Array((w + 1) * (h + 1));
  const grey = new Float64Array(w * h);
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      const v = image.data[y * step * image.width + x * step];
      grey[y * w + x] = v;
      row += v;
      integral[(y + 1) * (w + 1) + x + 1] = integral[y * (w + 1) + x + 1] + row;
    }
  }
  const points: number[] = [];
  for (let y = 0; y < h; y++) {
    const [y0, y1] = [Math.max(0, y - LOCAL), Math.min(h, y + LOCAL + 1)];
    for (let x = 0; x < w; x++) {
      const [x0, x1] = [Math.max(0, x - LOCAL), Math.min(w, x + LOCAL + 1)];
      const sum =
        integral[y1 * (w + 1) + x1] -
        integral[y0 * (w + 1) + x1] -
        integral[y1 * (w + 1) + x0] +
        integral[y0 * (w + 1) + x0];
      const mean = sum / ((x1 - x0) * (y1 - y0));
      if (grey[y * w + x] < mean - INK_CONTRAST) points.push(x - w / 2, y - h / 2);
    }
  }
  return Float64Array.from(points);
}

/** Variance of the ink profile across lines running along `vertical`'s axis turned by `skew` degrees. */
function profileVariance(ink: Float64Array, vertical: boolean, skew: number, span: number): number {
  const rad = (skew * Math.PI) / 180;
  const [sin, cos] = [Math.sin(rad), Math.cos(rad)];
  const bins = new Float64Array(span * 2);
  for (let i = 0; i < ink.length; i += 2) {
    const [x, y] = [ink[i], ink[i + 1]];
    // Distance across the lines: rows measure y, columns x, both corrected for the skew.
    const across = vertical ? x * cos + y * sin : y * cos - x * sin;
    const bin = Math.round(across + span);
    if (bin >= 0 && bin < bins.length) bins[bin]++;
  }
  let mean = 0;
  for (const b of bins) mean += b;
  mean /= bins.length;
  let variance = 0;
  for (const b of bins) variance += (b - mean) ** 2;
  return variance / bins.length;
}
