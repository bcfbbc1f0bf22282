import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header carrying the signature of every delivery. */
export const SIGNATURE_HEADER = 'IDV-Signature';

/** `hex(HMAC-SHA256(secret, "<t>.<raw body>"))`; the key is the whole secret string (with its `whsec_` prefix). */
export function webhookSignature(secret: string, timestamp: number, rawBody: string | Buffer): string {
  return createHmac('sha256', secret)
    .update(`${timestamp}.`)
    .update(typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody)
    .digest('hex');
}

/** The `IDV-Signature` value for a body sent at `timestamp` (unix seconds): `t=<t>,v1=<hex>`. */
export function signatureHeader(secret: string, timestamp: number, rawBody: string | Buffer): string {
  return `t=${timestamp},v1=${webhookSignature(secret, timestamp, rawBody)}`;
}

export interface VerifyOptions {
  /** How far the signed time may be from `now`, either way (replayed or clock-skewed requests). Default 300 s. */
  toleranceSeconds?: number;
  /** The receiver's clock; default the current time. */
  now?: Date;
}

export type SignatureCheck =
  | { valid: true; timestamp: number }
  | { valid: false; reason: 'malformed_header' | 'stale_timestamp' | 'signature_mismatch' };

/**
 * What a receiver (a wallet backend) runs on each delivery: checks `IDV-Signature` against the raw request body
 * (the bytes as received, before any JSON parsing) with a constant-time comparison, and refuses timestamps outside
 * the tolerance so a captured request cannot be replayed later. Several `v1=` entries are accepted (any may match).
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | undefined | null,
  rawBody: string | Buffer,
  { toleranceSeconds = 300, now = new Date() }: VerifyOptions = {},
): SignatureCheck {
  let timestamp: number | undefined;
  const signatures: Buffer[] = [];
  for (const part of (header ?? '').split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) signatures.push(Buffer.from(value, 'hex'));
  }
  if (timestamp === undefined || signatures.length === 0) return { valid: false, reason: 'malformed_header' };
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) {
    return { valid: false, reason: 'stale_timestamp' };
  }
  const expected = Buffer.from(webhookSignature(secret, timestamp, rawBody), 'hex');
  // Compare against every candidate (no early exit), so timing does not reveal which one matched.
  let match = false;
  for (const s of signatures) match = timingSafeEqual(s, expected) || match;
  return match ? { valid: true, timestamp } : { valid: false, reason: 'signature_mismatch' };
}
