import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Who may appear as the actor of an audit event. */
export type AuditActorType = 'system' | 'client' | 'reviewer' | 'auditor' | 'admin';

/**
 * One row of the append-only audit trail (`audit_events`). Rows form one hash chain per tenant
 * (`tenant_id` null = the platform chain); a trigger refuses UPDATE, DELETE and TRUNCATE. Only
 * `@idv/audit` writes here, through raw SQL that keeps the chain head locked (`audit_chain_heads`).
 */
@Entity('audit_events')
@Index('IDX_audit_events_chain_seq', ['tenantId', 'seq'], { unique: true, where: '"tenant_id" IS NOT NULL' })
@Index('IDX_audit_events_platform_seq', ['seq'], { unique: true, where: '"tenant_id" IS NULL' })
@Index('IDX_audit_events_tenant_at', ['tenantId', 'at'])
@Index('IDX_audit_events_subject', ['subjectId'])
export class AuditEventEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Position in its chain, 1-based, without gaps. pg returns bigint as a string. */
  @Column({ type: 'bigint' })
  seq: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'tenant_id', type: 'uuid', nullable: true })
  tenantId: string | null;

  @Column({ name: 'actor_type', type: 'text' })
  actorType: AuditActorType;

  @Column({ name: 'actor_id', type: 'text' })
  actorId: string;

  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'text' })
  subjectId: string;

  @Column({ name: 'reason_codes', type: 'text', array: true, default: () => "'{}'" })
  reasonCodes: string[];

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @Column({ name: 'prev_hash', type: 'text' })
  prevHash: string;

  @Column({ type: 'text' })
  hash: string;
}
