import { Module } from '@nestjs/common';
import { ApplicantsModule } from '@idv/applicants';
import { AuditModule } from '@idv/audit';
import { WebhooksModule } from '@idv/webhooks';
import { REVIEW_OPTIONS, reviewOptionsFromEnv } from './review.options';
import { ReviewRepository } from './review.repository';
import { ReviewRouting } from './review.routing';
import { Reviews } from './reviews.service';

/**
 * What the worker needs: {@link ReviewRouting}, which opens reviews as verdicts are recorded. It depends on
 * nothing but the database, so the verification pipeline can import it without importing the queue.
 */
@Module({
  providers: [
    ReviewRepository,
    ReviewRouting,
    { provide: REVIEW_OPTIONS, useFactory: () => reviewOptionsFromEnv() },
  ],
  exports: [ReviewRepository, ReviewRouting, REVIEW_OPTIONS],
})
export class ReviewRoutingModule {}

/** The review queue for the API. Needs PersistenceModule's connection in the importing app. */
@Module({
  imports: [ReviewRoutingModule, ApplicantsModule, AuditModule, WebhooksModule],
  providers: [Reviews],
  exports: [Reviews],
})
export class ReviewsModule {}
