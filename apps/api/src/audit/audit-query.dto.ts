import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { AUDIT_ACTIONS, type AuditAction, type AuditExportFormat } from '@idv/audit';

/** The filter shared by the list and the export: a time window (from inclusive, to exclusive), an action, a subject. */
export class AuditFilterQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Inclusive, compared with the event time `at`.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 date or date-time' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Exclusive.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 date or date-time' })
  to?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS, { message: `action must be one of: ${AUDIT_ACTIONS.join(', ')}` })
  action?: AuditAction;

  @ApiPropertyOptional({ description: 'The id of the applicant, verification, key… the events are about.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  subjectId?: string;
}

/** `GET /v1/audit-events`: the filter plus a cursor and a page size. */
export class ListAuditEventsQuery extends AuditFilterQuery {
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  cursor?: string;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'limit must be a whole number from 1 to 1000' })
  @Min(1, { message: 'limit must be a whole number from 1 to 1000' })
  @Max(1000, { message: 'limit must be a whole number from 1 to 1000' })
  limit?: number;
}

export const EXPORT_FORMATS: readonly AuditExportFormat[] = ['ndjson', 'csv'];

/** `GET /v1/audit-events/export`: the filter plus the format (NDJSON by default). */
export class ExportAuditEventsQuery extends AuditFilterQuery {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'ndjson' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS, { message: 'format must be ndjson or csv' })
  format?: AuditExportFormat;
}
