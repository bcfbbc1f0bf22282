/** Roles of the contract: what a key may do. */
export const ROLES = ['client', 'reviewer', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: resolved from an API key, scoped to exactly one tenant. */
export interface Principal {
  keyId: string;
  tenantId: string;
  tenantName: string;
  role: Role;
}

/** A key as listed to an operator: never the secret, only its recognisable prefix. */
export interface ApiKeySummary {
  id: string;
  tenant: string;
  role: Role;
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
}

export class AuthError extends Error {
  override readonly name = 'AuthError';
  constructor(
    readonly code: 'INVALID_ROLE' | 'INVALID_TENANT' | 'KEY_NOT_FOUND',
    message: string,
  ) {
    super(message);
  }
}
