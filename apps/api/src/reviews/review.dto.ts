import { PageQueryDto } from '../common/page-query.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import {
  DECIDABLE_VERDICTS,
  REVIEW_STATUSES,
  DECISION_REASON_CODES,
  type DecidableVerdict,
  type ReviewQueueStatus,
} from '@idv/review';

/** The query of `GET /v1/reviews`. */
export class ListReviewsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: REVIEW_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(REVIEW_STATUSES)
  status?: ReviewQueueStatus;
}

/** The body of `POST /v1/reviews/:id/decision`. */
export class DecisionDto {
  @ApiProperty({ enum: DECIDABLE_VERDICTS, example: 'accepted' })
  @IsDefined({ message: 'required' })
  @IsIn(DECIDABLE_VERDICTS)
  verdict: DecidableVerdict;

  @ApiProperty({
    enum: DECISION_REASON_CODES,
    isArray: true,
    example: ['FIELD_MISMATCH'],
    description:
      'Codes of the verdict catalogue. REVIEWER_DECISION is added by the service to every decision and may be ' +
      'sent too (it is recorded once); a verdict other than accepted needs at least one other code.',
  })
  @IsDefined({ message: 'required' })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(10)
  @IsIn(DECISION_REASON_CODES, { each: true })
  reasonCodes: string[];

  @ApiPropertyOptional({ maxLength: 2000, example: 'Surname matches the document; OCR misread the MRZ.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** The body of `POST /v1/verifications/:id/appeal`. */
export class AppealDto {
  @ApiProperty({ maxLength: 2000, example: 'The photo was taken in poor light; my document is valid.' })
  @IsDefined({ message: 'required' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;
}
