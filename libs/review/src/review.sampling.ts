import { createHash } from 'node:crypto';

/**
 * Whether a verification falls in the quality-control sample at `rate` (0 to 1). Deterministic per verification
 * id, so a retried job makes the same choice and a test can force it with rate 1; the hash spreads ids evenly.
 */
export function inQualitySample(verificationId: string, rate: number): boolean {
  if (rate <= 0) return false;
  if (rate >= 1) return true;
  const bucket = createHash('sha256').update(verificationId).digest().readUInt32BE(0) / 0x1_0000_0000;
  return bucket < rate;
}
