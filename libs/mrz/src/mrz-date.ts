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

function toIso(year: number, yymmdd: string): string | null {
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  if (!isCalendarDate(year, month, day)) return null;
  return `${year}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
}

/** Today as `YYYY-MM-DD` in UTC, so ISO strings compare in order. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Expiry `YYMMDD` → ISO: YY < 70 is 20YY, otherwise 19YY. The MRZ carries no century; documents
 * are valid for at most about ten years, so a window of 1970-2069 covers every document in use.
 * Returns null for anything but six digits forming a calendar date.
 */
export function expiryDateToIso(yymmdd: string): string | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  const yy = Number(yymmdd.slice(0, 2));
  return toIso(yy < 70 ? 2000 + yy : 1900 + yy, yymmdd);
}

/**
 * Birth `YYMMDD` → ISO: 20YY unless that day is after `today` or after the document's expiry
 * (nobody is born after their document expires), then 19YY. Holders over 100 years old come out
 * a century too young; only the visual zone can tell. Returns null for a non-date.
 */
export function birthDateToIso(yymmdd: string, today: Date, expiryIso: string | null): string | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  const recent = toIso(2000 + Number(yymmdd.slice(0, 2)), yymmdd);
  const limit = expiryIso !== null && expiryIso < isoDay(today) ? expiryIso : isoDay(today);
  if (recent !== null && recent <= limit) return recent;
  return toIso(1900 + Number(yymmdd.slice(0, 2)), yymmdd);
}
