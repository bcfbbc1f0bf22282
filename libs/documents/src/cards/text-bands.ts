import type { GreyImage } from '@idv/ocr';
import type { Box } from '@idv/quality';

/** Half the side of the neighbourhood a pixel is compared with, in card pixels (a character or two wide). */
const LOCAL = 18;
/** Darker than its neighbourhood by this much: print, not the card's tint or its guilloche. */
const INK_CONTRAST = 30;
/** A band lower than this share of the card's height is a speck or a stroke of the pattern, not a line of text. */
const MIN_BAND = 0.018;
/** Rows of a band may hold this share of the window's width in ink and still count as a gap between lines. */
const GAP_SHARE = 0.004;

export interface TextBandOptions {
  /**
   * Split a band where its columns hold no ink over this many band heights: a short line (an HKID's Chinese name)
   * then ends where its print does, not at the far stroke of the guilloche beside it, which a recogniser reads as
   * characters of its own. The runs are returned left to right.
   */
  splitAtGap?: number;
}

/**
 * The lines of text in a window of an upright card, top to bottom, as boxes of the card (normalised): where the
 * print is (pixels clearly darker than their neighbourhood), rows gathered into bands by the row profile (the
 * classic line segmentation), each band as wide as its ink. What a line recogniser then reads one by one. Pure.
 */
export function textBands(card: GreyImage, window: Box, options: TextBandOptions = {}): Box[] {
  const x0 = Math.max(0, Math.round(window.x * card.width));
  const y0 = Math.max(0, Math.round(window.y * card.height));
  const w = Math.min(card.width - x0, Math.round(window.width * card.width));
  const h = Math.min(card.height - y0, Math.round(window.height * card.height));
  if (w < 8 || h < 8) return [];
  const ink = inkMask(card, x0, y0, w, h);
  const rows = new Float64Array(h);
  for (let y = 0; y < h; y++) {
    let n = 0;
    for (let x = 0; x < w; x++) n += ink[y * w + x];
    rows[y] = n;
  }
  const gap = Math.max(1, GAP_SHARE * w);
  const bands: [number, number][] = [];
  let start = -1;
  for (let y = 0; y <= h; y++) {
    const inked = y < h && rows[y] > gap;
    if (inked && start < 0) start = y;
    if (!inked && start >= 0) {
      bands.push([start, y]);
      start = -1;
    }
  }
  // Characters with a gap inside them (二, 三, 旦) are one line: bands closer than a fifth of their height join.
  const joined: [number, number][] = [];
  for (const band of bands) {
    const last = joined[joined.length - 1];
    if (last && band[0] - last[1] < 0.2 * Math.max(band[1] - band[0], last[1] - last[0])) last[1] = band[1];
    else joined.push([...band]);
  }
  const minHeight = MIN_BAND * card.height;
  return joined
    .filter(([top, bottom]) => bottom - top >= minHeight)
    .flatMap(([top, bottom]) =>
      inkRuns(ink, w, top, bottom, options.splitAtGap).map(([left, right]) => {
        // A margin of a third of the line's height round it: recognisers read a line better with some paper.
        const pad = (bottom - top) / 3;
        const bx = Math.max(0, x0 + left - pad);
        const by = Math.max(0, y0 + top - pad);
        const bw = Math.min(card.width, x0 + right + 1 + pad) - bx;
        const bh = Math.min(card.height, y0 + bottom + pad) - by;
        return { x: bx / card.width, y: by / card.height, width: bw / card.width, height: bh / card.height };
      }),
    );
}

/** The columns of a band that hold its ink: one run from the first to the last, or runs split at wide gaps. */
function inkRuns(
  ink: Uint8Array,
  w: number,
  top: number,
  bottom: number,
  splitAtGap?: number,
): [number, number][] {
  const inked = new Uint8Array(w);
  for (let y = top; y < bottom; y++) for (let x = 0; x < w; x++) if (ink[y * w + x]) inked[x] = 1;
  const maxGap = splitAtGap === undefined ? Infinity : splitAtGap * (bottom - top);
  const runs: [number, number][] = [];
  let gap = 0;
  for (let x = 0; x < w; x++) {
    if (!inked[x]) {
      gap++;
      continue;
    }
    const last = runs[runs.length - 1];
    if (last && gap <= maxGap) last[1] = x;
    else runs.push([x, x]);
    gap = 0;
  }
  return runs;
}

/** 1 where a pixel of the window is clearly darker than the mean of its neighbourhood (an integral image). */
function inkMask(card: GreyImage, x0: number, y0: number, w: number, h: number): Uint8Array {
  const stride = w + 1;
  const integral = new Float64Array(stride * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += card.data[(y0 + y) * card.width + x0 + x];
      integral[(y + 1) * stride + x + 1] = integral[y * stride + x + 1] + row;
    }
  }
  const ink = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const [ya, yb] = [Math.max(0, y - LOCAL), Math.min(h, y + LOCAL + 1)];
    for (let x = 0; x < w; x++) {
      const [xa, xb] = [Math.max(0, x - LOCAL), Math.min(w, x + LOCAL + 1)];
      const sum =
        integral[yb * stride + xb] -
        integral[ya * stride + xb] -
        integral[yb * stride + xa] +
        integral[ya * stride + xa];
      const mean = sum / ((xb - xa) * (yb - ya));
      if (card.data[(y0 + y) * card.width + x0 + x] < mean - INK_CONTRAST) ink[y * w + x] = 1;
    }
  }
  return ink;
}
