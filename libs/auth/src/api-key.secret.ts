import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const KEY_PATTERN = /^idv_[A-Za-z0-9]{40}$/;
const PREFIX_LENGTH = 12;

/** A new API key: `idv_` + 40 base62 characters (~238 bits). Only its SHA-256 is stored. */
export function newApiKey(): string {
  const bytes = randomBytes(40);
  let out = 'idv_';
  for (const b of bytes) out += ALPHABET[b % 62];
  return out;
}

export function keyPrefix(key: string): string {
  return key.slice(0, PREFIX_LENGTH);
}

export function hashKey(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}

/** Constant-time comparison of a presented key with a stored hash. */
export function keyMatches(key: string, storedHash: Buffer): boolean {
  const h = hashKey(key);
  return h.length === storedHash.length && timingSafeEqual(h, storedHash);
}
