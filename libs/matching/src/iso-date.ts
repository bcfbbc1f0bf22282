import { MatchingError, MatchingErrorCode } from './matching.error';

/** A calendar date as numbers; months and days count from 1. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Whether the numbers name a real day of the proleptic Gregorian calendar. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (![year, month, day].every(Number.isInteger)) return false;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Parses `YYYY-MM-DD` strictly; throws {@link MatchingError} `INVALID_DATE` otherwise (a caller mistake). */
export function parseIsoDate(value: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (!match || !isCalendarDate(year, month, day))
    throw new MatchingError(MatchingErrorCode.INVALID_DATE, value);
  return { year, month, day };
}

/** Days since 1970-01-01 of a calendar date (UTC), for date arithmetic without time zones. */
export function epochDay(date: CalendarDate): number {
  const utc = new Date(0);
  utc.setUTCFullYear(date.year, date.month - 1, date.day);
  return Math.round(utc.getTime() / 86_400_000);
}
