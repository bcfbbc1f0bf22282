import { assessQuality, QualityError, withMinDocumentPixels, type QualityReport } from '@idv/quality';
import { describeReason, type QualityReasonCode } from '@idv/verdict';
import { uploadRefusal } from './upload.normaliser';
import { VerificationError } from './verification.types';

/** `POST /v1/quality-checks`: the same quality checks and reason hints as a verdict, synchronously, nothing stored. */
export interface QualityPrecheck {
  passed: boolean;
  reasons: ReturnType<typeof describeReason>[];
  checks: {
    quality: Pick<QualityReport, 'passed' | 'sharpness' | 'glare' | 'brightness' | 'resolution'> & {
      issues: Array<{ code: string; severity: 'warn' | 'fail' }>;
      document: QualityReport['document'];
      thresholdsVersion: string;
      ms: number;
    };
  };
}

/**
 * Runs the quality checks on one photo while the person still holds the camera. `fail` issues make it not pass
 * (the worker would reject it before OCR); `warn` issues are returned as reasons too, because retaking the photo
 * now is cheaper than an unreadable verdict later.
 */
export async function qualityPrecheck(
  bytes: Buffer,
  limits: { maxBytes: number; maxPixels: number; minDocumentPixels: number },
): Promise<QualityPrecheck> {
  if (bytes.length > limits.maxBytes) {
    throw new VerificationError(
      'too_large',
      'file_too_large',
      `The image is larger than ${Math.round(limits.maxBytes / 1048576)} MB.`,
    );
  }
  let report: QualityReport;
  try {
    report = await assessQuality(bytes, {
      limits,
      thresholds: withMinDocumentPixels(limits.minDocumentPixels),
    });
  } catch (err) {
    if (err instanceof QualityError) throw uploadRefusal('image', err.code, limits);
    throw err;
  }
  const ordered = [...report.issues].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'fail' ? -1 : 1,
  );
  return {
    passed: report.passed,
    reasons: ordered.map((i) => describeReason({ code: i.code as QualityReasonCode, field: null })),
    checks: {
      quality: {
        passed: report.passed,
        sharpness: report.sharpness,
        glare: report.glare,
        brightness: report.brightness,
        resolution: report.resolution,
        issues: report.issues.map((i) => ({ code: i.code, severity: i.severity })),
        document: report.document,
        thresholdsVersion: report.thresholdsVersion,
        ms: report.ms,
      },
    },
  };
}
