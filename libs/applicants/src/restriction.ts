import type { ApplicantEntity } from '@idv/persistence';
import type { RestrictionReason } from './applicant.types';

/** The restriction in force at `now`, if any: a restriction ends by itself when its time is up. */
export function activeRestriction(
  a: Pick<ApplicantEntity, 'status' | 'restrictedUntil' | 'restrictionReason'>,
  now: Date,
): { until: Date | null; reason: RestrictionReason } | null {
  if (a.status !== 'restricted') return null;
  if (a.restrictedUntil && a.restrictedUntil <= now) return null;
  return { until: a.restrictedUntil, reason: (a.restrictionReason ?? 'OPERATOR_FLAG') as RestrictionReason };
}
