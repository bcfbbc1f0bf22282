import { GreyImage } from './grey-image';
import { MrzBand } from './mrz-band.locator';

/** How to cut a band out of the full-resolution page for OCR. */
export interface CropOptions {
  /** Wanted height of a character in the output, in pixels. */
  charHeight: number;
  /** Margins in units of the line thickness. */
  marginAlong: number;
  marginAcross: number;
  /** Turn the crop by 180° (the band may be upside down). */
  flip: boolean;
}

/**
 * Cuts `band` (given in full-resolution coordinates) out of `page`, deskewed so that its lines run
 * horizontally, scaled so characters are `charHeight` tall, by inverse mapping with bilinear sampling.
 * One pass does rotate + crop + scale, which keeps the whole step a few milliseconds.
 */
export function cropBand(page: GreyImage, band: MrzBand, opts: CropOptions): GreyImage {
  const k = opts.charHeight / band.lineThickness;
  const halfAlong = band.length / 2 + band.lineThickness * opts.marginAlong;
  const halfAcross = band.height / 2 + band.lineThickness * opts.marginAcross;
  const width = Math.max(8, Math.round(2 * halfAlong * k));
  const height = Math.max(8, Math.round(2 * halfAcross * k));
  const theta = ((band.angle + (opts.flip ? 180 : 0)) * Math.PI) / 180;
  const ux = Math.cos(theta) / k;
  const uy = Math.sin(theta) / k;
  // Supersample when shrinking so thin strokes are averaged rather than skipped.
  const ss = k < 0.7 ? 2 : 1;
  const out = new Uint8Array(width * height);
  const { data, width: pw, height: ph } = page;
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      let acc = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const du = u + (sx + 0.5) / ss - width / 2;
          const dv = v + (sy + 0.5) / ss - height / 2;
          const x = band.cx + du * ux - dv * uy - 0.5;
          const y = band.cy + du * uy + dv * ux - 0.5;
          acc += sample(data, pw, ph, x, y);
        }
      }
      out[v * width + u] = Math.round(acc / (ss * ss));
    }
  }
  return { data: out, width, height };
}

function sample(data: Uint8Array, w: number, h: number, x: number, y: number): number {
  if (x < 0 || y < 0 || x > w - 1 || y > h - 1) return 255;
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const x1 = Math.min(x0 + 1, w - 1);
  const y1 = Math.min(y0 + 1, h - 1);
  const fx = x - x0;
  const fy = y - y0;
  const top = data[y0 * w + x0] * (1 - fx) + data[y0 * w + x1] * fx;
  const bottom = data[y1 * w + x0] * (1 - fx) + data[y1 * w + x1] * fx;
  return top * (1 - fy) + bottom * fy;
}

/** Stretches contrast between the 2nd and 98th percentile so faint prints and dark scans look alike. */
export function normalise(img: GreyImage): GreyImage {
  const hist = new Uint32Array(256);
  for (const v of img.data) hist[v]++;
  const n = img.data.length;
  let lo = 0;
  let hi = 255;
  for (let acc = 0; lo < 255 && (acc += hist[lo]) < n * 0.02; lo++);
  for (let acc = 0; hi > 0 && (acc += hist[hi]) < n * 0.02; hi--);
  if (hi - lo < 16) return img;
  const out = new Uint8Array(n);
  const span = hi - lo;
  for (let i = 0; i < n; i++)
    out[i] = Math.max(0, Math.min(255, Math.round(((img.data[i] - lo) * 255) / span)));
  return { data: out, width: img.width, height: img.height };
}

/**
 * The crop with its light evened out where a shadow or a bright patch lies across it: each pixel divided by the
 * brightest pixel near it (the paper behind the print). Tesseract binarises a band with one threshold, and a
 * zone half in a shadow, half in light (a card on a desk under a window) came out as `EG`: every grey pixel of the
 * shadowed half fell on the ink's side. A crop lit evenly is returned as is.
 */
export function evenLight(img: GreyImage): GreyImage {
  if (!unevenLight(img)) return img;
  const radius = Math.max(4, Math.round(img.height / 6));
  const paper = slidingMax(
    slidingMax(img.data, img.width, img.height, radius, true),
    img.width,
    img.height,
    radius,
    false,
  );
  const out = new Uint8Array(img.data.length);
  for (let i = 0; i < out.length; i++)
    out[i] = Math.min(255, Math.round((img.data[i] * 255) / Math.max(paper[i], 1)));
  return { data: out, width: img.width, height: img.height };
}

/** The paper's brightness (90th percentile) differs by more than this between stretches of the band. */
const UNEVEN_LIGHT = 48;

/** Whether the paper is much brighter along one stretch of the band than another (eight stretches compared). */
function unevenLight(img: GreyImage): boolean {
  const stretches = 8;
  const levels: number[] = [];
  for (let k = 0; k < stretches; k++) {
    const x0 = Math.floor((k * img.width) / stretches);
    const x1 = Math.floor(((k + 1) * img.width) / stretches);
    const hist = new Uint32Array(256);
    for (let y = 0; y < img.height; y++) for (let x = x0; x < x1; x++) hist[img.data[y * img.width + x]]++;
    const n = (x1 - x0) * img.height;
    let v = 255;
    for (let acc = 0; v > 0 && (acc += hist[v]) < n * 0.1; v--);
    levels.push(v);
  }
  return Math.max(...levels) - Math.min(...levels) > UNEVEN_LIGHT;
}

/** The maximum over a window of 2·radius+1 pixels along rows (`horizontal`) or columns, by a monotonic queue. */
function slidingMax(
  data: Uint8Array,
  width: number,
  height: number,
  radius: number,
  horizontal: boolean,
): Uint8Array {
  const out = new Uint8Array(data.length);
  const [lines, length] = horizontal ? [height, width] : [width, height];
  const at = (line: number, i: number) => (horizontal ? line * width + i : i * width + line);
  const queue = new Int32Array(length);
  for (let line = 0; line < lines; line++) {
    let head = 0;
    let tail = 0;
    for (let i = 0; i < length + radius; i++) {
      if (i < length) {
        const v = data[at(line, i)];
        while (tail > head && data[at(line, queue[tail - 1])] <= v) tail--;
        queue[tail++] = i;
      }
      const centre = i - radius;
      if (centre < 0) continue;
      while (queue[head] < centre - radius) head++;
      out[at(line, centre)] = data[at(line, queue[head])];
    }
  }
  return out;
}

/** Binary PGM: tesseract's image reader takes it without any compression work on our side. */
export function toPgm(img: GreyImage): Buffer {
  const header = Buffer.from(`P5\n${img.width} ${img.height}\n255\n`, 'ascii');
  return Buffer.concat([header, Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length)]);
}

/** Share of a row's pixels darker than the paper above which the row is off the document (see splitBandLines). */
const OFF_PAPER_DARK = 0.85;

/** The paper's grey level: the 90th percentile of the crop (print and pattern are darker). */
function paperLevel(data: Uint8Array): number {
  const hist = new Uint32Array(256);
  for (const v of data) hist[v]++;
  let level = 255;
  for (let above = 0; level > 0 && (above += hist[level]) < data.length * 0.1; level--);
  return level;
}

/**
 * The text lines of a deskewed band crop, top to bottom: rows clearly darker than the background's,
 * grouped into runs at least `minHeight` tall, the `maxLines` tallest kept, each with a quarter of its height
 * as margin above and below. For a recogniser that reads one line at a time.
 */
export function splitBandLines(band: GreyImage, minHeight: number, maxLines = 3): GreyImage[] {
  const { data, width, height } = band;
  const ink = new Float64Array(height);
  // Rows that are no paper at all (the desk or the hand below a card, where the crop reached past the
  // document's edge) are nearly all darker than the paper: they are neither background nor print, and a run of
  // them is as tall as a line.
  const darkBelow = 0.75 * paperLevel(data);
  const offPaper = new Uint8Array(height);
  for (let y = 0; y < height; y++) {
    let sum = 0;
    let dark = 0;
    for (let x = 0; x < width; x++) {
      const v = data[y * width + x];
      sum += 255 - v;
      if (v < darkBelow) dark++;
    }
    ink[y] = sum;
    offPaper[y] = dark > OFF_PAPER_DARK * width ? 1 : 0;
  }
  // Rows are measured against the background's own ink (the paper's pattern: the lightest tenth of the rows)
  // and a typical row of print (the 75th percentile: lines fill about half a band's rows), not against white
  // and the darkest row: serifs make a line's top and bottom rows far darker than its middle.
  const sorted = Float64Array.from(ink.filter((_, y) => !offPaper[y])).sort();
  if (sorted.length === 0) return [];
  const background = sorted[Math.floor(sorted.length / 10)];
  const print = sorted[Math.floor((sorted.length * 3) / 4)];
  if (print - background < 1e-9) return [];
  const threshold = (background + print) / 2;
  const runs: Array<[number, number]> = [];
  let start = -1;
  for (let y = 0; y <= height; y++) {
    const on = y < height && !offPaper[y] && ink[y] > threshold;
    if (on && start < 0) start = y;
    if (!on && start >= 0) {
      if (y - start >= minHeight) runs.push([start, y]);
      start = -1;
    }
  }
  return runs
    .sort((a, b) => b[1] - b[0] - (a[1] - a[0]))
    .slice(0, maxLines)
    .sort((a, b) => a[0] - b[0])
    .map(([top, bottom]) => {
      const margin = Math.round((bottom - top) / 4);
      const y0 = Math.max(0, top - margin);
      const y1 = Math.min(height, bottom + margin);
      return { width, height: y1 - y0, data: data.slice(y0 * width, y1 * width) };
    });
}
