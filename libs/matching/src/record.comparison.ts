import { editDistance, similarity } from './edit-distance';
import type {
  ComparedField,
  ComparisonReport,
  DocumentFields,
  FieldStatus,
  FieldComparison,
  MatchBasis,
  NameFieldFormat,
  RegistrationRecord,
} from './matching.types';
import { compareFullName, compareWholeWithParts } from './full-name.comparison';
import { bestNameRelation, fromRelation } from './name.comparison';
import { nameSpellings, normalizeMrzName, printedSpellings } from './name.spellings';
import { toIsoNationality } from './nationality.codes';

/** Width of the MRZ name field (surname, `<<`, given names) per layout. */
const NAME_FIELD_WIDTH: Readonly<Record<Exclude<NameFieldFormat, 'FRENCH_NATIONAL_ID'>, number>> = {
  TD1: 30,
  TD2: 31,
  TD3: 39,
  'MRV-A': 39,
  'MRV-B': 31,
};

/** Whether `format` is an MRZ layout whose name field has a fixed width (so names may be truncated). */
export function isNameFieldFormat(format: string | null | undefined): format is NameFieldFormat {
  return format === 'FRENCH_NATIONAL_ID' || (typeof format === 'string' && format in NAME_FIELD_WIDTH);
}

const present = (value: string | null | undefined): value is string =>
  typeof value === 'string' && value.trim() !== '';

function missing(expected: string | null | undefined, found: string | null | undefined): FieldComparison {
  return {
    status: 'missing',
    score: 0,
    near: false,
    basis: null,
    expected: expected ?? null,
    found: found ?? null,
  };
}

/** A field that is either equal or not, with no near misses (sex, empty names). */
function equalityOf(equal: boolean, expected: string, found: string): FieldComparison {
  return {
    status: equal ? 'match' : 'mismatch',
    score: equal ? 1 : 0,
    near: false,
    basis: equal ? 'exact' : null,
    expected,
    found,
  };
}

/**
 * Whether the issuer may have truncated the names: said outright, implied by a full name field of the
 * known layout, or, with nothing known, a name exactly as long as one of the MRZ name-field widths.
 */
function truncationPossible(document: DocumentFields): boolean {
  if (typeof document.nameTruncated === 'boolean') return document.nameTruncated;
  const surname = normalizeMrzName(document.surname ?? '');
  const given = normalizeMrzName(document.givenNames ?? '');
  const length = given ? surname.length + 2 + given.length : surname.length;
  // The French national ID has a surname field of 25 characters and a given-names field of 14.
  if (document.format === 'FRENCH_NATIONAL_ID') return surname.length >= 25 || given.length >= 14;
  if (document.format) return length >= NAME_FIELD_WIDTH[document.format];
  return Object.values(NAME_FIELD_WIDTH).includes(length);
}

function compareName(
  expected: string,
  found: string | null | undefined,
  role: 'surname' | 'givenNames',
  truncated: boolean,
): FieldComparison {
  if (typeof found !== 'string') return missing(expected, found);
  // A read but empty name field is a value: people with a single name have no given names.
  if (!present(expected) || !present(found)) {
    const equal = present(expected) === present(found);
    return equalityOf(equal, expected, found);
  }
  // An ICAO digraph (Ø → OE, Ä → AE, Ü → UE, Å → AA) on either side may be the bare letter on the other: a
  // keyboard without the diacritic gives JORGEN for JØRGEN, and issuers print BJORK or BJOERK for BJÖRK. The
  // same name, a `spelling` match.
  const spellings = [...new Set(nameSpellings(expected, role).flatMap(printedSpellings))];
  return fromRelation(
    bestNameRelation(spellings, printedSpellings(normalizeMrzName(found)), truncated),
    expected,
    found,
  );
}

/** Surname and given names exchanged on one side: both fields become near misses instead of mismatches. */
function detectSwappedNames(
  record: RegistrationRecord,
  document: DocumentFields,
  surname: FieldComparison,
  givenNames: FieldComparison,
): void {
  if (surname.status !== 'mismatch' || givenNames.status !== 'mismatch') return;
  if (surname.near || givenNames.near) return;
  const crossSurname = compareName(record.surname, document.givenNames, 'surname', false);
  const crossGiven = compareName(record.givenNames, document.surname, 'givenNames', false);
  if (crossSurname.status === 'match' && crossGiven.status === 'match') {
    for (const field of [surname, givenNames]) {
      field.near = true;
      field.basis = 'swapped_fields';
    }
  }
}

/** The year of a `YYYY-MM-DD` date, or `null` if it is not in that form. */
function yearOf(date: string): number | null {
  const match = /^(\d{4})-\d{2}-\d{2}$/.exec(date);
  return match ? Number(match[1]) : null;
}

/**
 * Dates must be equal. The only near miss is a 100-year difference: the MRZ stores two-digit years
 * and the parser had to guess the century (a person born in 1924 read as 2024).
 */
function compareDate(expected: string, found: string | null | undefined): FieldComparison {
  if (!present(expected) || !present(found)) return missing(expected, found);
  if (expected === found) return { status: 'match', score: 1, near: false, basis: 'exact', expected, found };
  const [ey, fy] = [yearOf(expected), yearOf(found)];
  const century =
    ey !== null && fy !== null && Math.abs(ey - fy) === 100 && expected.slice(4) === found.slice(4);
  return {
    status: 'mismatch',
    score: similarity(expected, found),
    near: century,
    basis: century ? 'century' : null,
    expected,
    found,
  };
}

/** Characters OCR confuses in document numbers, folded onto the digit. */
const OCR_FOLD: Readonly<Record<string, string>> = { O: '0', I: '1' };
// An HKID number is printed A123456(3) and typed A1234563: brackets are layout, not the number.
const normalizeNumber = (value: string): string => value.replace(/[<\s()-]/g, '').toUpperCase();
const foldOcr = (value: string): string => value.replace(/[OI]/g, (c) => OCR_FOLD[c]);

/**
 * Letters OCR reads for a digit (or the other way round) whose ICAO values differ from it by a multiple of 10
 * (G = 16, S = 28, L = 21): a check digit comes out the same either way, so it cannot tell them apart.
 */
const CHECK_BLIND: Readonly<Record<string, string>> = { G: '6', S: '8', L: '1' };
const foldBlind = (value: string): string => value.replace(/[GSL]/g, (c) => CHECK_BLIND[c]);

/**
 * Document numbers ignore fillers, spaces and case. O/0 and I/1 differences are reported as near,
 * never as a match: the MRZ check digit tells them apart, so either the record or the read is wrong.
 * G/6, S/8 and L/1 differences are near as well (`check_blind`), and stay so whatever check digit verifies.
 */
function compareDocumentNumber(expected: string, found: string | null | undefined): FieldComparison {
  if (!present(expected) || !present(found)) return missing(expected, found);
  const [e, f] = [normalizeNumber(expected), normalizeNumber(found)];
  if (e === f) return { status: 'match', score: 1, near: false, basis: 'exact', expected, found };
  const score = similarity(e, f);
  let basis: MatchBasis | null = null;
  if (foldBlind(e) === foldBlind(f)) basis = 'check_blind';
  else if (foldOcr(e) === foldOcr(f)) basis = 'ocr_ambiguous';
  else if (editDistance(e, f) <= 1) basis = 'one_edit';
  return { status: 'mismatch', score, near: basis !== null, basis, expected, found };
}

function compareNationality(expected: string, found: string | null | undefined): FieldComparison {
  if (!present(expected) || !present(found)) return missing(expected, found);
  const [e, f] = [toIsoNationality(expected), toIsoNationality(found)];
  if (e !== f) return { status: 'mismatch', score: 0, near: false, basis: null, expected, found };
  const alias = found.replace(/[<\s]/g, '').toUpperCase() !== e;
  return { status: 'match', score: 1, near: false, basis: alias ? 'code_alias' : 'exact', expected, found };
}

/** `<` and `X` both mean unspecified in the MRZ. */
const normalizeSex = (value: string): string => {
  const v = value.trim().toUpperCase();
  return v === '<' || v === '' ? 'X' : v;
};

function compareSex(expected: string, found: string | null | undefined): FieldComparison {
  if (!present(expected) || typeof found !== 'string' || found === '') return missing(expected, found);
  const equal = normalizeSex(expected) === normalizeSex(found);
  return equalityOf(equal, expected, found);
}

/**
 * The names part of the report. A card that prints one name field is compared as a whole name
 * ({@link compareFullName}); a record that gives only the whole name is compared with the MRZ's surname and given
 * names taken together, and reported as `fullName`; otherwise surname and given names field by field.
 */
function compareNames(record: RegistrationRecord, document: DocumentFields): ComparisonReport {
  // A card states its name in one field; read or not (null), that field is what the record is compared with.
  if (document.fullName !== undefined || document.chineseName !== undefined)
    return { fullName: compareFullName(record, document) };
  const truncated = truncationPossible(document);
  if (present(record.fullName) && !present(record.surname) && !present(record.givenNames)) {
    if (typeof document.surname !== 'string') return { fullName: missing(record.fullName, document.surname) };
    const parts = { surname: document.surname, givenNames: document.givenNames ?? '' };
    return { fullName: compareWholeWithParts(record.fullName, parts, truncated) };
  }
  const surname = compareName(record.surname, document.surname, 'surname', truncated);
  const givenNames = compareName(record.givenNames, document.givenNames, 'givenNames', truncated);
  detectSwappedNames(record, document, surname, givenNames);
  return { surname, givenNames };
}

/**
 * Cross-checks the fields read from a document against the registration record. Names are compared
 * through every legitimate spelling of the registered name (ICAO transliteration variants, pinyin
 * for Han characters, the issuer's truncation, traditional and simplified characters); near misses are flagged
 * so that the verdict can send them to a person. `documentNumber` and `sex` are reported only when the record
 * has them.
 */
export function compareRecord(record: RegistrationRecord, document: DocumentFields): ComparisonReport {
  const report: ComparisonReport = {
    ...compareNames(record, document),
    dateOfBirth: compareDate(record.dateOfBirth, document.dateOfBirth),
    nationality: compareNationality(record.nationality, document.nationality),
  };
  if (present(record.documentNumber))
    report.documentNumber = compareDocumentNumber(record.documentNumber, document.documentNumber);
  if (present(record.sex)) report.sex = compareSex(record.sex, document.sex);
  return report;
}

/** The report as the contract's `checks.comparison` object: each compared field's status only. */
export function comparisonStatuses(report: ComparisonReport): Partial<Record<ComparedField, FieldStatus>> {
  return Object.fromEntries(Object.entries(report).map(([field, comparison]) => [field, comparison.status]));
}
