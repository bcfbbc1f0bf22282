import type { CitizenNumberKind } from './citizen-number';

/**
 * The validity term of the Resident Identity Card, as the 居民身份证法 (art. 5) fixes it by the holder's age when
 * the card is issued: under 16, 5 years; 16–25, 10 years; 26–45, 20 years; 46 and over, long-term (长期). The
 * Residence Permit for Hong Kong, Macao and Taiwan residents is always issued for 5 years (港澳台居民居住证申领
 * 发放办法, art. 4). The term runs from the issue date (the printed start) to the same day that many years later.
 */
export type ValidityTerm = 5 | 10 | 20 | 'long_term';

export interface ValidityTermInput {
  /** `YYYY-MM-DD`. */
  birthDate: string;
  /** The printed start of the validity, the issue date: `YYYY-MM-DD`. */
  validFrom: string;
  /** The printed end, `YYYY-MM-DD`; `null` for a long-term (长期) card. */
  expiry: string | null;
  kind: CitizenNumberKind;
}

/**
 * - `invalid_dates`: a date is not a calendar date, or the card starts before its holder was born or ends before it starts;
 * - `not_anniversary`: the end is not the start's day and month a whole number of years later;
 * - `term_for_age`: a whole number of years, but not the term the holder's age at issue requires.
 */
export type ValidityTermProblem = 'invalid_dates' | 'not_anniversary' | 'term_for_age';

export interface ValidityTermCheck {
  holds: boolean;
  /** Full years (周岁) on the issue date; `null` when the dates are not usable. */
  ageAtIssue: number | null;
  /** The term the law requires for that age and document. */
  required: ValidityTerm | null;
  /** The printed term when the end is an anniversary of the start (or long-term), else `null`. */
  printed: ValidityTerm | number | null;
  problem: ValidityTermProblem | null;
}

interface Day {
  y: number;
  m: number;
  d: number;
}

function dayOf(iso: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  return real ? { y, m: mo, d } : null;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const ordinal = (day: Day) => day.y * 10000 + day.m * 100 + day.d;

/**
 * The anniversary of `day` in year `y`. A 29 February falls on 1 March in a common year: that is how the public
 * security bureaux count a full year of age (公民出生日期为闰年2月29日的，在计算周岁时，遇到非闰年以3月1日为满周岁).
 */
function anniversary(day: Day, y: number): Day {
  return day.m === 2 && day.d === 29 && !isLeap(y) ? { y, m: 3, d: 1 } : { y, m: day.m, d: day.d };
}

function ageOn(birth: Day, on: Day): number {
  const years = on.y - birth.y;
  return ordinal(on) >= ordinal(anniversary(birth, on.y)) ? years : years - 1;
}

function requiredTerm(age: number, kind: CitizenNumberKind): ValidityTerm {
  if (kind === 'residence_permit') return 5;
  if (age < 16) return 5;
  if (age <= 25) return 10;
  if (age <= 45) return 20;
  return 'long_term';
}

function dayBefore(day: Day): Day {
  const date = new Date(Date.UTC(day.y, day.m - 1, day.d - 1));
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/**
 * Whether `end` closes a term of whole years from `start`: the anniversary, or the day before it. The public
 * security bureaux' own worked example of the rule (issued 1984-12-31, 20 years, "到2004年12月30日有效期满") ends
 * the term on the day before, and cards printed that way are genuine. A start on 29 February thus ends on
 * 1 March or 28 February of a common year.
 */
function wholeYears(start: Day, end: Day): number | null {
  const years = end.y - start.y;
  const due = anniversary(start, end.y);
  const fits = ordinal(end) === ordinal(due) || ordinal(end) === ordinal(dayBefore(due));
  return years > 0 && fits ? years : null;
}

/** Whether the printed validity is the term the law gives this holder at the card's issue date. */
export function checkValidityTerm(input: ValidityTermInput): ValidityTermCheck {
  const birth = dayOf(input.birthDate);
  const start = dayOf(input.validFrom);
  const end = input.expiry === null ? null : dayOf(input.expiry);
  const unusable = {
    holds: false,
    ageAtIssue: null,
    required: null,
    printed: null,
    problem: 'invalid_dates' as const,
  };
  if (!birth || !start || (input.expiry !== null && !end)) return unusable;
  if (ordinal(start) < ordinal(birth) || (end && ordinal(end) <= ordinal(start))) return unusable;
  const ageAtIssue = ageOn(birth, start);
  const required = requiredTerm(ageAtIssue, input.kind);
  const printed = end ? wholeYears(start, end) : 'long_term';
  if (printed === null) return { holds: false, ageAtIssue, required, printed, problem: 'not_anniversary' };
  const holds = printed === required;
  return { holds, ageAtIssue, required, printed, problem: holds ? null : 'term_for_age' };
}
