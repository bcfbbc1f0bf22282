import { isKnownCountry, noCalendarDay, parseMrz } from '@idv/mrz';
import type { MrzParseResult } from '@idv/mrz';
import { MrzLayout } from './ocr.types';

/** Check-digit verdict on a set of fitted MRZ lines. */
export interface MrzCheck {
  format: MrzLayout | null;
  /** Lines with the field-aware OCR corrections applied (a digit field holding `O` reads `0`, ...). */
  lines: string[];
  valid: boolean;
  passed: number;
  total: number;
  /** Raw YYMMDD dates, the document number and the optional data, for scoring and cross-checks. */
  documentNumber: string | null;
  optionalData: string | null;
  birthDate: string | null;
  expiryDate: string | null;
  /** How many of the issuing state and the nationality are codes that exist (0–2): no check digit covers them. */
  knownCountries: number;
  /**
   * Fields the layout cannot hold as read: a check digit that is a letter (none the parser reads as a digit),
   * a sex other than M, F, X or `<`, six digits of a date that is no calendar day. A reading wrong there for
   * certain.
   */
  impossibleFields: number;
}

const EMPTY = {
  format: null,
  valid: false,
  passed: 0,
  total: 0,
  documentNumber: null,
  optionalData: null,
  birthDate: null,
  expiryDate: null,
  knownCountries: 0,
  impossibleFields: 0,
};

/**
 * Verifies the check digits of OCR'd lines. Only check digits count here: a specimen from the ICAO test
 * state UTO, or an odd date, is still a correct reading; judging the document is the caller's business.
 * Field-aware correction (digits where the format wants digits) is a rule of the parser, not a search.
 */
export function checkMrzLines(lines: string[]): MrzCheck {
  const parsed = reconcileCountries(parseMrz(lines, { autocorrect: true }));
  if (parsed.format) {
    const passed = parsed.checks.filter((c) => c.valid).length;
    return {
      format: parsed.format,
      lines: parsed.lines,
      valid: parsed.checks.length > 0 && passed === parsed.checks.length,
      passed,
      total: parsed.checks.length,
      documentNumber: parsed.fields.documentNumber || null,
      optionalData: parsed.fields.optionalData || null,
      birthDate: parsed.fields.dateOfBirthMrz || null,
      expiryDate: parsed.fields.expiryDateMrz || null,
      knownCountries: [parsed.fields.issuingCountry, parsed.fields.nationality].filter(isKnownCountry).length,
      impossibleFields: impossibleFields(parsed),
    };
  }
  return { ...EMPTY, lines };
}

/** See MrzCheck.impossibleFields. A date left unknown (`<<` for the day) is no impossible one. */
function impossibleFields(parsed: MrzParseResult): number {
  const f = parsed.fields;
  return (
    parsed.checks.filter((c) => !/^[0-9<]$/.test(c.printed)).length +
    (f.sex === null ? 1 : 0) +
    (noCalendarDay(f.dateOfBirthMrz, f.dateOfBirth) ? 1 : 0) +
    (noCalendarDay(f.expiryDateMrz, f.expiryDate) ? 1 : 0)
  );
}

/**
 * How well the lines look like the start of an MRZ of `format` where no check digit covers them: a
 * document code letter, then an issuing state starting with a letter (0–2). Breaks ties between alignments
 * of the name line, which has no check digit.
 */
export function structureScore(lines: string[]): number {
  const first = lines[0] ?? '';
  let score = 0;
  if (/^[ACIPV]/.test(first)) score++;
  if (/^.[A-Z<][A-Z][A-Z<]{2}/.test(first)) score++;
  return score;
}

/** Where the issuing state and the nationality sit, per layout: [line, start]. */
const COUNTRY_AT: Record<string, { issuingCountry: [number, number]; nationality: [number, number] }> = {
  TD1: { issuingCountry: [0, 2], nationality: [1, 15] },
  TD2: { issuingCountry: [0, 2], nationality: [1, 10] },
  TD3: { issuingCountry: [0, 2], nationality: [1, 10] },
  'MRV-A': { issuingCountry: [0, 2], nationality: [1, 10] },
  'MRV-B': { issuingCountry: [0, 2], nationality: [1, 10] },
};

/**
 * No check digit covers the country codes. When one of the two is no known code and differs from the other,
 * known one in a single character, it is that code misread (most holders are nationals of the issuer):
 * `MLD` beside `NLD` is `NLD`. Two known, different codes are left alone (a foreign national's permit).
 */
function reconcileCountries(parsed: MrzParseResult): MrzParseResult {
  const at = parsed.format ? COUNTRY_AT[parsed.format] : undefined;
  const unknown = parsed.warnings
    .filter((w) => w.startsWith('UNKNOWN_COUNTRY: '))
    .map((w) => w.split(' ')[1]);
  if (!at || unknown.length !== 1) return parsed;
  const bad = unknown[0] as 'issuingCountry' | 'nationality';
  const good = bad === 'nationality' ? 'issuingCountry' : 'nationality';
  const [line, start] = at[bad];
  const wrong = parsed.lines[line].slice(start, start + 3);
  const right = parsed.lines[at[good][0]].slice(at[good][1], at[good][1] + 3);
  const differences = [...wrong].filter((ch, i) => ch !== right[i]).length;
  if (differences !== 1 || /</.test(right)) return parsed;
  const lines = parsed.lines.map((l, i) => (i === line ? l.slice(0, start) + right + l.slice(start + 3) : l));
  return {
    ...parsed,
    lines,
    fields: { ...parsed.fields, [bad]: right },
    warnings: parsed.warnings.filter((w) => !w.includes(`${bad} `)),
  };
}
