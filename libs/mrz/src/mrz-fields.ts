import { computeCheckDigit, isMrzText } from './check-digit';
import type { MrzCheck, MrzCheckField } from './mrz.parser';

/** The check digit of `value`, or null when it is empty or holds non-MRZ characters. */
export function safeCheckDigit(value: string): string | null {
  return isMrzText(value) && value.length > 0 ? computeCheckDigit(value) : null;
}

/** A field's check digit verified; `computed` is null when the data holds non-MRZ characters. */
export function check(field: MrzCheckField, data: string, printed: string): MrzCheck {
  const computed = safeCheckDigit(data);
  return { field, valid: computed !== null && computed === printed, printed, computed };
}

/** Removes fillers at both ends; inner fillers stay as printed. */
export function trimFillers(value: string): string {
  return value.replace(/^<+|<+$/g, '');
}

/** `JEAN<PIERRE<<<` → `JEAN PIERRE`: the words of a name field, fillers as separators. */
export function nameWords(field: string): string {
  return field
    .split('<')
    .filter((w) => w.length > 0)
    .join(' ');
}
