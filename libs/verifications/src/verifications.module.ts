import { Module } from '@nestjs/common';
import { ApplicantsModule } from '@idv/applicants';
import { AuditModule } from '@idv/audit';
import { APP_CONFIG, type AppConfig } from '@idv/platform';
import { ImageFiles } from '@idv/storage';
import { IMAGE_FILES, ImageStore, SealedImageStore } from './image.store';
import { VerificationRepository } from './verification.repository';
import { Verifications } from './verifications.service';
import { VerificationImages } from './verification-images.service';

/** Verifications: uploads, encrypted images, reads. Needs PersistenceModule's connection in the importing app. */
@Module({
  imports: [ApplicantsModule, AuditModule],
  providers: [
    VerificationRepository,
    Verifications,
    VerificationImages,
    {
      provide: IMAGE_FILES,
      useFactory: (config: AppConfig) => (config.imageDir ? ImageFiles.open(config.imageDir) : null),
      inject: [APP_CONFIG],
    },
    { provide: ImageStore, useClass: SealedImageStore },
  ],
  exports: [Verifications, VerificationImages, VerificationRepository, ImageStore],
})
export class VerificationsModule {}
