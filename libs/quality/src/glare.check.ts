import {
  abs,
  Blob,
  Box,
  boxMean,
  GreyImage,
  connectedBlobs,
  normaliseBox,
  PixelBox,
  sobel,
} from './grey-image';
import { QualityIssue } from './quality.types';
import { QualityThresholds } from './quality.thresholds';

/** Saturated, texture-free bright regions inside the document. */
export interface GlareReport {
  /** Fraction of the document box covered by glare blobs. */
  glare: number;
  /**
   * Fraction of the width of the document's bottom band (where every ICAO layout prints its MRZ) hidden by large
   * glare blobs reaching into that band. An MRZ is a line: what matters is how much of its length is gone.
   */
  mrzBandCoverage: number;
  /** Bounding boxes of the glare blobs, normalised to the image. */
  regions: Box[];
  issue?: QualityIssue;
}

/** Texture map: mean absolute Sobel gradient over a 5×5 window. */
function localTexture(image: GreyImage): Float32Array {
  const { gx, gy } = sobel(image);
  const gradient = new Float32Array(gx.length);
  for (let i = 0; i < gradient.length; i++) gradient[i] = abs(gx[i]) + abs(gy[i]);
  return boxMean(gradient, image.width, image.height, 2);
}

const boxArea = (b: PixelBox) => (b.x1 - b.x0) * (b.y1 - b.y0);

/**
 * Glare is a saturated area that has lost the print underneath it, and it is compact (a reflection is a blob, not
 * the maze of blank paper between printed fields). Three kinds of white area are not counted:
 * - blobs touching the image border: background or a blank page margin far more often than a reflection;
 * - sprawling blobs (low fill of their bounding box): the blank paper of a white rendering between its text;
 * - blobs covering most of the image: that is exposure, judged by the exposure check.
 * A white reflection on white blank paper cannot be told from the paper; such a document is only judged by OCR.
 */
export function checkGlare(image: GreyImage, document: PixelBox, t: QualityThresholds['glare']): GlareReport {
  const { width: w, height: h, data } = image;
  const texture = localTexture(image);
  const mask = new Uint8Array(w * h);
  for (let y = document.y0; y < document.y1; y++) {
    for (let x = document.x0; x < document.x1; x++) {
      const i = y * w + x;
      if (data[i] >= t.saturated && texture[i] < t.maxTexture) mask[i] = 1;
    }
  }
  const documentArea = Math.max(1, boxArea(document));
  const isGlare = (b: Blob) =>
    b.area >= t.minBlobArea * documentArea &&
    b.area <= t.maxBlobArea * documentArea &&
    b.area / boxArea(b.box) >= t.minFill &&
    b.box.x0 > 0 &&
    b.box.y0 > 0 &&
    b.box.x1 < w &&
    b.box.y1 < h;
  const blobs = connectedBlobs(mask, w, h).blobs.filter(isGlare);
  const glare = blobs.reduce((sum, b) => sum + b.area, 0) / documentArea;

  // Union of the column ranges of large blobs reaching into the MRZ band.
  const bandTop = document.y1 - (document.y1 - document.y0) * t.mrzBand;
  const hidden = new Uint8Array(w);
  for (const b of blobs) {
    if (b.area < t.bandBlobArea * documentArea || b.box.y1 <= bandTop) continue;
    hidden.fill(1, Math.max(b.box.x0, document.x0), Math.min(b.box.x1, document.x1));
  }
  const mrzBandCoverage = hidden.reduce((sum, v) => sum + v, 0) / Math.max(1, document.x1 - document.x0);

  let issue: QualityIssue | undefined;
  if (mrzBandCoverage > t.mrzBandFail) {
    issue = { code: 'IMAGE_GLARE', severity: 'fail', measured: mrzBandCoverage, threshold: t.mrzBandFail };
  } else if (glare > t.warn) {
    issue = { code: 'IMAGE_GLARE', severity: 'warn', measured: glare, threshold: t.warn };
  }
  return { glare, mrzBandCoverage, regions: blobs.map((b) => normaliseBox(b.box, w, h)), issue };
}

/**
 * Fraction (0..1) of `region` (normalised coordinates, e.g. the MRZ lines found by OCR) covered by the bounding
 * boxes of the report's glare regions. Boxes are coarse, so this is an upper bound of the hidden area.
 */
export function glareCovers(report: { glareRegions: Box[] }, region: Box): number {
  if (region.width <= 0 || region.height <= 0) return 0;
  // Sample on a fixed grid so that overlapping glare boxes are not counted twice.
  const steps = 64;
  let covered = 0;
  for (let j = 0; j < steps; j++) {
    const y = region.y + ((j + 0.5) / steps) * region.height;
    for (let i = 0; i < steps; i++) {
      const x = region.x + ((i + 0.5) / steps) * region.width;
      if (report.glareRegions.some((b) => x >= b.x && x < b.x + b.width && y >= b.y && y < b.y + b.height))
        covered++;
    }
  }
  return covered / (steps * steps);
}
