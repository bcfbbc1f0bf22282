import { Rng } from '../prng';
import { DocumentImage, pipeline, RAW_CHANNELS, toImage } from './document-image';

/**
 * Moiré, as a phone photographing a screen or a finely printed pattern records it: curved interference fringes
 * of about `period` pixels, a little out of phase in each colour channel (so they are coloured), their strength
 * (`amplitude` grey levels) beating slowly across the frame.
 */
export function moireDefect(
  image: DocumentImage,
  period: number,
  amplitude: number,
  seed: number,
): DocumentImage {
  const rng = new Rng(seed);
  const { width, height } = image;
  const angle = rng.float(0, Math.PI);
  const [cx, cy] = [rng.float(-0.5, 1.5) * width, rng.float(-0.5, 1.5) * height];
  const curvature = rng.float(0.2, 0.8) / (Math.max(width, height) * period);
  const beat = (2 * Math.PI) / (Math.max(width, height) * rng.float(0.3, 0.7));
  const [ux, uy] = [Math.cos(angle), Math.sin(angle)];
  const shifts = [0, rng.float(1.5, 2.5), rng.float(3.5, 4.5)];
  // sin(phase + shift) = sin(phase)·cos(shift) + cos(phase)·sin(shift): two trigonometric calls a pixel, not three.
  const cosShift = shifts.map(Math.cos);
  const sinShift = shifts.map(Math.sin);
  const data = Buffer.from(image.data);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const along = x * ux + y * uy;
      const phase = (2 * Math.PI * along) / period + curvature * ((x - cx) ** 2 + (y - cy) ** 2);
      const envelope = amplitude * (0.55 + 0.45 * Math.sin(along * beat));
      const [s, c] = [Math.sin(phase) * envelope, Math.cos(phase) * envelope];
      const i = (y * width + x) * RAW_CHANNELS;
      for (let ch = 0; ch < 3; ch++) {
        const v = data[i + ch] + s * cosShift[ch] + c * sinShift[ch];
        data[i + ch] = v < 0 ? 0 : v > 255 ? 255 : v;
      }
    }
  }
  return { ...image, data };
}

/** Camera shake: a straight motion blur `length` pixels long at `angle` degrees (a line kernel). */
export async function motionDefect(
  image: DocumentImage,
  length: number,
  angle: number,
): Promise<DocumentImage> {
  if (length < 1.5) return image;
  if (angle % 90 === 0) {
    // Along an axis the kernel is one line of ones in a 3-wide band (libvips wants both sides 3 or more): as
    // many taps as pixels of travel, not their square.
    const taps = Math.max(3, Math.round(length));
    const horizontal = (angle / 90) % 2 === 0;
    const kernel = horizontal
      ? [
          ...new Array<number>(taps).fill(0),
          ...new Array<number>(taps).fill(1),
          ...new Array<number>(taps).fill(0),
        ]
      : new Array<number>(taps).fill(0).flatMap(() => [0, 1, 0]);
    return toImage(
      pipeline(image).convolve({
        width: horizontal ? taps : 3,
        height: horizontal ? 3 : taps,
        kernel,
        scale: taps,
      }),
      image.regions,
    );
  }
  const half = Math.ceil(length / 2);
  const size = 2 * half + 1;
  const [dx, dy] = [Math.cos((angle * Math.PI) / 180), Math.sin((angle * Math.PI) / 180)];
  const kernel: number[] = [];
  for (let y = -half; y <= half; y++) {
    for (let x = -half; x <= half; x++) {
      const along = x * dx + y * dy;
      const across = Math.abs(-x * dy + y * dx);
      kernel.push(Math.abs(along) <= length / 2 ? Math.max(0, 1 - across) : 0);
    }
  }
  const scale = kernel.reduce((a, b) => a + b, 0);
  return toImage(pipeline(image).convolve({ width: size, height: size, kernel, scale }), image.regions);
}
