/**
 * Transliteration of names to the MRZ alphabet, after ICAO Doc 9303 Part 3 §6 (Tables A-C).
 * Where ICAO allows a choice (Ä → AE or A) the recommended form is the default and
 * {@link transliterationVariants} lists the others, because documents in the wild use both.
 */

/**
 * Which table decides ambiguous letters.
 * - `icao`: ICAO 9303 recommended (Ä→AE, Ö→OE, Ü→UE, Å→AA, Ø→OE; Cyrillic Ц→TS, Х→KH).
 * - `stripped`: diacritics simply dropped (Ä→A, Ö→O, Ü→U, Å→A, Ø→O), as many issuers print.
 * - `serbian`: Cyrillic through Serbian Latin (Ц→C, Ч→C, Ш→S, Ж→Z, Х→H), as Serbian documents print.
 * - `ukrainian`: Cyrillic through the Ukrainian national table (Г→H, И→Y, word-initial Я→YA).
 */
export type TransliterationScheme = 'icao' | 'stripped' | 'serbian' | 'ukrainian';

/** Options of {@link transliterate}. */
export interface TransliterationOptions {
  /** Defaults to `icao`. */
  scheme?: TransliterationScheme;
}

type Table = Readonly<Record<string, string>>;

/** Latin letters that do not reduce to A-Z by dropping combining marks (ICAO Part 3 Table A). */
// prettier-ignore
const LATIN_ICAO: Table = {
  Ä: 'AE', Å: 'AA', Æ: 'AE', Ð: 'D', Ñ: 'N', Ö: 'OE', Ø: 'OE', Ü: 'UE', Þ: 'TH', ẞ: 'SS',
  Đ: 'D', Ħ: 'H', Ĳ: 'IJ', Ŀ: 'L', Ł: 'L', Ŋ: 'N', Œ: 'OE', Ŧ: 'T', ı: 'I',
};
const LATIN_STRIPPED: Table = { ...LATIN_ICAO, Ä: 'A', Å: 'A', Ö: 'O', Ø: 'O', Ü: 'U' };

/** ICAO Part 3 Table B (Cyrillic). Ь is dropped. */
// prettier-ignore
const CYRILLIC_ICAO: Table = {
  А: 'A', Б: 'B', В: 'V', Г: 'G', Ґ: 'G', Д: 'D', Ђ: 'D', Ѓ: 'G', Е: 'E', Ё: 'E', Є: 'IE', Ж: 'ZH',
  З: 'Z', Ѕ: 'DZ', И: 'I', І: 'I', Ї: 'I', Й: 'I', Ј: 'J', К: 'K', Л: 'L', Љ: 'LJ', М: 'M', Н: 'N',
  Њ: 'NJ', О: 'O', П: 'P', Р: 'R', С: 'S', Т: 'T', Ћ: 'C', Ќ: 'K', У: 'U', Ў: 'U', Ф: 'F', Х: 'KH',
  Ц: 'TS', Ч: 'CH', Џ: 'DZ', Ш: 'SH', Щ: 'SHCH', Ъ: 'IE', Ы: 'Y', Ь: '', Э: 'E', Ю: 'IU', Я: 'IA',
};
const CYRILLIC_SERBIAN: Table = { ...CYRILLIC_ICAO, Ж: 'Z', Х: 'H', Ц: 'C', Ч: 'C', Ш: 'S' };
const CYRILLIC_UKRAINIAN: Table = { ...CYRILLIC_ICAO, Г: 'H', И: 'Y' };
/** Ukrainian letters written differently at the start of a word. */
const UKRAINIAN_INITIAL: Table = { Є: 'YE', Ї: 'YI', Й: 'Y', Ю: 'YU', Я: 'YA' };

/** ICAO Part 3 Table C (Arabic); the leading X marks letters without a plain Latin equivalent. */
// prettier-ignore
const ARABIC_ICAO: Table = {
  'ء': 'XE', 'آ': 'XAA', 'أ': 'XAE', 'ؤ': 'U', 'إ': 'I', 'ئ': 'XI', 'ا': 'A', 'ب': 'B', 'ة': 'XTA',
  'ت': 'T', 'ث': 'XTH', 'ج': 'J', 'ح': 'XH', 'خ': 'XKH', 'د': 'D', 'ذ': 'XDH', 'ر': 'R', 'ز': 'Z',
  'س': 'S', 'ش': 'XSH', 'ص': 'XSS', 'ض': 'XDZ', 'ط': 'XTT', 'ظ': 'XZZ', 'ع': 'E', 'غ': 'G', 'ف': 'F',
  'ق': 'Q', 'ك': 'K', 'ل': 'L', 'م': 'M', 'ن': 'N', 'ه': 'H', 'و': 'W', 'ى': 'XAY', 'ي': 'Y',
  'پ': 'XP', 'چ': 'XCH', 'ژ': 'XZH', 'گ': 'XG', 'ک': 'K', 'ی': 'Y',
};

/** Greek is not in ICAO's tables; Greek passports follow ELOT 743, reduced to A-Z here. */
// prettier-ignore
const GREEK: Table = {
  Α: 'A', Β: 'V', Γ: 'G', Δ: 'D', Ε: 'E', Ζ: 'Z', Η: 'I', Θ: 'TH', Ι: 'I', Κ: 'K', Λ: 'L', Μ: 'M',
  Ν: 'N', Ξ: 'X', Ο: 'O', Π: 'P', Ρ: 'R', Σ: 'S', Τ: 'T', Υ: 'Y', Φ: 'F', Χ: 'CH', Ψ: 'PS', Ω: 'O',
};

const APOSTROPHES = new Set(["'", '’', '‘', 'ʼ', 'ʻ', '`', '´', '′']);
const COMBINING_MARK = /\p{M}/gu;
const ARABIC_VOWEL_SIGN_OR_TATWEEL = /[\u064B-\u065F\u0670\u0640]/;
const LETTER = /\p{L}/u;

function tablesFor(scheme: TransliterationScheme): Table[] {
  const latin = scheme === 'stripped' ? LATIN_STRIPPED : LATIN_ICAO;
  const cyrillic =
    scheme === 'serbian' ? CYRILLIC_SERBIAN : scheme === 'ukrainian' ? CYRILLIC_UKRAINIAN : CYRILLIC_ICAO;
  return [latin, cyrillic, ARABIC_ICAO, GREEK];
}

function lookup(tables: Table[], char: string): string | undefined {
  for (const table of tables) {
    const hit = table[char];
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/**
 * Transliterates `text` to upper-case A-Z and 0-9 per ICAO 9303 Part 3 §6.
 *
 * Apostrophes are removed (D'ARTAGNAN → DARTAGNAN); every other separator (space, hyphen, comma,
 * other punctuation) becomes one space, which MRZ composition writes as the filler `<`.
 * Letters no table covers (e.g. CJK) are dropped: ICAO leaves their romanisation to the issuer.
 */
export function transliterate(text: string, options: TransliterationOptions = {}): string {
  const scheme = options.scheme ?? 'icao';
  const tables = tablesFor(scheme);
  let out = '';
  let previousWasLetter = false;
  let previous = '';
  for (const original of text.normalize('NFC')) {
    const char = original === 'ß' ? 'ẞ' : original.toUpperCase();
    let mapped: string;
    if (APOSTROPHES.has(char) || ARABIC_VOWEL_SIGN_OR_TATWEEL.test(char)) {
      mapped = '';
    } else if (previous === 'Ο' && char.normalize('NFD')[0] === 'Υ') {
      mapped = 'U'; // Greek ΟΥ is one sound, OU in ELOT 743
    } else if (scheme === 'ukrainian' && !previousWasLetter && UKRAINIAN_INITIAL[char] !== undefined) {
      mapped = UKRAINIAN_INITIAL[char];
    } else {
      mapped = lookup(tables, char) ?? reduceToAscii(tables, char);
    }
    out += mapped;
    previous = char.normalize('NFD')[0];
    // An apostrophe inside a word (МАР'ЯНА) does not start a new word.
    if (!APOSTROPHES.has(char)) previousWasLetter = LETTER.test(char);
  }
  return out;
}

/** Drops combining marks (É → E, Č → C) and maps what is left; separators become a space. */
function reduceToAscii(tables: Table[], char: string): string {
  if (/^[A-Z0-9]+$/.test(char)) return char; // toUpperCase may expand, e.g. ŉ → ʼN
  const base = char.normalize('NFD').replace(COMBINING_MARK, '');
  if (/^[A-Z0-9]+$/.test(base)) return base;
  const fromTable = base.length > 0 ? lookup(tables, base) : undefined;
  if (fromTable !== undefined) return fromTable;
  return LETTER.test(char) ? '' : ' ';
}

const SCHEMES: readonly TransliterationScheme[] = ['icao', 'stripped', 'serbian', 'ukrainian'];

/**
 * Every spelling of `text` an issuer may legitimately print in an MRZ: the ICAO recommended form
 * first, then the other {@link TransliterationScheme}s, without duplicates
 * (MÜLLER → `['MUELLER', 'MULLER']`). A name matcher should accept any of them.
 */
export function transliterationVariants(text: string): string[] {
  return [...new Set(SCHEMES.map((scheme) => transliterate(text, { scheme })))];
}
