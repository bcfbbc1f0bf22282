import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@idv/auth';
import { Reviews, type ReviewView } from '@idv/review';
import { actorOf } from '../auth/actor';
import { Caller, Roles } from '../auth/roles.decorator';
import { AppealDto } from './review.dto';
import { REVIEW_EXAMPLE } from './review.examples';

@ApiTags('verifications')
@ApiBearerAuth()
@Controller('v1/verifications')
export class AppealsController {
  constructor(private readonly reviews: Reviews) {}

  @Post(':id/appeal')
  @Roles('client')
  @ApiOperation({
    summary:
      'The person contests the verdict of a completed verification: a reviewer looks at it (once per verification).',
  })
  @ApiBody({ type: AppealDto })
  @ApiResponse({
    status: 201,
    schema: {
      example: { ...REVIEW_EXAMPLE, reason: 'appeal', status: 'pending', claimedBy: null, leaseUntil: null },
    },
  })
  @ApiResponse({ status: 409, description: 'Already appealed, a review is in progress, or no verdict yet.' })
  appeal(@Caller() p: Principal, @Param('id') id: string, @Body() dto: AppealDto): Promise<ReviewView> {
    return this.reviews.appeal(actorOf(p), id, dto.reason);
  }
}
