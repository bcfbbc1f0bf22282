import { Injectable } from '@nestjs/common';
import { AuditTrail, type AuditActor } from '@idv/audit';
import { ApiKeyRepository } from './api-key.repository';
import { hashKey, KEY_PATTERN, keyMatches, keyPrefix, newApiKey } from './api-key.secret';
import { AuthError, ROLES, type ApiKeySummary, type Principal, type Role } from './principal';
import { isUuid } from '@idv/persistence';

/** Keys are managed by an operator at the command line unless a caller says otherwise. */
export const CLI_OPERATOR: AuditActor = { type: 'admin', id: 'cli' };

/**
 * Creates, lists, revokes and checks API keys. The secret is shown once, at creation. Creation and revocation are
 * audited on the key's tenant chain (`key.created`, `key.revoked`) in the same transaction as the change.
 */
@Injectable()
export class ApiKeys {
  constructor(
    private readonly repo: ApiKeyRepository,
    private readonly audit: AuditTrail,
  ) {}

  async create(
    tenant: string,
    role: string,
    actor: AuditActor = CLI_OPERATOR,
  ): Promise<{ key: string; id: string; tenantId: string; role: Role }> {
    if (!ROLES.includes(role as Role)) {
      throw new AuthError('INVALID_ROLE', `Unknown role "${role}"; use one of ${ROLES.join(', ')}.`);
    }
    if (!/^[\w.-]{1,64}$/.test(tenant)) {
      throw new AuthError('INVALID_TENANT', 'A tenant name is 1-64 letters, digits, ".", "_" or "-".');
    }
    const t = await this.repo.findOrCreateTenant(tenant);
    const key = newApiKey();
    const row = await this.repo.transaction(async (tx) => {
      const inserted = await this.repo.insert(tx, t.id, role as Role, keyPrefix(key), hashKey(key));
      await this.record(tx, actor, 'key.created', inserted.tenantId, inserted.id, role);
      return inserted;
    });
    return { key, id: row.id, tenantId: t.id, role: role as Role };
  }

  list(tenant?: string): Promise<ApiKeySummary[]> {
    return this.repo.list(tenant);
  }

  async revoke(id: string, actor: AuditActor = CLI_OPERATOR): Promise<{ id: string; tenantId: string }> {
    const key = !isUuid(id)
      ? null
      : await this.repo.transaction(async (tx) => {
          const revoked = await this.repo.revoke(tx, id);
          if (revoked)
            await this.record(tx, actor, 'key.revoked', revoked.tenantId, revoked.id, revoked.role);
          return revoked;
        });
    if (!key) throw new AuthError('KEY_NOT_FOUND', `No active API key with id ${id}.`);
    return { id: key.id, tenantId: key.tenantId };
  }

  private record(
    tx: Parameters<AuditTrail['record']>[1],
    actor: AuditActor,
    action: 'key.created' | 'key.revoked',
    tenantId: string,
    keyId: string,
    role: string,
  ) {
    return this.audit.record(
      { tenant: tenantId, actor, action, subject: { type: 'api_key', id: keyId }, data: { role } },
      tx,
    );
  }

  /** The principal of a presented key, or null for a malformed, unknown or revoked key. */
  async authenticate(presented: string | undefined): Promise<Principal | null> {
    if (!presented || !KEY_PATTERN.test(presented)) return null;
    for (const row of await this.repo.activeByPrefix(keyPrefix(presented))) {
      if (keyMatches(presented, row.secretHash)) {
        return { keyId: row.id, tenantId: row.tenantId, tenantName: row.tenantName, role: row.role };
      }
    }
    return null;
  }
}
