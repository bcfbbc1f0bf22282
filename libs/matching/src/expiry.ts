import { epochDay, parseIsoDate } from './iso-date';

/**
 * `today` for the expiry helpers: a `YYYY-MM-DD` string, or a `Date` taken as its UTC calendar day.
 * The caller owns the clock, so these functions stay pure and tests can pin the date.
 */
export type Today = string | Date;

/** The UTC calendar day of `date` as `YYYY-MM-DD`. */
export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function todayEpochDay(today: Today): number {
  return epochDay(parseIsoDate(typeof today === 'string' ? today : toIsoDate(today)));
}

/**
 * Days from `today` to the expiry date: 0 on the last valid day, negative once expired. Throws
 * `MatchingError` `INVALID_DATE` for a malformed date.
 */
export function daysUntilExpiry(expiryDate: string, today: Today): number {
  return epochDay(parseIsoDate(expiryDate)) - todayEpochDay(today);
}

/** A document is valid through the whole of its expiry day and expired from the next day on. */
export function isExpired(expiryDate: string, today: Today): boolean {
  return daysUntilExpiry(expiryDate, today) < 0;
}

/** Result of {@link checkExpiry}. */
export interface ExpiryStatus {
  /** Whether the document states a usable expiry date. */
  known: boolean;
  /** `false` when the expiry date is unknown: the verdict decides what an undated document means. */
  expired: boolean;
  expiryDate: string | null;
  /** Days left (negative once expired); `null` when unknown. */
  daysRemaining: number | null;
}

/**
 * The expiry outcome of a document whose MRZ may not state a date (some national ID cards leave it
 * blank) or whose date did not parse: such documents are `known: false` rather than an error.
 */
export function checkExpiry(expiryDate: string | null | undefined, today: Today): ExpiryStatus {
  const todayDay = todayEpochDay(today);
  let expiryDay: number | null = null;
  try {
    if (expiryDate) expiryDay = epochDay(parseIsoDate(expiryDate));
  } catch {
    // A malformed document date is a finding about the document, not a caller mistake.
  }
  if (expiryDay === null)
    return { known: false, expired: false, expiryDate: expiryDate ?? null, daysRemaining: null };
  const daysRemaining = expiryDay - todayDay;
  return { known: true, expired: daysRemaining < 0, expiryDate: expiryDate ?? null, daysRemaining };
}
