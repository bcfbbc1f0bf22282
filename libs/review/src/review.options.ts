import { ConfigError } from '@idv/platform';

/** Nest token of {@link ReviewOptions}. */
export const REVIEW_OPTIONS = Symbol('REVIEW_OPTIONS');

export interface ReviewOptions {
  /** How long a claim lasts unless renewed (`IDV_REVIEW_LEASE_SECONDS`, default 900 = 15 minutes). */
  leaseSeconds: number;
  /** How long a review may wait before it breaches its SLA (`IDV_REVIEW_SLA_HOURS`, default 24). */
  slaHours: number;
  /** Share of `accepted` verdicts sampled for quality control (`IDV_REVIEW_SAMPLE_ACCEPTED`, default 0.02). */
  sampleAccepted: number;
}

function numberFrom(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new ConfigError(
      `Invalid configuration: ${name}=${JSON.stringify(raw)}: must be a number from ${min} to ${max}`,
    );
  }
  return value;
}

/** Reads and checks the review settings; a bad value stops the process with one clear line. */
export function reviewOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ReviewOptions {
  return {
    leaseSeconds: Math.round(numberFrom(env, 'IDV_REVIEW_LEASE_SECONDS', 900, 1, 86_400)),
    slaHours: numberFrom(env, 'IDV_REVIEW_SLA_HOURS', 24, 0.01, 24 * 90),
    sampleAccepted: numberFrom(env, 'IDV_REVIEW_SAMPLE_ACCEPTED', 0.02, 0, 1),
  };
}
