/** Every action the audit trail knows. Extend by adding to this list (the union type follows). */
export const AUDIT_ACTIONS = [
  'applicant.created',
  'applicant.corrected',
  'applicant.restricted',
  'applicant.restriction_lifted',
  'applicant.erased',
  'verification.created',
  'verification.started',
  'verification.completed',
  'review.opened',
  'review.claimed',
  'review.released',
  'review.decided',
  'image.viewed',
  'webhook.registered',
  'webhook.delivered',
  'webhook.failed',
  'webhook.removed',
  'key.created',
  'key.revoked',
  'maintenance.toggled',
  'retention.purged',
] as const;

/** An audited action, `<subject>.<verb>`. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who may act. */
export const AUDIT_ACTOR_TYPES = ['system', 'client', 'reviewer', 'auditor', 'admin'] as const;
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];

/** A JSON value as stored in `data` (after canonicalisation: no Dates, no undefined). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Who did it: an actor type and its id (an API key id, a reviewer id, or a component name for `system`). */
export interface AuditActor {
  type: AuditActorType;
  id: string;
}

/** What it was done to, e.g. `{ type: 'applicant', id: '<uuid>' }`. */
export interface AuditSubject {
  type: string;
  id: string;
}

/**
 * One audit event, as the API returns it and as exports carry it. `seq` is its 1-based position in its chain
 * (one chain per tenant; `tenant: null` is the platform chain). `hash` is
 * `sha256hex(prevHash + "\n" + canonicalJson(event without hash))`; see {@link auditEventHash}.
 */
export interface AuditEvent {
  id: string;
  seq: number;
  /** ISO-8601 UTC with milliseconds, e.g. `2025-01-02T03:04:05.678Z`. */
  at: string;
  actor: AuditActor;
  tenant: string | null;
  action: AuditAction;
  subject: AuditSubject;
  reasonCodes: string[];
  data: { [key: string]: JsonValue };
  prevHash: string;
  hash: string;
}

/** What a caller gives to {@link AuditTrail.record}; id, seq, time and hashes are assigned by the trail. */
export interface AuditRecordInput {
  tenant: string | null;
  actor: AuditActor;
  action: AuditAction;
  subject: AuditSubject;
  reasonCodes?: string[];
  /** Facts about the change: ids, statuses, counts, digests. Never raw personal data (see personalDataDigest). */
  data?: Record<string, unknown>;
}

/** A filter over one chain. `from` is inclusive, `to` exclusive; both compare with `at`. */
export interface AuditFilter {
  tenant: string | null;
  from?: Date | string;
  to?: Date | string;
  action?: AuditAction;
  subjectId?: string;
}

/** A page request: the filter, an opaque cursor from the previous page, and a page size (1-1000, default 100). */
export interface AuditQuery extends AuditFilter {
  cursor?: string;
  limit?: number;
}

/** One page, oldest first; `nextCursor` is null on the last page. */
export interface AuditPage {
  items: AuditEvent[];
  nextCursor: string | null;
}

/** Why a chain check failed. */
export type ChainProblem =
  /** The event's stored hash is not the hash of its content: the row was edited (or moved to another seq). */
  | 'hash_mismatch'
  /** The event's seq is not the previous seq + 1: an event before it was deleted. */
  | 'seq_gap'
  /** The event's prevHash is not the previous event's hash: deleted, inserted or reordered events. */
  | 'broken_link'
  /** The chain head (last seq and hash written) does not match the last event: events were removed from the end. */
  | 'head_mismatch';

/**
 * The result of a chain check. `checked` counts the events examined (the scan stops at the first invalid one,
 * which is counted). `firstInvalidId` is that event's id (null when valid, or for `head_mismatch`).
 */
export interface ChainVerification {
  valid: boolean;
  checked: number;
  firstInvalidId: string | null;
  /** Present only when `valid` is false. */
  problem?: ChainProblem;
}

/** Export formats of {@link AuditTrail.exportEvents}. */
export type AuditExportFormat = 'ndjson' | 'csv';
