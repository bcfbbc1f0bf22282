import type { Box } from './grey-image';

/** Reason codes shared with the public API (see the verdict reasons in the API contract). */
export type QualityIssueCode =
  | 'IMAGE_BLURRED'
  | 'IMAGE_GLARE'
  | 'IMAGE_TOO_DARK'
  | 'IMAGE_TOO_BRIGHT'
  | 'IMAGE_LOW_RESOLUTION'
  | 'DOCUMENT_NOT_FOUND'
  | 'DOCUMENT_CUT_OFF'
  | 'DOCUMENT_COPY';

/**
 * `fail`: clearly unreadable, the pipeline rejects before OCR. `warn`: doubtful, OCR is still attempted and the
 * issue is only reported if the MRZ cannot be read.
 */
export type IssueSeverity = 'warn' | 'fail';

/** One quality problem with the measured value and the threshold it crossed. */
export interface QualityIssue {
  code: QualityIssueCode;
  severity: IssueSeverity;
  measured: number;
  threshold: number;
}

export type Side = 'top' | 'bottom' | 'left' | 'right';

/** Builds an issue when `measured` is worse than a threshold; `lowerIsWorse` says which way "worse" points. */
export function grade(
  code: QualityIssueCode,
  measured: number,
  limits: { warn: number; fail: number },
  lowerIsWorse: boolean,
): QualityIssue | undefined {
  const worse = (threshold: number) => (lowerIsWorse ? measured < threshold : measured > threshold);
  if (worse(limits.fail)) return { code, severity: 'fail', measured, threshold: limits.fail };
  if (worse(limits.warn)) return { code, severity: 'warn', measured, threshold: limits.warn };
  return undefined;
}

export type { Box };
