import { MrzError, MrzErrorCode } from './mrz.error';

const WEIGHTS = [7, 3, 1] as const;

function characterValue(char: string): number {
  if (char === '<') return 0;
  const code = char.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 65 && code <= 90) return code - 55; // A=10 .. Z=35
  return -1;
}

/**
 * ICAO 9303 Part 3 §4.9 check digit: weights 7-3-1 repeated, `<` = 0, A = 10 … Z = 35, sum mod 10.
 *
 * @throws {@link MrzError} `INVALID_CHARACTER` for characters outside A-Z, 0-9 and `<`
 *   (lower case and spaces included), `EMPTY_VALUE` for an empty string.
 */
export function computeCheckDigit(value: string): string {
  if (value.length === 0) throw new MrzError(MrzErrorCode.EMPTY_VALUE);
  let sum = 0;
  for (let i = 0; i < value.length; i++) {
    const v = characterValue(value[i]);
    if (v < 0) throw new MrzError(MrzErrorCode.INVALID_CHARACTER, JSON.stringify(value[i]));
    sum += v * WEIGHTS[i % 3];
  }
  return String(sum % 10);
}

/** True when `value` consists only of MRZ characters (A-Z, 0-9, `<`). */
export function isMrzText(value: string): boolean {
  return /^[A-Z0-9<]*$/.test(value);
}
