import { MrzError, MrzErrorCode } from './mrz.error';
import { transliterate, TransliterationOptions } from './transliteration';

function assertWidth(width: number): void {
  if (!Number.isInteger(width) || width < 1)
    throw new MrzError(MrzErrorCode.INVALID_ARGUMENT, `width ${width}`);
}

/** Pads with fillers or cuts `value` (already MRZ characters) to exactly `width`. */
export function fitToWidth(value: string, width: number): string {
  return value.length >= width ? value.slice(0, width) : value + '<'.repeat(width - value.length);
}

/**
 * Any free text as an MRZ field of exactly `width` characters: transliterated, each separator
 * written as one filler (`PAT, MAT` → `PAT<<MAT`), padded with `<` or cut at `width`.
 */
export function formatMrzText(text: string, width: number, options?: TransliterationOptions): string {
  assertWidth(width);
  return fitToWidth(transliterate(text, options).replace(/ /g, '<'), width);
}

/** Name components: transliterated words, separators collapsed. */
function nameParts(text: string, options?: TransliterationOptions): string[] {
  return transliterate(text, options)
    .split(' ')
    .filter((part) => part.length > 0);
}

function joinedLength(surnames: string[], givenNames: string[]): number {
  const surnameLength = surnames.join('<').length;
  return givenNames.length > 0 ? surnameLength + 2 + givenNames.join('<').length : surnameLength;
}

/**
 * The MRZ name field `SURNAME<<GIVEN<NAMES` of exactly `width` characters.
 *
 * When the name is too long it is shortened as ICAO 9303 Part 3 §4.6 describes, starting from the
 * end: the last given name is cut just enough, or reduced to its initial and the previous one is
 * tried; once every given name is an initial, the surname components are shortened the same way
 * (NILAVADHANANANDA, CHAYAPA DEJTHAMRONG KRASUANG → `NILAVADHANANANDA<<CHAYAPA<DEJ<K`). If even
 * initials do not fit, the field is cut at `width`.
 */
export function formatMrzName(
  surname: string,
  givenNames: string,
  width: number,
  options?: TransliterationOptions,
): string {
  assertWidth(width);
  const surnames = nameParts(surname, options);
  const given = nameParts(givenNames, options);
  const groups = [given, surnames];
  let group = 0;
  let index = given.length - 1;
  if (index < 0) {
    group = 1;
    index = surnames.length - 1;
  }
  let size = joinedLength(surnames, given);
  while (size > width && group < groups.length && index >= 0) {
    const parts = groups[group];
    const part = parts[index];
    if (size - part.length + 1 <= width) {
      parts[index] = part.slice(0, part.length - (size - width));
    } else {
      parts[index] = part.slice(0, 1);
      index--;
      if (index < 0 && group === 0) {
        group = 1;
        index = surnames.length - 1;
      }
    }
    size = joinedLength(surnames, given);
  }
  const name = given.length > 0 ? `${surnames.join('<')}<<${given.join('<')}` : surnames.join('<');
  return fitToWidth(name, width);
}
