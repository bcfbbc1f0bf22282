import { Module } from '@nestjs/common';
import { ApplicantsModule } from '@idv/applicants';
import { AuditModule } from '@idv/audit';
import { ReviewRoutingModule } from '@idv/review';
import { WebhooksModule } from '@idv/webhooks';
import { AnalyserHost } from './document-analyser.provider';
import { VerificationAnalysis } from './verification.analysis';
import { VerificationsModule } from './verifications.module';

/** The worker side of verifications: warm OCR workers and the analyse-and-record use case. */
@Module({
  imports: [VerificationsModule, ApplicantsModule, AuditModule, WebhooksModule, ReviewRoutingModule],
  providers: [AnalyserHost, VerificationAnalysis],
  exports: [VerificationAnalysis],
})
export class VerificationAnalysisModule {}
