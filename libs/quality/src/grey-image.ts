import sharp, { SharpOptions } from 'sharp';

/** An 8-bit single-channel image, row-major. */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Axis-aligned box in normalised coordinates (0..1 of the upright image's width and height). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Pixel box in some grid, inclusive-exclusive (`x1`, `y1` are one past the last column and row). */
export interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Decodes, rotates upright, flattens on white and converts to greyscale in one libvips pipeline, shrinking so the
 * longer side is at most `maxSide` (never enlarging: enlarging would invent blur the upload does not have).
 * The result is materialised as raw pixels because sharp's `stats()` would read the input, not the pipeline result.
 */
export async function loadGrey(bytes: Buffer, options: SharpOptions, maxSide: number): Promise<GreyImage> {
  const { data, info } = await sharp(bytes, options)
    .timeout({ seconds: 10 })
    .rotate()
    .flatten({ background: '#ffffff' })
    .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return greyOf(data, info);
}

/**
 * The working copy of an already decoded grey raster, as {@link loadGrey} makes it from bytes: longer side at most
 * `maxSide`, never enlarged.
 */
export async function resizeGrey(image: GreyImage, maxSide: number): Promise<GreyImage> {
  if (Math.max(image.width, image.height) <= maxSide) return image;
  const { data, info } = await sharp(
    Buffer.from(image.data.buffer, image.data.byteOffset, image.data.length),
    {
      raw: { width: image.width, height: image.height, channels: 1 },
    },
  )
    .resize({ width: maxSide, height: maxSide, fit: 'inside' })
    // One-channel raw input would otherwise come out as three channels.
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return greyOf(data, info);
}

/** The grey raster of sharp's one-channel raw output. */
export function greyOf(data: Buffer, info: { width: number; height: number }): GreyImage {
  return {
    width: info.width,
    height: info.height,
    data: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height),
  };
}

/**
 * Absolute value without a global lookup: under a vm sandbox (jest) every `Math.*` call in a per-pixel loop goes
 * through the sandbox's global interceptor and costs ~10× more.
 */
export const abs = (v: number): number => (v < 0 ? -v : v);

/** Area-average downscale by an integer factor so the longer side is at most `maxSide`. */
export function shrink(image: GreyImage, maxSide: number): GreyImage {
  const factor = Math.ceil(Math.max(image.width, image.height) / maxSide);
  if (factor <= 1) return image;
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const data = new Uint8Array(width * height);
  const area = factor * factor;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy++) {
        const row = (y * factor + dy) * image.width + x * factor;
        for (let dx = 0; dx < factor; dx++) sum += image.data[row + dx];
      }
      data[y * width + x] = (sum / area + 0.5) | 0;
    }
  }
  return { width, height, data };
}

/** Value below which `fraction` of the pixels lie (histogram-based, exact for 8-bit data). */
export function histogram(image: GreyImage, region?: PixelBox): Uint32Array {
  const bins = new Uint32Array(256);
  const { x0, y0, x1, y1 } = region ?? { x0: 0, y0: 0, x1: image.width, y1: image.height };
  for (let y = y0; y < y1; y++) {
    const row = y * image.width;
    for (let x = x0; x < x1; x++) bins[image.data[row + x]]++;
  }
  return bins;
}

/** Percentile (0..1) of an 8-bit histogram. */
export function percentile(bins: Uint32Array, fraction: number): number {
  let total = 0;
  for (const c of bins) total += c;
  const target = fraction * total;
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += bins[v];
    if (seen >= target && seen > 0) return v;
  }
  return 255;
}

/**
 * Gradient magnitude with the Sobel operator (borders left at zero). Returned as float so that callers can
 * threshold relative to the image's own contrast.
 */
export function sobel(image: GreyImage): { gx: Float32Array; gy: Float32Array } {
  const { width: w, height: h, data: d } = image;
  const gx = new Float32Array(w * h);
  const gy = new Float32Array(w * h);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const tl = d[i - w - 1];
      const tr = d[i - w + 1];
      const bl = d[i + w - 1];
      const br = d[i + w + 1];
      gx[i] = (tr + 2 * d[i + 1] + br - tl - 2 * d[i - 1] - bl) / 8;
      gy[i] = (bl + 2 * d[i + w] + br - tl - 2 * d[i - w] - tr) / 8;
    }
  }
  return { gx, gy };
}

/** Box-filter mean of a float map over a (2r+1)² window, with an integral image (O(1) per pixel). */
export function boxMean(values: Float32Array, width: number, height: number, radius: number): Float32Array {
  const stride = width + 1;
  const integral = new Float64Array(stride * (height + 1));
  for (let y = 0; y < height; y++) {
    let rowSum = 0;
    for (let x = 0; x < width; x++) {
      rowSum += values[y * width + x];
      integral[(y + 1) * stride + x + 1] = integral[y * stride + x + 1] + rowSum;
    }
  }
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const ya = y - radius > 0 ? y - radius : 0;
    const yb = y + radius + 1 < height ? y + radius + 1 : height;
    for (let x = 0; x < width; x++) {
      const xa = x - radius > 0 ? x - radius : 0;
      const xb = x + radius + 1 < width ? x + radius + 1 : width;
      const sum =
        integral[yb * stride + xb] -
        integral[ya * stride + xb] -
        integral[yb * stride + xa] +
        integral[ya * stride + xa];
      out[y * width + x] = sum / ((yb - ya) * (xb - xa));
    }
  }
  return out;
}

/** A 4-connected blob of set mask pixels; `label` is its value in the label map. */
export interface Blob {
  label: number;
  area: number;
  box: PixelBox;
}

/**
 * Labels 4-connected components of a mask with an explicit stack (no recursion on large blobs). `labels` holds
 * blob label + 1 per pixel (0 = not in the mask).
 */
export function connectedBlobs(
  mask: Uint8Array,
  width: number,
  height: number,
): { blobs: Blob[]; labels: Int32Array } {
  const seen = new Int32Array(mask.length);
  const stack = new Int32Array(mask.length);
  const blobs: Blob[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start]) continue;
    let top = 0;
    stack[top++] = start;
    const blob: Blob = { label: blobs.length, area: 0, box: { x0: width, y0: height, x1: 0, y1: 0 } };
    seen[start] = blob.label + 1;
    while (top > 0) {
      const i = stack[--top];
      const x = i % width;
      const y = (i - x) / width;
      blob.area++;
      if (x < blob.box.x0) blob.box.x0 = x;
      if (y < blob.box.y0) blob.box.y0 = y;
      if (x + 1 > blob.box.x1) blob.box.x1 = x + 1;
      if (y + 1 > blob.box.y1) blob.box.y1 = y + 1;
      const neighbours = [
        x > 0 ? i - 1 : -1,
        x < width - 1 ? i + 1 : -1,
        y > 0 ? i - width : -1,
        y < height - 1 ? i + width : -1,
      ];
      for (const n of neighbours) {
        if (n >= 0 && mask[n] && !seen[n]) {
          seen[n] = blob.label + 1;
          stack[top++] = n;
        }
      }
    }
    blobs.push(blob);
  }
  return { blobs, labels: seen };
}

/** Converts a pixel box of a `width`×`height` grid to normalised coordinates. */
export function normaliseBox(box: PixelBox, width: number, height: number): Box {
  return {
    x: box.x0 / width,
    y: box.y0 / height,
    width: (box.x1 - box.x0) / width,
    height: (box.y1 - box.y0) / height,
  };
}
