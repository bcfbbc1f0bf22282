import { CHECK_BLIND_LETTER_AMONG_DIGITS, nameLineOf, type MrzParseResult } from '@idv/mrz';
import type { MrzRead } from '@idv/ocr';
import type { DocumentField, FieldEvidence } from '@idv/verdict';

/** The MRZ fields in the evidence model, as read from `side` with the read's mean confidence. */
export function mrzFieldEvidence(
  parse: MrzParseResult,
  side: 'front' | 'back',
  confidence: number,
  read: { nameLineFitted?: boolean } = {},
): Partial<Record<DocumentField, FieldEvidence>> {
  const f = parse.fields;
  const unknown = (field: 'nationality' | 'issuingCountry') =>
    parse.warnings.some((w) => w.startsWith(`UNKNOWN_COUNTRY: ${field}`));
  const field = (value: string | null, extra: Partial<FieldEvidence> = {}): FieldEvidence => ({
    value,
    source: 'mrz',
    side,
    confidence,
    ...extra,
  });
  // The names share their line with the document code and the issuing state on every layout but TD1's: a code
  // that is none there means the line was read shifted (a mark beside the zone read as a letter), and names cut
  // out of a shifted line prove no difference from the record.
  const shifted =
    parse.format !== 'TD1' &&
    parse.warnings.some((w) => /^(UNKNOWN_COUNTRY: issuingCountry|UNKNOWN_DOCUMENT_CODE)/.test(w));
  const misplaced = parse.warnings.some((w) => w.startsWith('MISPLACED_FILLER'));
  // Several names and no `<<` between any of them: a holder with a surname of two words and no given name, or,
  // far more often, the separator read as one filler (`AYDOGAN<OGUZ`); the surname and the given names cut
  // from it then prove no difference from the record.
  const unseparated = f.givenNames === '' && f.surname.includes(' ');
  // A name line OCR read longer or shorter than the layout and fitted to it lost or gained characters somewhere,
  // perhaps in the names (`GOTZ<<JURGEN` read `GT<<URGEN`, fillers put back at the end): no check digit says where.
  const doubtfulNames = shifted || misplaced || unseparated || read.nameLineFitted === true;
  const name = (value: string | null) => field(value, doubtfulNames ? { doubtful: true } : {});
  // A G or an S among the number's digits weighs in its check digit as the 6 or 8 it is often a misread of
  // (faces other than OCR-B): the check digit that verifies does not show the number was read right.
  const blindSpot = CHECK_BLIND_LETTER_AMONG_DIGITS.test(f.documentNumber ?? '');
  return {
    documentCode: field(f.documentCode),
    issuingCountry: field(f.issuingCountry, unknown('issuingCountry') ? { doubtful: true } : {}),
    documentNumber: field(f.documentNumber, blindSpot ? { doubtful: true } : {}),
    surname: name(f.surname),
    givenNames: name(f.givenNames),
    // Two-digit years: the parser guessed the century from the day and the expiry date.
    dateOfBirth: field(f.dateOfBirth, { centuryGuessed: true }),
    sex: field(f.sex),
    // A code that is no country (`MLD`) is a misread letter far more often than another nationality: no check
    // digit covers it.
    nationality: field(f.nationality, unknown('nationality') ? { doubtful: true } : {}),
    expiryDate: field(f.expiryDate, { centuryGuessed: true }),
  };
}

/**
 * Whether the name line was fitted to the layout's length (OCR read it a character or more long or short) and
 * the second recogniser did not read it alike. The French national card's names share no line of their own.
 */
export function nameLineFitted(parse: MrzParseResult, read: Pick<MrzRead, 'zone' | 'corroborated'>): boolean {
  const line = nameLineOf(parse.format);
  if (line === null) return false;
  const raw = read.zone?.raw[line];
  return raw !== undefined && raw.length !== parse.lines[line].length && !read.corroborated?.[line];
}
