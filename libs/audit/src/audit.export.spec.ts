import { AuditError } from './audit.error';
import { decodeCursor, encodeCursor } from './audit.cursor';
import { AUDIT_CSV_COLUMNS, csvField, csvHeader, csvLine } from './audit.export';
import type { AuditEvent } from './audit.types';

describe('CSV export lines', () => {
  it('quotes only fields that need it and doubles the quotes inside', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('writes one field per column, data as canonical JSON and an empty tenant for the platform chain', () => {
    const event: AuditEvent = {
      id: 'e1',
      seq: 7,
      at: '2025-01-02T03:04:05.678Z',
      actor: { type: 'admin', id: 'key, "one"' },
      tenant: null,
      action: 'maintenance.toggled',
      subject: { type: 'platform', id: 'maintenance' },
      reasonCodes: ['A', 'B'],
      data: { on: true, by: 'ops' },
      prevHash: '0'.repeat(64),
      hash: 'f'.repeat(64),
    };
    expect(csvHeader()).toBe(`${AUDIT_CSV_COLUMNS.join(',')}\r\n`);
    expect(csvLine(event)).toBe(
      `e1,7,2025-01-02T03:04:05.678Z,,admin,"key, ""one""",maintenance.toggled,platform,maintenance,` +
        `"[""A"",""B""]","{""by"":""ops"",""on"":true}",${'0'.repeat(64)},${'f'.repeat(64)}\r\n`,
    );
  });
});

describe('cursor', () => {
  it('round-trips a seq and refuses anything it did not make', () => {
    expect(decodeCursor(encodeCursor(12345))).toBe(12345);
    expect(() => decodeCursor('12345')).toThrow(AuditError);
    expect(() => decodeCursor('a1.' + Buffer.from('x; DROP').toString('base64url'))).toThrow(AuditError);
  });
});
