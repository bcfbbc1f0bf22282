import sharp, { Sharp } from 'sharp';
import { Box, Regions } from '../sample.model';

/**
 * A rendered side in raw RGB with the regions that defects aim at. Defects work on raw pixels so a chain of them
 * decodes and encodes once; `jpeg` keeps the encoded bytes of a final JPEG defect so writing it adds no
 * second compression.
 */
export interface DocumentImage {
  data: Buffer;
  width: number;
  height: number;
  regions: Regions;
  /** Set by a `jpeg` defect while no later defect changed the pixels. */
  jpeg?: { quality: number; bytes: Buffer };
}

export const RAW_CHANNELS = 3;

/**
 * Draws transparent SVG markup over a raw RGB background of the same size, in place (the background buffer
 * becomes the image). The alpha blend is done here rather than with sharp's composite, which costs several
 * times more on mostly transparent overlays.
 */
export async function rasterize(
  background: Buffer,
  width: number,
  height: number,
  svg: string,
  regions: Regions,
): Promise<DocumentImage> {
  const { data: overlay, info } = await sharp(Buffer.from(svg))
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.width !== width || info.height !== height || info.channels !== 4) {
    throw new Error(
      `overlay is ${info.width}x${info.height}x${info.channels}, expected ${width}x${height}x4`,
    );
  }
  const data = background;
  for (let p = 0, o = 0; o < overlay.length; p += RAW_CHANNELS, o += 4) {
    const alpha = overlay[o + 3];
    if (alpha === 0) continue;
    if (alpha === 255) {
      data[p] = overlay[o];
      data[p + 1] = overlay[o + 1];
      data[p + 2] = overlay[o + 2];
    } else {
      const a = alpha / 255;
      data[p] += (overlay[o] - data[p]) * a;
      data[p + 1] += (overlay[o + 1] - data[p + 1]) * a;
      data[p + 2] += (overlay[o + 2] - data[p + 2]) * a;
    }
  }
  return { data, width, height, regions };
}

/** Decodes any image sharp reads (PNG, JPEG, ...) into a {@link DocumentImage}; regions default to the whole image. */
export async function decodeImage(image: Buffer, regions?: Regions): Promise<DocumentImage> {
  const { data, info } = await sharp(image)
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    data,
    width: info.width,
    height: info.height,
    regions: regions ?? { document: { x: 0, y: 0, width: info.width, height: info.height } },
  };
}

/** A sharp pipeline reading the image's raw pixels. */
export function pipeline(image: DocumentImage): Sharp {
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: RAW_CHANNELS } });
}

/** Runs a sharp pipeline back into raw pixels with the given regions. */
export async function toImage(s: Sharp, regions: Regions): Promise<DocumentImage> {
  const { data, info } = await s.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, regions };
}

/** Encodes as PNG, or returns the bytes of a trailing JPEG defect. */
export async function encodeImage(image: DocumentImage): Promise<{ bytes: Buffer; format: 'png' | 'jpeg' }> {
  if (image.jpeg) return { bytes: image.jpeg.bytes, format: 'jpeg' };
  // Level 3: files about 4 % larger than level 6 for half the encoding time, which dominates a case's cost.
  const bytes = await pipeline(image).png({ compressionLevel: 3, adaptiveFiltering: false }).toBuffer();
  return { bytes, format: 'png' };
}

/** Maps every region through `f` (a box to box transform), dropping regions that vanish. */
export function mapRegions(regions: Regions, f: (box: Box) => Box | undefined): Regions {
  const out: Regions = { document: f(regions.document) ?? { x: 0, y: 0, width: 0, height: 0 } };
  for (const key of ['mrz', 'photo', 'fields'] as const) {
    const box = regions[key];
    if (!box) continue;
    const mapped = f(box);
    if (mapped && mapped.width > 0 && mapped.height > 0) out[key] = mapped;
  }
  if (regions.named) {
    const named: Record<string, Box> = {};
    for (const [key, box] of Object.entries(regions.named)) {
      const mapped = f(box);
      if (mapped && mapped.width > 0 && mapped.height > 0) named[key] = mapped;
    }
    out.named = named;
  }
  return out;
}

/** Intersects a box with the image rectangle. */
export function clipBox(box: Box, width: number, height: number): Box | undefined {
  const x0 = Math.max(0, box.x);
  const y0 = Math.max(0, box.y);
  const x1 = Math.min(width, box.x + box.width);
  const y1 = Math.min(height, box.y + box.height);
  if (x1 <= x0 || y1 <= y0) return undefined;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Bounding box of points. */
export function boundingBox(points: ReadonlyArray<readonly [number, number]>): Box {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return {
    x: Math.round(x),
    y: Math.round(y),
    width: Math.round(Math.max(...xs) - x),
    height: Math.round(Math.max(...ys) - y),
  };
}

export function corners(box: Box): [number, number][] {
  return [
    [box.x, box.y],
    [box.x + box.width, box.y],
    [box.x + box.width, box.y + box.height],
    [box.x, box.y + box.height],
  ];
}
