/**
 * ICAO 9303 machine-readable zone: check digits, transliteration, composition and parsing.
 * Pure functions; {@link MrzError} is thrown only for programmer errors.
 */
export { computeCheckDigit } from './check-digit';
export { composeMrz } from './mrz.composer';
export type { ComposeMrzOptions } from './mrz.composer';
export { MrzError, MrzErrorCode } from './mrz.error';
export { formatMrzName, formatMrzText } from './mrz-name';
export { detectMrzFormat, parseMrz } from './mrz.parser';
export {
  CHECK_BLIND_LETTER_AMONG_DIGITS,
  DIGIT_LIKE_LETTER_AMONG_DIGITS,
  DIGITS_READ_AS_LETTER,
  isKnownCountry,
  noCalendarDay,
} from './mrz.structure';
export { nameLineOf, numberLineOf, numberSpanOf, printedFieldAt, printedFieldSpan } from './mrz.layouts';
export type { PrintedField } from './mrz.layouts';
export type {
  MrzCheck,
  MrzCheckField,
  MrzCorrection,
  MrzFields,
  MrzInvalidField,
  MrzParseResult,
  ParseMrzOptions,
} from './mrz.parser';
export type { IcaoFormat, MrzDocumentData, MrzFormat, MrzSex } from './mrz.types';
export { transliterate, transliterationVariants } from './transliteration';
export type { TransliterationOptions, TransliterationScheme } from './transliteration';
