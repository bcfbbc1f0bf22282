import sharp from 'sharp';
import { DocumentImage, mapRegions, pipeline, RAW_CHANNELS, toImage } from './document-image';

/** Gaussian blur, as from a camera out of focus or moving. */
export async function blurDefect(image: DocumentImage, sigma: number): Promise<DocumentImage> {
  if (sigma < 0.3) return image; // below libvips' minimum the blur is invisible anyway
  return toImage(pipeline(image).blur(sigma), image.regions);
}

/**
 * Underexposure: brightness scaled by `factor` with the slightly lifted, noisy-free black level of a phone
 * camera (pure black never occurs in photos).
 */
export async function darkDefect(image: DocumentImage, factor: number): Promise<DocumentImage> {
  return toImage(pipeline(image).linear(factor, 6 * (1 - factor)), image.regions);
}

/**
 * Overexposure: the distance of every pixel from white divided by `factor` (> 1), so the paper saturates and
 * text fades to a pale grey, as a flash or a too-long exposure leaves it.
 */
export async function brightDefect(image: DocumentImage, factor: number): Promise<DocumentImage> {
  const f = Math.max(1, factor);
  return toImage(pipeline(image).linear(1 / f, 255 * (1 - 1 / f)), image.regions);
}

/** Downscales to `width` pixels wide; regions scale along. */
export async function lowResolutionDefect(image: DocumentImage, width: number): Promise<DocumentImage> {
  const target = Math.max(16, Math.round(width));
  if (target >= image.width) return image;
  const scale = target / image.width;
  const height = Math.max(1, Math.round(image.height * scale));
  const regions = mapRegions(image.regions, (b) => ({
    x: Math.round(b.x * scale),
    y: Math.round(b.y * scale),
    width: Math.round(b.width * scale),
    height: Math.round(b.height * scale),
  }));
  return toImage(pipeline(image).resize(target, height, { kernel: 'lanczos3', fit: 'fill' }), regions);
}

/** JPEG compression at `quality`; the decoded pixels carry the artefacts and the bytes are kept for writing. */
export async function jpegDefect(image: DocumentImage, quality: number): Promise<DocumentImage> {
  const q = Math.min(100, Math.max(1, Math.round(quality)));
  const bytes = await pipeline(image)
    .jpeg({ quality: q, chromaSubsampling: '4:2:0', mozjpeg: false })
    .toBuffer();
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== RAW_CHANNELS) throw new Error(`unexpected ${info.channels} channels after JPEG`);
  return {
    data,
    width: info.width,
    height: info.height,
    regions: image.regions,
    jpeg: { quality: q, bytes },
  };
}
