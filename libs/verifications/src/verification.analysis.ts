import { Inject, Injectable, Logger } from '@nestjs/common';
import { documentKeySource, finalise, type AnalysisOutcome } from '@idv/analysis';
import { Applicants, type Actor } from '@idv/applicants';
import { AuditTrail } from '@idv/audit';
import type { ApplicantEntity, Tx, VerificationEntity } from '@idv/persistence';
import { APP_CONFIG, Clock, type AppConfig } from '@idv/platform';
import { ReviewRouting } from '@idv/review';
import { decideVerdict, describeReason } from '@idv/verdict';
import { Webhooks } from '@idv/webhooks';
import { AnalyserHost } from './document-analyser.provider';
import { documentKey } from './document-key';
import { ImageStore } from './image.store';
import { VerificationRepository } from './verification.repository';

/** Verdicts that count as an unsuccessful attempt towards the attempt limit. */
export const UNSUCCESSFUL_VERDICTS = [
  'mismatch',
  'unreadable',
  'expired',
  'unsupported',
  'rejected',
] as const;

const SYSTEM = (tenantId: string): Actor => ({ type: 'system', id: 'worker', tenantId });

/**
 * The worker's use case: analyse one verification and record exactly one verdict.
 * Safe to run again for the same verification (a retried or stalled job): a completed verification is left as it is,
 * and the verdict is written under a row lock that re-checks the status.
 */
@Injectable()
export class VerificationAnalysis {
  private readonly logger = new Logger('VerificationAnalysis');

  constructor(
    private readonly repo: VerificationRepository,
    private readonly images: ImageStore,
    private readonly applicants: Applicants,
    private readonly audit: AuditTrail,
    private readonly webhooks: Webhooks,
    private readonly analyser: AnalyserHost,
    private readonly reviews: ReviewRouting,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(
    tenantId: string,
    verificationId: string,
  ): Promise<'completed' | 'already-completed' | 'missing'> {
    const claimed = await this.claim(tenantId, verificationId);
    if (claimed !== 'claimed') return claimed;
    const started = Date.now();
    const v = (await this.repo.find(tenantId, verificationId))!;
    const applicant = await this.applicants.load(tenantId, v.applicantId);

    const outcome = this.applicants.restrictionOf(applicant) ? null : await this.analyse(v, applicant);
    return this.repo.transaction(async (tx) => {
      const row = await this.repo.find(tenantId, verificationId, tx, true);
      // Failed is final too: the verification was closed meanwhile (its applicant erased, or retries exhausted).
      if (!row || row.status === 'completed' || row.status === 'failed') return 'already-completed';
      const person = await this.applicants.load(tenantId, row.applicantId, tx, true);
      const restriction = this.applicants.restrictionOf(person);
      const final = outcome
        ? await this.decide(tx, row, outcome, restriction)
        : this.decideRestricted(restriction!);
      await this.complete(tx, row, final, Date.now() - started);
      if ((UNSUCCESSFUL_VERDICTS as readonly string[]).includes(final.verdict))
        await this.applyAttemptLimit(tx, person);
      return 'completed';
    });
  }

  /** The analysis kept failing (a bug or a broken image store): the verification ends as failed, not stuck. */
  async markFailed(tenantId: string, id: string, why: string): Promise<void> {
    await this.repo.transaction(async (tx) => {
      const v = await this.repo.find(tenantId, id, tx, true);
      if (!v || v.status === 'completed' || v.status === 'failed') return;
      v.status = 'failed';
      v.completedAt = this.clock.now();
      await this.repo.save(tx, v);
      await this.audit.record(
        {
          tenant: tenantId,
          actor: { type: 'system', id: 'worker' },
          action: 'verification.completed',
          subject: { type: 'verification', id },
          data: { status: 'failed', error: why.slice(0, 200) },
        },
        tx,
      );
    });
  }

  /** Marks the verification processing (first attempt audited); tells whether there is anything to do. */
  private claim(tenantId: string, id: string): Promise<'claimed' | 'already-completed' | 'missing'> {
    return this.repo.transaction(async (tx) => {
      const v = await this.repo.find(tenantId, id, tx, true);
      if (!v) return 'missing';
      if (v.status === 'completed' || v.status === 'failed') return 'already-completed';
      v.status = 'processing';
      v.startedAt ??= this.clock.now();
      v.attempts += 1;
      await this.repo.save(tx, v);
      if (v.attempts === 1) {
        await this.audit.record(
          {
            tenant: tenantId,
            actor: { type: 'system', id: 'worker' },
            action: 'verification.started',
            subject: { type: 'verification', id },
          },
          tx,
        );
      }
      return 'claimed';
    });
  }

  private async analyse(v: VerificationEntity, a: ApplicantEntity): Promise<AnalysisOutcome> {
    const front = await this.images.get(v.tenantId, v.id, 'front');
    const back = await this.images.get(v.tenantId, v.id, 'back');
    return this.analyser.get().analyse({
      front: front?.bytes ?? Buffer.alloc(0),
      back: back?.bytes,
      documentType: v.documentType ?? undefined,
      today: this.clock.today(),
      record: {
        surname: a.surname ?? '',
        givenNames: a.givenNames ?? '',
        dateOfBirth: a.dateOfBirth ?? '',
        nationality: a.nationality ?? '',
        sex: a.sex,
        documentNumber: a.documentNumber,
        fullName: a.fullName,
        documentType: a.documentType,
      },
    });
  }

  private async decide(
    tx: Tx,
    v: VerificationEntity,
    outcome: AnalysisOutcome,
    restriction: ReturnType<Applicants['restrictionOf']>,
  ) {
    const source = documentKeySource(outcome);
    v.documentKey = source ? documentKey(this.config.encryptionKey, source) : null;
    const duplicate = v.documentKey
      ? (await this.repo.otherHolderOf(tx, v.tenantId, v.documentKey, v.applicantId)) !== null
      : false;
    const final = finalise(outcome, {
      restriction: restriction
        ? { until: restriction.until?.toISOString() ?? null, reason: restriction.reason }
        : null,
      duplicate,
      reviewBy: this.reviews.dueAt(this.clock.now()).toISOString(),
    });
    v.document = final.document as unknown as Record<string, unknown>;
    v.checks = final.checks as unknown as Record<string, unknown>;
    v.engineVersion = final.engineVersion;
    return final;
  }

  /** A restricted applicant's upload is not analysed at all: the verdict is known, and its images stay untouched. */
  private decideRestricted(r: NonNullable<ReturnType<Applicants['restrictionOf']>>) {
    const decision = decideVerdict({
      restriction: { until: r.until?.toISOString() ?? null, reason: r.reason },
    });
    return { verdict: decision.verdict, reasons: decision.reasons.map((reason) => describeReason(reason)) };
  }

  private async complete(
    tx: Tx,
    v: VerificationEntity,
    final: { verdict: string; reasons: Array<{ code: string }> },
    ms: number,
  ) {
    v.status = 'completed';
    v.verdict = final.verdict;
    v.reasons = final.reasons;
    v.completedAt = this.clock.now();
    v.processingMs = ms;
    await this.repo.save(tx, v);
    // A manual_review verdict (or a quality-control sample) opens its review in this same transaction.
    await this.reviews.route(tx, { id: v.id, tenantId: v.tenantId, verdict: final.verdict });
    const reasonCodes = [...new Set(final.reasons.map((r) => r.code))];
    await this.audit.record(
      {
        tenant: v.tenantId,
        actor: { type: 'system', id: 'worker' },
        action: 'verification.completed',
        subject: { type: 'verification', id: v.id },
        reasonCodes,
        data: {
          verdict: final.verdict,
          engineVersion: v.engineVersion,
          applicantId: v.applicantId,
          processingMs: ms,
        },
      },
      tx,
    );
    await this.webhooks.publish(tx, v.tenantId, 'verification.completed', {
      verificationId: v.id,
      applicantId: v.applicantId,
      status: 'completed',
      verdict: final.verdict,
      reasonCodes,
    });
    this.logger.log({ verificationId: v.id, verdict: final.verdict, ms }, 'verification completed');
  }

  /** N unsuccessful verifications within the window restrict the applicant until a time (and the wallet hears of it). */
  private async applyAttemptLimit(tx: Tx, a: ApplicantEntity): Promise<void> {
    if (this.applicants.restrictionOf(a)) return;
    const { maxFailedAttempts, windowMinutes } = this.config.limits;
    const since = new Date(this.clock.now().getTime() - windowMinutes * 60_000);
    if ((await this.repo.failuresSince(tx, a.id, since, UNSUCCESSFUL_VERDICTS)) < maxFailedAttempts) return;
    const restricted = await this.applicants.restrict(tx, SYSTEM(a.tenantId), a, 'TOO_MANY_ATTEMPTS');
    await this.webhooks.publish(tx, a.tenantId, 'applicant.restricted', {
      applicantId: a.id,
      reason: 'TOO_MANY_ATTEMPTS',
      restrictedUntil: restricted.restrictedUntil?.toISOString() ?? null,
    });
  }
}
