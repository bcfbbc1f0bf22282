import { GreyImage, histogram, percentile, PixelBox } from './grey-image';
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
  /**
   * The document's longer side in pixels, what a reviewer gets to read: that of the document box, grown to the
   * image border on the sides whose margin has the document's own tone (see {@link documentExtent}).
   */
  span: number;
  issue?: QualityIssue;
}

/**
 * Judges whether the document, not merely the image, has enough pixels: for its MRZ characters (the effective
 * length), and to be kept as evidence (its longer side against `minDocumentPixels`, a failure however well it reads).
 */
export function checkResolution(
  imageSize: [number, number],
  documentSize: [number, number],
  thresholds: QualityThresholds['resolution'],
  extentSize: [number, number] = documentSize,
): ResolutionReport {
  const [width, height] = documentSize;
  const effectiveLength = Math.round(Math.min(width, 1.6 * height));
  const span = Math.max(...extentSize);
  const tooSmall: QualityIssue | undefined =
    span < thresholds.minDocumentPixels
      ? {
          code: 'IMAGE_LOW_RESOLUTION',
          severity: 'fail',
          measured: span,
          threshold: thresholds.minDocumentPixels,
        }
      : undefined;
  return {
    image: imageSize,
    document: documentSize,
    effectiveLength,
    span,
    issue: tooSmall ?? grade('IMAGE_LOW_RESOLUTION', effectiveLength, thresholds, true),
  };
}

/**
 * The framing check's box bounds the document's print; a document scanned or cropped to its edges has plain
 * margins of its own paper around that print, which the box leaves out (a clean generated ID card 340 px wide is
 * boxed at 268 px). Each side whose margin has the tone of the paper inside the box (median grey levels within
 * `marginTone`) is taken to the image border; a table, a hand or a dark background keeps the box's edge. A white
 * card on a white table therefore counts as filling the frame: the lenient error, since a retake asked for
 * wrongly costs the person more than a small image kept.
 */
export function documentExtent(image: GreyImage, box: PixelBox, marginTone: number): PixelBox {
  const paper = percentile(histogram(image, box), 0.5);
  const plain = (margin: PixelBox) =>
    margin.x1 > margin.x0 &&
    margin.y1 > margin.y0 &&
    Math.abs(percentile(histogram(image, margin), 0.5) - paper) <= marginTone;
  const { width, height } = image;
  return {
    x0: plain({ ...box, x0: 0, x1: box.x0 }) ? 0 : box.x0,
    x1: plain({ ...box, x0: box.x1, x1: width }) ? width : box.x1,
    y0: plain({ ...box, y0: 0, y1: box.y0 }) ? 0 : box.y0,
    y1: plain({ ...box, y0: box.y1, y1: height }) ? height : box.y1,
  };
}
