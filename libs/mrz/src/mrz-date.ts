import { MrzError, MrzErrorCode } from './mrz.error';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether year/month/day name a real calendar day (Gregorian, leap years included). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * `YYYY-MM-DD` → the MRZ `YYMMDD`.
 * @throws {@link MrzError} `INVALID_DATE` when `iso` is not a calendar date in that form.
 */
export function isoToMrzDate(iso: string): string {
  const match = ISO_DATE.exec(iso);
  if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw new MrzError(MrzErrorCode.INVALID_DATE, JSON.stringify(iso));
  }
  return match[1].slice(2) + match[2] + match[3];
}
