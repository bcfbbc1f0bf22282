import { RAW_CHANNELS } from './defects/document-image';
import { Rng } from './prng';

/** What the security background of a document side looks like. */
export interface BackgroundSpec {
  /** Image size in pixels and resolution. */
  width: number;
  height: number;
  pxPerMm: number;
  /** The document's outline in mm within the image (origin at the image corner). */
  doc: { x: number; y: number; width: number; height: number; radius: number };
  /** Colour of the scanner bed around the document. */
  backdrop: string;
  paper: string;
  tint: readonly [string, string];
  /** Opacity of the tint gradient over the paper. */
  tintOpacity: number;
  /** Direction of the tint gradient, degrees. */
  tintAngle: number;
  patternColours: readonly string[];
  /** Line density multiplier; 0 draws no pattern. */
  density: number;
  /** Opacity multiplier of the pattern lines. */
  patternOpacity: number;
  seed: number;
}

type Rgb = [number, number, number];

export function hexToRgb(hex: string): Rgb {
  const v = parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/**
 * Rasterises paper, tint and guilloche (interlaced sine bands and spirograph rosettes) straight into raw RGB.
 * Real data pages carry such fine-line patterns, and they are what makes OCR and glare detection harder than on
 * a white page. Drawing them here instead of in SVG is what keeps a case's rendering fast: librsvg spends
 * hundreds of milliseconds tessellating thousands of overlapping thin strokes, this takes a few.
 */
export function renderBackground(spec: BackgroundSpec): Buffer {
  const { width, height } = spec;
  const out = Buffer.alloc(width * height * RAW_CHANNELS, Buffer.from(hexToRgb(spec.backdrop)));
  const rows = cardRows(spec);
  paintPaper(out, spec, rows);
  if (spec.density > 0) {
    const rng = new Rng(spec.seed);
    const colours = spec.patternColours.map(hexToRgb);
    waveBand(out, spec, rows, rng, colours[0], spec.density);
    waveBand(out, spec, rows, rng, colours[1 % colours.length], spec.density * 0.7);
    const rosettes = rng.int(1, 2);
    for (let r = 0; r < rosettes; r++) rosette(out, spec, rows, rng, colours[(r + 2) % colours.length]);
  }
  return out;
}

/** For every pixel row, the [start, end) pixel columns inside the rounded document outline. */
function cardRows(spec: BackgroundSpec): Int32Array {
  const k = spec.pxPerMm;
  const x0 = spec.doc.x * k;
  const y0 = spec.doc.y * k;
  const w = spec.doc.width * k;
  const h = spec.doc.height * k;
  const r = spec.doc.radius * k;
  const rows = new Int32Array(spec.height * 2);
  for (let y = 0; y < spec.height; y++) {
    const yc = y + 0.5;
    if (yc < y0 || yc > y0 + h) continue;
    const d = yc < y0 + r ? y0 + r - yc : yc > y0 + h - r ? yc - (y0 + h - r) : 0;
    const inset = d > 0 ? r - Math.sqrt(Math.max(0, r * r - d * d)) : 0;
    rows[2 * y] = Math.max(0, Math.round(x0 + inset));
    rows[2 * y + 1] = Math.min(spec.width, Math.round(x0 + w - inset));
  }
  return rows;
}

function paintPaper(out: Buffer, spec: BackgroundSpec, rows: Int32Array): void {
  const paper = hexToRgb(spec.paper);
  const t0 = hexToRgb(spec.tint[0]);
  const t1 = hexToRgb(spec.tint[1]);
  const a = spec.tintOpacity;
  // The gradient is linear in x along a row, so colours come from a 256-step table instead of per-pixel maths.
  const lut = new Uint8Array(256 * 3);
  for (let q = 0; q < 256; q++) {
    const t = q / 255;
    for (let c = 0; c < 3; c++)
      lut[q * 3 + c] = Math.round(paper[c] + (t0[c] + (t1[c] - t0[c]) * t - paper[c]) * a);
  }
  const k = spec.pxPerMm;
  const angle = (spec.tintAngle * Math.PI) / 180;
  const span = Math.abs(Math.cos(angle)) + Math.abs(Math.sin(angle));
  const cos = Math.cos(angle) / span;
  const sin = Math.sin(angle) / span;
  const x0 = spec.doc.x * k;
  const y0 = spec.doc.y * k;
  const w = spec.doc.width * k;
  const h = spec.doc.height * k;
  for (let y = 0; y < spec.height; y++) {
    const start = rows[2 * y];
    const end = rows[2 * y + 1];
    if (end <= start) continue;
    const base = ((y - y0) / h - 0.5) * sin + 0.5 - (x0 / w + 0.5) * cos;
    const step = cos / w;
    let i = (y * spec.width + start) * RAW_CHANNELS;
    for (let x = start; x < end; x++, i += RAW_CHANNELS) {
      const t = base + x * step;
      const q = t <= 0 ? 0 : t >= 1 ? 765 : ((t * 255) | 0) * 3;
      out[i] = lut[q];
      out[i + 1] = lut[q + 1];
      out[i + 2] = lut[q + 2];
    }
  }
}

function blend(out: Buffer, i: number, colour: Rgb, alpha: number): void {
  out[i] += (colour[0] - out[i]) * alpha;
  out[i + 1] += (colour[1] - out[i + 1]) * alpha;
  out[i + 2] += (colour[2] - out[i + 2]) * alpha;
}

/** A family of parallel wavy lines, each drawn column by column with exact vertical pixel coverage. */
function waveBand(
  out: Buffer,
  spec: BackgroundSpec,
  rows: Int32Array,
  rng: Rng,
  colour: Rgb,
  density: number,
): void {
  const k = spec.pxPerMm;
  const spacing = rng.float(0.9, 1.6) / density;
  const wavelength = rng.float(10, 26);
  const amplitude = rng.float(0.8, 2.6);
  const drift = rng.float(-0.25, 0.25);
  const phaseStep = rng.float(0.08, 0.35);
  const secondWave = rng.float(30, 70);
  const lineWidth = rng.float(0.05, 0.09) * k;
  const opacity = rng.float(0.35, 0.6) * spec.patternOpacity;
  const { doc } = spec;
  const count = Math.ceil((doc.height + 6 * amplitude + Math.abs(drift) * doc.width) / spacing);
  const w1 = (2 * Math.PI) / wavelength;
  const w2 = (2 * Math.PI) / secondWave;
  const firstColumn = Math.max(0, Math.floor(doc.x * k));
  const lastColumn = Math.min(spec.width, Math.ceil((doc.x + doc.width) * k));
  const columns = lastColumn - firstColumn;
  // Each line is the same two sines with a shifted phase, so per-column sines and cosines are computed once and
  // combined with the line's phase by the angle-sum identities.
  const xmm = new Float64Array(columns);
  const s1 = new Float64Array(columns);
  const c1 = new Float64Array(columns);
  const s2 = new Float64Array(columns);
  const c2 = new Float64Array(columns);
  for (let j = 0; j < columns; j++) {
    const xm = (firstColumn + j + 0.5) / k - doc.x;
    xmm[j] = xm;
    s1[j] = Math.sin(w1 * xm);
    c1[j] = Math.cos(w1 * xm);
    s2[j] = Math.sin(w2 * xm);
    c2[j] = Math.cos(w2 * xm);
  }
  const a2 = 0.6 * amplitude;
  const startY = doc.y - 3 * amplitude - Math.max(0, drift) * doc.width;
  for (let line = 0; line < count; line++) {
    const y0 = startY + line * spacing;
    const phase = line * phaseStep;
    const cp = Math.cos(phase);
    const sp = Math.sin(phase);
    const cq = Math.cos(phase * 0.5);
    const sq = Math.sin(phase * 0.5);
    for (let j = 0; j < columns; j++) {
      const x = firstColumn + j;
      // sin(a + p) = sin a cos p + cos a sin p;  sin(b - q) = sin b cos q - cos b sin q (and the cosines alike).
      const sinA = s1[j] * cp + c1[j] * sp;
      const cosA = c1[j] * cp - s1[j] * sp;
      const sinB = s2[j] * cq - c2[j] * sq;
      const cosB = c2[j] * cq + s2[j] * sq;
      const ym = y0 + amplitude * sinA + a2 * sinB + drift * xmm[j];
      const slope = amplitude * w1 * cosA + a2 * w2 * cosB + drift;
      const yc = (ym + doc.y) * k;
      const half = (lineWidth / 2) * Math.sqrt(1 + slope * slope);
      const top = Math.max(0, Math.floor(yc - half));
      const bottom = Math.min(spec.height - 1, Math.floor(yc + half));
      for (let py = top; py <= bottom; py++) {
        if (x < rows[2 * py] || x >= rows[2 * py + 1]) continue;
        const cover = Math.min(yc + half, py + 1) - Math.max(yc - half, py);
        if (cover > 0) blend(out, (py * spec.width + x) * RAW_CHANNELS, colour, opacity * Math.min(1, cover));
      }
    }
  }
}

let scratch = new Float32Array(0);

/**
 * A zeroed coverage mask, reusing one buffer across calls: rendering is synchronous, so no two callers share
 * it, and the garbage collector no longer has megabytes of masks to reclaim for every case.
 */
function scratchMask(length: number): Float32Array {
  if (scratch.length < length) scratch = new Float32Array(length);
  const mask = scratch.subarray(0, length);
  mask.fill(0);
  return mask;
}

/** Nested hypotrochoid rosettes, splatted sample by sample into a coverage mask and blended once. */
function rosette(out: Buffer, spec: BackgroundSpec, rows: Int32Array, rng: Rng, colour: Rgb): void {
  const k = spec.pxPerMm;
  const { doc } = spec;
  const radius = Math.min(doc.width, doc.height) * rng.float(0.22, 0.4) * k;
  const cx = (doc.x + doc.width * rng.float(0.35, 0.85)) * k;
  const cy = (doc.y + doc.height * rng.float(0.3, 0.7)) * k;
  const lobes = rng.int(9, 23);
  const ratio = rng.float(0.25, 0.45);
  const d0 = rng.float(0.6, 0.95);
  const rings = rng.int(2, 4);
  const r = ratio;
  const bigR = r * lobes;
  const kk = (bigR - r) / r;
  const scale = radius / (bigR - r + r * 0.9);
  const size = Math.ceil(radius * 2 + 4);
  const left = Math.floor(cx - size / 2);
  const topY = Math.floor(cy - size / 2);
  const mask = scratchMask(size * size);
  // Enough samples that neighbours are under 0.7 px apart on the outermost ring (the 2x2 splat covers the gaps).
  const samples = Math.ceil(2 * Math.PI * (bigR - r + r * kk) * scale * 1.6);
  const halfWidth = 0.035 * k;
  for (let ring = 0; ring < rings; ring++) {
    const s = scale * (1 - ring * 0.12);
    for (let i = 0; i < samples; i++) {
      const t = (i / samples) * 2 * Math.PI;
      const x = cx + ((bigR - r) * Math.cos(t) + d0 * r * Math.cos(kk * t)) * s - left;
      const y = cy + ((bigR - r) * Math.sin(t) - d0 * r * Math.sin(kk * t)) * s - topY;
      const ix = Math.floor(x - 0.5);
      const iy = Math.floor(y - 0.5);
      for (let dy = 0; dy <= 1; dy++) {
        for (let dx = 0; dx <= 1; dx++) {
          const px = ix + dx;
          const py = iy + dy;
          if (px < 0 || py < 0 || px >= size || py >= size) continue;
          const dist = Math.hypot(px + 0.5 - x, py + 0.5 - y);
          const cover = Math.min(1, halfWidth + 0.5 - dist);
          const m = py * size + px;
          if (cover > mask[m]) mask[m] = cover;
        }
      }
    }
  }
  const opacity = 0.45 * spec.patternOpacity;
  for (let py = 0; py < size; py++) {
    const y = topY + py;
    if (y < 0 || y >= spec.height) continue;
    for (let px = 0; px < size; px++) {
      const x = left + px;
      const cover = mask[py * size + px];
      if (cover <= 0 || x < rows[2 * y] || x >= rows[2 * y + 1]) continue;
      blend(out, (y * spec.width + x) * RAW_CHANNELS, colour, opacity * cover);
    }
  }
}
