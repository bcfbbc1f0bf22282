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

/**
 * ICAO's spellings of letters with diacritics (Ä → AE, Ö/Ø/Œ → OE, Ü → UE, Å → AA) and the base letter OCR leaves
 * of them; a word's first Icelandic Þ (TH in the MRZ), which the page's English model reads as P (ÞÓRSDÓTTIR as
 * PORSDOTTIR). Þ starts a name; a TH further on (SMITH) is two letters.
 */
const DIGRAPHS: readonly [string, string][] = [
  ['AE', 'A'],
  ['OE', 'O'],
  ['UE', 'U'],
  ['AA', 'A'],
  ['TH', 'P'],
];

/**
 * The MRZ word and the words it may be printed as when the page's diacritics are read without their marks:
 * the MRZ writes MÄKINEN as MAEKINEN, and the page OCR reads MAKINEN (the English model has no Ä, Ö, Ü, Å or
 * Ø). Each digraph is taken either way; a word has few, and the set is capped.
 */
export function printedSpellings(word: string): string[] {
  const out = new Set([word]);
  const collapse = (w: string, from: number): void => {
    for (let i = from; i < w.length - 1 && out.size < 16; i++) {
      const pair = DIGRAPHS.find(([digraph]) => w.startsWith(digraph, i));
      if (!pair || (pair[0] === 'TH' && i > 0)) continue;
      const shorter = w.slice(0, i) + pair[1] + w.slice(i + 2);
      out.add(shorter);
      collapse(shorter, i + 1);
    }
  };
  collapse(word, 0);
  return [...out];
}
