/**
 * The Hong Kong Identity Card number: one or two letters, six digits and a check digit (0–9 or A), printed
 * `A123456(3)`. The check digit is a weighted sum mod 11 over the letters (A=10 … Z=35, a single letter
 * preceded by a space worth 36) and digits, weights 9 down to 2.
 */

/** The check character of a prefix and six digits (`A123456`, `AB987654`); throws for anything else. */
export function hkidCheckDigit(body: string): string {
  const b = body.toUpperCase();
  if (!/^[A-Z]{1,2}\d{6}$/.test(b)) throw new RangeError('hkidCheckDigit needs 1-2 letters and 6 digits');
  const chars = b.length === 7 ? ` ${b}` : b;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = chars[i];
    const value = c === ' ' ? 36 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    sum += value * (9 - i);
  }
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'A' : String(check);
}

/** What an HKID number says of itself. */
export interface HkidNumber {
  /** Without brackets or spaces: `A1234563`. */
  value: string;
  /** `A123456(3)`, as the card prints it. */
  printed: string;
  checkDigitValid: boolean;
}

/** `A123456(3)`, `A1234563`, `a123456 (3)`: the same number; `null` when it is not an HKID number's shape. */
export function parseHkidNumber(input: string): HkidNumber | null {
  const m = /^([A-Z]{1,2})(\d{6})\(?([0-9A])\)?$/.exec(input.replace(/\s/g, '').toUpperCase());
  if (!m) return null;
  const [, prefix, digits, check] = m;
  return {
    value: `${prefix}${digits}${check}`,
    printed: `${prefix}${digits}(${check})`,
    checkDigitValid: hkidCheckDigit(prefix + digits) === check,
  };
}
