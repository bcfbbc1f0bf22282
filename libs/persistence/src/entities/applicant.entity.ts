import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type ApplicantStatus = 'active' | 'restricted' | 'erased';

/** The registration record a wallet backend submitted; personal columns are nulled on erasure. */
@Entity('applicants')
export class ApplicantEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'external_id', type: 'text' }) externalId: string;
  @Column({ type: 'text', nullable: true }) surname: string | null;
  @Column({ name: 'given_names', type: 'text', nullable: true }) givenNames: string | null;
  @Column({ name: 'date_of_birth', type: 'date', nullable: true }) dateOfBirth: string | null;
  @Column({ type: 'char', length: 3, nullable: true }) nationality: string | null;
  @Column({ type: 'text', nullable: true }) sex: string | null;
  @Column({ name: 'document_number', type: 'text', nullable: true }) documentNumber: string | null;
  @Column({ name: 'full_name', type: 'text', nullable: true }) fullName: string | null;
  @Column({ name: 'document_type', type: 'text', nullable: true }) documentType: string | null;
  @Column({ type: 'text', nullable: true }) phone: string | null;
  @Column({ type: 'text', nullable: true }) email: string | null;
  @Column({ type: 'text', default: 'active' }) status: ApplicantStatus;
  @Column({ name: 'restricted_until', type: 'timestamptz', nullable: true }) restrictedUntil: Date | null;
  @Column({ name: 'restriction_reason', type: 'text', nullable: true }) restrictionReason: string | null;
  @Column({ type: 'integer', default: 0 }) corrections: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true }) erasedAt: Date | null;
}

/** One correction of a record: which fields changed and when (counted for restrictions). */
@Entity('applicant_corrections')
export class ApplicantCorrectionEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column({ name: 'applicant_id', type: 'uuid' }) applicantId: string;
  @Column({ type: 'text', array: true }) fields: string[];
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
}
