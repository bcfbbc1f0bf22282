import { canonicalJson } from './canonical-json';
import type { AuditEvent } from './audit.types';

/**
 * CSV columns, in order. `tenant` is empty for the platform chain; `reason_codes` is a JSON array and `data`
 * canonical JSON, so both parse back exactly (and `data` is byte-for-byte what was hashed).
 */
export const AUDIT_CSV_COLUMNS = [
  'id',
  'seq',
  'at',
  'tenant',
  'actor_type',
  'actor_id',
  'action',
  'subject_type',
  'subject_id',
  'reason_codes',
  'data',
  'prev_hash',
  'hash',
] as const;

/** One NDJSON line: the event as the API returns it, then a newline. */
export function ndjsonLine(event: AuditEvent): string {
  return `${JSON.stringify(event)}\n`;
}

/** The CSV header line (CRLF-terminated, as RFC 4180 says). */
export function csvHeader(): string {
  return `${AUDIT_CSV_COLUMNS.join(',')}\r\n`;
}

/** One CSV record for `event`, CRLF-terminated, every field escaped per RFC 4180. */
export function csvLine(event: AuditEvent): string {
  const fields = [
    event.id,
    String(event.seq),
    event.at,
    event.tenant ?? '',
    event.actor.type,
    event.actor.id,
    event.action,
    event.subject.type,
    event.subject.id,
    JSON.stringify(event.reasonCodes),
    canonicalJson(event.data),
    event.prevHash,
    event.hash,
  ];
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** Quotes a field when it holds a comma, a quote, CR or LF, doubling the quotes inside (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
