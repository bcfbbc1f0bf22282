import { DomainError, type ErrorKind } from '@idv/platform';

/** Stable codes of {@link AuditError} (snake_case, as the contract's error body carries them). */
export enum AuditErrorCode {
  /** `data` (or a nested object) has a key that names raw personal data, e.g. `surname` or `email`. */
  PersonalData = 'audit_personal_data',
  /** The event is malformed: unknown action or actor type, empty subject, non-JSON data, NUL characters... */
  InvalidEvent = 'invalid_audit_event',
  /** The query filter is malformed (bad date, limit out of range, tenant not a UUID, unknown format). */
  InvalidFilter = 'invalid_audit_filter',
  /** The cursor was not produced by this service. */
  InvalidCursor = 'invalid_cursor',
}

const MESSAGES: Record<AuditErrorCode, string> = {
  [AuditErrorCode.PersonalData]:
    'Audit data must not carry raw personal data; reference it with personalDataDigest()',
  [AuditErrorCode.InvalidEvent]: 'The audit event is invalid',
  [AuditErrorCode.InvalidFilter]: 'The audit query is invalid',
  [AuditErrorCode.InvalidCursor]: 'The cursor is not one this service issued',
};

const KINDS: Record<AuditErrorCode, ErrorKind> = {
  [AuditErrorCode.PersonalData]: 'invalid',
  [AuditErrorCode.InvalidEvent]: 'invalid',
  [AuditErrorCode.InvalidFilter]: 'invalid',
  [AuditErrorCode.InvalidCursor]: 'invalid',
};

/**
 * The one error type of `@idv/audit`: a stable {@link AuditErrorCode}, a message for people (with `detail`, e.g.
 * the offending key path), mapped by the API's error filter through its DomainError `kind`. Misuse by code (a
 * `tx` outside a transaction) is a plain Error instead: a bug, not an expected failure.
 */
export class AuditError extends DomainError {
  override readonly name = 'AuditError';
  declare readonly code: AuditErrorCode;

  constructor(
    code: AuditErrorCode,
    readonly detail?: string,
  ) {
    super(KINDS[code], code, detail ? `${MESSAGES[code]}: ${detail}.` : `${MESSAGES[code]}.`);
  }
}
