import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  findInTenant,
  isUuid,
  ReviewEntity,
  VerificationEntity,
  type ReviewReason,
  type Tx,
} from '@idv/persistence';
import type { QueueStats, ReviewQueueStatus } from './review.types';

/** The SQL meaning of each queue status at `:now` (an expired lease is pending). */
const STATUS_SQL: Record<ReviewQueueStatus, string> = {
  pending: `(r.status = 'pending' OR (r.status = 'claimed' AND r.lease_until <= :now))`,
  claimed: `(r.status = 'claimed' AND r.lease_until > :now)`,
  decided: `r.status = 'decided'`,
};

export interface NewReview {
  tenantId: string;
  verificationId: string;
  reason: ReviewReason;
  automatedVerdict: string;
  appealReason?: string | null;
  createdAt: Date;
  slaDueAt: Date;
}

/** Reviews in PostgreSQL; every statement is scoped by tenant, and claims are single conditional UPDATEs. */
@Injectable()
export class ReviewRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.ds.transaction(fn);
  }

  find(tenantId: string, id: string, tx?: Tx, lock = false): Promise<ReviewEntity | null> {
    return findInTenant(tx ?? this.ds.manager, ReviewEntity, tenantId, id, lock);
  }

  /** Opens a review unless one is already open (or, for an appeal, one was ever made) for the verification. */
  async open(tx: Tx, row: NewReview): Promise<ReviewEntity | null> {
    const rows: Array<{ id: string }> = await tx.query(
      `INSERT INTO reviews (tenant_id, verification_id, reason, automated_verdict, appeal_reason, created_at, sla_due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id`,
      [
        row.tenantId,
        row.verificationId,
        row.reason,
        row.automatedVerdict,
        row.appealReason ?? null,
        row.createdAt,
        row.slaDueAt,
      ],
    );
    return rows[0] ? this.find(row.tenantId, rows[0].id, tx) : null;
  }

  /** The reviews of a verification that block a new one: the open one, and its appeal. */
  async blockers(tx: Tx, tenantId: string, verificationId: string) {
    return tx.getRepository(ReviewEntity).find({
      where: [
        { tenantId, verificationId, reason: 'appeal' },
        { tenantId, verificationId, status: 'pending' },
        { tenantId, verificationId, status: 'claimed' },
      ],
    });
  }

  /** Oldest first, keyset-paginated on (created_at, id). */
  list(f: {
    tenantId: string;
    status: ReviewQueueStatus;
    now: Date;
    after?: { createdAt: Date; id: string };
    limit: number;
  }): Promise<ReviewEntity[]> {
    const qb = this.ds
      .getRepository(ReviewEntity)
      .createQueryBuilder('r')
      .where('r.tenant_id = :tenantId', { tenantId: f.tenantId })
      .andWhere(STATUS_SQL[f.status], { now: f.now })
      // Cursors carry milliseconds (JavaScript dates); order and compare at that precision so none is skipped.
      .orderBy(`date_trunc('milliseconds', r.created_at)`, 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(f.limit);
    if (f.after)
      qb.andWhere(`(date_trunc('milliseconds', r.created_at), r.id) > (:c, :i)`, {
        c: f.after.createdAt,
        i: f.after.id,
      });
    return qb.getMany();
  }

  /**
   * Gives the review to `reviewerId` until `leaseUntil` if nobody holds a live lease, in one statement: of several
   * reviewers racing, PostgreSQL lets exactly one UPDATE match (the others re-check the row after it commits).
   * The holder claiming again renews. A reviewer who already decided it cannot take it again (four eyes).
   */
  async claim(tx: Tx, tenantId: string, id: string, reviewerId: string, now: Date, leaseUntil: Date) {
    if (!isUuid(id)) return null;
    return this.updated(
      tx,
      tenantId,
      `UPDATE reviews SET status = 'claimed', claimed_by = $3, claimed_at = $4, lease_until = $5
        WHERE id = $1 AND tenant_id = $2
          AND (status = 'pending' OR (status = 'claimed' AND (lease_until <= $4 OR claimed_by = $3)))
          AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(decisions) d WHERE d->>'reviewerId' = $3)
        RETURNING id`,
      [id, tenantId, reviewerId, now, leaseUntil],
    );
  }

  /** Extends the holder's lease (also after it ran out, as long as nobody else claimed the review meanwhile). */
  async renew(tx: Tx, tenantId: string, id: string, reviewerId: string, leaseUntil: Date) {
    if (!isUuid(id)) return null;
    return this.updated(
      tx,
      tenantId,
      `UPDATE reviews SET lease_until = $4
        WHERE id = $1 AND tenant_id = $2 AND status = 'claimed' AND claimed_by = $3 RETURNING id`,
      [id, tenantId, reviewerId, leaseUntil],
    );
  }

  /** Hands the review back to the queue; only its holder can. */
  async release(tx: Tx, tenantId: string, id: string, reviewerId: string) {
    if (!isUuid(id)) return null;
    return this.updated(
      tx,
      tenantId,
      `UPDATE reviews SET status = 'pending', claimed_by = NULL, claimed_at = NULL, lease_until = NULL
        WHERE id = $1 AND tenant_id = $2 AND status = 'claimed' AND claimed_by = $3 RETURNING id`,
      [id, tenantId, reviewerId],
    );
  }

  /** Runs an UPDATE … RETURNING id and loads the row it changed, or null when none matched. */
  private async updated(tx: Tx, tenantId: string, sql: string, params: unknown[]) {
    // For UPDATE, TypeORM's postgres driver answers [rows, affected count].
    const [rows] = (await tx.query(sql, params)) as [Array<{ id: string }>, number];
    return rows.length ? this.find(tenantId, rows[0].id, tx) : null;
  }

  save(tx: Tx, row: ReviewEntity): Promise<ReviewEntity> {
    return tx.getRepository(ReviewEntity).save(row);
  }

  /** The verification under review, locked when deciding so its verdict changes once. */
  verification(tenantId: string, id: string, tx?: Tx, lock = false): Promise<VerificationEntity | null> {
    return findInTenant(tx ?? this.ds.manager, VerificationEntity, tenantId, id, lock);
  }

  saveVerification(tx: Tx, v: VerificationEntity): Promise<VerificationEntity> {
    return tx.getRepository(VerificationEntity).save(v);
  }

  /** Image sides still stored for a verification. */
  async imageSides(tenantId: string, verificationId: string): Promise<Array<'front' | 'back'>> {
    const rows: Array<{ side: 'front' | 'back' }> = await this.ds.query(
      `SELECT side FROM verification_images
        WHERE tenant_id = $1 AND verification_id = $2 AND purged_at IS NULL AND (ciphertext IS NOT NULL OR file_path IS NOT NULL)
        ORDER BY side DESC`,
      [tenantId, verificationId],
    );
    return rows.map((r) => r.side);
  }

  /** Open reviews of every tenant at `now`, for the metrics gauges. */
  async stats(now: Date): Promise<QueueStats> {
    const [row] = await this.ds.query(
      `SELECT count(*) FILTER (WHERE status = 'pending' OR lease_until <= $1)::int AS pending,
              count(*) FILTER (WHERE status = 'claimed' AND lease_until > $1)::int AS claimed,
              COALESCE(EXTRACT(EPOCH FROM $1::timestamptz - min(created_at)
                FILTER (WHERE status = 'pending' OR lease_until <= $1)), 0)::float8 AS oldest
         FROM reviews WHERE status <> 'decided'`,
      [now],
    );
    return { pending: row.pending, claimed: row.claimed, oldestPendingSeconds: Math.max(0, row.oldest) };
  }
}
