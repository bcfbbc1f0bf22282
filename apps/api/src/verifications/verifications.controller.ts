import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Principal } from '@idv/auth';
import { loadConfig } from '@idv/platform';
import { Verifications } from '@idv/verifications';
import { actorOf } from '../auth/actor';
import { Caller, Roles } from '../auth/roles.decorator';
import { missingFile } from '../errors/missing-file';
import { MultipartInterceptor } from '../errors/multipart';
import { CreateVerificationDto, ListVerificationsQuery, UPLOAD_BODY_SCHEMA } from './verification.dto';
import { COMPLETED_EXAMPLE, QUEUED_EXAMPLE } from './verification.examples';

type Uploaded = { front?: Express.Multer.File[]; back?: Express.Multer.File[] };

/** Multer keeps files in memory within these bounds; larger bodies are cut off with 413 before they are buffered. */
const UPLOAD_FORM = {
  files: [
    { name: 'front', maxCount: 1 },
    { name: 'back', maxCount: 1 },
  ],
  fields: ['applicantId', 'documentType'],
  maxFileBytes: loadConfig().maxUploadBytes,
  maxParts: 12,
};

@ApiTags('verifications')
@ApiBearerAuth()
@Controller('v1/verifications')
export class VerificationsController {
  constructor(private readonly verifications: Verifications) {}

  @Post()
  @Roles('client')
  @HttpCode(202)
  @UseInterceptors(MultipartInterceptor(UPLOAD_FORM))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_BODY_SCHEMA })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Same key + same body → same verification; another body → 422.',
  })
  @ApiOperation({
    summary:
      'Upload the document (front, optional back) of an applicant; the verdict follows asynchronously.',
  })
  @ApiResponse({ status: 202, schema: { example: QUEUED_EXAMPLE } })
  @ApiResponse({ status: 413, description: 'File over 10 MB or image over 40 megapixels.' })
  @ApiResponse({ status: 415, description: 'Not a JPEG, PNG, WebP or TIFF (sniffed from the bytes).' })
  @ApiResponse({
    status: 422,
    description: 'Idempotency-Key reused with a different body, or an unreadable file.',
  })
  async create(
    @Caller() p: Principal,
    @Body() dto: CreateVerificationDto,
    @UploadedFiles() files: Uploaded | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const front = files?.front?.[0];
    if (!front) {
      throw missingFile('front', 'The front image', {
        en: 'Take a photo of the front of your document and upload it.',
        'zh-CN': '请拍摄证件正面并上传。',
      });
    }
    if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,255}$/.test(idempotencyKey)) {
      throw new BadRequestException({
        error: 'invalid_idempotency_key',
        message: 'Idempotency-Key must be 1-255 visible ASCII characters.',
      });
    }
    const { view, replayed } = await this.verifications.create(actorOf(p), {
      applicantId: dto.applicantId,
      documentType: dto.documentType,
      front: front.buffer,
      back: files?.back?.[0]?.buffer,
      idempotencyKey,
    });
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return view;
  }

  @Get()
  @Roles('client')
  @ApiOperation({ summary: 'List verifications, newest first, cursor-paginated.' })
  @ApiResponse({
    status: 200,
    schema: {
      example: {
        items: [COMPLETED_EXAMPLE, QUEUED_EXAMPLE],
        nextCursor: 'MjAyNi0xMS0yNVQxMDowMDowMC4wMDBafDBiNmM0YTZl',
      },
    },
  })
  list(@Caller() p: Principal, @Query() q: ListVerificationsQuery) {
    return this.verifications.list(p.tenantId, q);
  }

  @Get(':id')
  @Roles('client', 'reviewer')
  @ApiOperation({
    summary: 'A verification with its verdict, reasons and hints, extracted document and checks.',
  })
  @ApiResponse({ status: 200, schema: { example: COMPLETED_EXAMPLE } })
  get(@Caller() p: Principal, @Param('id') id: string) {
    return this.verifications.get(p.tenantId, id);
  }
}
