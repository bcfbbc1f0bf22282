import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findInTenant, isUuid, VerificationEntity, type Tx } from '@idv/persistence';

export interface ListFilter {
  tenantId: string;
  applicantId?: string;
  verdict?: string;
  before?: { createdAt: Date; id: string };
  limit: number;
}

/** Verifications in PostgreSQL; every read is scoped by tenant. */
@Injectable()
export class VerificationRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.ds.transaction(fn);
  }

  find(tenantId: string, id: string, tx?: Tx, lock = false): Promise<VerificationEntity | null> {
    return findInTenant(tx ?? this.ds.manager, VerificationEntity, tenantId, id, lock);
  }

  findByIdempotencyKey(tenantId: string, key: string, tx?: Tx): Promise<VerificationEntity | null> {
    return (tx ?? this.ds.manager)
      .getRepository(VerificationEntity)
      .findOneBy({ tenantId, idempotencyKey: key });
  }

  insert(tx: Tx, row: Partial<VerificationEntity>): Promise<VerificationEntity> {
    return tx.getRepository(VerificationEntity).save(tx.getRepository(VerificationEntity).create(row));
  }

  save(tx: Tx, row: VerificationEntity): Promise<VerificationEntity> {
    return tx.getRepository(VerificationEntity).save(row);
  }

  /** Newest first, keyset-paginated on (created_at, id). */
  list(f: ListFilter): Promise<VerificationEntity[]> {
    const qb = this.ds
      .getRepository(VerificationEntity)
      .createQueryBuilder('v')
      .where('v.tenant_id = :tenantId', { tenantId: f.tenantId })
      .orderBy('v.created_at', 'DESC')
      .addOrderBy('v.id', 'DESC')
      .limit(f.limit);
    if (f.applicantId)
      qb.andWhere('v.applicant_id = :applicantId', {
        applicantId: isUuid(f.applicantId) ? f.applicantId : null,
      });
    if (f.verdict) qb.andWhere('v.verdict = :verdict', { verdict: f.verdict });
    if (f.before) qb.andWhere('(v.created_at, v.id) < (:c, :i)', { c: f.before.createdAt, i: f.before.id });
    return qb.getMany();
  }

  /** Unsuccessful completed verifications of an applicant since a time (for the attempt limit). */
  async failuresSince(
    tx: Tx,
    applicantId: string,
    since: Date,
    verdicts: readonly string[],
  ): Promise<number> {
    const [{ n }] = await tx.query(
      `SELECT count(*)::int AS n FROM verifications WHERE applicant_id = $1 AND status = 'completed' AND completed_at >= $2 AND verdict = ANY($3)`,
      [applicantId, since, verdicts],
    );
    return n;
  }

  /** Another applicant of the tenant whose accepted verification carries the same document key. */
  async otherHolderOf(
    tx: Tx,
    tenantId: string,
    documentKey: string,
    applicantId: string,
  ): Promise<string | null> {
    const rows: Array<{ applicant_id: string }> = await tx.query(
      `SELECT applicant_id FROM verifications
        WHERE tenant_id = $1 AND document_key = $2 AND applicant_id <> $3 AND verdict = 'accepted' LIMIT 1`,
      [tenantId, documentKey, applicantId],
    );
    return rows[0]?.applicant_id ?? null;
  }
}
