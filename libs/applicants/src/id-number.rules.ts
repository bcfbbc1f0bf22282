import { parseCitizenNumber, parseHkidNumber } from '@idv/id-numbers';
import type { FieldErrorCode } from './field-hints';
import { birthDateProblem } from './record.rules';

/** The fields of a record an identity number must agree with. */
export interface IdNumberFacts {
  documentType?: string | null;
  nationality?: string | null;
  documentNumber?: string | null;
  dateOfBirth?: string | null;
  sex?: string | null;
}

/** The fields whose change makes the number worth checking again. */
export const ID_NUMBER_FACTS = [
  'documentType',
  'nationality',
  'documentNumber',
  'dateOfBirth',
  'sex',
] as const;

const HKID_PRINTED = /^([A-Z]{1,2}\d{6})\(([0-9A])\)$/;

/** `A123456(3)` as the card prints it is `A1234563`; every other number only loses its case. */
export function normaliseDocumentNumber(value: string): string {
  const v = value.trim().toUpperCase();
  return v.replace(HKID_PRINTED, '$1$2');
}

/** A PRC citizen number by the record's own word, or by the look of it on a Chinese national's record. */
function isCitizenNumber(facts: IdNumberFacts, number: string): boolean {
  return (
    facts.documentType === 'cn_resident_id' || (facts.nationality === 'CHN' && /^\d{17}[\dX]$/.test(number))
  );
}

/** What is wrong with a citizen number on this record, or `null`. */
function citizenProblem(facts: IdNumberFacts, number: string): FieldErrorCode | null {
  const parsed = parseCitizenNumber(number);
  if (!parsed?.checkCharacterValid) return 'id_number_check_failed';
  const birth = facts.dateOfBirth;
  if (birth && birthDateProblem(birth, '9999-12-31') === null && parsed.birthDate !== birth)
    return 'id_number_birth_date_mismatch';
  // X (unspecified) is no claim a number's parity can contradict.
  if ((facts.sex === 'M' || facts.sex === 'F') && parsed.sex !== facts.sex) return 'id_number_sex_mismatch';
  return null;
}

/**
 * Why the registered identity number cannot be right, or `null`. A citizen number (GB 11643-1999) must pass its
 * check character, encode the registered date of birth and, when the sex is registered as M or F, the same sex;
 * a number on a record that says HKID must pass the HKID check digit. Each rule applies where the contract says
 * it does, so a Chinese national's 18-digit number on a record that says HKID fails the second. Other numbers are
 * not checked here; a date of birth that is itself invalid is left to its own rule.
 */
export function idNumberProblem(facts: IdNumberFacts): FieldErrorCode | null {
  const number = facts.documentNumber ? normaliseDocumentNumber(facts.documentNumber) : '';
  if (!number) return null;
  const citizen = isCitizenNumber(facts, number) ? citizenProblem(facts, number) : null;
  if (citizen) return citizen;
  if (facts.documentType === 'hk_identity_card' && !parseHkidNumber(number)?.checkDigitValid)
    return 'id_number_check_failed';
  return null;
}
