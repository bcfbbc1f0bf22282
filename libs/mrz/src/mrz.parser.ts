import { parse as parseWithMrzPackage } from 'mrz';
import { letterToNumber, numberToLetter } from 'mrz/lib/parse/autoCorrection';
import { isMrzText } from './check-digit';
import { parseFrenchNationalId } from './french-national-id';
import { check, nameWords, safeCheckDigit, trimFillers } from './mrz-fields';
import { birthDateToIso, expiryDateToIso } from './mrz-date';
import { LAYOUTS, MrzLayout, Span } from './mrz.layouts';
import { isKnownCountry, layoutDefects } from './mrz.structure';
import { IcaoFormat, MrzFormat, MrzSex, MRZ_LAYOUTS } from './mrz.types';

/** Fields an ICAO check digit covers. `optionalData` is the TD3 personal number. */
export type MrzCheckField = 'documentNumber' | 'dateOfBirth' | 'expiryDate' | 'optionalData' | 'composite';

/** One verified check digit. */
export interface MrzCheck {
  field: MrzCheckField;
  valid: boolean;
  /** The digit as printed. */
  printed: string;
  /** The digit the data gives, or null when the data holds non-MRZ characters. */
  computed: string | null;
}

/** One OCR digit/letter swap that autocorrection repaired; `line` and `column` are 0-based. */
export interface MrzCorrection {
  line: number;
  column: number;
  from: string;
  to: string;
}

/**
 * Why a parse is not valid: a failed check digit, a date that is no calendar date
 * (`dateOfBirth`, `expiryDate`), a sex outside M/F/X/<, characters outside A-Z0-9<, or
 * an unrecognised `format`.
 */
export type MrzInvalidField = MrzCheckField | 'sex' | 'characters' | 'format';

/** Fields read from an MRZ. Fillers are removed at the ends and kept inside (`121212<1239`). */
export interface MrzFields {
  /** `P`, `ID`, `V`… (trailing filler removed). */
  documentCode: string;
  /** As printed, trailing fillers removed: `UTO`, `D`, `SI`. */
  issuingCountry: string;
  /** Components separated by one space. */
  surname: string;
  givenNames: string;
  /** TD1/TD2 long numbers joined (ICAO Parts 5-6). */
  documentNumber: string;
  nationality: string;
  /** ISO date, null when not a calendar date. Century: 20YY unless after today or after the expiry date, else 19YY. */
  dateOfBirth: string | null;
  /** Raw YYMMDD as printed. */
  dateOfBirthMrz: string;
  sex: MrzSex | null;
  /** ISO date, null when not a calendar date. Century: YY < 70 → 20YY, else 19YY. */
  expiryDate: string | null;
  expiryDateMrz: string;
  /** TD1 line 1 optional data (after a long number's continuation), TD3 personal number, TD2/visa optional field. */
  optionalData: string;
  /** TD1 line 2 optional data; empty for other formats. */
  optionalData2: string;
}

/** Outcome of {@link parseMrz}. Never thrown; a bad MRZ is `valid: false` with reasons. */
export interface MrzParseResult {
  format: MrzFormat | null;
  /** Every check digit verifies, dates are calendar dates, sex and characters are legal. */
  valid: boolean;
  /** The lines the fields were read from (after autocorrection, if any). */
  lines: string[];
  fields: MrzFields;
  checks: MrzCheck[];
  invalidFields: MrzInvalidField[];
  corrections: MrzCorrection[];
  /**
   * `CODE: detail` strings that do not affect `valid`: `UNKNOWN_COUNTRY: issuingCountry BDR`, and where the read
   * breaks the layout outside the check digits, `UNKNOWN_DOCUMENT_CODE: …` and `MISPLACED_FILLER: name`.
   */
  warnings: string[];
}

/** Options of {@link parseMrz}. */
export interface ParseMrzOptions {
  /** Repair OCR letter/digit swaps by field type (letters in numeric fields and vice versa). */
  autocorrect?: boolean;
  /** Reference day for birth-year centuries; defaults to now. */
  today?: Date;
}

/** The pre-2021 French national ID is 2×36 but not ICAO; the mrz package recognises it the same way. */
function isFrenchNationalId(lines: string[]): boolean {
  return /^IDFRA/.test(lines[0]) || /[0-9]/.test(lines[0].slice(30, 35));
}

/**
 * The MRZ format of `lines` from their count, length and first character (V = visa), or null.
 * Lines must already be trimmed.
 */
export function detectMrzFormat(lines: readonly string[]): MrzFormat | null {
  const candidates = (Object.keys(MRZ_LAYOUTS) as IcaoFormat[]).filter((format) => {
    const { lines: count, length } = MRZ_LAYOUTS[format];
    return lines.length === count && lines.every((line) => line.length === length);
  });
  // Same shape for TD3/MRV-A and TD2/MRV-B: the document code decides (V = visa).
  const visa = lines[0]?.startsWith('V') ?? false;
  const format =
    candidates.length === 1 ? candidates[0] : (candidates.find((f) => f.startsWith('MRV') === visa) ?? null);
  if (format === 'TD2' && isFrenchNationalId([...lines])) return 'FRENCH_NATIONAL_ID';
  return format;
}

const EMPTY_FIELDS: MrzFields = {
  documentCode: '',
  issuingCountry: '',
  surname: '',
  givenNames: '',
  documentNumber: '',
  nationality: '',
  dateOfBirth: null,
  dateOfBirthMrz: '',
  sex: null,
  expiryDate: null,
  expiryDateMrz: '',
  optionalData: '',
  optionalData2: '',
};

/**
 * Parses and verifies MRZ lines (TD1, TD2, TD3, MRV-A, MRV-B, and the pre-2021 French national ID). Never
 * throws for bad input.
 *
 * - Check digits are ours (ICAO 7-3-1). A TD1/TD2 long document number verifies with or without
 *   the filler before its continuation: PRADO BEL-BO-11005 needs the ICAO form, BEL-BO-03003 the
 *   other; the second adds the warning `LONG_NUMBER_CHECK_INCLUDES_FILLER`.
 * - An empty TD3 personal number may carry `<` as its check digit.
 * - Unknown country codes (e.g. `BDR`, `132`) are warnings, never invalid: ICAO specials
 *   (UTO, D, XXA-XXX, EUE, UNO…) are accepted.
 * - `autocorrect` repairs only the letter/digit swaps the field type decides (the mrz package's
 *   rule for TD1-TD3, the same table for visas) and lists them in `corrections`; it never tries
 *   substitutions until check digits pass, which would let OCR noise or a forgery through.
 */
export function parseMrz(lines: readonly string[], options: ParseMrzOptions = {}): MrzParseResult {
  const input = lines.map((line) => line.trim()).filter((line) => line.length > 0);
  const format = detectMrzFormat(input);
  if (format === null) {
    return {
      format: null,
      valid: false,
      lines: input,
      fields: { ...EMPTY_FIELDS },
      checks: [],
      invalidFields: ['format'],
      corrections: [],
      warnings: [
        `UNSUPPORTED_FORMAT: ${input.length} line(s) of ${input.map((l) => l.length).join('/')} characters`,
      ],
    };
  }
  if (format === 'FRENCH_NATIONAL_ID') {
    const corrections = options.autocorrect ? autocorrectWithMrzPackage(input) : [];
    const parsed = parseFrenchNationalId(applyCorrections(input, corrections), options.today ?? new Date());
    const french = { ...parsed, corrections };
    // France also issues ICAO TD2 cards (IDFRA…, 2×36): the layout whose check digits verify is the one printed.
    const td2 = parseIcao('TD2', input, options);
    return passedChecks(td2) > passedChecks(french) ? td2 : french;
  }
  return parseIcao(format, input, options);
}

const passedChecks = (parse: MrzParseResult) => parse.checks.filter((c) => c.valid).length;

/** Parses `input` laid out as the ICAO `format`; see {@link parseMrz}. */
function parseIcao(format: IcaoFormat, input: string[], options: ParseMrzOptions): MrzParseResult {
  const layout = LAYOUTS[format];
  const corrections = options.autocorrect ? autocorrect(format, input) : [];
  const text = applyCorrections(input, corrections);
  const warnings: string[] = [];
  const invalid = new Set<MrzInvalidField>();

  const read = ([line, start, end]: Span) => text[line].slice(start, end);
  const number = readDocumentNumber(layout, text, read, warnings);
  const checks: MrzCheck[] = [number.check];
  checks.push(check('dateOfBirth', read(layout.dateOfBirth), charAfter(text, layout.dateOfBirth)));
  checks.push(check('expiryDate', read(layout.expiryDate), charAfter(text, layout.expiryDate)));
  if (layout.optionalDataChecked)
    checks.push(personalNumberCheck(read(layout.optionalData), charAfter(text, layout.optionalData)));
  if (layout.composite) {
    const [line, index] = layout.composite.digit;
    checks.push(check('composite', layout.composite.spans.map(read).join(''), text[line][index]));
  }
  for (const c of checks) if (!c.valid) invalid.add(c.field);

  const expiryDateMrz = read(layout.expiryDate);
  const dateOfBirthMrz = read(layout.dateOfBirth);
  const expiryDate = expiryDateToIso(expiryDateMrz);
  const dateOfBirth = birthDateToIso(dateOfBirthMrz, options.today ?? new Date(), expiryDate);
  if (expiryDate === null) invalid.add('expiryDate');
  if (dateOfBirth === null) invalid.add('dateOfBirth');
  const sexChar = read(layout.sex);
  const sex = isSex(sexChar) ? sexChar : null;
  if (sex === null) invalid.add('sex');
  if (!text.every(isMrzText)) {
    invalid.add('characters');
    warnings.push('NON_MRZ_CHARACTERS: only A-Z, 0-9 and < may appear');
  }

  const [surname, givenNames] = splitName(read(layout.name));
  const fields: MrzFields = {
    documentCode: trimFillers(read(layout.documentCode)),
    issuingCountry: trimFillers(read(layout.issuingCountry)),
    surname,
    givenNames,
    documentNumber: number.value,
    nationality: trimFillers(read(layout.nationality)),
    dateOfBirth,
    dateOfBirthMrz,
    sex,
    expiryDate,
    expiryDateMrz,
    optionalData: trimFillers(number.optionalData ?? read(layout.optionalData)),
    optionalData2: layout.optionalData2 ? trimFillers(read(layout.optionalData2)) : '',
  };
  for (const key of ['issuingCountry', 'nationality'] as const) {
    if (!isKnownCountry(fields[key])) warnings.push(`UNKNOWN_COUNTRY: ${key} ${fields[key]}`);
  }
  warnings.push(
    ...layoutDefects({
      documentCode: read(layout.documentCode),
      name: read(layout.name),
    }),
  );
  return {
    format,
    valid: invalid.size === 0,
    lines: text,
    fields,
    checks,
    invalidFields: [...invalid],
    corrections,
    warnings,
  };
}

function isSex(value: string): value is MrzSex {
  return value === 'M' || value === 'F' || value === 'X' || value === '<';
}

/** ICAO Part 4: an unused personal number may have `<` instead of the digit 0. */
function personalNumberCheck(data: string, printed: string): MrzCheck {
  const result = check('optionalData', data, printed);
  return printed === '<' && /^<*$/.test(data) ? { ...result, valid: true } : result;
}

function charAfter(text: string[], [line, , end]: Span): string {
  return text[line][end] ?? '';
}

/** `SURNAME<<GIVEN<NAMES` → components joined by spaces. */
function splitName(field: string): [string, string] {
  const split = field.indexOf('<<');
  return split < 0
    ? [nameWords(field), '']
    : [nameWords(field.slice(0, split)), nameWords(field.slice(split + 2))];
}

/**
 * Document number and its check. A `<` in the check-digit position of TD1/TD2 announces a long
 * number: its remaining characters, then its check digit, open the optional data.
 */
function readDocumentNumber(
  layout: MrzLayout,
  text: string[],
  read: (span: Span) => string,
  warnings: string[],
): { value: string; check: MrzCheck; optionalData?: string } {
  const head = read(layout.documentNumber);
  const printed = charAfter(text, layout.documentNumber);
  const continuation = layout.longNumberContinuation ? read(layout.longNumberContinuation) : '';
  const run = /^[^<]+/.exec(continuation)?.[0] ?? '';
  if (printed !== '<' || run.length < 2) {
    return { value: trimFillers(head), check: check('documentNumber', head, printed) };
  }
  const rest = run.slice(0, -1);
  const digit = run.slice(-1);
  const withoutFiller = safeCheckDigit(head + rest);
  const withFiller = safeCheckDigit(`${head}<${rest}`);
  const valid = digit === withoutFiller || digit === withFiller;
  if (digit === withFiller && digit !== withoutFiller) warnings.push('LONG_NUMBER_CHECK_INCLUDES_FILLER');
  return {
    value: head + rest,
    check: { field: 'documentNumber', valid, printed: digit, computed: valid ? digit : withoutFiller },
    optionalData: continuation.slice(run.length),
  };
}

function autocorrect(format: IcaoFormat, lines: string[]): MrzCorrection[] {
  // The mrz package lays out visas not at all, and a French TD2 card as the pre-2021 national card.
  const corrections =
    format === 'MRV-A' || format === 'MRV-B' || (format === 'TD2' && isFrenchNationalId(lines))
      ? autocorrectByLayout(format, lines)
      : autocorrectWithMrzPackage(lines);
  return [...corrections, ...roundLettersAsZero(format, lines)];
}

/**
 * The mrz package's swap table has O for 0 but not the other round letters: a recogniser trained on many faces
 * reads a 0 of a face it finds narrow as Q or D. Where the layout allows only a digit (the dates, every check
 * digit), either is a 0; a document number may hold letters, so it is left as read.
 */
function roundLettersAsZero(format: IcaoFormat, lines: string[]): MrzCorrection[] {
  const layout = LAYOUTS[format];
  const digitOnly: [number, number][] = [];
  for (const [line, start, end] of [layout.dateOfBirth, layout.expiryDate]) {
    for (let column = start; column <= end; column++) digitOnly.push([line, column]);
  }
  const [docLine, , docEnd] = layout.documentNumber;
  digitOnly.push([docLine, docEnd]);
  if (layout.optionalDataChecked) digitOnly.push([layout.optionalData[0], layout.optionalData[2]]);
  if (layout.composite) digitOnly.push([...layout.composite.digit]);
  return digitOnly
    .filter(([line, column]) => /^[QD]$/.test(lines[line]?.[column] ?? ''))
    .map(([line, column]) => ({ line, column, from: lines[line][column], to: '0' }));
}

/** The mrz package's field-type autocorrection for TD1-TD3, reported as corrections. */
function autocorrectWithMrzPackage(lines: string[]): MrzCorrection[] {
  let details;
  try {
    details = parseWithMrzPackage(lines, { autocorrect: true }).details;
  } catch {
    return []; // the package refuses lines it cannot lay out; we still verify them as printed
  }
  const seen = new Map<string, MrzCorrection>();
  for (const detail of details) {
    for (const c of detail.autocorrect) {
      seen.set(`${c.line}:${c.column}`, {
        line: c.line,
        column: c.column,
        from: c.original,
        to: c.corrected,
      });
    }
  }
  return [...seen.values()].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The mrz package's swap table on our own layouts: alphabetic and numeric fields only. */
function autocorrectByLayout(format: IcaoFormat, lines: string[]): MrzCorrection[] {
  const layout = LAYOUTS[format];
  const withDigit = ([line, start, end]: Span): Span => [line, start, end + 1];
  const alphabetic = [
    layout.documentCode,
    layout.issuingCountry,
    layout.name,
    layout.nationality,
    layout.sex,
  ];
  const numeric = [withDigit(layout.dateOfBirth), withDigit(layout.expiryDate)];
  const [docLine, , docEnd] = layout.documentNumber;
  numeric.push([docLine, docEnd, docEnd + 1]);
  const corrections: MrzCorrection[] = [];
  const scan = (spans: Span[], swap: (c: string) => string) => {
    for (const [line, start, end] of spans) {
      for (let column = start; column < end; column++) {
        const from = lines[line][column];
        const to = swap(from);
        if (to !== from) corrections.push({ line, column, from, to });
      }
    }
  };
  scan(alphabetic, numberToLetter);
  scan(numeric, letterToNumber);
  return corrections.sort((a, b) => a.line - b.line || a.column - b.column);
}

function applyCorrections(lines: string[], corrections: MrzCorrection[]): string[] {
  const chars = lines.map((line) => [...line]);
  for (const c of corrections) chars[c.line][c.column] = c.to;
  return chars.map((line) => line.join(''));
}
