import { createHmac } from 'node:crypto';
import { signatureHeader, verifyWebhookSignature } from './webhook.signature';

describe('verifyWebhookSignature', () => {
  const secret = 'whsec_test-secret-0123456789';
  const body =
    '{"id":"3f0c","type":"verification.completed","createdAt":"2026-01-01T00:00:00.000Z","data":{}}';
  const t = 1_767_225_600; // 2026-01-01T00:00:00Z
  const now = new Date(t * 1000 + 30_000);

  it('accepts the header the service sends, computed independently with node:crypto', () => {
    const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(signatureHeader(secret, t, body)).toBe(`t=${t},v1=${v1}`);
    expect(verifyWebhookSignature(secret, `t=${t},v1=${v1}`, body, { now })).toEqual({
      valid: true,
      timestamp: t,
    });
    expect(verifyWebhookSignature(secret, `t=${t},v1=${v1}`, Buffer.from(body), { now }).valid).toBe(true);
  });

  it('refuses a tampered body', () => {
    const header = signatureHeader(secret, t, body);
    const tampered = body.replace('verification.completed', 'review.completed');
    expect(verifyWebhookSignature(secret, header, tampered, { now })).toEqual({
      valid: false,
      reason: 'signature_mismatch',
    });
    expect(verifyWebhookSignature(secret, header, body + ' ', { now }).valid).toBe(false);
  });

  it('refuses the wrong secret', () => {
    const header = signatureHeader('whsec_another-secret', t, body);
    expect(verifyWebhookSignature(secret, header, body, { now })).toEqual({
      valid: false,
      reason: 'signature_mismatch',
    });
  });

  it('refuses a timestamp outside the tolerance, either way, and a re-signed timestamp swap', () => {
    const header = signatureHeader(secret, t, body);
    const late = new Date((t + 301) * 1000);
    const early = new Date((t - 301) * 1000);
    expect(verifyWebhookSignature(secret, header, body, { now: late })).toEqual({
      valid: false,
      reason: 'stale_timestamp',
    });
    expect(verifyWebhookSignature(secret, header, body, { now: early }).valid).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, { now: late, toleranceSeconds: 600 }).valid).toBe(
      true,
    );
    // A replay with a fresh t but the old v1: the timestamp is inside the signed bytes, so it fails.
    const swapped = header.replace(`t=${t}`, `t=${t + 250}`);
    expect(verifyWebhookSignature(secret, swapped, body, { now: late }).valid).toBe(false);
  });

  it.each([undefined, '', 'v1=abc', `t=${t}`, `t=soon,v1=${'0'.repeat(64)}`, 'garbage'])(
    'reports a malformed header %j',
    (header) => {
      expect(verifyWebhookSignature(secret, header, body, { now })).toEqual({
        valid: false,
        reason: 'malformed_header',
      });
    },
  );

  it('accepts any of several v1 entries (secret rotation)', () => {
    const good = signatureHeader(secret, t, body).split(',')[1];
    const header = `t=${t},v1=${'ab'.repeat(32)},${good}`;
    expect(verifyWebhookSignature(secret, header, body, { now }).valid).toBe(true);
  });
});
