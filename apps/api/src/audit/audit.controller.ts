import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuditTrail, type AuditPage, type ChainVerification } from '@idv/audit';
import type { Principal } from '@idv/auth';
import { Caller, Roles } from '../auth/roles.decorator';
import { ExportAuditEventsQuery, ListAuditEventsQuery } from './audit-query.dto';
import {
  AUDIT_EVENT_EXAMPLE,
  AUDIT_FILTER_ERROR_EXAMPLE,
  AUDIT_PAGE_EXAMPLE,
  AUDIT_VERIFY_EXAMPLE,
  AUDIT_VERIFY_INVALID_EXAMPLE,
} from './audit.examples';

const CONTENT_TYPES = { ndjson: 'application/x-ndjson', csv: 'text/csv; charset=utf-8' } as const;

/** The caller's tenant chain of the audit trail, read only: query, export (streamed), verify. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit-events')
export class AuditController {
  constructor(private readonly trail: AuditTrail) {}

  @Get()
  @Roles('auditor')
  @ApiOperation({ summary: "Your tenant's audit events, oldest first, filtered and cursor-paginated." })
  @ApiResponse({ status: 200, schema: { example: AUDIT_PAGE_EXAMPLE } })
  @ApiResponse({ status: 400, schema: { example: AUDIT_FILTER_ERROR_EXAMPLE } })
  list(@Caller() p: Principal, @Query() q: ListAuditEventsQuery): Promise<AuditPage> {
    return this.trail.query({ ...q, tenant: p.tenantId });
  }

  @Get('export')
  @Roles('auditor')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Every matching event, streamed as NDJSON (one event per line) or CSV (header row, RFC 4180), in constant memory.',
  })
  @ApiProduces(CONTENT_TYPES.ndjson, CONTENT_TYPES.csv)
  @ApiResponse({
    status: 200,
    description: 'An attachment; NDJSON lines are events as `GET /v1/audit-events` returns them.',
    content: {
      [CONTENT_TYPES.ndjson]: { example: `${JSON.stringify(AUDIT_EVENT_EXAMPLE)}\n` },
      [CONTENT_TYPES.csv]: {
        example:
          'id,seq,at,tenant,actor_type,actor_id,action,subject_type,subject_id,reason_codes,data,prev_hash,hash\n',
      },
    },
  })
  export(@Caller() p: Principal, @Query() q: ExportAuditEventsQuery): StreamableFile {
    const { format = 'ndjson', ...filter } = q;
    const stream = this.trail.exportEvents({ ...filter, tenant: p.tenantId }, format);
    return new StreamableFile(stream, {
      type: CONTENT_TYPES[format],
      disposition: `attachment; filename="audit-events.${format}"`,
    });
  }

  @Get('verify')
  @Roles('auditor')
  @ApiOperation({
    summary:
      "Recompute your tenant's hash chain: valid, how many events were checked, and the first invalid event.",
  })
  @ApiResponse({
    status: 200,
    description:
      'When invalid, `problem` says why: hash_mismatch, seq_gap, broken_link or head_mismatch (events cut from the end).',
    content: {
      'application/json': {
        examples: {
          valid: { value: AUDIT_VERIFY_EXAMPLE },
          tampered: { value: AUDIT_VERIFY_INVALID_EXAMPLE },
        },
      },
    },
  })
  verify(@Caller() p: Principal): Promise<ChainVerification> {
    return this.trail.verifyChain(p.tenantId);
  }
}
