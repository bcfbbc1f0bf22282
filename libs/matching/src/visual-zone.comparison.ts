import { transliterationVariants } from '@idv/mrz';
import { editDistance } from './edit-distance';
import { parseIsoDate } from './iso-date';
import { normalizeMrzName, printedSpellings } from './name.spellings';
import { findPrintedDates, PrintedDate } from './viz-date.parser';

/** The MRZ values the visual zone is checked against (names with `<` turned into spaces, ISO dates). */
export interface VisualZoneFields {
  surname?: string | null;
  givenNames?: string | null;
  dateOfBirth?: string | null;
  expiryDate?: string | null;
  documentNumber?: string | null;
}

/** Fields {@link compareVisualZone} reports on. */
export type VisualZoneField = keyof VisualZoneFields;

/**
 * - `agree`: the visual zone shows the MRZ value;
 * - `near`: it shows it with one OCR slip per word (or O/0, I/1 in the number);
 * - `disagree`: it shows a value that contradicts the MRZ (a fraud or tampering signal);
 * - `not_found`: the OCR text does not show the value either way.
 */
export type VisualZoneStatus = 'agree' | 'near' | 'disagree' | 'not_found';

/** One field of a {@link VisualZoneReport}. */
export interface VisualZoneCheck {
  status: VisualZoneStatus;
  /** The MRZ value. */
  expected: string;
  /** What the visual zone showed, when it was found. */
  found: string | null;
}

/** Result of {@link compareVisualZone}. */
export interface VisualZoneReport {
  /** Only fields the MRZ provided. */
  fields: { [K in VisualZoneField]?: VisualZoneCheck };
  agreements: VisualZoneField[];
  disagreements: VisualZoneField[];
  /** No field disagrees. A field that was not found is not a disagreement: visual-zone OCR is unreliable. */
  consistent: boolean;
}

/** Words of the visual zone under every transliteration an issuer may print (MÜLLER reads as MUELLER and MULLER). */
function vizWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const variant of transliterationVariants(text)) {
    for (const word of normalizeMrzName(variant).split(' ')) if (word) out.add(word);
  }
  return out;
}

/**
 * Every MRZ name word must appear in the visual zone (in print its ICAO digraphs may be letters with diacritics,
 * see {@link printedSpellings}), or be the start of a printed word (the MRZ truncates long names, down to
 * initials). One OCR slip per word of four letters or more makes it `near`.
 */
function checkName(expected: string, words: Set<string>): VisualZoneCheck {
  const wanted = normalizeMrzName(expected).split(' ').filter(Boolean);
  const all = [...words];
  let near = false;
  const found: string[] = [];
  for (const word of wanted) {
    const spellings = printedSpellings(word);
    const exact =
      spellings.find((w) => words.has(w)) ?? all.find((w) => spellings.some((v) => w.startsWith(v)));
    // One slip from any printed spelling: LØVLIE read as LBVLIE is one from LOVLIE, two from the MRZ's LOEVLIE.
    const close =
      exact ??
      (word.length >= 4 ? all.find((w) => spellings.some((v) => editDistance(w, v) <= 1)) : undefined);
    if (close === undefined) return { status: 'not_found', expected, found: null };
    near ||= exact === undefined;
    found.push(close);
  }
  return { status: near ? 'near' : 'agree', expected, found: found.join(' ') };
}

/**
 * Whether the visual zone prints every word of `name` whole, as written (in some transliteration): no
 * truncation and no OCR slack. Tells "the page shows the registered spelling" apart from "the page shows a
 * longer or slightly different name".
 */
export function printsNameExactly(name: string, vizText: string): boolean {
  const wanted = normalizeMrzName(name).split(' ').filter(Boolean);
  const words = vizWords(vizText);
  return wanted.length > 0 && wanted.every((w) => words.has(w));
}

const digits = (d: { yy: number; month: number; day: number }): string =>
  [d.yy, d.month, d.day].map((n) => String(n).padStart(2, '0')).join('');

type Relation = 'equal' | 'near' | 'other';

function relate(printed: PrintedDate, iso: string): Relation {
  const mrz = parseIsoDate(iso);
  const sameYear = printed.year === null ? printed.yy === mrz.year % 100 : printed.year === mrz.year;
  if (sameYear && printed.month === mrz.month && printed.day === mrz.day) return 'equal';
  const a = digits(printed);
  const b = digits({ yy: mrz.year % 100, month: mrz.month, day: mrz.day });
  const oneDigit = [...a].filter((c, i) => c !== b[i]).length === 1;
  return oneDigit && (printed.year === null || Math.abs(printed.year - mrz.year) < 10) ? 'near' : 'other';
}

/**
 * The printed date as a sortable number; a two-digit year takes the century that puts it closest to
 * `referenceYear`, the MRZ's year (the MRZ made the same guess).
 */
function ordinal(d: PrintedDate, referenceYear: number): number {
  let year = d.year;
  if (year === null) {
    year = referenceYear - (referenceYear % 100) + d.yy;
    if (year - referenceYear > 50) year -= 100;
    else if (referenceYear - year > 50) year += 100;
  }
  return year * 10_000 + d.month * 100 + d.day;
}

/**
 * A printed date contradicts the MRZ date when it cannot be another date of the document: for the
 * birth date, a date before it (nothing on a document predates the holder); for the expiry date, a
 * date after it. Same-day-month dates in other years are not used: issue dates and birthday-aligned
 * expiries produce them legitimately.
 */
function contradicts(printed: PrintedDate, iso: string, role: 'dateOfBirth' | 'expiryDate'): boolean {
  const mrz = parseIsoDate(iso);
  const p = ordinal(printed, mrz.year);
  const m = mrz.year * 10_000 + mrz.month * 100 + mrz.day;
  return role === 'dateOfBirth' ? p < m : p > m;
}

function checkDate(iso: string, dates: PrintedDate[][], role: 'dateOfBirth' | 'expiryDate'): VisualZoneCheck {
  let near: PrintedDate | undefined;
  let contradiction: PrintedDate | undefined;
  for (const readings of dates) {
    const relations = readings.map((r) => relate(r, iso));
    const equal = relations.indexOf('equal');
    if (equal >= 0) return { status: 'agree', expected: iso, found: readings[equal].text };
    const nearIndex = relations.indexOf('near');
    if (nearIndex >= 0) near ??= readings[nearIndex];
    // An ambiguous numeric date contradicts only if every reading of it does.
    else if (readings.every((r) => contradicts(r, iso, role))) contradiction ??= readings[0];
  }
  if (near) return { status: 'near', expected: iso, found: near.text };
  if (contradiction) return { status: 'disagree', expected: iso, found: contradiction.text };
  return { status: 'not_found', expected: iso, found: null };
}

// Page OCR reads a printed S as `$` (the Japanese passport's `XS1234567` as `X$1234567`); no document number holds
// a `$`, so it is taken as the S it stands for rather than dropped with the other punctuation.
const compactNumber = (s: string): string =>
  s
    .toUpperCase()
    .replace(/\$/g, 'S')
    .replace(/[^A-Z0-9]/g, '');
const foldOcr = (s: string): string => s.replace(/O/g, '0').replace(/I/g, '1');

function checkDocumentNumber(expected: string, text: string): VisualZoneCheck {
  const number = compactNumber(expected);
  const haystack = compactNumber(text);
  if (haystack.includes(number)) return { status: 'agree', expected, found: expected };
  if (foldOcr(haystack).includes(foldOcr(number))) return { status: 'near', expected, found: null };
  return { status: 'not_found', expected, found: null };
}

const present = (value: string | null | undefined): value is string =>
  typeof value === 'string' && value.trim() !== '';
const isIsoDate = (value: string | null | undefined): value is string =>
  present(value) && /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * Checks the visual zone (OCR text of the printed page) against the MRZ: a genuine document prints
 * the same names and dates in both, so a contradiction is a tampering signal. Names and the document
 * number can only be found or not; dates can also contradict (an altered year, a birth date earlier
 * than the MRZ's). Absence is never a disagreement, because OCR of the visual zone misses a lot.
 */
export function compareVisualZone(mrzFields: VisualZoneFields, vizText: string): VisualZoneReport {
  const fields: VisualZoneReport['fields'] = {};
  const words = vizWords(vizText);
  const dates = findPrintedDates(vizText);
  if (present(mrzFields.surname)) fields.surname = checkName(mrzFields.surname, words);
  if (present(mrzFields.givenNames)) fields.givenNames = checkName(mrzFields.givenNames, words);
  if (isIsoDate(mrzFields.dateOfBirth))
    fields.dateOfBirth = checkDate(mrzFields.dateOfBirth, dates, 'dateOfBirth');
  if (isIsoDate(mrzFields.expiryDate))
    fields.expiryDate = checkDate(mrzFields.expiryDate, dates, 'expiryDate');
  if (present(mrzFields.documentNumber))
    fields.documentNumber = checkDocumentNumber(mrzFields.documentNumber, vizText);
  const entries = Object.entries(fields) as [VisualZoneField, VisualZoneCheck][];
  const agreements = entries.filter(([, c]) => c.status === 'agree' || c.status === 'near').map(([f]) => f);
  const disagreements = entries.filter(([, c]) => c.status === 'disagree').map(([f]) => f);
  return { fields, agreements, disagreements, consistent: disagreements.length === 0 };
}
