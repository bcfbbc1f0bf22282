/** Stable codes of {@link AuditError}; the API maps them to its error body (all are client errors but `Internal`). */
export enum AuditErrorCode {
  /** `data` (or a nested object) has a key that names raw personal data, e.g. `surname` or `email`. */
  PersonalData = 'audit.personal_data',
  /** The event is malformed: unknown action or actor type, empty subject, non-JSON data, NUL characters... */
  InvalidEvent = 'audit.invalid_event',
  /** The query filter is malformed (bad date, limit out of range, tenant not a UUID). */
  InvalidFilter = 'audit.invalid_filter',
  /** The cursor was not produced by this service. */
  InvalidCursor = 'audit.invalid_cursor',
  /** `record(input, tx)` was given an EntityManager that is not inside a transaction. */
  NotInTransaction = 'audit.not_in_transaction',
}

const MESSAGES: Record<AuditErrorCode, string> = {
  [AuditErrorCode.PersonalData]: 'Audit data must not carry raw personal data; use personalDataDigest()',
  [AuditErrorCode.InvalidEvent]: 'The audit event is invalid',
  [AuditErrorCode.InvalidFilter]: 'The audit query is invalid',
  [AuditErrorCode.InvalidCursor]: 'The audit cursor is invalid',
  [AuditErrorCode.NotInTransaction]: 'record() was given an EntityManager outside a transaction',
};

/** The one error type of `@idv/audit`: a stable {@link AuditErrorCode} plus a detail for people. */
export class AuditError extends Error {
  override readonly name = 'AuditError';

  constructor(
    readonly code: AuditErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${MESSAGES[code]}: ${detail}` : MESSAGES[code]);
  }
}
