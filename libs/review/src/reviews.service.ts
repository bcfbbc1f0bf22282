import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Applicants, type Actor } from '@idv/applicants';
import { AuditTrail, type AuditAction } from '@idv/audit';
import type { ReviewDecisionRecord, ReviewEntity, Tx, VerificationEntity } from '@idv/persistence';
import { Clock } from '@idv/platform';
import { Webhooks } from '@idv/webhooks';
import { REVIEW_OPTIONS, type ReviewOptions } from './review.options';
import { ReviewRepository } from './review.repository';
import { ReviewRouting } from './review.routing';
import {
  decisionCodes,
  decisionReasons,
  effectiveStatus,
  needsSecondReviewer,
  pickedCodes,
  settles,
} from './review.rules';
import {
  ReviewError,
  reviewNotFound,
  type DecisionInput,
  type DecisionView,
  type QueueStats,
  type ReviewDetail,
  type ReviewPage,
  type ReviewQueueStatus,
  type ReviewView,
} from './review.types';

/**
 * The manual-review queue: list, claim under a lease, renew, release, decide (four eyes when a rejection is
 * overridden), and appeals. A final decision sets the verification's verdict, tells the wallet
 * (`review.completed`) and is audited, all in one transaction.
 */
@Injectable()
export class Reviews {
  private readonly logger = new Logger('Reviews');

  constructor(
    private readonly repo: ReviewRepository,
    private readonly routing: ReviewRouting,
    private readonly applicants: Applicants,
    private readonly audit: AuditTrail,
    private readonly webhooks: Webhooks,
    private readonly clock: Clock,
    @Inject(REVIEW_OPTIONS) private readonly options: ReviewOptions,
  ) {}

  /** The queue in one status, oldest first, cursor-paginated. */
  async list(
    tenantId: string,
    q: { status?: ReviewQueueStatus; cursor?: string; limit?: number },
  ): Promise<ReviewPage> {
    const limit = Math.min(Math.max(q.limit ?? 50, 1), 200);
    const after = q.cursor ? decodeCursor(q.cursor) : undefined;
    if (q.cursor && !after)
      throw new ReviewError('invalid', 'invalid_cursor', 'The cursor is not one this API returned.');
    const now = this.clock.now();
    const rows = await this.repo.list({
      tenantId,
      status: q.status ?? 'pending',
      now,
      after: after ?? undefined,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => this.view(r, now)),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]) : null,
    };
  }

  /** One review with the verification, the registration record and the image sides still stored. */
  async detail(tenantId: string, id: string): Promise<ReviewDetail> {
    const r = await this.repo.find(tenantId, id);
    if (!r) throw reviewNotFound(id);
    const v = (await this.repo.verification(tenantId, r.verificationId))!;
    const a = await this.applicants.load(tenantId, v.applicantId);
    return {
      review: this.view(r, this.clock.now()),
      verification: {
        id: v.id,
        applicantId: v.applicantId,
        documentType: v.documentType,
        status: v.status,
        verdict: v.verdict,
        reasons: v.reasons ?? [],
        document: v.document,
        checks: v.checks,
        createdAt: v.createdAt.toISOString(),
        completedAt: v.completedAt?.toISOString() ?? null,
      },
      applicant: {
        id: a.id,
        externalId: a.externalId,
        surname: a.surname,
        givenNames: a.givenNames,
        fullName: a.fullName ?? null,
        dateOfBirth: a.dateOfBirth,
        nationality: a.nationality,
        sex: a.sex,
        documentNumber: a.documentNumber,
        documentType: a.documentType ?? null,
        status: a.status,
      },
      images: await this.repo.imageSides(tenantId, v.id),
    };
  }

  /** A lease of `leaseSeconds` to the caller; 409 while another reviewer holds a live lease. */
  async claim(actor: Actor, id: string): Promise<ReviewView> {
    const now = this.clock.now();
    const leaseUntil = new Date(now.getTime() + this.options.leaseSeconds * 1000);
    return this.repo.transaction(async (tx) => {
      const r = await this.repo.claim(tx, actor.tenantId, id, actor.id, now, leaseUntil);
      if (!r) throw await this.whyNotClaimable(actor, id, now);
      await this.record(tx, actor, 'review.claimed', r, { leaseUntil: leaseUntil.toISOString() });
      return this.view(r, now);
    });
  }

  /** Extends the caller's lease. */
  async renew(actor: Actor, id: string): Promise<ReviewView> {
    const now = this.clock.now();
    const leaseUntil = new Date(now.getTime() + this.options.leaseSeconds * 1000);
    return this.repo.transaction(async (tx) => {
      const r = await this.repo.renew(tx, actor.tenantId, id, actor.id, leaseUntil);
      if (!r) throw await this.notHolder(actor, id);
      await this.record(tx, actor, 'review.claimed', r, {
        leaseUntil: leaseUntil.toISOString(),
        renewed: true,
      });
      return this.view(r, now);
    });
  }

  /** Hands the review back to the queue. */
  async release(actor: Actor, id: string): Promise<ReviewView> {
    return this.repo.transaction(async (tx) => {
      const r = await this.repo.release(tx, actor.tenantId, id, actor.id);
      if (!r) throw await this.notHolder(actor, id);
      await this.record(tx, actor, 'review.released', r, {});
      return this.view(r, this.clock.now());
    });
  }

  /**
   * The lease holder's decision. It completes the review unless it overrides an automated `rejected` without a
   * different reviewer's agreeing decision on record: then it is recorded and the review returns to the queue.
   */
  async decide(actor: Actor, id: string, input: DecisionInput): Promise<ReviewView> {
    checkDecision(input);
    const now = this.clock.now();
    const head = await this.repo.find(actor.tenantId, id);
    if (!head) throw reviewNotFound(id);
    return this.repo.transaction(async (tx) => {
      // Verification first, then review: the same order as appeals and the worker, so they cannot deadlock.
      const v = (await this.repo.verification(actor.tenantId, head.verificationId, tx, true))!;
      const r = (await this.repo.find(actor.tenantId, id, tx, true))!;
      if (r.status === 'decided') throw decidedAlready(id);
      if (effectiveStatus(r, now) !== 'claimed' || r.claimedBy !== actor.id)
        throw await this.notHolder(actor, id);
      const decision: ReviewDecisionRecord = {
        reviewerId: actor.id,
        verdict: input.verdict,
        reasonCodes: decisionCodes(input),
        note: input.note?.trim() || null,
        decidedAt: now.toISOString(),
      };
      if (!settles(r.automatedVerdict, r.decisions, actor.id, input.verdict)) {
        return this.holdForSecondReviewer(tx, actor, r, decision, now);
      }
      return this.complete(tx, actor, r, v, input, decision, now);
    });
  }

  /** The person contests a completed verification: a review opens, once per verification. */
  async appeal(actor: Actor, verificationId: string, reason: string): Promise<ReviewView> {
    const now = this.clock.now();
    return this.repo.transaction(async (tx) => {
      const v = await this.repo.verification(actor.tenantId, verificationId, tx, true);
      if (!v)
        throw new ReviewError(
          'not_found',
          'verification_not_found',
          `No verification ${verificationId} in your tenant.`,
        );
      if (v.status !== 'completed' || !v.verdict)
        throw new ReviewError(
          'conflict',
          'verification_not_completed',
          'Only a completed verification can be appealed; wait for its verdict.',
        );
      const blockers = await this.repo.blockers(tx, actor.tenantId, verificationId);
      const appealed = blockers.find((b) => b.reason === 'appeal');
      if (appealed)
        throw new ReviewError(
          'conflict',
          'already_appealed',
          'This verification was already appealed; an appeal can be made once.',
          undefined,
          { reviewId: appealed.id },
        );
      const open = blockers.find((b) => b.status !== 'decided');
      if (open)
        throw new ReviewError(
          'conflict',
          'review_in_progress',
          'A person is already reviewing this verification; the wallet hears the outcome by webhook.',
          undefined,
          { reviewId: open.id },
        );
      const r = await this.repo.open(tx, {
        tenantId: actor.tenantId,
        verificationId,
        reason: 'appeal',
        automatedVerdict: v.verdict,
        appealReason: reason.trim(),
        createdAt: now,
        slaDueAt: this.routing.dueAt(now),
      });
      if (!r)
        throw new ReviewError('conflict', 'already_appealed', 'This verification was already appealed.');
      await this.record(tx, actor, 'review.opened', r, {
        reason: 'appeal',
        automatedVerdict: v.verdict,
        ...textDigest('appealReason', reason),
      });
      return this.view(r, now);
    });
  }

  /** Queue figures across tenants, for /metrics. */
  stats(): Promise<QueueStats> {
    return this.repo.stats(this.clock.now());
  }

  private async holdForSecondReviewer(
    tx: Tx,
    actor: Actor,
    r: ReviewEntity,
    decision: ReviewDecisionRecord,
    now: Date,
  ): Promise<ReviewView> {
    r.decisions = [...r.decisions, decision];
    r.status = 'pending';
    r.claimedBy = null;
    r.claimedAt = null;
    r.leaseUntil = null;
    const saved = await this.repo.save(tx, r);
    await this.record(
      tx,
      actor,
      'review.decided',
      saved,
      {
        verdict: decision.verdict,
        final: false,
        needsSecondReviewer: true,
        ...textDigest('note', decision.note),
      },
      decision.reasonCodes,
    );
    return this.view(saved, now);
  }

  private async complete(
    tx: Tx,
    actor: Actor,
    r: ReviewEntity,
    v: VerificationEntity,
    input: DecisionInput,
    decision: ReviewDecisionRecord,
    now: Date,
  ): Promise<ReviewView> {
    const previousVerdict = v.verdict;
    r.status = 'decided';
    r.decidedBy = actor.id;
    r.verdict = decision.verdict;
    r.reasonCodes = decision.reasonCodes;
    r.note = decision.note;
    r.decidedAt = now;
    r.leaseUntil = null;
    const saved = await this.repo.save(tx, r);
    const agreed = r.decisions.filter((d) => d.reviewerId !== actor.id && d.verdict === decision.verdict);
    v.verdict = decision.verdict;
    v.reasons = decisionReasons(input, v.reasons ?? []);
    v.review = {
      reviewId: r.id,
      reason: r.reason,
      reviewerId: actor.id,
      verdict: decision.verdict,
      reasonCodes: decision.reasonCodes,
      note: decision.note,
      decidedAt: decision.decidedAt,
      ...(agreed.length ? { firstReviewerId: agreed[0].reviewerId } : {}),
    };
    await this.repo.saveVerification(tx, v);
    await this.record(
      tx,
      actor,
      'review.decided',
      saved,
      {
        verdict: decision.verdict,
        previousVerdict,
        final: true,
        ...(agreed.length ? { firstReviewerId: agreed[0].reviewerId } : {}),
        ...textDigest('note', decision.note),
      },
      decision.reasonCodes,
    );
    await this.webhooks.publish(tx, v.tenantId, 'review.completed', {
      reviewId: r.id,
      verificationId: v.id,
      applicantId: v.applicantId,
      reason: r.reason,
      previousVerdict,
      verdict: decision.verdict,
      reasonCodes: decision.reasonCodes,
      decidedAt: decision.decidedAt,
    });
    this.logger.log({ reviewId: r.id, verificationId: v.id, verdict: decision.verdict }, 'review decided');
    return this.view(saved, now);
  }

  private async whyNotClaimable(actor: Actor, id: string, now: Date): Promise<ReviewError> {
    const r = await this.repo.find(actor.tenantId, id);
    if (!r) return reviewNotFound(id);
    if (r.status === 'decided') return decidedAlready(id);
    if (r.decisions.some((d) => d.reviewerId === actor.id))
      return new ReviewError(
        'forbidden',
        'second_reviewer_required',
        'You already decided this review; overriding a rejection needs a different reviewer.',
      );
    return new ReviewError(
      'conflict',
      'review_claimed',
      'Another reviewer holds this review; pick another one from the queue.',
      undefined,
      { leaseUntil: r.leaseUntil?.toISOString() ?? null, now: now.toISOString() },
    );
  }

  /** Why the caller cannot renew, release or decide: unknown, decided, or not (or no longer) the lease holder. */
  private async notHolder(actor: Actor, id: string): Promise<ReviewError> {
    const r = await this.repo.find(actor.tenantId, id);
    if (!r) return reviewNotFound(id);
    if (r.status === 'decided') return decidedAlready(id);
    const status = effectiveStatus(r, this.clock.now());
    if (status === 'claimed' && r.claimedBy !== actor.id)
      return new ReviewError('forbidden', 'not_lease_holder', 'Another reviewer holds this review.');
    return new ReviewError(
      'conflict',
      'lease_required',
      r.claimedBy === actor.id
        ? 'Your lease on this review ran out; claim it again.'
        : 'Claim this review before deciding or releasing it.',
    );
  }

  private record(
    tx: Tx,
    actor: Actor,
    action: AuditAction,
    r: ReviewEntity,
    data: Record<string, unknown>,
    reasonCodes?: string[],
  ) {
    return this.audit.record(
      {
        tenant: actor.tenantId,
        actor: { type: actor.type, id: actor.id },
        action,
        subject: { type: 'review', id: r.id },
        reasonCodes,
        data: { verificationId: r.verificationId, reason: r.reason, ...data },
      },
      tx,
    );
  }

  private view(r: ReviewEntity, now: Date): ReviewView {
    const status = effectiveStatus(r, now);
    const end = r.decidedAt ?? now;
    const live = status === 'claimed';
    return {
      id: r.id,
      verificationId: r.verificationId,
      reason: r.reason,
      status,
      automatedVerdict: r.automatedVerdict,
      appealReason: r.appealReason,
      claimedBy: live ? r.claimedBy : null,
      leaseUntil: live ? (r.leaseUntil?.toISOString() ?? null) : null,
      needsSecondReviewer: needsSecondReviewer(r),
      decisions: r.decisions.map(decisionView),
      decision:
        r.status === 'decided'
          ? {
              reviewerId: r.decidedBy!,
              verdict: r.verdict!,
              reasonCodes: r.reasonCodes ?? [],
              note: r.note,
              decidedAt: r.decidedAt!.toISOString(),
            }
          : null,
      createdAt: r.createdAt.toISOString(),
      ageSeconds: Math.max(0, Math.floor((end.getTime() - r.createdAt.getTime()) / 1000)),
      slaDueAt: r.slaDueAt.toISOString(),
      slaBreached: end.getTime() > r.slaDueAt.getTime(),
    };
  }
}

function decisionView(d: ReviewDecisionRecord): DecisionView {
  return {
    reviewerId: d.reviewerId,
    verdict: d.verdict,
    reasonCodes: d.reasonCodes,
    note: d.note,
    decidedAt: d.decidedAt,
  };
}

const decidedAlready = (id: string) =>
  new ReviewError('conflict', 'review_decided', `Review ${id} is already decided.`);

/** Free text goes into the audit trail only as its length and hash: it may hold anything a person typed. */
function textDigest(name: string, text: string | null | undefined): Record<string, unknown> {
  if (!text) return { [`${name}Length`]: 0 };
  return {
    [`${name}Length`]: text.length,
    [`${name}Sha256`]: createHash('sha256').update(text, 'utf8').digest('hex'),
  };
}

/**
 * Rules a DTO cannot express: a verdict other than `accepted` needs at least one reason the person can act on;
 * `REVIEWER_DECISION` (added to every decision) is not one.
 */
function checkDecision(input: DecisionInput): void {
  if (input.verdict !== 'accepted' && pickedCodes(input).length === 0) {
    throw new ReviewError(
      'invalid',
      'validation_failed',
      'A decision other than accepted needs at least one reason code besides REVIEWER_DECISION.',
      [
        {
          field: 'reasonCodes',
          code: 'required',
          message: 'Pick at least one reason code for this verdict.',
          hint: {
            en: 'Choose the reason the person will be told, e.g. IMAGE_BLURRED or FIELD_MISMATCH.',
            'zh-CN': '请选择将告知用户的原因代码，例如 IMAGE_BLURRED 或 FIELD_MISMATCH。',
          },
        },
      ],
    );
  }
}

function encodeCursor(r: Pick<ReviewEntity, 'createdAt' | 'id'>): string {
  return Buffer.from(`${r.createdAt.toISOString()}|${r.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(at);
  return id && !Number.isNaN(createdAt.getTime()) ? { createdAt, id } : null;
}
