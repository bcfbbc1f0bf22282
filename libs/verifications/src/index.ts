/** Verifications: accepting uploads (normalised, encrypted, outboxed), reading and listing them, and their analysis. */
export { VerificationsModule } from './verifications.module';
export { Verifications, type NewVerification } from './verifications.service';
export { VerificationImages } from './verification-images.service';
export { VerificationRepository } from './verification.repository';
export { ImageStore } from './image.store';
export { prepareUpload } from './upload.normaliser';
export { DOCUMENT_TYPES, VerificationError } from './verification.types';
export type { DocumentType, Side, VerificationView, PreparedImage } from './verification.types';
export { toView } from './verification.view';
export { VerificationAnalysisModule } from './verification-analysis.module';
export { VerificationAnalysis, UNSUCCESSFUL_VERDICTS } from './verification.analysis';
export { documentKey } from './document-key';
export { qualityPrecheck, type QualityPrecheck } from './quality.precheck';
export { DataProtectionModule } from './data-protection.module';
export { ApplicantErasure } from './applicant.erasure';
export { Retention, type RetentionReport } from './retention.service';
