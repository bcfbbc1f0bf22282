/* Test-only helpers (not exported): image measurements and ICAO check-digit verification. */
import { computeCheckDigit } from '@idv/mrz';
import path from 'node:path';
import sharp from 'sharp';
import { Box } from './sample.model';

export const corpusDir = process.env.IDV_CORPUS_DIR ?? path.resolve(__dirname, '../../../../shared/corpus');

/** Greyscale pixels of an encoded image. */
export async function grey(image: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(image).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

export function meanOf(g: { data: Buffer; width: number; height: number }, box?: Box): number {
  const b = box ?? { x: 0, y: 0, width: g.width, height: g.height };
  let sum = 0;
  let count = 0;
  for (let y = b.y; y < b.y + b.height; y++) {
    for (let x = b.x; x < b.x + b.width; x++) {
      sum += g.data[y * g.width + x];
      count++;
    }
  }
  return sum / Math.max(1, count);
}

/** Share of pixels darker than `threshold` (ink) inside `box`. */
export function inkShare(
  g: { data: Buffer; width: number; height: number },
  box: Box,
  threshold = 90,
): number {
  let ink = 0;
  let count = 0;
  for (let y = Math.max(0, box.y); y < Math.min(g.height, box.y + box.height); y++) {
    for (let x = Math.max(0, box.x); x < Math.min(g.width, box.x + box.width); x++) {
      if (g.data[y * g.width + x] < threshold) ink++;
      count++;
    }
  }
  return ink / Math.max(1, count);
}

/** Variance of the 4-neighbour Laplacian: the usual focus measure. */
export function laplacianVariance(g: { data: Buffer; width: number; height: number }): number {
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let y = 1; y < g.height - 1; y++) {
    for (let x = 1; x < g.width - 1; x++) {
      const i = y * g.width + x;
      const v = 4 * g.data[i] - g.data[i - 1] - g.data[i + 1] - g.data[i - g.width] - g.data[i + g.width];
      sum += v;
      sumSq += v * v;
      n++;
    }
  }
  const mean = sum / n;
  return sumSq / n - mean * mean;
}

/** Every ICAO check digit of the lines, named, with whether it verifies. */
export function checkDigits(lines: string[]): Record<string, boolean> {
  const ok = (value: string, digit: string) => computeCheckDigit(value) === digit;
  if (lines.length === 3) {
    const [l1, l2] = lines;
    return {
      documentNumber: ok(l1.slice(5, 14), l1[14]),
      dateOfBirth: ok(l2.slice(0, 6), l2[6]),
      expiryDate: ok(l2.slice(8, 14), l2[14]),
      composite: ok(l1.slice(5) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29), l2[29]),
    };
  }
  const [l1, l2] = lines;
  const visa = l1[0] === 'V';
  const out: Record<string, boolean> = {
    documentNumber: ok(l2.slice(0, 9), l2[9]),
    dateOfBirth: ok(l2.slice(13, 19), l2[19]),
    expiryDate: ok(l2.slice(21, 27), l2[27]),
  };
  if (visa) return out;
  if (l2.length === 44) {
    out.personalNumber = ok(l2.slice(28, 42), l2[42]) || (l2[42] === '<' && /^<+$/.test(l2.slice(28, 42)));
    out.composite = ok(l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 43), l2[43]);
  } else {
    out.composite = ok(l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 35), l2[35]);
  }
  return out;
}
