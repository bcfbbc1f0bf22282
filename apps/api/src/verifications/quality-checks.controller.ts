import { Controller, HttpCode, Inject, Post, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, loadConfig, type AppConfig } from '@idv/platform';
import { qualityPrecheck } from '@idv/verifications';
import { Roles } from '../auth/roles.decorator';
import { missingFile } from '../errors/missing-file';
import { MultipartInterceptor } from '../errors/multipart';

@ApiTags('verifications')
@ApiBearerAuth()
@Controller('v1/quality-checks')
export class QualityChecksController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Post()
  @Roles('client')
  @HttpCode(200)
  @UseInterceptors(
    MultipartInterceptor({
      files: [{ name: 'image', maxCount: 1 }],
      fields: [],
      maxFileBytes: loadConfig().maxUploadBytes,
      maxParts: 5,
    }),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['image'],
      properties: { image: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOperation({
    summary:
      'Instant quality pre-check of a photo (focus, glare, light, resolution, framing); nothing is stored.',
  })
  @ApiResponse({
    status: 200,
    schema: {
      example: {
        passed: false,
        reasons: [
          {
            code: 'IMAGE_GLARE',
            field: null,
            message: 'Glare covers part of the document.',
            hint: {
              en: 'Move away from direct light or tilt the document slightly so no reflection covers the text.',
              'zh-CN': '请避开直射光，或稍微倾斜证件，避免反光遮挡文字。',
            },
          },
        ],
        checks: {
          quality: {
            passed: false,
            sharpness: 0.41,
            glare: 0.12,
            brightness: 0.63,
            resolution: [1600, 1200],
          },
        },
      },
    },
  })
  async check(@UploadedFiles() files: { image?: Express.Multer.File[] } | undefined) {
    const image = files?.image?.[0];
    if (!image) {
      throw missingFile('image', 'The image', {
        en: 'Take a photo of your document.',
        'zh-CN': '请拍摄证件照片。',
      });
    }
    return qualityPrecheck(image.buffer, {
      maxBytes: this.config.maxUploadBytes,
      maxPixels: this.config.maxPixels,
      minDocumentPixels: this.config.minDocumentPixels,
    });
  }
}
