import type { ComparedField, FieldComparison } from '@idv/matching';
import {
  REASON_CODES,
  VERDICT_PRECEDENCE,
  type CheckDigitName,
  type MrzOutcome,
  type ReasonCode,
  type Verdict,
  type VerdictDecision,
  type VerdictInput,
  type VerdictOptions,
  type VerdictReason,
} from './verdict.types';

const DEFAULT_MIN_CONFIDENCE = 0.6;

/** Fields a check digit protects: a passing digit makes their read trustworthy whatever the OCR confidence. */
const PROTECTED_BY: Partial<Record<ComparedField, CheckDigitName>> = {
  dateOfBirth: 'dateOfBirth',
  documentNumber: 'documentNumber',
};

/** Order of fields within the reasons, as the contract lists them. */
const FIELD_ORDER: readonly ComparedField[] = [
  'surname',
  'givenNames',
  'dateOfBirth',
  'nationality',
  'documentNumber',
  'sex',
];

/**
 * A reason found while deciding, with the tier (verdict) it argues for. `rank` puts what the person can
 * fix in the photo first: quality failures (0), then quality warnings (1), then the rest (2, default).
 */
interface Finding {
  verdict: Verdict;
  reason: VerdictReason;
  rank?: number;
}

const reason = (
  code: ReasonCode,
  field: ComparedField | null = null,
  params?: VerdictReason['params'],
): VerdictReason => (params ? { code, field, params } : { code, field });

function fieldsOf(input: VerdictInput): [ComparedField, FieldComparison][] {
  return Object.entries(input.comparison ?? {}) as [ComparedField, FieldComparison][];
}

function allFieldsMatch(input: VerdictInput): boolean {
  const fields = fieldsOf(input);
  return fields.length > 0 && fields.every(([, f]) => f.status === 'match');
}

/** A field's read can be trusted: confident OCR, or a check digit that covers it and passes. */
function confidentRead(field: ComparedField, mrz: MrzOutcome, minConfidence: number): boolean {
  if (mrz.confidence === null || mrz.confidence >= minConfidence) return true;
  const digit = PROTECTED_BY[field];
  return digit !== undefined && !mrz.failedCheckDigits.includes(digit);
}

function restrictionFindings(input: VerdictInput): Finding[] {
  const r = input.restriction;
  if (!r) return [];
  const code = r.reason === 'TOO_MANY_ATTEMPTS' ? 'TOO_MANY_ATTEMPTS' : 'APPLICANT_RESTRICTED';
  return [{ verdict: 'restricted', reason: reason(code, null, { retryAt: r.until }) }];
}

function readabilityFindings(input: VerdictInput, mrzRead: boolean): Finding[] {
  const findings: Finding[] = [];
  for (const issue of input.quality?.issues ?? []) {
    // Warnings explain a failed read; an unsupported document has no MRZ to read, so they explain nothing.
    if (issue.severity === 'fail' || (!mrzRead && input.document?.supported !== false)) {
      findings.push({
        verdict: 'unreadable',
        reason: reason(issue.code),
        rank: issue.severity === 'fail' ? 0 : 1,
      });
    }
  }
  const mrz = input.mrz;
  if (mrzRead) return findings;
  // No read was attempted because the image already failed: its quality reasons say all there is to change.
  if (!mrz && input.quality?.issues.some((i) => i.severity === 'fail')) return findings;
  if (!mrz?.found && input.document?.found === false) {
    findings.push({ verdict: 'unreadable', reason: reason('DOCUMENT_NOT_FOUND') });
  } else if (input.document?.supported !== false) {
    // A document of an unsupported type has no MRZ to find: that is `unsupported`, not `unreadable`.
    findings.push({ verdict: 'unreadable', reason: reason(mrz?.found ? 'MRZ_UNREADABLE' : 'MRZ_NOT_FOUND') });
  }
  return findings;
}

/**
 * Failed check digits: explained by OCR, they send a read that also disagrees with the record back
 * for a new photo (the read cannot be trusted), and one that agrees to a person; unexplained, they
 * are a fraud signal.
 */
function checkDigitFindings(
  input: VerdictInput,
  mrz: MrzOutcome,
  reviewBy: VerdictReason['params'],
): Finding[] {
  if (mrz.failedCheckDigits.length === 0 && mrz.valid) return [];
  if (!mrz.failureExplainedByOcr) return [{ verdict: 'rejected', reason: reason('MRZ_CHECK_DIGIT_INVALID') }];
  if (allFieldsMatch(input)) {
    return [{ verdict: 'manual_review', reason: reason('MRZ_CHECK_DIGIT_INVALID', null, reviewBy) }];
  }
  return [{ verdict: 'unreadable', reason: reason('MRZ_UNREADABLE') }];
}

function comparisonFindings(
  input: VerdictInput,
  mrz: MrzOutcome,
  minConfidence: number,
  review: VerdictReason['params'],
): Finding[] {
  const fields = fieldsOf(input).sort(([a], [b]) => FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b));
  if (fields.length === 0)
    return [{ verdict: 'manual_review', reason: reason('LOW_CONFIDENCE', null, review) }];
  const findings: Finding[] = [];
  for (const [field, comparison] of fields) {
    if (comparison.status === 'match') continue;
    if (comparison.status === 'missing') {
      findings.push({ verdict: 'manual_review', reason: reason('LOW_CONFIDENCE', null, review) });
    } else if (comparison.near) {
      findings.push({ verdict: 'manual_review', reason: reason('FIELD_NEAR_MATCH', field, review) });
    } else if (confidentRead(field, mrz, minConfidence)) {
      findings.push({ verdict: 'mismatch', reason: reason('FIELD_MISMATCH', field) });
    } else {
      findings.push({ verdict: 'manual_review', reason: reason('LOW_CONFIDENCE', null, review) });
    }
  }
  return findings;
}

function documentFindings(input: VerdictInput, mrz: MrzOutcome, review: VerdictReason['params']): Finding[] {
  const findings: Finding[] = [];
  if (input.duplicateDocument) findings.push({ verdict: 'rejected', reason: reason('DUPLICATE_DOCUMENT') });
  // An expiry date whose check digit failed on a doubtful read is not proof of expiry.
  const expiryDoubtful = mrz.failureExplainedByOcr && mrz.failedCheckDigits.includes('expiryDate');
  if (input.expiry?.expired && !expiryDoubtful) {
    const params = input.expiry.expiryDate ? { expiryDate: input.expiry.expiryDate } : undefined;
    findings.push({ verdict: 'expired', reason: reason('DOCUMENT_EXPIRED', null, params) });
  }
  if (input.visualZone && !input.visualZone.consistent) {
    findings.push({ verdict: 'manual_review', reason: reason('VISUAL_ZONE_INCONSISTENT', null, review) });
  }
  return findings;
}

const tierOf = (verdict: Verdict): number => VERDICT_PRECEDENCE.indexOf(verdict);

/** Most important first: by verdict tier, then rank, then catalogue order, then field order. */
function byImportance(a: Finding, b: Finding): number {
  return (
    tierOf(a.verdict) - tierOf(b.verdict) ||
    (a.rank ?? 2) - (b.rank ?? 2) ||
    REASON_CODES.indexOf(a.reason.code) - REASON_CODES.indexOf(b.reason.code) ||
    FIELD_ORDER.indexOf(a.reason.field ?? 'surname') - FIELD_ORDER.indexOf(b.reason.field ?? 'surname')
  );
}

function dedupe(reasons: VerdictReason[]): VerdictReason[] {
  const seen = new Set<string>();
  return reasons.filter((r) => {
    const key = `${r.code}/${r.field ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Decides the verdict of a verification by the contract's precedence table (restricted > unreadable >
 * unsupported > rejected > expired > mismatch > manual_review > accepted): the strongest verdict any
 * finding argues for wins. The reasons are those of the winning verdict, deduplicated and most
 * important first; an `expired` verdict also lists the fields that differ, since the person has to
 * fix both. Pure: the caller supplies every fact, including the restriction in force and the review
 * deadline.
 */
export function decideVerdict(input: VerdictInput, options: VerdictOptions = {}): VerdictDecision {
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const review = { reviewBy: input.reviewBy ?? null };
  const mrz = input.mrz;
  const mrzRead = Boolean(mrz?.found && mrz.readable);
  const findings: Finding[] = [...restrictionFindings(input), ...readabilityFindings(input, mrzRead)];
  if (input.document?.supported === false) {
    findings.push({
      verdict: 'unsupported',
      reason: reason('DOCUMENT_TYPE_UNSUPPORTED', null, { acceptedTypes: input.acceptedTypes ?? null }),
    });
  }
  if (mrz && mrzRead) {
    findings.push(...checkDigitFindings(input, mrz, review), ...documentFindings(input, mrz, review));
    findings.push(...comparisonFindings(input, mrz, minConfidence, review));
    // OCR confidence is not calibrated (the MRZ model reports 0 on some exact reads), so it only sends a read to
    // review when nothing else corroborates it: every check digit passing AND every compared field equal to the
    // record is evidence no misread could produce by chance.
    const corroborated = mrz.valid && allFieldsMatch(input);
    if (mrz.confidence !== null && mrz.confidence < minConfidence && !corroborated) {
      findings.push({ verdict: 'manual_review', reason: reason('LOW_CONFIDENCE', null, review) });
    }
  }
  findings.sort(byImportance);
  const verdict = findings[0]?.verdict ?? 'accepted';
  const kept = findings.filter(
    (f) => f.verdict === verdict || (verdict === 'expired' && f.reason.code === 'FIELD_MISMATCH'),
  );
  return { verdict, reasons: dedupe(kept.map((f) => f.reason)) };
}
