/**
 * Stable codes for images that cannot be analysed at all. Quality problems of a decodable image are not errors:
 * they are issues in a {@link QualityReport}.
 */
export type DecodeFailureCode = 'UNSUPPORTED_FORMAT' | 'TOO_MANY_PIXELS' | 'FILE_TOO_LARGE' | 'CORRUPT_IMAGE';

const MESSAGES: Record<DecodeFailureCode, string> = {
  UNSUPPORTED_FORMAT: 'The file is not a JPEG, PNG, WebP or TIFF image.',
  TOO_MANY_PIXELS: 'The image declares more pixels than the service accepts.',
  FILE_TOO_LARGE: 'The file is larger than the service accepts.',
  CORRUPT_IMAGE: 'The image is empty, truncated or corrupt.',
};

/** Default human-readable message for a decode failure code (safe to show to an end user). */
export function decodeFailureMessage(code: DecodeFailureCode): string {
  return MESSAGES[code];
}

/**
 * The one error type of this library. Only thrown by {@link assessQuality} when it is handed raw bytes that do not
 * decode; call {@link decodeImage} first to get that outcome as a value instead.
 */
export class QualityError extends Error {
  constructor(
    readonly code: DecodeFailureCode,
    message: string = decodeFailureMessage(code),
  ) {
    super(message);
    this.name = 'QualityError';
  }
}
