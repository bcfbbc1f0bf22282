import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Applicants, RecordCorrectionDto, RegistrationRecordDto, type Applicant } from '@idv/applicants';
import type { Principal } from '@idv/auth';
import { ApplicantErasure } from '@idv/verifications';
import { actorOf } from '../auth/actor';
import { Caller, Roles } from '../auth/roles.decorator';
import { RestrictionDto } from './restriction.dto';
import { APPLICANT_EXAMPLE, ERASED_APPLICANT_EXAMPLE, VALIDATION_ERROR_EXAMPLE } from './applicant.examples';

@ApiTags('applicants')
@ApiBearerAuth()
@Controller('v1/applicants')
export class ApplicantsController {
  constructor(
    private readonly applicants: Applicants,
    private readonly erasure: ApplicantErasure,
  ) {}

  @Post()
  @Roles('client')
  @ApiOperation({ summary: 'Register an applicant (the registration record the document is compared with).' })
  @ApiBody({ type: RegistrationRecordDto })
  @ApiResponse({ status: 201, description: 'Created.', schema: { example: APPLICANT_EXAMPLE } })
  @ApiResponse({
    status: 400,
    description: 'Invalid fields, with hints.',
    schema: { example: VALIDATION_ERROR_EXAMPLE },
  })
  @ApiResponse({
    status: 409,
    description: 'Same externalId in this tenant; the body carries the existing id.',
  })
  create(@Caller() p: Principal, @Body() dto: RegistrationRecordDto): Promise<Applicant> {
    return this.applicants.create(actorOf(p), dto);
  }

  @Get(':id')
  @Roles('client', 'reviewer')
  @ApiOperation({ summary: 'Read an applicant, with its status and any restriction in force.' })
  @ApiResponse({ status: 200, schema: { example: APPLICANT_EXAMPLE } })
  get(@Caller() p: Principal, @Param('id') id: string): Promise<Applicant> {
    return this.applicants.get(p.tenantId, id);
  }

  @Patch(':id')
  @Roles('client')
  @ApiOperation({
    summary: 'Correct the record; every change is counted and audited (too many restrict the applicant).',
  })
  @ApiBody({ type: RecordCorrectionDto })
  @ApiResponse({ status: 200, schema: { example: APPLICANT_EXAMPLE } })
  correct(
    @Caller() p: Principal,
    @Param('id') id: string,
    @Body() dto: RecordCorrectionDto,
  ): Promise<Applicant> {
    return this.applicants.correct(actorOf(p), id, dto);
  }

  @Delete(':id')
  @Roles('admin')
  @ApiOperation({
    summary:
      'Erase an applicant (right to erasure): personal fields, document images, document data, MRZ lines and notes ' +
      'are deleted; the verdicts, reason codes and audit trail stay. Audited; erasing again changes nothing.',
  })
  @ApiResponse({
    status: 200,
    description: 'The erased shell.',
    schema: { example: ERASED_APPLICANT_EXAMPLE },
  })
  erase(@Caller() p: Principal, @Param('id') id: string): Promise<Applicant> {
    return this.erasure.erase(actorOf(p), id);
  }

  @Post(':id/restriction')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Restrict an applicant (operator flag), until a time or indefinitely.' })
  @ApiResponse({
    status: 200,
    schema: {
      example: {
        ...APPLICANT_EXAMPLE,
        status: 'restricted',
        restrictedUntil: '2030-01-01T00:00:00.000Z',
        reason: 'OPERATOR_FLAG',
      },
    },
  })
  restrict(@Caller() p: Principal, @Param('id') id: string, @Body() dto: RestrictionDto): Promise<Applicant> {
    return this.applicants.flag(actorOf(p), id, dto.until ? new Date(dto.until) : null, dto.note);
  }

  @Delete(':id/restriction')
  @Roles('admin')
  @ApiOperation({ summary: 'Lift a restriction (audited).' })
  @ApiResponse({ status: 200, schema: { example: APPLICANT_EXAMPLE } })
  lift(@Caller() p: Principal, @Param('id') id: string): Promise<Applicant> {
    return this.applicants.lift(actorOf(p), id);
  }
}
