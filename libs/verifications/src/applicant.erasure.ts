import { Injectable } from '@nestjs/common';
import { Applicants, type Actor, type Applicant } from '@idv/applicants';
import { AuditTrail } from '@idv/audit';
import { DataProtectionRepository } from './data-protection.repository';
import { ImageStore } from './image.store';
import { VerificationRepository } from './verification.repository';

/**
 * The right to erasure (`DELETE /v1/applicants/:id`): in one transaction, the applicant's record is redacted to a
 * shell, their images purged, their verifications' document data, MRZ lines and free-text notes redacted, and
 * unfinished verifications closed as failed. Verdicts, reason codes and the audit trail stay: the trail never held
 * personal data, so it needs no change (and could not take one without breaking its hash chain).
 */
@Injectable()
export class ApplicantErasure {
  constructor(
    private readonly applicants: Applicants,
    private readonly verifications: VerificationRepository,
    private readonly images: ImageStore,
    private readonly data: DataProtectionRepository,
    private readonly audit: AuditTrail,
  ) {}

  /** Erases one applicant of the actor's tenant and returns the shell; erasing it again returns the same shell. */
  erase(actor: Actor, applicantId: string): Promise<Applicant> {
    return this.verifications.transaction(async (tx) => {
      // The applicant's lock serialises this with uploads (which lock it too) and with a second erasure.
      const row = await this.applicants.load(actor.tenantId, applicantId, tx, true);
      if (row.status === 'erased') return this.applicants.view(row);
      const unfinished = await this.data.unfinishedOfApplicant(tx, actor.tenantId, row.id);
      for (const id of unfinished) {
        await this.audit.record(
          {
            tenant: actor.tenantId,
            actor: { type: 'system', id: 'erasure' },
            action: 'verification.completed',
            subject: { type: 'verification', id },
            data: { status: 'failed', error: 'applicant_erased', applicantId: row.id },
          },
          tx,
        );
      }
      const counts = {
        images: await this.images.purgeApplicant(tx, actor.tenantId, row.id),
        verifications: await this.data.redactApplicantVerifications(tx, actor.tenantId, row.id),
        reviews: await this.data.redactApplicantReviews(tx, actor.tenantId, row.id),
        unfinished: unfinished.length,
      };
      return this.applicants.erase(tx, actor, row, counts);
    });
  }
}
