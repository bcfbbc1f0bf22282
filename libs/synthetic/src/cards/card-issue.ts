/**
 * What the issuer decides: the citizen number (GB 11643-1999), the validity term the Resident Identity Card
 * Law sets for the holder's age at issue, the HKID number and its check digit.
 */
import { citizenCheckCharacter, hkidCheckDigit } from '@idv/id-numbers';
import { addDays, addYears } from '../iso-date';
import { Rng } from '../prng';

/** A validity term in years, or `long` for 长期. */
export type ValidityTerm = 5 | 10 | 20 | 'long';

/** Completed years of age on `day` (周岁). */
export function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * The term the law requires (居民身份证法 art. 5): under 16 five years, 16–25 ten, 26–45 twenty, 46 and over
 * long-term. A residence permit is always valid five years.
 */
export function requiredTerm(dateOfBirth: string, issueDate: string, permit: boolean): ValidityTerm {
  if (permit) return 5;
  const age = ageOn(dateOfBirth, issueDate);
  if (age < 16) return 5;
  if (age <= 25) return 10;
  if (age <= 45) return 20;
  return 'long';
}

/** The expiry date of a term, `''` for a long-term card. */
export function expiryOf(issueDate: string, term: ValidityTerm): string {
  return term === 'long' ? '' : addYears(issueDate, term);
}

/**
 * 17 digits of a citizen number: region, birth date, a 3-digit sequence whose parity is the sex (odd men,
 * even women). `sequence` 1..999 is drawn when absent.
 */
export function citizenNumber(
  rng: Rng,
  region: string,
  dateOfBirth: string,
  sex: 'M' | 'F',
  sequence?: number,
): string {
  let seq = sequence ?? rng.int(1, 999);
  if ((seq % 2 === 1) !== (sex === 'M')) seq = seq === 999 ? 998 : seq + 1;
  const first17 = `${region}${dateOfBirth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first17 + citizenCheckCharacter(first17);
}

/** The same number with a wrong check character (the forger's or the careless printer's). */
export function breakCheckCharacter(rng: Rng, number: string): string {
  const right = number[17];
  const wrong = rng.pick([...'0123456789X'].filter((c) => c !== right));
  return number.slice(0, 17) + wrong;
}

/** Another valid number of the same person (birth date and sex kept): a different sequence. */
export function otherValidCitizenNumber(rng: Rng, number: string): string {
  const seq = Number(number.slice(14, 17));
  let other = seq;
  while (other === seq || other < 1) other = rng.int(1, 999);
  const sex = seq % 2 === 1 ? 'M' : 'F';
  return citizenNumber(
    rng,
    number.slice(0, 6),
    `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`,
    sex,
    other,
  );
}

/**
 * A valid number that contradicts the printed card: its birth date moved by some days or years (`birth`) or
 * its sequence parity flipped (`sex`). The check character is recomputed, so only the consistency fails.
 */
export function inconsistentCitizenNumber(rng: Rng, number: string, what: 'birth' | 'sex'): string {
  const region = number.slice(0, 6);
  const birth = `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`;
  const seq = Number(number.slice(14, 17));
  if (what === 'sex') {
    const flipped = seq === 999 ? 998 : seq + 1;
    const first17 = `${region}${number.slice(6, 14)}${String(flipped).padStart(3, '0')}`;
    return first17 + citizenCheckCharacter(first17);
  }
  const shifted = rng.chance(0.5)
    ? addDays(birth, rng.pick([1, -1, 10, 30]))
    : addYears(birth, rng.pick([1, -1, 10]));
  const first17 = `${region}${shifted.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first17 + citizenCheckCharacter(first17);
}

/** Region codes of the residence permits (GB 11643 as the Ministry of Public Security uses it). */
export const PERMIT_REGION: Readonly<Record<'HKG' | 'MAC' | 'TWN', string>> = {
  HKG: '810000',
  MAC: '820000',
  TWN: '830000',
};

/**
 * The number of the permit holder's travel permit (通行证): `H` or `M` and eight digits for Hong Kong and
 * Macao residents' 来往内地通行证, eight digits for Taiwan residents' 台湾居民来往大陆通行证.
 */
export function passNumber(rng: Rng, region: 'HKG' | 'MAC' | 'TWN'): string {
  const digits = Array.from({ length: 8 }, () => rng.int(0, 9)).join('');
  return region === 'HKG' ? `H${digits}` : region === 'MAC' ? `M${digits}` : digits;
}

/** An HKID number (`A1234563`): one letter (sometimes two) and six digits, with its check digit. */
export function hkidNumber(rng: Rng): string {
  const letters = 'ABCDEGHKMPRVYZ';
  const prefix = rng.chance(0.08) ? `X${rng.pick([...letters])}` : rng.pick([...letters]);
  const body = `${prefix}${String(rng.int(0, 999999)).padStart(6, '0')}`;
  return body + hkidCheckDigit(body);
}

/** The same HKID number with a wrong check digit. */
export function breakHkidCheckDigit(rng: Rng, number: string): string {
  const right = number.slice(-1);
  return number.slice(0, -1) + rng.pick([...'0123456789A'].filter((c) => c !== right));
}

/** Another valid HKID number: one of the six digits changed, the check digit recomputed. */
export function otherValidHkidNumber(rng: Rng, number: string): string {
  const body = number.slice(0, -1);
  const at = body.length - 6 + rng.int(0, 5);
  const digit = body[at];
  const changed =
    body.slice(0, at) + rng.pick([...'0123456789'].filter((d) => d !== digit)) + body.slice(at + 1);
  return changed + hkidCheckDigit(changed);
}

/** `A123456(3)`, as the card prints it. */
export function printedHkid(number: string): string {
  return `${number.slice(0, -1)}(${number.slice(-1)})`;
}
