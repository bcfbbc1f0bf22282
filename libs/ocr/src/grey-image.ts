import sharp from 'sharp';
import { decodePixels } from '@idv/quality';

/** A single-channel 8-bit raster, row-major. The unit every pure image step here works on. */
export interface GreyImage {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/**
 * Decodes an encoded image into an upright grey raster (long side at most `maxSide`) with the checks and the one
 * decode pipeline of `@idv/quality`; throws when the bytes are not an image it accepts.
 */
export async function decodeGrey(image: Buffer, maxSide = 1e6): Promise<GreyImage> {
  const decoded = await decodePixels(image, {}, maxSide);
  if (!decoded.ok) throw new Error(decoded.message);
  return decoded.grey;
}

/** A decoded raster with its long side at most `maxSide`: as it is when it fits, reduced otherwise. */
export async function fitGrey(img: GreyImage, maxSide: number): Promise<GreyImage> {
  const side = Math.max(img.width, img.height);
  if (side <= maxSide) return img;
  const k = maxSide / side;
  return resizeGrey(img, Math.max(1, Math.round(img.width * k)), Math.max(1, Math.round(img.height * k)));
}

/** Resamples a grey raster; sharp turns one-channel raw input into three channels unless told `b-w`. */
export async function resizeGrey(img: GreyImage, width: number, height: number): Promise<GreyImage> {
  const data = await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length), {
    raw: { width: img.width, height: img.height, channels: 1 },
  })
    .resize(width, height, { fit: 'fill', kernel: width > img.width ? 'cubic' : 'lanczos3' })
    .toColourspace('b-w')
    .raw()
    .toBuffer();
  return { data: new Uint8Array(data.buffer, data.byteOffset, width * height), width, height };
}

/**
 * The part of a raster inside `box` (normalised 0–1 coordinates), contrast-stretched as the card windows are
 * before OCR. An empty raster when the box lies outside the image.
 */
export async function cropStretched(
  img: GreyImage,
  box: { x: number; y: number; width: number; height: number },
): Promise<GreyImage> {
  const left = Math.max(0, Math.floor(box.x * img.width));
  const top = Math.max(0, Math.floor(box.y * img.height));
  const right = Math.min(img.width, Math.ceil((box.x + box.width) * img.width));
  const bottom = Math.min(img.height, Math.ceil((box.y + box.height) * img.height));
  if (right <= left || bottom <= top) return { data: new Uint8Array(0), width: 0, height: 0 };
  const [width, height] = [right - left, bottom - top];
  const data = await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length), {
    raw: { width: img.width, height: img.height, channels: 1 },
  })
    .extract({ left, top, width, height })
    .normalise()
    .toColourspace('b-w')
    .raw()
    .toBuffer();
  return { data: new Uint8Array(data.buffer, data.byteOffset, width * height), width, height };
}

/**
 * Working arrays of {@link darkMask}, kept between calls and grown when a raster needs more: each page would
 * otherwise allocate ~9 MB of typed arrays, and allocation of that kind is what sets off V8's full collections
 * (about one per document, 40–70 ms each in a worker's heap). Safe because darkMask is synchronous.
 */
const scratch = {
  sum: new Float64Array(0),
  sq: new Float64Array(0),
  means: new Float32Array(0),
  stds: new Float32Array(0),
};

function scratchFor(pixels: number, padded: number) {
  if (scratch.sum.length < padded) {
    scratch.sum = new Float64Array(padded);
    scratch.sq = new Float64Array(padded);
  }
  if (scratch.means.length < pixels) {
    scratch.means = new Float32Array(pixels);
    scratch.stds = new Float32Array(pixels);
  }
  return scratch;
}

/** Summed-area tables of values and squared values (one row and column of zero padding), in `sum` and `sq`. */
function integrals(img: GreyImage, sum: Float64Array, sq: Float64Array): void {
  const { data, width, height } = img;
  const w1 = width + 1;
  // The padding row and column must be zero; the arrays may hold an earlier raster.
  sum.fill(0, 0, w1);
  sq.fill(0, 0, w1);
  for (let y = 0; y < height; y++) {
    let row = 0;
    let rowSq = 0;
    sum[(y + 1) * w1] = 0;
    sq[(y + 1) * w1] = 0;
    for (let x = 0; x < width; x++) {
      const v = data[y * width + x];
      row += v;
      rowSq += v * v;
      sum[(y + 1) * w1 + x + 1] = sum[y * w1 + x + 1] + row;
      sq[(y + 1) * w1 + x + 1] = sq[y * w1 + x + 1] + rowSq;
    }
  }
}

/**
 * Wolf–Jolion binarisation (a Sauvola variant normalised by the image's own contrast): a pixel is ink when
 * darker than `(1-k)·m + k·M + k·(s/R)·(m − M)`, with m, s the window mean and deviation, M the image's dark
 * level and R its largest window deviation. Faint guilloche and paper texture (low s) stay white, while a
 * faded, low-contrast print is still caught because the threshold scales with that image's own range.
 */
export function darkMask(img: GreyImage, radius: number, k = 0.5): Uint8Array {
  const { data, width, height } = img;
  const w1 = width + 1;
  const { sum, sq, means, stds } = scratchFor(width * height, w1 * (height + 1));
  integrals(img, sum, sq);
  let maxStd = 1;
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - radius);
    const y1 = Math.min(height, y + radius + 1);
    for (let x = 0; x < width; x++) {
      const x0 = Math.max(0, x - radius);
      const x1 = Math.min(width, x + radius + 1);
      const n = (x1 - x0) * (y1 - y0);
      const a = y1 * w1 + x1;
      const b = y0 * w1 + x1;
      const c = y1 * w1 + x0;
      const d = y0 * w1 + x0;
      const mean = (sum[a] - sum[b] - sum[c] + sum[d]) / n;
      const std = Math.sqrt(Math.max(0, (sq[a] - sq[b] - sq[c] + sq[d]) / n - mean * mean));
      means[y * width + x] = mean;
      stds[y * width + x] = std;
      if (std > maxStd) maxStd = std;
    }
  }
  const dark = percentile(data, 0.01);
  const mask = new Uint8Array(width * height);
  for (let i = 0; i < mask.length; i++) {
    const m = means[i];
    const t = (1 - k) * m + k * dark + k * (stds[i] / maxStd) * (m - dark);
    if (data[i] < t) mask[i] = 1;
  }
  return mask;
}

function percentile(data: Uint8Array, q: number): number {
  const hist = new Uint32Array(256);
  for (const v of data) hist[v]++;
  let acc = 0;
  for (let v = 0; v < 256; v++) if ((acc += hist[v]) >= data.length * q) return v;
  return 255;
}
