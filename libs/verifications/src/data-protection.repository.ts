import { Injectable } from '@nestjs/common';
import type { Tx } from '@idv/persistence';

/**
 * The document fields read from an image: redacted to null, while `type`, `format` and `issuingCountry` stay
 * (what kind of document was checked is part of the verdict's evidence, and identifies no one).
 */
const REDACTED_DOCUMENT = JSON.stringify({
  documentNumber: null,
  surname: null,
  givenNames: null,
  dateOfBirth: null,
  expiryDate: null,
  sex: null,
  nationality: null,
});

/**
 * SET clause of a verification's redaction: the document's personal fields, the MRZ lines (they spell out the
 * name, number and birth date), the expiry date read, a reviewer's free-text note, and the keyed document hash
 * (pseudonymous data whose only use is duplicate detection, which an erased person must not trip again).
 * Verdict, reasons (codes and templated hints), quality, comparison statuses and times are kept.
 */
const REDACT = `
  document = CASE WHEN document IS NULL THEN NULL ELSE document || '${REDACTED_DOCUMENT}'::jsonb END,
  checks = CASE WHEN checks IS NULL THEN NULL ELSE
             jsonb_set(
               CASE WHEN checks ? 'expiry' THEN jsonb_set(checks, '{expiry,expiryDate}', 'null') ELSE checks END,
               '{mrz,lines}', '[]', (checks ? 'mrz'))
           END,
  review = CASE WHEN review ? 'note' THEN jsonb_set(review, '{note}', 'null') ELSE review END,
  document_key = NULL`;

/** True for a row that still holds something {@link REDACT} removes (so a redaction pass is idempotent). */
const NOT_REDACTED = `(
  document_key IS NOT NULL
  OR (document IS NOT NULL AND document <> document || '${REDACTED_DOCUMENT}'::jsonb)
  OR coalesce(checks->'mrz'->'lines', '[]'::jsonb) <> '[]'::jsonb
  OR coalesce(checks->'expiry'->'expiryDate', 'null'::jsonb) <> 'null'::jsonb
  OR coalesce(review->'note', 'null'::jsonb) <> 'null'::jsonb)`;

/** The SQL of erasure and retention over verifications and their reviews (images go through ImageStore). */
@Injectable()
export class DataProtectionRepository {
  /** Redacts every verification of one applicant; returns how many rows changed. */
  async redactApplicantVerifications(tx: Tx, tenantId: string, applicantId: string): Promise<number> {
    const [, count] = (await tx.query(
      `UPDATE verifications SET ${REDACT} WHERE tenant_id = $1 AND applicant_id = $2 AND ${NOT_REDACTED}`,
      [tenantId, applicantId],
    )) as [unknown, number];
    return count;
  }

  /** Verifications of the applicant not finished yet: they will never be analysed now. */
  async unfinishedOfApplicant(tx: Tx, tenantId: string, applicantId: string): Promise<string[]> {
    const rows = (await tx.query(
      `UPDATE verifications SET status = 'failed', completed_at = now()
        WHERE tenant_id = $1 AND applicant_id = $2 AND status IN ('queued', 'processing')
        RETURNING id`,
      [tenantId, applicantId],
    )) as [Array<{ id: string }>, number];
    return rows[0].map((r) => r.id);
  }

  /**
   * Free text a person or a reviewer wrote about the applicant's verifications (the appeal's reason, review
   * notes): nulled. Verdicts, reason codes and who decided stay.
   */
  async redactApplicantReviews(tx: Tx, tenantId: string, applicantId: string): Promise<number> {
    const [{ present }] = (await tx.query(`SELECT to_regclass('reviews') IS NOT NULL AS present`)) as [
      { present: boolean },
    ];
    if (!present) return 0;
    const [, count] = (await tx.query(
      `UPDATE reviews r SET appeal_reason = NULL, note = NULL,
              decisions = (SELECT coalesce(jsonb_agg(d || '{"note":null}'::jsonb), '[]'::jsonb)
                             FROM jsonb_array_elements(r.decisions) d)
         FROM verifications v
        WHERE v.id = r.verification_id AND v.tenant_id = $1 AND v.applicant_id = $2`,
      [tenantId, applicantId],
    )) as [unknown, number];
    return count;
  }

  /**
   * Redacts up to `limit` verifications created before `cutoff` (with `dryRun`, only counts them); returns the
   * count per tenant. SKIP LOCKED: a verification being analysed or erased right now is left for the next run.
   */
  async redactCreatedBefore(
    tx: Tx,
    cutoff: Date,
    limit: number,
    dryRun: boolean,
  ): Promise<Array<{ tenantId: string; count: number }>> {
    const due = `SELECT id FROM verifications WHERE created_at < $1 AND ${NOT_REDACTED} ORDER BY created_at LIMIT $2`;
    const rows = (await tx.query(
      dryRun
        ? `SELECT v.tenant_id, count(*)::int AS count FROM verifications v JOIN (${due}) d USING (id)
            GROUP BY v.tenant_id`
        : `WITH redacted AS (
             UPDATE verifications v SET ${REDACT} FROM (${due} FOR UPDATE SKIP LOCKED) d
              WHERE v.id = d.id RETURNING v.tenant_id)
           SELECT tenant_id, count(*)::int AS count FROM redacted GROUP BY tenant_id`,
      [cutoff, limit],
    )) as Array<{ tenant_id: string; count: number }>;
    return rows.map((r) => ({ tenantId: r.tenant_id, count: r.count }));
  }
}
