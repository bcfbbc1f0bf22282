import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { AuditEvent } from './audit.types';

/** The `prevHash` of the first event of every chain: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The hash of an audit event, recomputable outside the service from an exported event:
 *
 * `hash = lowercase hex SHA-256 of UTF-8( prevHash + "\n" + canonicalJson(event without its "hash" key) )`
 *
 * where the hashed object has exactly the keys `action, actor{id,type}, at, data, id, prevHash, reasonCodes, seq,
 * subject{id,type}, tenant` (tenant null for the platform chain; `at` as `YYYY-MM-DDTHH:mm:ss.sssZ`), written by
 * {@link canonicalJson} (RFC 8785 / JCS). The first event of a chain has `prevHash` = {@link GENESIS_HASH}; each
 * next event's `prevHash` is the previous event's `hash`, and `seq` counts 1, 2, 3... without gaps.
 */
export function auditEventHash(event: Omit<AuditEvent, 'hash'> | AuditEvent): string {
  const hashed = {
    id: event.id,
    seq: event.seq,
    at: event.at,
    actor: { type: event.actor.type, id: event.actor.id },
    tenant: event.tenant,
    action: event.action,
    subject: { type: event.subject.type, id: event.subject.id },
    reasonCodes: event.reasonCodes,
    data: event.data,
    prevHash: event.prevHash,
  };
  return createHash('sha256')
    .update(`${event.prevHash}\n${canonicalJson(hashed)}`, 'utf8')
    .digest('hex');
}
