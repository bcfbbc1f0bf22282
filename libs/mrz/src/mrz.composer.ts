import { computeCheckDigit } from './check-digit';
import { isoToMrzDate } from './mrz-date';
import { MrzError, MrzErrorCode } from './mrz.error';
import { fitToWidth, formatMrzName } from './mrz-name';
import { IcaoFormat, MrzDocumentData, MRZ_LAYOUTS } from './mrz.types';
import { transliterate, TransliterationScheme } from './transliteration';

/** Options of {@link composeMrz}. */
export interface ComposeMrzOptions {
  /** Table for names and free text; defaults to `icao`. */
  transliteration?: TransliterationScheme;
}

const DOCUMENT_NUMBER_LENGTH = 9;

/** Width of the optional field that follows the expiry check digit on line 2 (TD1: line 1). */
const OPTIONAL_WIDTH: Readonly<Record<IcaoFormat, number>> = {
  TD1: 15,
  TD2: 7,
  TD3: 14,
  'MRV-A': 16,
  'MRV-B': 8,
};

const SEXES = new Set(['M', 'F', 'X', '<']);

/**
 * The MRZ lines of a document, every check digit computed (ICAO 9303 Parts 4-7).
 *
 * Names and free text are transliterated. A document number longer than 9 characters follows the
 * ICAO long-number rule on TD1 and TD2 (first 9 in the number field, `<` in its check-digit
 * position, the rest plus the check digit of the whole number at the start of the optional data);
 * TD3 and visas have no such rule and keep the first 9 characters, as the mrz-java generator does.
 * An empty TD3 personal number gets the check digit `0` (ICAO allows `0` or `<`).
 *
 * @throws {@link MrzError} `INVALID_DATE`, `FIELD_TOO_LONG` (country codes over 3 characters,
 *   document codes over 2, optional data that does not fit) or `INVALID_ARGUMENT` (unknown
 *   format or sex).
 */
export function composeMrz(data: MrzDocumentData, options: ComposeMrzOptions = {}): string[] {
  const layout = MRZ_LAYOUTS[data.format];
  if (!layout) throw new MrzError(MrzErrorCode.INVALID_ARGUMENT, `format ${String(data.format)}`);
  const field = (text: string) =>
    transliterate(text, { scheme: options.transliteration }).replace(/ /g, '<').replace(/<+$/, '');
  const fixed = (name: string, text: string, width: number) => {
    const value = field(text);
    if (value.length > width)
      throw new MrzError(MrzErrorCode.FIELD_TOO_LONG, `${name} ${JSON.stringify(text)}`);
    return fitToWidth(value, width);
  };
  const sex = data.sex.toUpperCase();
  if (!SEXES.has(sex)) throw new MrzError(MrzErrorCode.INVALID_ARGUMENT, `sex ${JSON.stringify(data.sex)}`);

  const header =
    fixed('documentCode', data.documentCode, 2) + fixed('issuingCountry', data.issuingCountry, 3);
  const nationality = fixed('nationality', data.nationality, 3);
  const birth = withCheckDigit(isoToMrzDate(data.dateOfBirth));
  const expiry = withCheckDigit(isoToMrzDate(data.expiryDate));
  const number = documentNumberFields(data.format, field(data.documentNumber));
  const optional = fixed(
    'optionalData',
    number.overflow + field(data.optionalData ?? ''),
    OPTIONAL_WIDTH[data.format],
  );
  const nameWidth = data.format === 'TD1' ? layout.length : layout.length - 5;
  const name = formatMrzName(data.surname, data.givenNames, nameWidth, { scheme: options.transliteration });

  switch (data.format) {
    case 'TD1': {
      const line1 = header + number.field + optional;
      const line2 = birth + sex + expiry + nationality + fixed('optionalData2', data.optionalData2 ?? '', 11);
      // TD1 composite: line 1 after the issuer, line 2 without sex and nationality.
      const composite = computeCheckDigit(
        line1.slice(5) + line2.slice(0, 7) + line2.slice(8, 15) + line2.slice(18),
      );
      return [line1, line2 + composite, name];
    }
    case 'TD2': {
      const line2 = number.field + nationality + birth + sex + expiry + optional;
      return [header + name, line2 + compositeOf(line2)];
    }
    case 'TD3': {
      const line2 = number.field + nationality + birth + sex + expiry + withCheckDigit(optional);
      return [header + name, line2 + compositeOf(line2)];
    }
    case 'MRV-A':
    case 'MRV-B':
      return [header + name, number.field + nationality + birth + sex + expiry + optional];
  }
}

function withCheckDigit(value: string): string {
  return value + computeCheckDigit(value);
}

/** Composite of a TD2/TD3 line 2: everything except the nationality and sex. */
function compositeOf(line2: string): string {
  return computeCheckDigit(line2.slice(0, 10) + line2.slice(13, 20) + line2.slice(21));
}

/** Number field with its check digit, and what overflows into the optional data (long-number rule). */
function documentNumberFields(format: IcaoFormat, number: string): { field: string; overflow: string } {
  if (
    number.length <= DOCUMENT_NUMBER_LENGTH ||
    format === 'TD3' ||
    format === 'MRV-A' ||
    format === 'MRV-B'
  ) {
    return { field: withCheckDigit(fitToWidth(number, DOCUMENT_NUMBER_LENGTH)), overflow: '' };
  }
  return {
    field: number.slice(0, DOCUMENT_NUMBER_LENGTH) + '<',
    // A filler closes the continuation so that optional data can follow (ICAO Part 5 note on long numbers).
    overflow: number.slice(DOCUMENT_NUMBER_LENGTH) + computeCheckDigit(number) + '<',
  };
}
