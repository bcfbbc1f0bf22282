import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type VerificationStatus = 'queued' | 'processing' | 'completed' | 'failed';

/** One verification attempt: its inputs (images stored apart), its state, and its verdict once analysed. */
@Entity('verifications')
export class VerificationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'applicant_id', type: 'uuid' }) applicantId: string;
  @Column({ name: 'document_type', type: 'text', nullable: true }) documentType: string | null;
  @Column({ type: 'text', default: 'queued' }) status: VerificationStatus;
  @Column({ type: 'text', nullable: true }) verdict: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) reasons: unknown[];
  @Column({ type: 'jsonb', nullable: true }) document: Record<string, unknown> | null;
  @Column({ type: 'jsonb', nullable: true }) checks: Record<string, unknown> | null;
  @Column({ type: 'jsonb', nullable: true }) review: Record<string, unknown> | null;
  @Column({ name: 'engine_version', type: 'text', nullable: true }) engineVersion: string | null;
  /** A keyed hash of issuing country + document number, for duplicate detection without storing the number twice. */
  @Column({ name: 'document_key', type: 'text', nullable: true }) documentKey: string | null;
  @Column({ name: 'idempotency_key', type: 'text', nullable: true }) idempotencyKey: string | null;
  @Column({ name: 'request_hash', type: 'text', nullable: true }) requestHash: string | null;
  @Column({ type: 'integer', default: 0 }) attempts: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt: Date | null;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
  @Column({ name: 'processing_ms', type: 'integer', nullable: true }) processingMs: number | null;
}

/**
 * An uploaded image, encrypted at rest (AES-256-GCM): the ciphertext is in the row or, with `IDV_IMAGE_DIR`, in the
 * file `filePath` names; both are deleted when the image is purged.
 */
@Entity('verification_images')
export class VerificationImageEntity {
  @PrimaryColumn({ name: 'verification_id', type: 'uuid' }) verificationId: string;
  @PrimaryColumn({ type: 'text' }) side: 'front' | 'back';
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'media_type', type: 'text' }) mediaType: string;
  @Column({ type: 'integer' }) width: number;
  @Column({ type: 'integer' }) height: number;
  @Column({ type: 'integer' }) bytes: number;
  @Column({ name: 'key_id', type: 'text' }) keyId: string;
  @Column({ type: 'bytea', nullable: true }) ciphertext: Buffer | null;
  @Column({ name: 'file_path', type: 'text', nullable: true }) filePath: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'purged_at', type: 'timestamptz', nullable: true }) purgedAt: Date | null;
}
