/**
 * The document pipeline: uploaded images and a registration record in, the contract's verdict out.
 *
 * - {@link DocumentAnalyser}: decode → quality → the document family's reader (`@idv/documents`) → compare with
 *   the record → expiry → verdict; holds the warm OCR workers.
 * - {@link finalise}: re-decides an outcome with what the caller's database knows (restriction, duplicate document).
 * - {@link documentKeySource}: the document's identity for duplicate detection.
 *
 * Pure apart from OCR: no database, queue, network or clock (the caller passes `today`).
 */
export { DocumentAnalyser } from './document.analyser';
export type { DocumentAnalyserOptions } from './document.analyser';
export { finalise, documentKeySource } from './finalise';
export type { FinaliseContext } from './finalise';
export type {
  AnalyseInput,
  AnalysisOutcome,
  ChecksView,
  DeclaredDocumentType,
  DocumentView,
  OutcomeReason,
  QualityView,
  RegistrationRecord,
  Timings,
} from './analysis.types';
