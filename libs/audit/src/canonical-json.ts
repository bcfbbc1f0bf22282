import { AuditError, AuditErrorCode } from './audit.error';

const MAX_DEPTH = 32;

/**
 * Canonical JSON, the byte-exact text the audit hash is computed over:
 * - object keys sorted by UTF-16 code units (JavaScript's default sort), keys whose value is `undefined` left out;
 * - no whitespace; strings and numbers written as `JSON.stringify` writes them (so `-0` is `0`);
 * - a `Date` is written as its ISO-8601 UTC string (`2025-01-02T03:04:05.678Z`); array holes/`undefined` as `null`.
 * For the values the audit trail stores (strings, finite numbers, booleans, null, arrays, plain objects) this is
 * the JSON Canonicalization Scheme of RFC 8785, so an auditor can recompute it with any JCS implementation.
 * Throws {@link AuditError} (`invalid_audit_event`) for anything JSON cannot carry faithfully
 * (non-finite numbers, bigint, functions, class instances other than Date, cycles/too deep nesting).
 */
export function canonicalJson(value: unknown): string {
  return write(value, 0, '$');
}

function write(value: unknown, depth: number, path: string): string {
  if (depth > MAX_DEPTH) fail(path, `nesting deeper than ${MAX_DEPTH}`);
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) fail(path, `${value} is not a finite number`);
      return JSON.stringify(value);
    case 'object':
      return writeObject(value as object, depth, path);
    default:
      return fail(path, `a ${typeof value} cannot be stored as JSON`);
  }
}

function writeObject(value: object, depth: number, path: string): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) fail(path, 'invalid date');
    return JSON.stringify(value.toISOString());
  }
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      items.push(item === undefined ? 'null' : write(item, depth + 1, `${path}[${i}]`));
    }
    return `[${items.join(',')}]`;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null)
    fail(path, 'only plain objects, arrays and dates are allowed');
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    if (record[key] === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${write(record[key], depth + 1, `${path}.${key}`)}`);
  }
  return `{${parts.join(',')}}`;
}

function fail(path: string, why: string): never {
  throw new AuditError(AuditErrorCode.InvalidEvent, `${path}: ${why}`);
}
