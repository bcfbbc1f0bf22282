import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@idv/auth';
import { Reviews, type ReviewDetail, type ReviewPage, type ReviewView } from '@idv/review';
import { actorOf } from '../auth/actor';
import { Caller, Roles } from '../auth/roles.decorator';
import { DecisionDto, ListReviewsQuery } from './review.dto';
import {
  DECIDED_EXAMPLE,
  REVIEW_DETAIL_EXAMPLE,
  REVIEW_EXAMPLE,
  REVIEW_PAGE_EXAMPLE,
} from './review.examples';

@ApiTags('reviews')
@ApiBearerAuth()
@Controller('v1/reviews')
export class ReviewsController {
  constructor(private readonly reviews: Reviews) {}

  @Get()
  @Roles('reviewer')
  @ApiOperation({
    summary: 'The review queue in one status (default pending), oldest first, with age and SLA breach.',
  })
  @ApiResponse({ status: 200, schema: { example: REVIEW_PAGE_EXAMPLE } })
  list(@Caller() p: Principal, @Query() q: ListReviewsQuery): Promise<ReviewPage> {
    return this.reviews.list(p.tenantId, q);
  }

  @Get(':id')
  @Roles('reviewer')
  @ApiOperation({
    summary: 'A review with the verification, the registration record and the image sides available.',
  })
  @ApiResponse({ status: 200, schema: { example: REVIEW_DETAIL_EXAMPLE } })
  @ApiResponse({ status: 404, description: 'No such review in your tenant.' })
  get(@Caller() p: Principal, @Param('id') id: string): Promise<ReviewDetail> {
    return this.reviews.detail(p.tenantId, id);
  }

  @Post(':id/claim')
  @Roles('reviewer')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Take the review under a lease (15 minutes by default); the holder may claim again to renew.',
  })
  @ApiResponse({ status: 200, schema: { example: REVIEW_EXAMPLE } })
  @ApiResponse({
    status: 403,
    description: 'You already decided it; a second, different reviewer must decide.',
  })
  @ApiResponse({ status: 409, description: 'Another reviewer holds a live lease, or it is decided.' })
  claim(@Caller() p: Principal, @Param('id') id: string): Promise<ReviewView> {
    return this.reviews.claim(actorOf(p), id);
  }

  @Post(':id/renew')
  @Roles('reviewer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Extend your lease.' })
  @ApiResponse({ status: 200, schema: { example: REVIEW_EXAMPLE } })
  @ApiResponse({ status: 403, description: 'Another reviewer holds it.' })
  @ApiResponse({ status: 409, description: 'You do not hold it (claim it first), or it is decided.' })
  renew(@Caller() p: Principal, @Param('id') id: string): Promise<ReviewView> {
    return this.reviews.renew(actorOf(p), id);
  }

  @Post(':id/release')
  @Roles('reviewer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give the review back to the queue.' })
  @ApiResponse({
    status: 200,
    schema: { example: { ...REVIEW_EXAMPLE, status: 'pending', claimedBy: null, leaseUntil: null } },
  })
  release(@Caller() p: Principal, @Param('id') id: string): Promise<ReviewView> {
    return this.reviews.release(actorOf(p), id);
  }

  @Post(':id/decision')
  @Roles('reviewer')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Decide (lease holder only). Overriding an automated rejected verdict takes two different reviewers who agree.',
  })
  @ApiBody({ type: DecisionDto })
  @ApiResponse({ status: 200, schema: { example: DECIDED_EXAMPLE } })
  @ApiResponse({ status: 403, description: 'Another reviewer holds the lease.' })
  @ApiResponse({ status: 409, description: 'You hold no live lease, or the review is decided.' })
  decide(@Caller() p: Principal, @Param('id') id: string, @Body() dto: DecisionDto): Promise<ReviewView> {
    return this.reviews.decide(actorOf(p), id, dto);
  }
}
