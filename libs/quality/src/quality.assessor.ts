import { performance } from 'node:perf_hooks';
import { checkColour, ColourImage, loadColour } from './colour.check';
import { checkExposure, ExposureReport } from './exposure.check';
import { checkFraming, FramingReport } from './framing.check';
import { checkGlare, GlareReport } from './glare.check';
import { Box, GreyImage, loadGrey, normaliseBox, PixelBox, resizeGrey, shrink } from './grey-image';
import {
  DecodedImage,
  DecodedPixels,
  DecodeLimits,
  DEFAULT_MAX_PIXELS,
  failureFromError,
  readHeader,
  untrustedInput,
} from './image.decoder';
import { QualityError } from './quality.error';
import { QUALITY_THRESHOLDS, QualityThresholds } from './quality.thresholds';
import { IssueSeverity, QualityIssue, Side } from './quality.types';
import { checkResolution, documentExtent, ResolutionReport } from './resolution.check';
import { checkSharpness } from './sharpness.check';

/** Options of {@link assessQuality}. */
export interface AssessOptions {
  /** Thresholds to judge with (default {@link QUALITY_THRESHOLDS}); their version is reported. */
  thresholds?: QualityThresholds;
  /** Decode limits, used when raw bytes are passed. */
  limits?: DecodeLimits;
}

/** Outcome of every quality check on one image. */
export interface QualityReport {
  /** False when any issue has severity `fail`. */
  passed: boolean;
  severity: 'ok' | IssueSeverity;
  /** Normalised Laplacian variance (≈ 1 / edge width in pixels); see `SharpnessReport`. */
  sharpness: number;
  /** Fraction of the document covered by glare. */
  glare: number;
  /** Mean grey level of the document region, 0..1. */
  brightness: number;
  /** Upright image size in pixels. */
  resolution: [number, number];
  document: { found: boolean; box?: Box; cutOff: Side[] };
  /** Glare blobs in normalised coordinates; see {@link glareCovers}. */
  glareRegions: Box[];
  issues: QualityIssue[];
  /** EXIF orientation of the upload (1 when absent or already applied by {@link decodeImage}). */
  orientation: number;
  orientationApplied: boolean;
  thresholdsVersion: string;
  /** Wall time of the assessment, decode included. */
  ms: number;
  /** Raw measurements behind the issues, for calibration and support. */
  details: {
    exposure: Omit<ExposureReport, 'issues'>;
    framing: Pick<FramingReport, 'cutScores' | 'aspectMismatch' | 'backgroundSides' | 'texture'>;
    glare: Pick<GlareReport, 'mrzBandCoverage'>;
    /** Chroma spread of the document (see `ColourReport`); null when no colour copy could be made. */
    colour: { chroma: number | null; chromaticity: number | null };
    resolution: Omit<ResolutionReport, 'issue'>;
  };
}

const SEVERITY_RANK: Record<'ok' | IssueSeverity, number> = { ok: 0, warn: 1, fail: 2 };

function toPixels(box: Box | undefined, width: number, height: number): PixelBox {
  if (!box) return { x0: 0, y0: 0, x1: width, y1: height };
  return {
    x0: Math.max(0, Math.floor(box.x * width)),
    y0: Math.max(0, Math.floor(box.y * height)),
    x1: Math.min(width, Math.ceil((box.x + box.width) * width)),
    y1: Math.min(height, Math.ceil((box.y + box.height) * height)),
  };
}

/**
 * Runs every quality check on a greyscale working copy of the image (longer side at most 1024 px for focus, 256 px
 * for the rest), so the cost hardly grows with the upload's size.
 *
 * Accepts the raw upload (the synchronous pre-check), a {@link DecodedImage}, or the grey raster of
 * {@link DecodedPixels} (the pipeline, which decodes once for quality and OCR). Throws {@link QualityError} only
 * when an image does not decode; use {@link decodePixels} to get that outcome as a value.
 */
export async function assessQuality(
  input: Buffer | DecodedImage | DecodedPixels,
  options: AssessOptions = {},
): Promise<QualityReport> {
  const started = performance.now();
  const thresholds = options.thresholds ?? QUALITY_THRESHOLDS;
  const maxPixels = options.limits?.maxPixels ?? DEFAULT_MAX_PIXELS;
  let source: Buffer | GreyImage;
  let size: [number, number];
  let orientation = 1;
  let colourCopy: Promise<ColourImage | null> = Promise.resolve(null);
  if (Buffer.isBuffer(input)) {
    const header = await readHeader(input, options.limits);
    if (!header.ok) throw new QualityError(header.code, header.message);
    source = input;
    colourCopy = loadColour(input, untrustedInput(maxPixels)).catch(() => null);
    size = [header.width, header.height];
    orientation = header.orientation;
  } else {
    source = 'grey' in input ? input.grey : input.image;
    colourCopy =
      'grey' in input
        ? Promise.resolve(input.colour ?? null)
        : loadColour(input.image, untrustedInput(maxPixels)).catch(() => null);
    size = [input.width, input.height];
    orientation = input.orientation;
  }
  const side = thresholds.analysis.workingSide;
  let working: GreyImage;
  try {
    working = Buffer.isBuffer(source)
      ? await loadGrey(source, untrustedInput(maxPixels), side)
      : await resizeGrey(source, side);
  } catch (error) {
    const failure = failureFromError(error);
    throw new QualityError(failure.code, failure.message);
  }
  const coarse = shrink(working, thresholds.analysis.coarseSide);

  const framing = checkFraming(coarse, thresholds.framing);
  const documentBox = toPixels(framing.box, coarse.width, coarse.height);
  const exposure = checkExposure(coarse, documentBox, thresholds.exposure);
  const glare = checkGlare(coarse, documentBox, thresholds.glare);
  const colourImage = await colourCopy;
  const colour = colourImage ? checkColour(colourImage, framing.box, thresholds.colour) : null;
  const sharpness = checkSharpness(
    working,
    toPixels(framing.box, working.width, working.height),
    thresholds.sharpness,
  );
  const documentPixels = toPixels(framing.box, size[0], size[1]);
  const extent = documentExtent(coarse, documentBox, thresholds.resolution.marginTone);
  const extentPixels = toPixels(normaliseBox(extent, coarse.width, coarse.height), size[0], size[1]);
  const resolution = checkResolution(
    size,
    [documentPixels.x1 - documentPixels.x0, documentPixels.y1 - documentPixels.y0],
    thresholds.resolution,
    [extentPixels.x1 - extentPixels.x0, extentPixels.y1 - extentPixels.y0],
  );

  const issues = [
    sharpness.issue,
    glare.issue,
    ...exposure.issues,
    resolution.issue,
    ...framing.issues,
    colour?.issue,
  ].filter((issue): issue is QualityIssue => issue !== undefined);
  const severity = issues.reduce<'ok' | IssueSeverity>(
    (worst, issue) => (SEVERITY_RANK[issue.severity] > SEVERITY_RANK[worst] ? issue.severity : worst),
    'ok',
  );
  const { issues: _exposureIssues, ...exposureDetails } = exposure;
  const { issue: _resolutionIssue, ...resolutionDetails } = resolution;
  return {
    passed: severity !== 'fail',
    severity,
    sharpness: sharpness.sharpness,
    glare: glare.glare,
    brightness: exposure.brightness,
    resolution: size,
    document: { found: framing.found, ...(framing.box ? { box: framing.box } : {}), cutOff: framing.cutOff },
    glareRegions: glare.regions,
    issues,
    orientation,
    orientationApplied: orientation > 1,
    thresholdsVersion: thresholds.version,
    ms: performance.now() - started,
    details: {
      exposure: exposureDetails,
      framing: {
        cutScores: framing.cutScores,
        aspectMismatch: framing.aspectMismatch,
        backgroundSides: framing.backgroundSides,
        texture: framing.texture,
      },
      glare: { mrzBandCoverage: glare.mrzBandCoverage },
      colour: { chroma: colour?.chroma ?? null, chromaticity: colour?.chromaticity ?? null },
      resolution: resolutionDetails,
    },
  };
}
