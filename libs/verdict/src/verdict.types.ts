import type { DocumentEvidence, DocumentField } from './evidence.types';
import type { ComparisonReport } from '@idv/matching';

/** Verdicts of the public contract, strongest first: the first that applies wins. */
export const VERDICT_PRECEDENCE = [
  'restricted',
  'unreadable',
  'unsupported',
  'rejected',
  'expired',
  'mismatch',
  'manual_review',
  'accepted',
] as const;

/** One verdict of {@link VERDICT_PRECEDENCE}. */
export type Verdict = (typeof VERDICT_PRECEDENCE)[number];

/**
 * Every reason code, in the order reasons are listed within a verdict (most important first). The
 * contract's codes (with those of its Chinese and Hong Kong cards) plus `IMAGE_CORRUPT`,
 * `FILE_TYPE_UNSUPPORTED`, `FILE_TOO_LARGE`, `FIELD_NEAR_MATCH` and `VISUAL_ZONE_INCONSISTENT`.
 */
export const REASON_CODES = [
  'TOO_MANY_ATTEMPTS',
  'APPLICANT_RESTRICTED',
  'IMAGE_CORRUPT',
  'FILE_TYPE_UNSUPPORTED',
  'FILE_TOO_LARGE',
  'DOCUMENT_NOT_FOUND',
  'DOCUMENT_CUT_OFF',
  'IMAGE_TOO_DARK',
  'IMAGE_TOO_BRIGHT',
  'IMAGE_BLURRED',
  'IMAGE_GLARE',
  'IMAGE_LOW_RESOLUTION',
  'DOCUMENT_COPY',
  'DOCUMENT_SIDE_MISSING',
  'MRZ_NOT_FOUND',
  'MRZ_UNREADABLE',
  'FIELD_UNREADABLE',
  'DOCUMENT_TYPE_UNSUPPORTED',
  'MRZ_CHECK_DIGIT_INVALID',
  'ID_NUMBER_INVALID',
  'ID_NUMBER_INCONSISTENT',
  'DUPLICATE_DOCUMENT',
  'DOCUMENT_EXPIRED',
  'FIELD_MISMATCH',
  'FIELD_NEAR_MATCH',
  'LOW_CONFIDENCE',
  'VISUAL_ZONE_INCONSISTENT',
  'VALIDITY_INCONSISTENT',
  'REVIEWER_DECISION',
] as const;

/** A stable reason code (UPPER_SNAKE). */
export type ReasonCode = (typeof REASON_CODES)[number];

/** Reason codes an image-quality check produces (the quality library's issue codes and decode failures). */
export type QualityReasonCode = Extract<
  ReasonCode,
  | 'IMAGE_BLURRED'
  | 'IMAGE_GLARE'
  | 'IMAGE_TOO_DARK'
  | 'IMAGE_TOO_BRIGHT'
  | 'IMAGE_LOW_RESOLUTION'
  | 'DOCUMENT_COPY'
  | 'DOCUMENT_NOT_FOUND'
  | 'DOCUMENT_CUT_OFF'
  | 'IMAGE_CORRUPT'
  | 'FILE_TYPE_UNSUPPORTED'
  | 'FILE_TOO_LARGE'
>;

/**
 * Document types of the contract (`documentType` of `POST /v1/verifications`): the travel-document types and
 * the Chinese and Hong Kong identity cards.
 */
export const DOCUMENT_TYPES = [
  'passport',
  'id_card',
  'residence_permit',
  'visa',
  'cn_resident_id',
  'hk_identity_card',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/**
 * Values that fill a reason's hint. Times are ISO 8601 instants, dates `YYYY-MM-DD`; the catalogue
 * formats them for each language.
 */
export interface ReasonParams {
  /** When a restricted applicant may try again. */
  retryAt?: string | null;
  /**
   * When a person will have reviewed a `manual_review` verification; `null` when a review is pending
   * without a deadline. Leave it out for reasons that do not lead to a review.
   */
  reviewBy?: string | null;
  /** The expiry date read from the document. */
  expiryDate?: string | null;
  /** The document types the service accepts, for `DOCUMENT_TYPE_UNSUPPORTED`. */
  acceptedTypes?: readonly DocumentType[] | null;
  /** The upload limit, for `FILE_TOO_LARGE`. */
  maxMegabytes?: number | null;
  /**
   * The document family's words for hints, from the evidence (`cn_resident_id`: the sides are 人像面 and 国徽面);
   * the engine passes it through without reading it.
   */
  document?: string | null;
}

/** What a reason's `field` can name: a document or record field, or a side of the document. */
export type ReasonField = DocumentField | 'front' | 'back';

/** A reason as the engine decides it; {@link describeReason} turns it into the contract's body. */
export interface VerdictReason {
  code: ReasonCode;
  /**
   * The field concerned: the differing record field of `FIELD_MISMATCH` and `FIELD_NEAR_MATCH`, the illegible
   * field of `FIELD_UNREADABLE`, the missing side of `DOCUMENT_SIDE_MISSING`; otherwise `null`.
   */
  field: ReasonField | null;
  params?: ReasonParams;
}

/** The outcome of {@link decideVerdict}. */
export interface VerdictDecision {
  verdict: Verdict;
  /** Deduplicated, most important first; empty for `accepted`. */
  reasons: VerdictReason[];
}

/** Why an applicant is restricted (the applicants library's `RestrictionReason`). */
export type RestrictionReason = 'TOO_MANY_ATTEMPTS' | 'TOO_MANY_CORRECTIONS' | 'OPERATOR_FLAG';

/**
 * Everything the verdict depends on, each part as the analysis step that produced it reports it.
 * A part that did not run (because an earlier step already failed) is `null` or left out.
 */
export interface VerdictInput {
  /** The restriction in force now, if any (the caller applies the clock). */
  restriction?: { reason: RestrictionReason; until: string | null } | null;
  /**
   * Image-quality issues. `fail` issues always make the verification `unreadable`; `warn` issues only
   * when the MRZ could not be read, since they then explain why (and say what to change).
   */
  quality?: { issues: ReadonlyArray<{ code: QualityReasonCode; severity: 'warn' | 'fail' }> } | null;
  /**
   * What the document's reader established (fields, where each was read, the document's own integrity
   * checks); `null` when no read was attempted because the image already failed (its quality reasons then
   * stand alone) or could not be decoded.
   */
  document?: DocumentEvidence | null;
  /** The record cross-check from `@idv/matching`; `null` when there was nothing to compare. */
  comparison?: ComparisonReport | null;
  /**
   * Expiry from `@idv/matching` `checkExpiry`; only `expired` and the date are used. A document that
   * states no expiry date counts as not expired.
   */
  expiry?: { expired: boolean; expiryDate?: string | null } | null;
  /** The same document is already verified for another applicant of the tenant. */
  duplicateDocument?: boolean;
  /** The review deadline to promise in `manual_review` hints (ISO instant). */
  reviewBy?: string | null;
  /** Shown by `DOCUMENT_TYPE_UNSUPPORTED`; defaults to every type of the contract. */
  acceptedTypes?: readonly DocumentType[] | null;
}

/** Tunables of {@link decideVerdict}. */
export interface VerdictOptions {
  /** Mean OCR confidence below which nothing unprotected by a check digit is trusted. Default 0.6. */
  minConfidence?: number;
}
