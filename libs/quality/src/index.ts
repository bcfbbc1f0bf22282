/**
 * Image decoding and quality checks for identity-document photos and scans: pure functions of bytes.
 *
 * - {@link decodeImage}: sniff, bound and decode an upload into an upright PNG, or say why not.
 * - {@link decodePixels}: the same checks, into the upright grey raster the analysis reads.
 * - {@link assessQuality}: focus, glare, exposure, resolution and framing, each graded `warn` or `fail`.
 */
export {
  ANALYSIS_SIDE,
  decodeImage,
  decodePixels,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_PIXELS,
} from './image.decoder';
export type {
  AcceptedFormat,
  DecodedImage,
  DecodedPixels,
  DecodeFailure,
  DecodeLimits,
  DecodeResult,
} from './image.decoder';
export { sniffFormat } from './format.sniffer';
export type { SniffedFormat } from './format.sniffer';
export { QualityError, decodeFailureMessage } from './quality.error';
export type { DecodeFailureCode } from './quality.error';
export { assessQuality } from './quality.assessor';
export type { AssessOptions, QualityReport } from './quality.assessor';
export { glareCovers } from './glare.check';
export { QUALITY_THRESHOLDS, withMinDocumentPixels } from './quality.thresholds';
export type { QualityThresholds } from './quality.thresholds';
export type { Box, GreyImage } from './grey-image';
export { homography, project } from './homography';
export type { Point } from './homography';
export type { IssueSeverity, QualityIssue, QualityIssueCode, Side } from './quality.types';
