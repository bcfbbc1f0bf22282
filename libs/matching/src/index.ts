/**
 * Cross-checks of a document against the registration record and against itself: names through
 * every legitimate MRZ spelling (ICAO transliteration, pinyin, truncation), a card's whole name (Han exactly
 * with traditional and simplified folded, pinyin for mainland cards, the printed English name of an HKID), dates, numbers and
 * nationality codes; the visual zone against the MRZ; expiry with a caller-supplied clock.
 * Pure functions: no I/O, no clock.
 */
export { compareRecord, comparisonStatuses, isNameFieldFormat } from './record.comparison';
export type {
  RegistrationRecord,
  DocumentFields,
  NameFieldFormat,
  ComparedField,
  FieldStatus,
  MatchBasis,
  FieldComparison,
  ComparisonReport,
} from './matching.types';
export { nameSpellings, normalizeMrzName } from './name.spellings';
export { compareFullName } from './full-name.comparison';
export type { RecordNames, PrintedNames } from './full-name.comparison';
export { foldHan } from './han.folding';
export { loadHanTables } from './han.tables';
export { toIsoNationality } from './nationality.codes';
export { compareVisualZone, printsNameExactly } from './visual-zone.comparison';
export type {
  VisualZoneFields,
  VisualZoneField,
  VisualZoneStatus,
  VisualZoneCheck,
  VisualZoneReport,
} from './visual-zone.comparison';
export { isExpired, daysUntilExpiry, checkExpiry, toIsoDate } from './expiry';
export type { Today, ExpiryStatus } from './expiry';
export { MatchingError, MatchingErrorCode } from './matching.error';
