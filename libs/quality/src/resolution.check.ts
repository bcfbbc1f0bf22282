import { grade, QualityIssue } from './quality.types';
import { QualityThresholds } from './quality.thresholds';

/** Pixel size of the image and of the document in it. */
export interface ResolutionReport {
  /** Upright image size in pixels. */
  image: [number, number];
  /** Document box size in pixels of the upload (the whole image when no distinct document was found). */
  document: [number, number];
  /**
   * Effective document length: min(width, 1.6 × height) of the document box. For one card or page this is its width;
   * for two card sides stacked or side by side it is about the width of one card, which is what sets the size of
   * an MRZ character.
   */
  effectiveLength: number;
  issue?: QualityIssue;
}

/** Judges whether the document, not merely the image, has enough pixels for its MRZ characters. */
export function checkResolution(
  imageSize: [number, number],
  documentSize: [number, number],
  thresholds: QualityThresholds['resolution'],
): ResolutionReport {
  const [width, height] = documentSize;
  const effectiveLength = Math.round(Math.min(width, 1.6 * height));
  return {
    image: imageSize,
    document: documentSize,
    effectiveLength,
    issue: grade('IMAGE_LOW_RESOLUTION', effectiveLength, thresholds, true),
  };
}
