import { AuditError, AuditErrorCode } from './audit.error';

const PREFIX = 'a1.';

/** An opaque page cursor: the seq of the last event on the page. */
export function encodeCursor(seq: number): string {
  return PREFIX + Buffer.from(String(seq), 'utf8').toString('base64url');
}

/** The seq a cursor stands for; throws {@link AuditError} (`invalid_cursor`) for anything else. */
export function decodeCursor(cursor: string): number {
  if (cursor.startsWith(PREFIX)) {
    const text = Buffer.from(cursor.slice(PREFIX.length), 'base64url').toString('utf8');
    if (/^\d{1,15}$/.test(text)) return Number(text);
  }
  throw new AuditError(AuditErrorCode.InvalidCursor);
}
