import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findInTenant, ApplicantCorrectionEntity, ApplicantEntity, type Tx } from '@idv/persistence';

/** Applicants and their corrections in PostgreSQL; every read is scoped by tenant. */
@Injectable()
export class ApplicantRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.ds.transaction(fn);
  }

  find(tenantId: string, id: string, tx?: Tx, lock = false): Promise<ApplicantEntity | null> {
    return findInTenant(tx ?? this.ds.manager, ApplicantEntity, tenantId, id, lock);
  }

  findByExternalId(tenantId: string, externalId: string): Promise<ApplicantEntity | null> {
    return this.ds.getRepository(ApplicantEntity).findOneBy({ tenantId, externalId });
  }

  /** Inserts, or returns null when the external id is already taken in this tenant. */
  async insert(tx: Tx, row: Partial<ApplicantEntity>): Promise<ApplicantEntity | null> {
    const result = await tx
      .createQueryBuilder()
      .insert()
      .into(ApplicantEntity)
      .values(row)
      .orIgnore()
      .returning('*')
      .execute();
    if (!result.raw.length) return null;
    return tx.getRepository(ApplicantEntity).findOneByOrFail({ id: result.raw[0].id });
  }

  save(tx: Tx, row: ApplicantEntity): Promise<ApplicantEntity> {
    return tx.getRepository(ApplicantEntity).save(row);
  }

  async addCorrection(tx: Tx, applicantId: string, fields: string[]): Promise<void> {
    await tx.getRepository(ApplicantCorrectionEntity).insert({ applicantId, fields });
  }

  async correctionsSince(tx: Tx, applicantId: string, since: Date): Promise<number> {
    const [{ n }] = await tx.query(
      `SELECT count(*)::int AS n FROM applicant_corrections WHERE applicant_id = $1 AND at >= $2`,
      [applicantId, since],
    );
    return n;
  }
}
