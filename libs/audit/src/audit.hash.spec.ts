import { createHash } from 'node:crypto';
import { auditEventHash, GENESIS_HASH } from './audit.hash';
import type { AuditEvent } from './audit.types';

const event: Omit<AuditEvent, 'hash'> = {
  id: '3f1c2d4e-0000-4000-8000-000000000001',
  seq: 1,
  at: '2025-01-02T03:04:05.678Z',
  actor: { type: 'client', id: 'key-1' },
  tenant: '3f1c2d4e-0000-4000-8000-0000000000aa',
  action: 'applicant.created',
  subject: { type: 'applicant', id: 'app-1' },
  reasonCodes: ['R1'],
  data: { status: 'active', count: 2 },
  prevHash: GENESIS_HASH,
};

describe('auditEventHash', () => {
  it('is SHA-256 of prevHash, a newline and the canonical JSON of the event without its hash', () => {
    // Written out by hand, as an auditor outside the service would build it.
    const text =
      `${GENESIS_HASH}\n` +
      '{"action":"applicant.created","actor":{"id":"key-1","type":"client"},"at":"2025-01-02T03:04:05.678Z",' +
      '"data":{"count":2,"status":"active"},"id":"3f1c2d4e-0000-4000-8000-000000000001",' +
      `"prevHash":"${GENESIS_HASH}","reasonCodes":["R1"],"seq":1,` +
      '"subject":{"id":"app-1","type":"applicant"},"tenant":"3f1c2d4e-0000-4000-8000-0000000000aa"}';
    expect(auditEventHash(event)).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('ignores a hash already present on the event', () => {
    expect(auditEventHash({ ...event, hash: 'f'.repeat(64) })).toBe(auditEventHash(event));
  });

  it.each([
    ['seq', { seq: 2 }],
    ['at', { at: '2025-01-02T03:04:05.679Z' }],
    ['tenant', { tenant: null }],
    ['actor', { actor: { type: 'admin' as const, id: 'key-1' } }],
    ['data', { data: { status: 'active', count: 3 } }],
    ['reasonCodes', { reasonCodes: [] }],
    ['prevHash', { prevHash: 'a'.repeat(64) }],
  ])('changes when %s changes', (_field, change) => {
    expect(auditEventHash({ ...event, ...change })).not.toBe(auditEventHash(event));
  });
});
