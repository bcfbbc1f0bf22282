/**
 * The append-only, hash-chained audit trail: one chain per tenant (null tenant = platform chain), appended in
 * the caller's transaction, verified by recomputing every hash, exported as NDJSON or CSV streams.
 */
export { AuditModule, createAuditTrail, auditOptionsFromEnv } from './audit.module';
export { AuditTrail, AUDIT_OPTIONS } from './audit-trail.service';
export type { AuditOptions } from './audit-trail.service';
export type { AuditTransaction } from './audit.repository';
export { AuditError, AuditErrorCode } from './audit.error';
export { canonicalJson } from './canonical-json';
export { auditEventHash, GENESIS_HASH } from './audit.hash';
export { personalDataDigest, assertNoPersonalData, auditSaltFromEnv } from './personal-data';
export { AUDIT_CSV_COLUMNS, csvField } from './audit.export';
export { AUDIT_ACTIONS, AUDIT_ACTOR_TYPES } from './audit.types';
export type {
  AuditAction,
  AuditActor,
  AuditActorType,
  AuditSubject,
  AuditEvent,
  AuditRecordInput,
  AuditFilter,
  AuditQuery,
  AuditPage,
  ChainVerification,
  ChainProblem,
  AuditExportFormat,
  JsonValue,
} from './audit.types';
