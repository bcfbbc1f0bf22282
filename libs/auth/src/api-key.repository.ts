import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { ApiKeyEntity, TenantEntity } from '@idv/persistence';
import type { ApiKeySummary, Role } from './principal';

/** Tenants and API keys in PostgreSQL. */
@Injectable()
export class ApiKeyRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async findOrCreateTenant(name: string): Promise<TenantEntity> {
    await this.ds.query(`INSERT INTO tenants (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`, [name]);
    return this.ds.getRepository(TenantEntity).findOneByOrFail({ name });
  }

  transaction<T>(fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(fn);
  }

  async insert(
    tx: EntityManager,
    tenantId: string,
    role: Role,
    prefix: string,
    secretHash: Buffer,
  ): Promise<ApiKeyEntity> {
    return tx.getRepository(ApiKeyEntity).save({ tenantId, role, prefix, secretHash, revokedAt: null });
  }

  /** Active keys with this prefix (normally one), with their tenant's name. */
  async activeByPrefix(prefix: string): Promise<Array<ApiKeyEntity & { tenantName: string }>> {
    const rows: Array<ApiKeyEntity & { tenantName: string }> = await this.ds
      .getRepository(ApiKeyEntity)
      .createQueryBuilder('k')
      .innerJoin(TenantEntity, 't', 't.id = k.tenant_id')
      .addSelect('t.name', 'tenant_name')
      .where('k.prefix = :prefix AND k.revoked_at IS NULL', { prefix })
      .getRawAndEntities()
      .then(({ raw, entities }) =>
        entities.map((e, i) => Object.assign(e, { tenantName: raw[i].tenant_name })),
      );
    return rows;
  }

  async list(tenantName?: string): Promise<ApiKeySummary[]> {
    const rows: Array<Record<string, unknown>> = await this.ds.query(
      `SELECT k.id, t.name AS tenant, k.role, k.prefix, k.created_at, k.revoked_at
         FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
        WHERE $1::text IS NULL OR t.name = $1
        ORDER BY k.created_at`,
      [tenantName ?? null],
    );
    return rows.map((r) => ({
      id: r.id as string,
      tenant: r.tenant as string,
      role: r.role as Role,
      prefix: r.prefix as string,
      createdAt: (r.created_at as Date).toISOString(),
      revokedAt: r.revoked_at ? (r.revoked_at as Date).toISOString() : null,
    }));
  }

  async revoke(tx: EntityManager, id: string): Promise<ApiKeyEntity | null> {
    const repo = tx.getRepository(ApiKeyEntity);
    const key = await repo.findOne({
      where: { id, revokedAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
    if (!key) return null;
    key.revokedAt = new Date();
    return repo.save(key);
  }
}
