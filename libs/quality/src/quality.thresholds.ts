/**
 * Every number that decides a quality verdict, in one place. Change `version` whenever a value changes: reports
 * carry it, so a stored verdict can be traced to the thresholds that produced it. The values come from
 * `libs/quality/calibration/calibrate.ts` (see CALIBRATION.md for the distributions they were read from).
 */
export const QUALITY_THRESHOLDS = {
  version: 'quality-2026-12-06.1',
  analysis: {
    /** Longer side of the greyscale working copy for sharpness (never enlarged). */
    workingSide: 1024,
    /** Longer side of the coarse copy used for exposure, glare and framing. */
    coarseSide: 256,
  },
  sharpness: {
    /** Below: doubtful focus, OCR still attempted. */
    warn: 1.2,
    /** Below: edges wider than OCR can resolve (σ≥4 blurs measured ≤ 0.86, σ=1 blurs ≥ 1.15). */
    fail: 0.95,
  },
  exposure: {
    /** 95th percentile grey level: if even the brightest part of the image is this dark, it is too dark. */
    darkP95Warn: 120,
    darkP95Fail: 80,
    /** Fraction of the document clipped to white (≥ 250): blown out above. */
    clippedWarn: 0.75,
    clippedFail: 0.8,
    /**
     * 5th percentile grey level of the coarse copy: even the darkest print has washed out towards the paper
     * (an overexposed photo whose paper is just under the clipping level). Clean scans and specimens measure
     * ≤ 173, overexposed synthetic cases (×4–7) ≥ 217.
     */
    washedOutP5Warn: 195,
    washedOutP5Fail: 205,
  },
  glare: {
    /** Grey level from which a pixel counts as saturated. */
    saturated: 248,
    /** Mean gradient magnitude (grey levels) in a 5×5 window below which a bright pixel has no print left. */
    maxTexture: 2,
    /** Glare blob size as a fraction of the document: smaller is a speck, larger is an exposure problem. */
    minBlobArea: 0.002,
    maxBlobArea: 0.2,
    /** Minimum blob area / bounding-box area: reflections are compact, blank paper between fields is not. */
    minFill: 0.55,
    /** Fraction of the document covered by glare blobs: doubtful above. */
    warn: 0.03,
    /** Bottom part of the document box where every ICAO layout puts its MRZ. */
    mrzBand: 0.3,
    /** Only blobs of at least this fraction of the document can hide an MRZ line. */
    bandBlobArea: 0.02,
    /** Fraction of the MRZ band's width hidden by glare: unreadable above. */
    mrzBandFail: 0.25,
  },
  colour: {
    /**
     * A black-and-white reproduction: chroma spread below `copyChroma`, or chromaticity spread below
     * `copyChromaticity` (a copy under tinted light). On the 59 specimens, colour documents measure chroma
     * ≥ 4.9 and chromaticity ≥ 1.1 (a pale Romanian ID card in dim light), the two greyscale files ≤ 0.4 and
     * ≤ 0.2 (measured by `bench:accuracy`, which prints them).
     */
    copyChroma: 3,
    copyChromaticity: 0.5,
  },
  resolution: {
    /** Effective document length in pixels, min(width, 1.6 × height) of the document box. */
    warn: 300,
    fail: 200,
    /**
     * The document's longer side in pixels (the box the framing check found, or the whole image when the document
     * fills the frame) below which the image is refused as too small to keep as evidence: a reviewer or an auditor
     * must be able to read it later, and a retake costs the person seconds. ID cards 217 and 263 px wide were read
     * and accepted before this floor. Deployments set it with `IDV_MIN_DOCUMENT_PIXELS` ({@link withMinDocumentPixels}).
     */
    minDocumentPixels: 300,
    /** Grey levels within which a margin outside the document box is the document's own paper (`documentExtent`). */
    marginTone: 28,
  },
  framing: {
    /** Border ring (fraction of each side) sampled to model the background. */
    ring: 0.03,
    /** A side's strip is background when its grey spread (p90 − p10) and mean gradient stay below these. */
    backgroundSpread: 24,
    backgroundTexture: 3,
    /** Grey-level distance from the background median, or gradient, that makes a pixel foreground. */
    foregroundDelta: 28,
    foregroundGradient: 12,
    /** A row/column with more foreground than this fraction is the document edge. */
    foregroundRow: 0.15,
    /** Deepest a background margin may reach on one side (fraction of the image side). */
    maxMargin: 0.45,
    /** Thickness of the border strip (fraction of the side) where content crossing the border is measured. */
    cutStrip: 0.02,
    /** Minimum document area as a fraction of the image. */
    minArea: 0.12,
    /**
     * Mean gradient magnitude (scaled to a full 0..255 range, the range floored at `minRange` so sensor noise on a
     * blank frame is not stretched into texture) below which nothing document-like is present.
     */
    minTexture: 1.5,
    minRange: 32,
    /** Distance (fraction of the side) within which the document box touches the image border. */
    touch: 0.02,
    /**
     * Content crossing a touched border (along-border gradient in the outer strip / the document's mean gradient).
     * Above `cutWarn` the side is reported cut; above `cutFail` the slicing is unmistakable.
     */
    cutWarn: 0.5,
    cutFail: 1.0,
    /** Lower crossing threshold that suffices when the box's shape matches no document layout (fail). */
    cutWithAspect: 0.3,
    /**
     * Width/height of complete layouts: ID-1 card, ID-2/ID-3 page, open passport (two pages), two ID-1 sides stacked,
     * two sides next to each other, and each turned by 90°. A crop through a document leaves a box matching none.
     */
    aspects: [1.586, 1.42, 0.71, 0.79, 3.17, 2.84, 1 / 1.586, 1 / 1.42, 1 / 0.79, 1 / 3.17, 1 / 2.84],
    /** Allowed |log| distance from the nearest layout aspect (scan margins, perspective, a few degrees of skew). */
    aspectTolerance: 0.14,
  },
} as const;

type Widen<T> = {
  readonly [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends number
      ? number
      : T[K] extends readonly number[]
        ? readonly number[]
        : Widen<T[K]>;
};

/** Shape of a thresholds set; callers may pass their own (e.g. stricter for a kiosk) with their own version. */
export type QualityThresholds = Widen<typeof QUALITY_THRESHOLDS>;

/**
 * `thresholds` with another floor for the document's longer side (`IDV_MIN_DOCUMENT_PIXELS`). A value other than
 * the default is added to the version, so a stored verdict names the floor it was judged with.
 */
export function withMinDocumentPixels(
  minDocumentPixels: number,
  thresholds: QualityThresholds = QUALITY_THRESHOLDS,
): QualityThresholds {
  if (minDocumentPixels === thresholds.resolution.minDocumentPixels) return thresholds;
  return {
    ...thresholds,
    version: `${thresholds.version}+min-document-${minDocumentPixels}px`,
    resolution: { ...thresholds.resolution, minDocumentPixels },
  };
}
