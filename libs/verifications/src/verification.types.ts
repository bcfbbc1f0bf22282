import { DomainError } from '@idv/platform';
import { DOCUMENT_TYPES, type DocumentType } from '@idv/verdict';

export { DOCUMENT_TYPES, type DocumentType };
export type Side = 'front' | 'back';

/** `GET /v1/verifications/:id` as the contract shows it. */
export interface VerificationView {
  id: string;
  applicantId: string;
  documentType: string | null;
  status: 'queued' | 'processing' | 'completed' | 'failed';
  verdict: string | null;
  reasons: unknown[];
  document: Record<string, unknown> | null;
  checks: Record<string, unknown> | null;
  review: Record<string, unknown> | null;
  createdAt: string;
  completedAt: string | null;
  processingMs: number | null;
}

/** An uploaded image, normalised: upright, metadata stripped, ready to store encrypted. */
export interface PreparedImage {
  side: Side;
  bytes: Buffer;
  mediaType: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  sha256: string;
}

/** The verifications feature's one error type. */
export class VerificationError extends DomainError {}
