/**
 * Identity numbers that carry their own integrity checks, as pure functions: the PRC citizen number of
 * GB 11643-1999 (Resident Identity Card, Residence Permit for Hong Kong, Macao and Taiwan residents) with the
 * GB/T 2260 division codes it starts with and the validity term its card must have, and the Hong Kong Identity
 * Card number. Used by the registration checks and by the card readers alike.
 */
export { citizenCheckCharacter, normaliseCitizenNumber, parseCitizenNumber } from './citizen-number';
export type { CitizenNumber, CitizenNumberKind } from './citizen-number';
export { divisionKnown, divisionName } from './division-codes';
export { checkValidityTerm } from './validity-term';
export type {
  ValidityTerm,
  ValidityTermCheck,
  ValidityTermInput,
  ValidityTermProblem,
} from './validity-term';
export { hkidCheckDigit, parseHkidNumber } from './hkid-number';
export type { HkidNumber } from './hkid-number';
