import type { ReviewReason } from '@idv/persistence';
import { DomainError } from '@idv/platform';
import { REASON_CODES, VERDICT_PRECEDENCE } from '@idv/verdict';

/** The review feature's one error type. */
export class ReviewError extends DomainError {}

/** Verdicts a reviewer may give: the contract's, except `restricted` (an operator's flag) and `manual_review`. */
export const DECIDABLE_VERDICTS = VERDICT_PRECEDENCE.filter(
  (v) => v !== 'restricted' && v !== 'manual_review',
);
export type DecidableVerdict = (typeof DECIDABLE_VERDICTS)[number];

/** The code the service adds to every decision. Alone it tells the person nothing they can act on. */
export const REVIEWER_DECISION = 'REVIEWER_DECISION';

/**
 * Codes a decision may carry: the verdict catalogue's. `REVIEWER_DECISION` is among them: the service adds it to
 * every decision, and the contract lets clients send it too.
 */
export const DECISION_REASON_CODES = REASON_CODES;

export const REVIEW_STATUSES = ['pending', 'claimed', 'decided'] as const;
export type ReviewQueueStatus = (typeof REVIEW_STATUSES)[number];

/** What a reviewer decides. */
export interface DecisionInput {
  verdict: DecidableVerdict;
  reasonCodes: string[];
  note?: string | null;
}

/** A decision as the queue shows it. */
export interface DecisionView {
  reviewerId: string;
  verdict: string;
  reasonCodes: string[];
  note: string | null;
  decidedAt: string;
}

/** One review as `GET /v1/reviews` lists it. `status` is as of now: an expired lease reads as `pending`. */
export interface ReviewView {
  id: string;
  verificationId: string;
  reason: ReviewReason;
  status: ReviewQueueStatus;
  automatedVerdict: string;
  appealReason: string | null;
  claimedBy: string | null;
  leaseUntil: string | null;
  /** A first reviewer overrode a `rejected` verdict; another reviewer must agree before it takes effect. */
  needsSecondReviewer: boolean;
  /** Decisions recorded without completing the review (four eyes). */
  decisions: DecisionView[];
  decision: DecisionView | null;
  createdAt: string;
  /** Seconds since the review opened (until its decision, once decided). */
  ageSeconds: number;
  slaDueAt: string;
  slaBreached: boolean;
}

/** A page of the queue, oldest first. */
export interface ReviewPage {
  items: ReviewView[];
  nextCursor: string | null;
}

/** Everything a reviewer needs on one screen. */
export interface ReviewDetail {
  review: ReviewView;
  verification: {
    id: string;
    applicantId: string;
    documentType: string | null;
    status: string;
    verdict: string | null;
    reasons: unknown[];
    document: Record<string, unknown> | null;
    checks: Record<string, unknown> | null;
    createdAt: string;
    completedAt: string | null;
  };
  /** The registration record the document was compared with (no contact details). */
  applicant: {
    id: string;
    externalId: string;
    surname: string | null;
    givenNames: string | null;
    /** The whole name (王小明), when the person registered with one. */
    fullName: string | null;
    dateOfBirth: string | null;
    nationality: string | null;
    sex: string | null;
    documentNumber: string | null;
    /** The document type the person registered with (证件类型), if given. */
    documentType: string | null;
    status: string;
  };
  /** Image sides still stored (purged images are gone). */
  images: Array<'front' | 'back'>;
}

/** Queue figures for /metrics. */
export interface QueueStats {
  pending: number;
  claimed: number;
  oldestPendingSeconds: number;
}

export const reviewNotFound = (id: string) =>
  new ReviewError('not_found', 'review_not_found', `No review ${id} in your tenant.`);
