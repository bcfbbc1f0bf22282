import { divisionKnown } from './division-codes';

/**
 * The citizen identity number of GB 11643-1999 (公民身份号码), printed on the Resident Identity Card and, with
 * the region codes 81/82/83, on the Residence Permit for Hong Kong, Macao and Taiwan residents:
 * 6 digits of administrative division, 8 of birth date (YYYYMMDD), 3 of sequence (odd for men, even for
 * women) and one ISO 7064 MOD 11-2 check character (0–9 or X).
 */

/** Weights of ISO 7064 MOD 11-2 for the 17 leading digits: 2^(17-i) mod 11. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

/** The check character of 17 leading digits; throws for anything else (a programmer error). */
export function citizenCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('citizenCheckCharacter needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

/** Which document a citizen number belongs to, by its first two digits. */
export type CitizenNumberKind = 'resident' | 'residence_permit';

/** Region codes of the residence permits: Hong Kong, Macao, Taiwan residents. */
const PERMIT_REGIONS: Readonly<Record<string, 'HKG' | 'MAC' | 'TWN'>> = {
  '81': 'HKG',
  '82': 'MAC',
  '83': 'TWN',
};

/** What a citizen number says of itself. */
export interface CitizenNumber {
  /** The number as normalised: 18 characters, upper-case X. */
  value: string;
  /** 18 characters: 17 digits then a digit or X. */
  wellFormed: boolean;
  /** The 18th character is the MOD 11-2 check character of the first 17. */
  checkCharacterValid: boolean;
  /** The 6-digit administrative division code. */
  regionCode: string;
  /**
   * The region code exists: a GB/T 2260 code in use now or in the past for a resident card, exactly 810000,
   * 820000 or 830000 for a residence permit.
   */
  regionKnown: boolean;
  kind: CitizenNumberKind;
  /** For a residence permit, whose residents it is for. */
  permitRegion: 'HKG' | 'MAC' | 'TWN' | null;
  /** `YYYY-MM-DD` when the 8 birth digits are a real calendar date, else null. */
  birthDate: string | null;
  /** From the sequence's parity: odd men, even women. */
  sex: 'M' | 'F';
}

/** Spaces, hyphens and a lower-case x are what people type; nothing else is forgiven. */
export function normaliseCitizenNumber(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

/** `YYYY-MM-DD` when `yyyymmdd` is a real calendar date, else null. */
function calendarDate(yyyymmdd: string): string | null {
  const [y, m, d] = [yyyymmdd.slice(0, 4), yyyymmdd.slice(4, 6), yyyymmdd.slice(6, 8)].map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  return real && y >= 1850 ? `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}` : null;
}

/**
 * Reads what a citizen number states; `null` when it is not 18 characters of digits and a final X at all.
 * Whether the birth date is plausible today is for the caller to judge.
 */
export function parseCitizenNumber(input: string): CitizenNumber | null {
  const value = normaliseCitizenNumber(input);
  if (!/^\d{17}[\dX]$/.test(value)) return null;
  const region = value.slice(0, 2);
  const regionCode = value.slice(0, 6);
  return {
    value,
    wellFormed: true,
    checkCharacterValid: citizenCheckCharacter(value.slice(0, 17)) === value[17],
    regionCode,
    regionKnown: PERMIT_REGIONS[region] ? regionCode === `${region}0000` : divisionKnown(regionCode),
    kind: PERMIT_REGIONS[region] ? 'residence_permit' : 'resident',
    permitRegion: PERMIT_REGIONS[region] ?? null,
    birthDate: calendarDate(value.slice(6, 14)),
    sex: Number(value[16]) % 2 === 1 ? 'M' : 'F',
  };
}
