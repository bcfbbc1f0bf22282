import sharp, { SharpOptions } from 'sharp';
import { ACCEPTED_FORMATS, SniffedFormat, sniffFormat } from './format.sniffer';
import { greyOf, type GreyImage } from './grey-image';
import { loadColour, type ColourImage } from './colour.check';
import { stripJpeg, stripPng } from './metadata.strip';
import { DecodeFailureCode, decodeFailureMessage } from './quality.error';

/** The image formats {@link decodeImage} accepts. */
export type AcceptedFormat = 'jpeg' | 'png' | 'webp' | 'tiff';

/** Upper bounds applied before any pixel is decoded. */
export interface DecodeLimits {
  /** Largest accepted width × height as declared in the header (default 40 MP). */
  maxPixels?: number;
  /** Largest accepted file size in bytes (default 25 MiB). */
  maxBytes?: number;
}

/** A decoded, upright, metadata-free image. */
export interface DecodedImage {
  ok: true;
  /**
   * The upright image (EXIF orientation applied, alpha flattened on white, no metadata): lossless PNG, or a
   * quality-95 JPEG for a JPEG/WebP source when `keepLossy` was asked. With `keepOriginal`, an upright opaque
   * JPEG or PNG is its own bytes with the metadata cut out (see {@link stripJpeg}).
   */
  image: Buffer;
  /** Size of `image`, i.e. after the EXIF rotation. */
  width: number;
  height: number;
  format: AcceptedFormat;
  /** EXIF orientation tag of the input (1 when absent). */
  orientation: number;
  /** True when the orientation tag required a rotation or flip. */
  orientationApplied: boolean;
}

/**
 * A decoded upload as the analysis reads it: upright grey pixels, long side at most {@link ANALYSIS_SIDE}. Quality,
 * MRZ and visual-zone reading all work on grey, so one decode serves them all.
 */
export interface DecodedPixels {
  ok: true;
  grey: GreyImage;
  /** A small colour copy (the grey raster has lost the colour a photocopy lacks). */
  colour: ColourImage;
  /** Size of the upload, upright (the grey raster may be smaller). */
  width: number;
  height: number;
  format: AcceptedFormat;
  orientation: number;
  orientationApplied: boolean;
}

/**
 * Long side of the analysis raster: MRZ characters of a full-page photo stay ≥ 20 px tall, and the visual zone
 * is read at most this wide anyway.
 */
export const ANALYSIS_SIDE = 2400;

/** Why an upload cannot be analysed; `detectedFormat` is set when the type was recognised but refused. */
export interface DecodeFailure {
  ok: false;
  code: DecodeFailureCode;
  message: string;
  detectedFormat?: SniffedFormat;
}

export type DecodeResult = DecodedImage | DecodeFailure;

/** 40 MP: a 7000×5700 phone photo fits, a 30000×30000 decompression bomb does not. */
export const DEFAULT_MAX_PIXELS = 40_000_000;
export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;
/** A hostile file must not hold a worker: libvips aborts the pipeline after this. */
const PIPELINE_TIMEOUT_SECONDS = 10;

interface Header {
  format: AcceptedFormat;
  orientation: number;
  hasAlpha: boolean;
  /** libvips's interpretation of the pixels ('srgb', 'b-w', 'cmyk', …). */
  space?: string;
  /** Upright size (width and height swapped for EXIF orientations 5–8). */
  width: number;
  height: number;
}

/** Internal outcome of the header checks, shared by the public decoder and the fast quality path. */
export type HeaderResult = ({ ok: true } & Header) | DecodeFailure;

const failure = (
  code: DecodeFailureCode,
  detectedFormat?: SniffedFormat,
  message?: string,
): DecodeFailure => ({
  ok: false,
  code,
  message: message ?? decodeFailureMessage(code),
  ...(detectedFormat ? { detectedFormat } : {}),
});

/**
 * Sharp options shared by every read of untrusted bytes: the pixel limit is checked by libvips against the header
 * before allocating, and `failOn: 'truncated'` turns premature ends into errors instead of grey padding.
 */
export function untrustedInput(maxPixels: number): SharpOptions {
  return { limitInputPixels: maxPixels, failOn: 'truncated' };
}

/** What a decoded result reports of its source: the format, and the EXIF orientation it was turned by. */
function orientationOf(header: Header) {
  return {
    format: header.format,
    orientation: header.orientation,
    orientationApplied: header.orientation > 1,
  };
}

/** Maps a libvips error to a stable code; anything but the pixel limit means the bytes are not a valid image. */
export function failureFromError(error: unknown, detectedFormat?: SniffedFormat): DecodeFailure {
  const text = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(text)) return failure('TOO_MANY_PIXELS', detectedFormat);
  return failure('CORRUPT_IMAGE', detectedFormat, `${decodeFailureMessage('CORRUPT_IMAGE')} (${text})`);
}

/** Sniffs the type and reads the header only: cheap, and enough to refuse bombs and foreign formats. */
export async function readHeader(bytes: Buffer, limits: DecodeLimits = {}): Promise<HeaderResult> {
  const maxPixels = limits.maxPixels ?? DEFAULT_MAX_PIXELS;
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!Buffer.isBuffer(bytes) || bytes.length === 0) return failure('CORRUPT_IMAGE');
  if (bytes.length > maxBytes) return failure('FILE_TOO_LARGE');
  const sniffed = sniffFormat(bytes);
  if (!ACCEPTED_FORMATS.has(sniffed)) {
    // An unrecognised blob is most likely damage or noise, not a format choice; say so.
    return sniffed === 'unknown' ? failure('CORRUPT_IMAGE') : failure('UNSUPPORTED_FORMAT', sniffed);
  }
  try {
    const meta = await sharp(bytes, untrustedInput(maxPixels)).metadata();
    if (!meta.width || !meta.height) return failure('CORRUPT_IMAGE', sniffed);
    // Multi-page TIFFs declare their pages separately; the pixel limit must hold for what we would decode.
    if (meta.width * meta.height > maxPixels) return failure('TOO_MANY_PIXELS', sniffed);
    if (meta.format !== sniffed) return failure('CORRUPT_IMAGE', sniffed);
    const orientation = meta.orientation ?? 1;
    const turned = orientation >= 5;
    return {
      ok: true,
      format: sniffed as AcceptedFormat,
      orientation,
      hasAlpha: !!meta.hasAlpha,
      space: meta.space,
      width: turned ? meta.height : meta.width,
      height: turned ? meta.width : meta.height,
    };
  } catch (error) {
    return failureFromError(error, sniffed);
  }
}

/**
 * Decodes untrusted bytes into an upright PNG (or JPEG, or with `keepOriginal` the upload's own bytes without
 * metadata; see {@link DecodedImage}). Never throws for bad input and never hangs: every failure is a
 * {@link DecodeFailure} with a stable code.
 */
export async function decodeImage(
  bytes: Buffer,
  limits: DecodeLimits = {},
  options: { keepLossy?: boolean; keepOriginal?: boolean } = {},
): Promise<DecodeResult> {
  const header = await readHeader(bytes, limits);
  if (!header.ok) return header;
  if (options.keepOriginal) {
    const original = await originalWithoutMetadata(bytes, header, limits);
    if (original)
      return {
        ok: true,
        image: original,
        width: header.width,
        height: header.height,
        ...orientationOf(header),
      };
  }
  try {
    let pipeline = sharp(bytes, untrustedInput(limits.maxPixels ?? DEFAULT_MAX_PIXELS))
      .timeout({ seconds: PIPELINE_TIMEOUT_SECONDS })
      .rotate();
    if (header.hasAlpha) pipeline = pipeline.flatten({ background: '#ffffff' });
    // Low compression: this PNG is an intermediate handed to OCR, speed matters more than size. With
    // `keepLossy`, a photo stays a (high-quality) JPEG in the same pass, for storage.
    const lossy = options.keepLossy && (header.format === 'jpeg' || header.format === 'webp');
    const srgb = pipeline.toColourspace('srgb');
    const { data, info } = await (
      lossy
        ? srgb.jpeg({ quality: 95, chromaSubsampling: '4:4:4' })
        : srgb.png({ compressionLevel: 1, adaptiveFiltering: false })
    ).toBuffer({ resolveWithObject: true });
    return {
      ok: true,
      image: data,
      width: info.width,
      height: info.height,
      ...orientationOf(header),
    };
  } catch (error) {
    return failureFromError(error, header.format);
  }
}

/**
 * The upload's own compressed bytes without their metadata, when that is all normalising it would change: an
 * upright (orientation 1), opaque, sRGB or grey JPEG or PNG whose structure parses and whose every byte decodes
 * without a warning (checked at thumbnail size: JPEG shrink-on-load still reads every scan to its end). Otherwise
 * null, and the caller decodes and re-encodes.
 */
async function originalWithoutMetadata(
  bytes: Buffer,
  header: { ok: true } & Header,
  limits: DecodeLimits,
): Promise<Buffer | null> {
  if (header.orientation !== 1 || header.hasAlpha) return null;
  if (header.space !== 'srgb' && header.space !== 'b-w') return null;
  const stripped =
    header.format === 'jpeg' ? stripJpeg(bytes) : header.format === 'png' ? stripPng(bytes) : null;
  if (!stripped) return null;
  try {
    // Stricter than the decode below: any libjpeg/libpng warning (data ending early, stray bytes) sends the file
    // down the re-encoding path rather than into storage as it came.
    await sharp(stripped, { ...untrustedInput(limits.maxPixels ?? DEFAULT_MAX_PIXELS), failOn: 'warning' })
      .timeout({ seconds: PIPELINE_TIMEOUT_SECONDS })
      .resize(256, 256, { fit: 'inside' })
      .raw()
      .toBuffer();
    return stripped;
  } catch {
    return null; // the full decode below turns the damage into its failure code
  }
}

/**
 * Decodes untrusted bytes into the upright grey raster the analysis works on ({@link DecodedPixels}), with the
 * same checks and failures as {@link decodeImage}. One libvips pipeline and no intermediate file: decoding to a
 * PNG first and each step decoding that again cost three times as much.
 */
export async function decodePixels(
  bytes: Buffer,
  limits: DecodeLimits = {},
  maxSide = ANALYSIS_SIDE,
): Promise<DecodedPixels | DecodeFailure> {
  const header = await readHeader(bytes, limits);
  if (!header.ok) return header;
  try {
    const options = untrustedInput(limits.maxPixels ?? DEFAULT_MAX_PIXELS);
    const [{ data, info }, colour] = await Promise.all([
      sharp(bytes, options)
        .timeout({ seconds: PIPELINE_TIMEOUT_SECONDS })
        .rotate()
        // Shrink-on-load makes large JPEGs cheap to decode; nothing smaller than maxSide is ever enlarged.
        .resize(maxSide, maxSide, { fit: 'inside', withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .toColourspace('b-w')
        .raw()
        .toBuffer({ resolveWithObject: true }),
      loadColour(bytes, options),
    ]);
    return {
      ok: true,
      grey: greyOf(data, info),
      colour,
      width: header.width,
      height: header.height,
      ...orientationOf(header),
    };
  } catch (error) {
    return failureFromError(error, header.format);
  }
}
