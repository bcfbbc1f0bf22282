import { parseHkidNumber, type HkidNumber } from '@idv/id-numbers';
import type { TextLine } from '@idv/ocr';
import { calendarDate } from '../cards/calendar-date';

/**
 * What the printed lines of an HKID card say. Pure: each field is found by its shape (the English name is
 * `SURNAME, Given Names`, the date of birth `DD-MM-YYYY`, the date of issue `DD-MM-YY`, the symbols a run of
 * capitals after asterisks), so a card printed a little off its layout still parses.
 */
export interface HkidText {
  /** The English name as printed, `CHAN, Tai Man`. */
  englishName: { value: string; confidence: number } | null;
  chineseName: { value: string; confidence: number } | null;
  /** ISO dates. */
  birthDate: { value: string; confidence: number } | null;
  issueDate: { value: string; confidence: number } | null;
  sex: { value: 'M' | 'F'; confidence: number } | null;
  /** The symbols line (`***AZ`) as printed. */
  symbols: string | null;
  /** Permanent resident: three asterisks in the symbols, or PERMANENT / 永久性 in the title. */
  permanent: boolean | null;
}

const ENGLISH_NAME =
  /^([A-Z][A-Z'-]*(?: [A-Z][A-Z'-]*)*)\s*[,.]\s*([A-Z][A-Za-z'-]*(?: [A-Z][A-Za-z'-]*)*)$/u;
const TITLE_WORDS = /香港|身份|證|证|居民|永久|HONG|KONG|IDENTITY|CARD/u;

/**
 * Parses the field column, with the Chinese name band (read on its own: in one block with the Latin lines
 * tesseract drops the large Han line) and the title's lines for the permanent-resident wording.
 */
export function parseHkid(
  titleLines: readonly TextLine[],
  nameLines: readonly TextLine[],
  lines: readonly TextLine[],
): HkidText {
  const rows = [...lines].sort((a, b) => a.box.y - b.box.y);
  const out: HkidText = {
    englishName: null,
    chineseName: null,
    birthDate: null,
    issueDate: null,
    sex: null,
    symbols: null,
    permanent: null,
  };
  let nameRow = -1;
  rows.forEach((line, i) => {
    const text = line.text.replace(/[|“”"_]/gu, ' ').trim();
    const name = ENGLISH_NAME.exec(text);
    if (name && !out.englishName) {
      out.englishName = { value: `${name[1]}, ${name[2]}`, confidence: line.confidence };
      nameRow = i;
    }
    const birth = /(\d{2})-(\d{2})-(\d{4})/u.exec(text);
    if (birth && !out.birthDate) {
      const iso = calendarDate(birth[3], birth[2], birth[1]);
      if (iso) out.birthDate = { value: iso, confidence: line.confidence };
      // `男 M` / `女 F` after the date; the English model reads the Han character as a stray letter (`TF`).
      const sex = /([MF])[^A-Za-z]*$|([男女])/u.exec(text.slice(birth.index + birth[0].length));
      if (sex)
        out.sex = {
          value: (sex[1] ?? (sex[2] === '男' ? 'M' : 'F')) as 'M' | 'F',
          confidence: line.confidence,
        };
    } else {
      // The issue date: the last DD-MM-YY not part of a longer date (the first-registration date is bracketed).
      const issue = [...text.matchAll(/(?<![\d(])(\d{2})-(\d{2})-(\d{2})(?![\d)])/gu)].pop();
      if (issue && out.birthDate) {
        const iso = calendarDate(`20${issue[3]}`, issue[2], issue[1]);
        if (iso) out.issueDate = { value: iso, confidence: line.confidence };
      }
    }
    const symbols = /(\*{1,3}[A-Z]{1,4}|[A-Z]{1,2}\*{0,3}$)/u.exec(text.replace(/\s/gu, ''));
    if (/\*/u.test(text) && symbols) out.symbols = symbols[1];
  });
  // The Chinese name is printed above the English name: Han characters, not the card's title.
  for (const line of [...nameLines, ...rows.slice(0, nameRow >= 0 ? nameRow : rows.length)]) {
    if (out.chineseName) break;
    const han = /[\p{Script=Han}]{2,5}/u.exec(line.text.replace(/\s/gu, ''));
    if (han && !TITLE_WORDS.test(han[0])) out.chineseName = { value: han[0], confidence: line.confidence };
  }
  const title = titleLines.map((l) => l.text).join(' ');
  if (out.symbols) out.permanent = out.symbols.startsWith('***');
  else if (/PERMANENT|永久/u.test(title)) out.permanent = true;
  else if (/IDENTITY|身份/u.test(title)) out.permanent = false;
  return out;
}

/** The title shows a Hong Kong identity card. */
export function isHkidTitle(titleLines: readonly TextLine[]): boolean {
  return /HONG\s*KONG|香港/u.test(titleLines.map((l) => l.text).join(' '));
}

/** What an OCR model without brackets makes of `(`: C (the MRZ model), 0 or O; of `)`: D or 0, or nothing. */
const OPENING = /^[C(0O]*$/u;
const CLOSING = /^[D)0]*$/u;

/**
 * The HKID number in a line read without brackets (`A123456(3)` read `A123456C3D`, `A12345603` or `A1234563`):
 * the prefix and six digits, then the check character wherever the bracket reads leave it. Where the bracket
 * reads leave two ways to place it, the one whose check digit holds is taken (a `0` that is a bracket is not
 * the person's check digit); where none fits, the character after the opening bracket. Pure.
 */
export function hkidNumberIn(text: string): HkidNumber | null {
  const m = /([A-Z]{1,2})(\d{6})([0-9A-Z()]{1,4})/u.exec(text.replace(/\s/gu, '').toUpperCase());
  if (!m) return null;
  const [, prefix, digits, tail] = m;
  const readings: HkidNumber[] = [];
  for (let i = 0; i < tail.length; i++) {
    if (!/[0-9A]/u.test(tail[i])) continue;
    if (!OPENING.test(tail.slice(0, i)) || !CLOSING.test(tail.slice(i + 1))) continue;
    const n = parseHkidNumber(`${prefix}${digits}(${tail[i]})`);
    if (n) readings.push(n);
  }
  // No placing fits both brackets (`C990`: a closing bracket read as a digit): the character after the opening.
  const after = /^[C(]?([0-9A])/u.exec(tail);
  const fallback = after ? parseHkidNumber(`${prefix}${digits}(${after[1]})`) : null;
  return readings.find((n) => n.checkDigitValid) ?? readings[0] ?? fallback;
}
