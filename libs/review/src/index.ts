/**
 * Manual review: routing of verdicts to people ({@link ReviewRouting}: every `manual_review`, appeals, a
 * quality-control sample of `accepted`), and the queue ({@link Reviews}): leases that expire by themselves,
 * reason-coded decisions, four eyes when a rejection is overridden, `review.completed` webhooks and audit events.
 */
export { ReviewRoutingModule, ReviewsModule } from './review.module';
export { ReviewRouting } from './review.routing';
export { Reviews } from './reviews.service';
export { REVIEW_OPTIONS, reviewOptionsFromEnv, type ReviewOptions } from './review.options';
export { inQualitySample } from './review.sampling';
export {
  ReviewError,
  DECIDABLE_VERDICTS,
  DECISION_REASON_CODES,
  REVIEW_STATUSES,
  type DecidableVerdict,
  type DecisionInput,
  type DecisionView,
  type ReviewView,
  type ReviewPage,
  type ReviewDetail,
  type ReviewQueueStatus,
  type QueueStats,
} from './review.types';
