import { Module } from '@nestjs/common';
import { AuditModule } from '@idv/audit';
import { ApplicantRepository } from './applicant.repository';
import { Applicants } from './applicants.service';

/** Registration records. Needs PersistenceModule's connection in the importing app. */
@Module({ imports: [AuditModule], providers: [ApplicantRepository, Applicants], exports: [Applicants] })
export class ApplicantsModule {}
