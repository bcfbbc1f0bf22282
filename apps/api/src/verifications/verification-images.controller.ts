import { Controller, Get, Header, Param, ParseEnumPipe, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@idv/auth';
import { VerificationImages } from '@idv/verifications';
import { actorOf } from '../auth/actor';
import { Caller, Roles } from '../auth/roles.decorator';

enum ImageSide {
  front = 'front',
  back = 'back',
}

@ApiTags('verifications')
@ApiBearerAuth()
@Controller('v1/verifications')
export class VerificationImagesController {
  constructor(private readonly images: VerificationImages) {}

  @Get(':id/images/:side')
  @Roles('reviewer')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'One side of the document image, decrypted, for reviewers; every view is audited.',
  })
  @ApiProduces('image/png', 'image/jpeg')
  @ApiResponse({ status: 200, description: 'The image bytes.' })
  @ApiResponse({
    status: 404,
    description: 'No such verification in your tenant, or the image was purged.',
    schema: {
      example: {
        error: 'image_not_found',
        message: 'No front image for this verification (never uploaded, or purged).',
      },
    },
  })
  async image(
    @Caller() p: Principal,
    @Param('id') id: string,
    @Param('side', new ParseEnumPipe(ImageSide)) side: ImageSide,
  ): Promise<StreamableFile> {
    const image = await this.images.view(actorOf(p), id, side);
    return new StreamableFile(image.bytes, {
      type: image.mediaType,
      length: image.bytes.length,
      disposition: `inline; filename="${side}.${image.mediaType === 'image/png' ? 'png' : 'jpg'}"`,
    });
  }
}
