import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID; ids from a URL are checked before they reach a uuid column (else PostgreSQL raises). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * One row of a tenant-owned table by id, or null: another tenant's row is indistinguishable from a missing one.
 * With `lock`, the row is locked FOR UPDATE until the transaction of `em` ends.
 */
export function findInTenant<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  tenantId: string,
  id: string,
  lock = false,
): Promise<T | null> {
  if (!isUuid(id)) return Promise.resolve(null);
  const qb = em
    .getRepository(entity)
    .createQueryBuilder('row')
    .where('row.id = :id AND row.tenant_id = :tenantId', { id, tenantId });
  if (lock) qb.setLock('pessimistic_write');
  return qb.getOne();
}
