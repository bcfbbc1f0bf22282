import { PageQueryDto } from '../common/page-query.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { MAX_WEBHOOK_URL_LENGTH, WEBHOOK_EVENT_TYPES } from '@idv/webhooks';

/** The body of `POST /v1/webhooks`. The URL's scheme and target are checked again by the service. */
export class RegisterWebhookDto {
  @ApiProperty({
    example: 'https://wallet.example.com/idv/webhooks',
    maxLength: MAX_WEBHOOK_URL_LENGTH,
    description:
      'https (http outside production); no user name or password; not a loopback, private, link-local or cloud ' +
      'metadata address, nor a name resolving to one (codes address_not_allowed, address_never_allowed).',
  })
  @IsDefined({ message: 'required' })
  @IsString()
  @MaxLength(MAX_WEBHOOK_URL_LENGTH)
  url: string;

  @ApiPropertyOptional({
    enum: WEBHOOK_EVENT_TYPES,
    isArray: true,
    example: ['verification.completed', 'review.completed'],
    description: 'The events to receive; all of them when absent.',
  })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  events?: string[];
}

/** The query of `GET /v1/webhooks/:id/deliveries`. */
export class DeliveriesQueryDto extends PageQueryDto {}
