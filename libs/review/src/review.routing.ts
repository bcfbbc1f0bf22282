import { Inject, Injectable } from '@nestjs/common';
import type { ReviewReason, Tx } from '@idv/persistence';
import { Clock } from '@idv/platform';
import { REVIEW_OPTIONS, type ReviewOptions } from './review.options';
import { ReviewRepository } from './review.repository';
import { inQualitySample } from './review.sampling';

/**
 * Decides which automated verdicts a person looks at: every `manual_review`, and a deterministic sample of
 * `accepted` ones for quality control. Called by the worker inside the transaction that records the verdict,
 * so a verdict and its review commit together.
 */
@Injectable()
export class ReviewRouting {
  constructor(
    private readonly repo: ReviewRepository,
    private readonly clock: Clock,
    @Inject(REVIEW_OPTIONS) private readonly options: ReviewOptions,
  ) {}

  /** Opens a review for the verdict just recorded when the rules ask for one; returns why, or null. */
  async route(tx: Tx, v: { id: string; tenantId: string; verdict: string }): Promise<ReviewReason | null> {
    const reason = this.reasonFor(v);
    if (!reason) return null;
    const now = this.clock.now();
    await this.repo.open(tx, {
      tenantId: v.tenantId,
      verificationId: v.id,
      reason,
      automatedVerdict: v.verdict,
      createdAt: now,
      slaDueAt: this.dueAt(now),
    });
    return reason;
  }

  /** When a review opened at `openedAt` is due (the SLA); also what the end user is told. */
  dueAt(openedAt: Date): Date {
    return new Date(openedAt.getTime() + this.options.slaHours * 3600_000);
  }

  private reasonFor(v: { id: string; verdict: string }): ReviewReason | null {
    if (v.verdict === 'manual_review') return 'manual_review';
    if (v.verdict === 'accepted' && inQualitySample(v.id, this.options.sampleAccepted))
      return 'quality_sample';
    return null;
  }
}
