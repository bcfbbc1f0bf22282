import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { VERDICT_PRECEDENCE } from '@idv/verdict';
import { DOCUMENT_TYPES, type DocumentType } from '@idv/verifications';

/** The text fields of the multipart upload (the files are `front` and `back`). */
export class CreateVerificationDto {
  @ApiProperty({ format: 'uuid' })
  @IsString()
  @Length(1, 64)
  applicantId: string;

  @ApiPropertyOptional({ enum: DOCUMENT_TYPES, description: 'Detected from the document when absent.' })
  @IsOptional()
  @IsIn(DOCUMENT_TYPES)
  documentType?: DocumentType;
}

/** The OpenAPI schema of the multipart body (files are not DTO properties: they never reach the validator). */
export const UPLOAD_BODY_SCHEMA = {
  type: 'object',
  required: ['applicantId', 'front'],
  properties: {
    applicantId: { type: 'string', format: 'uuid' },
    documentType: { type: 'string', enum: [...DOCUMENT_TYPES] },
    front: {
      type: 'string',
      format: 'binary',
      description: 'JPEG, PNG, WebP or TIFF; at most 10 MB and 40 megapixels.',
    },
    back: {
      type: 'string',
      format: 'binary',
      description: 'The back of an ID card (where the MRZ of a TD1 card is).',
    },
  },
};

export class ListVerificationsQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) applicantId?: string;
  @ApiPropertyOptional({ enum: VERDICT_PRECEDENCE })
  @IsOptional()
  @IsIn(VERDICT_PRECEDENCE)
  verdict?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) cursor?: string;
  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
