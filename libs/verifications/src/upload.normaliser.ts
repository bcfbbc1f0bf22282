import { createHash } from 'node:crypto';
import { decodeImage, decodeFailureMessage, type DecodeFailureCode } from '@idv/quality';
import { VerificationError, type PreparedImage, type Side } from './verification.types';

const ACCEPTED = 'JPEG, PNG, WebP or TIFF';

/**
 * Checks an uploaded file by its bytes (never the declared type) and normalises it for storage: metadata (GPS,
 * device, thumbnails, comments) stripped, EXIF orientation applied. An upright JPEG or PNG keeps its own compressed
 * bytes (no second generation of JPEG loss, and 4–5× cheaper); anything else is re-encoded upright: photos as JPEG
 * (quality 95), scans and screenshots as lossless PNG.
 */
export async function prepareUpload(
  side: Side,
  bytes: Buffer,
  limits: { maxBytes: number; maxPixels: number },
): Promise<PreparedImage> {
  if (bytes.length > limits.maxBytes) {
    throw new VerificationError(
      'too_large',
      'file_too_large',
      `The ${side} image is larger than ${Math.round(limits.maxBytes / 1048576)} MB.`,
      [hint(side, 'file_too_large')],
    );
  }
  const decoded = await decodeImage(
    bytes,
    { maxBytes: limits.maxBytes, maxPixels: limits.maxPixels },
    { keepLossy: true, keepOriginal: true },
  );
  if (!decoded.ok) throw uploadRefusal(side, decoded.code, limits, decoded.detectedFormat);
  const lossy = decoded.format === 'jpeg' || decoded.format === 'webp';
  const out = decoded.image;
  return {
    side,
    bytes: out,
    mediaType: lossy ? 'image/jpeg' : 'image/png',
    width: decoded.width,
    height: decoded.height,
    sha256: createHash('sha256').update(out).digest('hex'),
  };
}

/** Why an upload is refused, as the API's error (415, 413 or 422) with a hint for the person holding the camera. */
export function uploadRefusal(
  side: string,
  code: DecodeFailureCode,
  limits: { maxPixels: number },
  detectedFormat?: string,
): VerificationError {
  switch (code) {
    case 'UNSUPPORTED_FORMAT':
      return new VerificationError(
        'unsupported_media',
        'unsupported_media_type',
        `The ${side} file is ${detectedFormat && detectedFormat !== 'unknown' ? `a ${detectedFormat.toUpperCase()} file` : 'not an image we accept'}; send a ${ACCEPTED} photo.`,
        [hint(side, 'unsupported_media_type')],
      );
    case 'TOO_MANY_PIXELS':
    case 'FILE_TOO_LARGE':
      return new VerificationError(
        'too_large',
        'image_too_large',
        `The ${side} image has more than ${limits.maxPixels / 1e6} megapixels.`,
        [hint(side, 'image_too_large')],
      );
    default:
      return new VerificationError(
        'unprocessable',
        'image_unreadable',
        `The ${side} image: ${decodeFailureMessage(code)}`,
        [hint(side, 'image_unreadable')],
      );
  }
}

const HINTS: Record<string, { en: string; zh: string }> = {
  file_too_large: {
    en: 'The photo file is too large. Take the photo again at normal resolution, or send it as JPEG.',
    zh: '照片文件过大，请以正常分辨率重新拍摄，或以 JPEG 格式上传。',
  },
  unsupported_media_type: {
    en: `Upload a photo of your document as ${ACCEPTED}; PDF, HEIC and SVG files are not accepted.`,
    zh: '请上传 JPEG、PNG、WebP 或 TIFF 格式的证件照片，不支持 PDF、HEIC 和 SVG 文件。',
  },
  image_too_large: {
    en: 'The photo has too many pixels. Take the photo again at normal resolution.',
    zh: '照片像素过高，请以正常分辨率重新拍摄。',
  },
  image_unreadable: {
    en: 'The file is damaged or incomplete. Take the photo again and upload it once more.',
    zh: '文件已损坏或不完整，请重新拍摄并再次上传。',
  },
};

function hint(side: string, code: string) {
  const h = HINTS[code];
  return { field: side, code, message: h.en, hint: { en: h.en, 'zh-CN': h.zh } };
}
