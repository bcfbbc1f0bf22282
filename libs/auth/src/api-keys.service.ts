import { Injectable } from '@nestjs/common';
import { ApiKeyRepository } from './api-key.repository';
import { hashKey, KEY_PATTERN, keyMatches, keyPrefix, newApiKey } from './api-key.secret';
import { AuthError, ROLES, type ApiKeySummary, type Principal, type Role } from './principal';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Creates, lists, revokes and checks API keys. The secret is shown once, at creation. */
@Injectable()
export class ApiKeys {
  constructor(private readonly repo: ApiKeyRepository) {}

  async create(
    tenant: string,
    role: string,
  ): Promise<{ key: string; id: string; tenantId: string; role: Role }> {
    if (!ROLES.includes(role as Role)) {
      throw new AuthError('INVALID_ROLE', `Unknown role "${role}"; use one of ${ROLES.join(', ')}.`);
    }
    if (!/^[\w.-]{1,64}$/.test(tenant)) {
      throw new AuthError('INVALID_TENANT', 'A tenant name is 1-64 letters, digits, ".", "_" or "-".');
    }
    const t = await this.repo.findOrCreateTenant(tenant);
    const key = newApiKey();
    const row = await this.repo.insert(t.id, role as Role, keyPrefix(key), hashKey(key));
    return { key, id: row.id, tenantId: t.id, role: role as Role };
  }

  list(tenant?: string): Promise<ApiKeySummary[]> {
    return this.repo.list(tenant);
  }

  async revoke(id: string): Promise<{ id: string; tenantId: string }> {
    const key = UUID.test(id) ? await this.repo.revoke(id) : null;
    if (!key) throw new AuthError('KEY_NOT_FOUND', `No active API key with id ${id}.`);
    return { id: key.id, tenantId: key.tenantId };
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
