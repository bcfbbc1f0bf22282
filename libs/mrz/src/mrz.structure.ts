import { states } from 'mrz';

/** ICAO codes the mrz package knows (ISO 3166 and ICAO's own: D, GBD, UNO, XXA…) plus the ICAO test state. */
const KNOWN_COUNTRIES: ReadonlySet<string> = new Set([...Object.keys(states), 'UTO']);

/** Whether `code` (fillers trimmed: `D`, `UTO`, `GBD`) is an issuing state or nationality ICAO 9303 knows. */
export function isKnownCountry(code: string): boolean {
  return KNOWN_COUNTRIES.has(code);
}

/**
 * A letter OCR makes of a digit (O, I, B, Z, S, G, D, Q) standing among digits, in a field where letters may stand
 * too (the document number, the optional data): the parser cannot tell which it is, and a check digit that passes
 * with it may pass by chance.
 */
export const DIGIT_LIKE_LETTER_AMONG_DIGITS = /\d[OIBZSGDQ]+\d/;

/** The digits OCR reads each of those letters for (S for 5 and for 8). */
export const DIGITS_READ_AS_LETTER: Readonly<Record<string, string>> = {
  O: '0',
  D: '0',
  Q: '0',
  I: '1',
  Z: '2',
  B: '8',
  S: '58',
  G: '6',
};

/** Of those, the letters that weigh in a check digit as a digit does (G as 6, S as 8): no check digit sees them. */
export const CHECK_BLIND_LETTER_AMONG_DIGITS = /\d[GS]+\d/;

/** Six digits of a date that are no calendar day (month 94): the parser left its ISO date null. */
export function noCalendarDay(raw: string, iso: string | null): boolean {
  return /^\d{6}$/.test(raw) && iso === null;
}

/** Fields of an ICAO layout, as printed with their fillers, whose shape is fixed though no check digit covers them. */
export interface UncoveredFields {
  documentCode: string;
  name: string;
}

/**
 * Where a read breaks the layout's own rules outside the check digits, as `CODE: field` warnings: a document
 * code ICAO does not define (its first letter is A, C, I, P or V), and a name field with letters after its
 * padding (a run of three or more fillers ends the names). A genuine document breaks none
 * of them; a read that does has characters shifted, dropped or misread, whatever its check digits say. (A
 * country code that is none is the parser's `UNKNOWN_COUNTRY`.)
 */
export function layoutDefects(f: UncoveredFields): string[] {
  const defects: string[] = [];
  if (!/^[ACIPV][A-Z<]$/.test(f.documentCode)) defects.push(`UNKNOWN_DOCUMENT_CODE: ${f.documentCode}`);
  if (/<{3,}[^<]/.test(f.name)) defects.push('MISPLACED_FILLER: name');
  return defects;
}
