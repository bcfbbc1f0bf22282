import { Module } from '@nestjs/common';
import { ApplicantsModule } from '@idv/applicants';
import { AuditModule } from '@idv/audit';
import { ApplicantErasure } from './applicant.erasure';
import { DataProtectionRepository } from './data-protection.repository';
import { Retention } from './retention.service';
import { VerificationsModule } from './verifications.module';

/** Erasure of an applicant and the retention policy (images, then document data). Needs PersistenceModule. */
@Module({
  imports: [VerificationsModule, ApplicantsModule, AuditModule],
  providers: [DataProtectionRepository, ApplicantErasure, Retention],
  exports: [ApplicantErasure, Retention],
})
export class DataProtectionModule {}
