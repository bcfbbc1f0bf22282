import type { Actor } from '@idv/applicants';
import type { Principal } from '@idv/auth';

/** The audit actor for a caller: its role and key id, in its tenant. */
export function actorOf(p: Principal): Actor {
  return { type: p.role, id: p.keyId, tenantId: p.tenantId };
}
