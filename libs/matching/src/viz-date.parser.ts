import { transliterate } from '@idv/mrz';
import { isCalendarDate } from './iso-date';

/**
 * A date printed in the visual zone. `year` is `null` when only two digits were printed; `yy` always
 * holds the last two digits so such dates can still be compared with the MRZ.
 */
export interface PrintedDate {
  year: number | null;
  yy: number;
  month: number;
  day: number;
  /** The words it was read from, for reports. */
  text: string;
}

/**
 * Month abbreviations as printed on documents (English, French, German, Spanish, Italian, Portuguese,
 * Dutch, Nordic), after diacritics are dropped. Matched by prefix of the word, so `SEPT` and `SEPTEMBER` work.
 */
const MONTHS: ReadonlyArray<readonly string[]> = [
  ['JAN', 'GEN', 'ENE', 'JAAN', 'TAM'],
  ['FEB', 'FEV', 'FEBR', 'HELMI'],
  ['MAR', 'MRZ', 'MAA', 'MAAL'],
  ['APR', 'AVR', 'ABR', 'HUHT'],
  ['MAY', 'MAI', 'MAG', 'MEI', 'MAJ', 'MAIO', 'TOUKO'],
  ['JUN', 'JUIN', 'GIU', 'KES'],
  ['JUL', 'JUIL', 'LUG', 'HEIN'],
  ['AUG', 'AOU', 'AGO', 'ELO'],
  ['SEP', 'SET', 'SYYS'],
  ['OCT', 'OKT', 'OTT', 'OUT', 'LOKA'],
  ['NOV', 'MARR'],
  ['DEC', 'DEZ', 'DIC', 'JOUL'],
];

function monthOf(word: string): number | null {
  if (!/^[A-Z]{3,}$/.test(word)) return null;
  const index = MONTHS.findIndex((names) =>
    names.some((name) => word.startsWith(name) && word.length <= name.length + 6),
  );
  return index < 0 ? null : index + 1;
}

/** Words of the visual zone: transliterated, digits split from letters (OCR often glues `12AUG74`). */
function dateWords(text: string): string[] {
  const cjk = text.replace(/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g, ' $1 $2 $3 ');
  return transliterate(cjk, { scheme: 'stripped' })
    .replace(/(\d)(?=[A-Z])|([A-Z])(?=\d)/g, '$1$2 ')
    .split(' ')
    .filter(Boolean);
}

function printed(year: string, month: number, day: number, text: string): PrintedDate | null {
  const y = Number(year);
  const full = year.length === 4 ? y : null;
  if (!isCalendarDate(full ?? 2000 + y, month, day)) return null;
  return { year: full, yy: y % 100, month, day, text };
}

const isDay = (w: string): boolean => /^\d{1,2}$/.test(w);
const isYear = (w: string): boolean => /^(\d{2}|\d{4})$/.test(w);

/**
 * Every date the visual-zone text may contain, in the layouts documents use: `12 AUG/AOUT 74`,
 * `12.08.1974`, `1974-08-12`, `1974年8月12日`. A numeric date that reads both as day-month and as
 * month-day yields both readings, grouped so that callers can tell alternatives from separate dates.
 */
export function findPrintedDates(text: string): PrintedDate[][] {
  const words = dateWords(text);
  const found: PrintedDate[][] = [];
  for (let i = 0; i < words.length; i++) {
    const [a, b] = [words[i], words[i + 1] ?? ''];
    // Day, then one or more month names (bilingual documents print `AUG/AOUT`), then year.
    let j = i + 1;
    let month: number | null = null;
    while (j < words.length && monthOf(words[j]) !== null) {
      month ??= monthOf(words[j]);
      j++;
    }
    if (isDay(a) && month !== null && isYear(words[j] ?? '')) {
      const date = printed(words[j], month, Number(a), words.slice(i, j + 1).join(' '));
      if (date) {
        found.push([date]);
        i = j;
      }
      continue;
    }
    const c = words[i + 2] ?? '';
    if (/^\d{4}$/.test(a) && isDay(b) && isDay(c)) {
      const date = printed(a, Number(b), Number(c), `${a} ${b} ${c}`);
      if (date) {
        found.push([date]);
        i += 2;
      }
    } else if (isDay(a) && isDay(b) && /^\d{4}$/.test(c)) {
      const text = `${a} ${b} ${c}`;
      const readings = [printed(c, Number(b), Number(a), text), printed(c, Number(a), Number(b), text)];
      const unique = readings.filter((d, k): d is PrintedDate => d !== null && (k === 0 || a !== b));
      if (unique.length > 0) {
        found.push(unique);
        i += 2;
      }
    }
  }
  return found;
}
