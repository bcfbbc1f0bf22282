import type { VerificationEntity } from '@idv/persistence';
import type { VerificationView } from './verification.types';

/** The contract's representation of a verification. */
export function toView(v: VerificationEntity): VerificationView {
  return {
    id: v.id,
    applicantId: v.applicantId,
    documentType: v.documentType,
    status: v.status,
    verdict: v.verdict,
    reasons: v.reasons ?? [],
    document: v.document,
    checks: v.checks,
    review: v.review,
    createdAt: v.createdAt.toISOString(),
    completedAt: v.completedAt?.toISOString() ?? null,
    processingMs: v.processingMs,
  };
}

/** Opaque cursor for keyset pagination (created_at, id). */
export function encodeCursor(v: Pick<VerificationEntity, 'createdAt' | 'id'>): string {
  return Buffer.from(`${v.createdAt.toISOString()}|${v.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(at);
  return id && !Number.isNaN(createdAt.getTime()) ? { createdAt, id } : null;
}
