import { transliterate, transliterationVariants } from '@idv/mrz';
import { containsHan, hanSpellings } from './han.romanizer';

/**
 * Upper-case A-Z words separated by single spaces; `<` fillers, hyphens and other separators become
 * spaces, and letters outside A-Z (a non-conformant MRZ printing Ñ, OCR of a visual zone) are transliterated.
 */
export function normalizeMrzName(text: string): string {
  return transliterate(text.replace(/</g, ' '))
    .toUpperCase()
    .replace(/['’‘ʼ`´]/g, '')
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/**
 * Every MRZ spelling an issuer may legitimately print for a registered name, normalised with
 * {@link normalizeMrzName}: the ICAO transliteration variants (MÜLLER → MUELLER, MULLER), for names
 * in Han characters their pinyin (joined and split), and for apostrophes both the ICAO form that drops
 * them (O'NEILL → ONEILL) and the filler some issuers print instead (O NEILL).
 */
export function nameSpellings(name: string, role: 'surname' | 'givenNames'): string[] {
  const spellings = new Set<string>();
  const add = (s: string): void => {
    const normalized = normalizeMrzName(s);
    if (normalized) spellings.add(normalized);
  };
  if (containsHan(name)) {
    hanSpellings(name, role, (s) => transliterate(s)).forEach(add);
    return [...spellings];
  }
  transliterationVariants(name).forEach(add);
  transliterationVariants(name.replace(/['’‘ʼ`´]/g, ' ')).forEach(add);
  return [...spellings];
}
