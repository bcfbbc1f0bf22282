// The library without its 80 locales of country names (the package's Node entry parses them all, ~0.2 s): the
// rules need the codes only.
import countries from 'i18n-iso-countries/index';

/**
 * The rules a registration record's fields follow, as pure predicates (used by the DTO validators and by the
 * CLI's record file check).
 */

/** ICAO 9303 codes that are not ISO 3166 countries but appear as nationalities on real documents. */
const ICAO_NATIONALITIES = new Set([
  'UTO',
  'XXA',
  'XXB',
  'XXC',
  'XXX',
  'RKS',
  'EUE',
  'UNO',
  'UNA',
  'UNK',
  'XOM',
  'XPO',
  'XES',
  'XMP',
  'XCC',
  'XBA',
  'XIM',
]);

export function isKnownNationality(code: string): boolean {
  return ICAO_NATIONALITIES.has(code) || countries.isValid(code);
}

/** Unicode bidirectional controls and other invisible format characters: never part of a name. */
const FORMAT_CHARS = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/u;
// The middle dot joins the parts of transcribed names on Chinese cards (买买提·艾力).
const NAME_CHARS = /^[\p{L}\p{M}][\p{L}\p{M} '’.·・-]*$/u;

export type NameProblem = 'name_has_digits' | 'name_invalid_characters' | 'too_long' | 'required';

export function nameProblem(value: string): NameProblem | null {
  const v = value.normalize('NFC').trim();
  if (v.length === 0) return 'required';
  if (v.length > 100) return 'too_long';
  if (/\p{Nd}/u.test(v)) return 'name_has_digits';
  if (FORMAT_CHARS.test(v) || !NAME_CHARS.test(v)) return 'name_invalid_characters';
  return null;
}

/**
 * Given names may be empty: ICAO 9303 allows a name with a surname only (some Malaysian and Indonesian passports
 * have an empty given-names field). Empty says the person has none; anything else is a name like any other.
 */
export function givenNamesProblem(value: string): NameProblem | null {
  return value.normalize('NFC').trim() === '' ? null : nameProblem(value);
}

export type DateProblem = 'invalid_date' | 'date_in_future' | 'date_too_old';

/** A birth date must exist in the calendar, not be after `today`, and not before 1900. */
export function birthDateProblem(value: string, today: string): DateProblem | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return 'invalid_date';
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  if (d.getUTCFullYear() !== +m[1] || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3])
    return 'invalid_date';
  if (value > today) return 'date_in_future';
  if (+m[1] < 1900) return 'date_too_old';
  return null;
}

export function isE164(value: string): boolean {
  return /^\+[1-9]\d{6,14}$/.test(value);
}

const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value) && !/\.\./.test(value);
}

/** Mail domains people most often mistype, and common top-level-domain slips. */
const COMMON_DOMAINS = [
  'gmail.com',
  'outlook.com',
  'hotmail.com',
  'yahoo.com',
  'icloud.com',
  'qq.com',
  '163.com',
  '126.com',
  'foxmail.com',
  'live.com',
  'proton.me',
  'protonmail.com',
  'gmx.de',
  'web.de',
  'sina.com',
];
const TLD_SLIPS: Record<string, string> = {
  con: 'com',
  cmo: 'com',
  ocm: 'com',
  cm: 'com',
  comm: 'com',
  om: 'com',
  nte: 'net',
  ent: 'net',
  rog: 'org',
};

function distance(a: string, b: string): number {
  const dp = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) dp[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      dp[i][j] = Math.min(
        dp[i - 1][j] + 1,
        dp[i][j - 1] + 1,
        dp[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        dp[i][j] = Math.min(dp[i][j], dp[i - 2][j - 2] + 1);
    }
  }
  return dp[a.length][b.length];
}

/** The address the person probably meant, when the domain is one or two keystrokes from a common one. */
export function suggestEmail(value: string): string | null {
  const at = value.lastIndexOf('@');
  if (at < 1) return null;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1).toLowerCase();
  if (COMMON_DOMAINS.includes(domain)) return null;
  const tld = domain.split('.').pop() ?? '';
  if (TLD_SLIPS[tld]) return `${local}@${domain.slice(0, -tld.length)}${TLD_SLIPS[tld]}`;
  let best: { d: string; n: number } | null = null;
  for (const d of COMMON_DOMAINS) {
    const n = distance(domain, d);
    if (n > 0 && n <= (d.length > 6 ? 2 : 1) && (!best || n < best.n)) best = { d, n };
  }
  return best ? `${local}@${best.d}` : null;
}

export function isDocumentNumber(value: string): boolean {
  return /^[A-Za-z0-9]{1,20}$/.test(value);
}

export function isExternalId(value: string): boolean {
  return /^[\x21-\x7e]{1,128}$/.test(value);
}
