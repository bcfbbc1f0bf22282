import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ReviewReason = 'manual_review' | 'appeal' | 'quality_sample';
export type ReviewStatus = 'pending' | 'claimed' | 'decided';

/** One reviewer's decision, kept on the review (a rejection overridden needs two of them from different people). */
export interface ReviewDecisionRecord {
  reviewerId: string;
  verdict: string;
  reasonCodes: string[];
  note: string | null;
  decidedAt: string;
}

/**
 * A review of a completed verification. A claim is a lease (`claimed_by` until `lease_until`); an expired lease
 * counts as pending. `decisions` holds the decisions that did not complete the review yet (four eyes).
 */
@Entity('reviews')
export class ReviewEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'verification_id', type: 'uuid' }) verificationId: string;
  @Column({ type: 'text' }) reason: ReviewReason;
  @Column({ type: 'text', default: 'pending' }) status: ReviewStatus;
  /** The verdict the verification carried when the review opened. */
  @Column({ name: 'automated_verdict', type: 'text' }) automatedVerdict: string;
  /** The person's own words when they appealed (free text: never copied into the audit trail). */
  @Column({ name: 'appeal_reason', type: 'text', nullable: true }) appealReason: string | null;
  @Column({ name: 'claimed_by', type: 'text', nullable: true }) claimedBy: string | null;
  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true }) claimedAt: Date | null;
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true }) leaseUntil: Date | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) decisions: ReviewDecisionRecord[];
  @Column({ name: 'decided_by', type: 'text', nullable: true }) decidedBy: string | null;
  @Column({ type: 'text', nullable: true }) verdict: string | null;
  @Column({ name: 'reason_codes', type: 'text', array: true, nullable: true }) reasonCodes: string[] | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ name: 'sla_due_at', type: 'timestamptz' }) slaDueAt: Date;
}
