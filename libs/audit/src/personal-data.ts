import { createHmac } from 'node:crypto';
import { loadConfig } from '@idv/platform';
import { AuditError, AuditErrorCode } from './audit.error';
import { canonicalJson } from './canonical-json';

/**
 * Keys that name raw personal data, compared after lower-casing and dropping everything but letters and digits
 * (so `given_names`, `givenNames` and `GIVEN-NAMES` all match). A key such as `surnameDigest` is allowed: that is
 * how a caller references a value without storing it.
 */
const PERSONAL_KEYS = new Set([
  'surname',
  'lastname',
  'familyname',
  'givenname',
  'givennames',
  'firstname',
  'fullname',
  'dateofbirth',
  'birthdate',
  'dob',
  'documentnumber',
  'docnumber',
  'passportnumber',
  'personalnumber',
  'nationalid',
  'phone',
  'phonenumber',
  'mobile',
  'email',
  'emailaddress',
  'address',
  'mrz',
]);

/** The salt of the configuration: `IDV_AUDIT_SALT`, or outside production the one kept in the secrets file. */
export function auditSaltFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return loadConfig(env).auditSalt;
}

/**
 * A salted digest of a personal value, for audit `data` that must reference it without carrying it:
 * lowercase hex HMAC-SHA256 keyed with the salt, over the NFC-normalised string (or, for a non-string, its
 * canonical JSON). The same value and salt always give the same digest, so an auditor holding the salt can
 * check "was this the surname?" while the trail alone reveals nothing.
 */
export function personalDataDigest(value: unknown, salt: string = auditSaltFromEnv()): string {
  const text = typeof value === 'string' ? value.normalize('NFC') : canonicalJson(value);
  return createHmac('sha256', salt).update(text, 'utf8').digest('hex');
}

/** Throws {@link AuditError} (`audit_personal_data`) when `data`, at any depth, has a personal-data key. */
export function assertNoPersonalData(data: unknown, path = 'data'): void {
  if (data === null || typeof data !== 'object') return;
  if (Array.isArray(data)) {
    data.forEach((item, i) => assertNoPersonalData(item, `${path}[${i}]`));
    return;
  }
  for (const [key, value] of Object.entries(data)) {
    if (PERSONAL_KEYS.has(key.toLowerCase().replace(/[^a-z0-9]/g, ''))) {
      throw new AuditError(AuditErrorCode.PersonalData, `${path}.${key}`);
    }
    assertNoPersonalData(value, `${path}.${key}`);
  }
}
