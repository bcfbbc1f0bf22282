import type { ReviewDecisionRecord, ReviewEntity } from '@idv/persistence';
import { describeReason, type ReasonCode, type ReasonView } from '@idv/verdict';
import { REVIEWER_DECISION, type DecisionInput, type ReviewQueueStatus } from './review.types';

/** The status as of `now`: a claim whose lease ran out is pending again, whatever the row still says. */
export function effectiveStatus(
  r: Pick<ReviewEntity, 'status' | 'leaseUntil'>,
  now: Date,
): ReviewQueueStatus {
  if (r.status === 'claimed' && (!r.leaseUntil || r.leaseUntil.getTime() <= now.getTime())) return 'pending';
  return r.status;
}

/**
 * Four eyes: turning an automated `rejected` (a fraud signal) into anything else takes effect only when two
 * different reviewers agree on the same verdict. Upholding the rejection needs one reviewer. A second reviewer
 * who disagrees with the first leaves the review open; the next one must agree with one of the earlier decisions.
 */
export function settles(
  automatedVerdict: string,
  earlier: readonly ReviewDecisionRecord[],
  reviewerId: string,
  verdict: string,
): boolean {
  if (automatedVerdict !== 'rejected' || verdict === 'rejected') return true;
  return earlier.some((d) => d.reviewerId !== reviewerId && d.verdict === verdict);
}

/** Whether an open review waits for a second reviewer (a first override of a rejection is on record). */
export function needsSecondReviewer(r: Pick<ReviewEntity, 'status' | 'decisions'>): boolean {
  return r.status !== 'decided' && r.decisions.length > 0;
}

/**
 * The verification's reasons after a decision: each picked code with its hint, reusing the automated reason of the
 * same code when there was one (it knows the field or deadline), then `REVIEWER_DECISION`. Accepting clears them.
 */
export function decisionReasons(decision: DecisionInput, automated: readonly unknown[]): ReasonView[] {
  const previous = automated as Array<Partial<ReasonView>>;
  const picked = decision.verdict === 'accepted' ? [] : pickedCodes(decision);
  const reasons: ReasonView[] = [];
  for (const code of picked) {
    const same = previous.filter((r) => r.code === code && r.code !== 'LOW_CONFIDENCE') as ReasonView[];
    if (same.length > 0) reasons.push(...same);
    else reasons.push(describeReason({ code: code as ReasonCode, field: null }));
  }
  reasons.push(describeReason({ code: REVIEWER_DECISION, field: null }));
  return reasons;
}

/** The codes stored with a decision: the picked ones, deduplicated, then `REVIEWER_DECISION` (once, if sent too). */
export function decisionCodes(decision: DecisionInput): string[] {
  return [...pickedCodes(decision), REVIEWER_DECISION];
}

/** The reviewer's own reasons: what was sent, deduplicated, without the `REVIEWER_DECISION` every decision gets. */
export function pickedCodes(decision: Pick<DecisionInput, 'reasonCodes'>): string[] {
  return [...new Set(decision.reasonCodes)].filter((c) => c !== REVIEWER_DECISION);
}
