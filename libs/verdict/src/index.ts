/**
 * The verdict of a verification and the words that explain it: {@link decideVerdict} applies the
 * contract's precedence table to the analysis results; {@link describeReason} turns each reason into
 * the contract's body with an English message and end-user hints in English and Simplified Chinese.
 */
export { decideVerdict } from './verdict.engine';
export { REASON_CATALOGUE, describeReason } from './reason.catalogue';
export type { ReasonView } from './reason.catalogue';
export { VERDICT_PRECEDENCE, REASON_CODES, DOCUMENT_TYPES } from './verdict.types';
export type {
  Verdict,
  ReasonCode,
  QualityReasonCode,
  DocumentType,
  ReasonParams,
  ReasonField,
  VerdictReason,
  VerdictDecision,
  RestrictionReason,
  VerdictInput,
  VerdictOptions,
} from './verdict.types';
export type {
  DocumentEvidence,
  DocumentField,
  FieldEvidence,
  FieldSource,
  IntegrityCheck,
  ReasonSpec,
} from './evidence.types';
