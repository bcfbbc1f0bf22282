import type { TextLine } from '@idv/ocr';
import { calendarDate } from '../cards/calendar-date';

/**
 * What the printed lines of a Resident ID card (or residence permit) say, parsed from OCR lines. Pure: the
 * labels find the fields, so a card printed a little off its layout still parses; a label OCR lost falls back
 * to the line order the card always has.
 */

/** A parsed value with the confidence of the line it came from. */
export interface ParsedValue {
  value: string;
  confidence: number;
  /** The least sure character's confidence, where the recogniser gives one. */
  weakest?: number;
}

export interface PortraitText {
  name: ParsedValue | null;
  /** `M` / `F`. */
  sex: ParsedValue | null;
  ethnicity: ParsedValue | null;
  /** ISO date. */
  birthDate: ParsedValue | null;
  address: ParsedValue | null;
}

export interface EmblemText {
  /** The title names a residence permit (居住证) rather than an identity card (身份证); null when unread. */
  permit: boolean | null;
  issuingAuthority: ParsedValue | null;
  /** ISO dates; `until` null with `longTerm` for 长期. */
  validity: { from: string; until: string | null; longTerm: boolean; confidence: number } | null;
  /** Permit only: the travel permit number (通行证号码). */
  permitNumber: ParsedValue | null;
}

/** Characters OCR strays into a Han field from the card's pattern: quotes, bars, dots, Latin noise. */
const NOISE = /[\s"'“”‘’`´|｜丨_~^*:：;；,，。.、!！?？<>《》[\]【】{}]/gu;
/** A Han personal name: Han characters, and the middle dot of transcribed minority names (阿依古丽·买买提). */
const NAME = /[\p{Script=Han}·•]+/u;

const LABELS = {
  name: /^姓\s*名/u,
  sex: /性\s*别/u,
  ethnicity: /民\s*族/u,
  birth: /^出\s*生/u,
  address: /^住\s*址/u,
  authority: /签\s*发\s*机\s*关/u,
  validity: /有\s*效\s*期\s*限/u,
  permitNumber: /通\s*行\s*证\s*号\s*码/u,
  issues: /签\s*发\s*次\s*数/u,
};

const value = (text: string, confidence: number): ParsedValue | null =>
  text ? { value: text, confidence } : null;

/** The portrait side's rows of values, top to bottom, as the card prints them. */
export type PortraitRow = 'name' | 'sex' | 'birth' | 'address';

/** The value lines of the portrait side, each put in its row by where it lies on the card. */
export type PortraitLines = Record<PortraitRow, readonly TextLine[]>;

/**
 * Puts the portrait side's value lines in their rows. The birth date is known by its shape (digits with 年 and
 * 月): the row above it is the sex and ethnicity, the one above that the name, the lines below the address, as
 * the card always prints them, however far the personalisation was printed off its place. When no birth date was
 * read, `nominal` places each line by where it lies on the card.
 */
export function portraitRows(
  lines: readonly TextLine[],
  nominal: (line: TextLine) => PortraitRow | null,
): Record<PortraitRow, TextLine[]> {
  const rows: Record<PortraitRow, TextLine[]> = { name: [], sex: [], birth: [], address: [] };
  // Stray marks of the pattern read as lines of punctuation: no row of the card is without a letter or digit.
  const text = [...lines].filter((l) => /[\p{Script=Han}\d]/u.test(l.text)).sort((a, b) => a.box.y - b.box.y);
  // Lines side by side (OCR may split 男 from 民族 汉) make one row.
  const bands: TextLine[][] = [];
  for (const line of text) {
    const middle = line.box.y + line.box.height / 2;
    const band = bands.find(
      (b) => Math.abs(middle - (b[0].box.y + b[0].box.height / 2)) < b[0].box.height / 2,
    );
    if (band) band.push(line);
    else bands.push([line]);
  }
  const birth = bands.findIndex((b) => b.some((l) => /\d{4}\s*年.*\d\s*月/u.test(l.text)));
  if (birth < 0) {
    for (const line of text) {
      const row = nominal(line);
      if (row) rows[row].push(line);
    }
    return rows;
  }
  rows.birth.push(...bands[birth]);
  if (birth >= 1) rows.sex.push(...bands[birth - 1]);
  if (birth >= 2) rows.name.push(...bands[birth - 2]);
  rows.address.push(...bands.slice(birth + 1).flat());
  return rows;
}

/**
 * Parses the portrait side's values, row by row. The rows come from where each line lies on the card, so a
 * label OCR lost or misread (站名 for 姓名) cannot move a value into another field; a caption that strayed into
 * the read is still cut off.
 */
export function parsePortrait(rows: PortraitLines): PortraitText {
  const out: PortraitText = { name: null, sex: null, ethnicity: null, birthDate: null, address: null };
  const joined = (lines: readonly TextLine[]) => ({
    text: [...lines]
      .sort((a, b) => a.box.x - b.box.x)
      .map((l) => l.text)
      .join(''),
    confidence: lines.reduce((s, l) => s + l.confidence, 0) / Math.max(1, lines.length),
  });
  if (rows.name.length) {
    const { text, confidence } = joined(rows.name);
    const name = nameIn(text.replace(LABELS.name, ''), confidence);
    if (name) out.name = { ...name, weakest: Math.min(...rows.name.map((l) => l.weakest)) };
  }
  if (rows.sex.length) {
    const { text, confidence } = joined(rows.sex);
    const [before, after] = text.replace(LABELS.sex, '').split(LABELS.ethnicity);
    const sex = /[男女]/u.exec(before);
    if (sex) out.sex = { value: sex[0] === '男' ? 'M' : 'F', confidence };
    const ethnicity = /[\p{Script=Han}]+/u.exec((after ?? '').replace(NOISE, ''));
    if (ethnicity) out.ethnicity = { value: ethnicity[0], confidence };
  }
  if (rows.birth.length) {
    const { text, confidence } = joined(rows.birth);
    const birth = birthDateIn(text);
    if (birth) out.birthDate = { value: birth, confidence };
  }
  const address = [...rows.address].sort((a, b) => a.box.y - b.box.y);
  if (address.length) {
    const text = address
      .map((l) => l.text)
      .join('')
      .replace(LABELS.address, '')
      .replace(NOISE, '');
    const confidence = address.reduce((s, l) => s + l.confidence, 0) / address.length;
    out.address = value(text, confidence);
  }
  return out;
}

/**
 * Parses the emblem side: its title block and the values of its lower block, top to bottom: the issuing
 * authority, the validity, and on a permit the travel-permit number and the issue count. The validity is known
 * by its shape wherever it lies; the authority is the Han line above it.
 */
export function parseEmblem(titleLines: readonly TextLine[], fieldLines: readonly TextLine[]): EmblemText {
  const title = titleLines.map((l) => l.text.replace(NOISE, '')).join('');
  const permit = /居住证/u.test(title) ? true : /身份证/u.test(title) ? false : null;
  const out: EmblemText = { permit, issuingAuthority: null, validity: null, permitNumber: null };
  const rows = [...fieldLines].sort((a, b) => a.box.y - b.box.y);
  let validityRow = -1;
  rows.forEach((line, i) => {
    const validity = validityIn(line.text);
    if (validity && validityRow < 0) {
      out.validity = { ...validity, confidence: line.confidence };
      validityRow = i;
    }
  });
  const authorityRows = validityRow >= 0 ? rows.slice(0, validityRow) : rows;
  for (const line of authorityRows.reverse()) {
    const text = line.text.replace(LABELS.authority, '').replace(NOISE, '');
    if ((text.match(/\p{Script=Han}/gu) ?? []).length >= 2) {
      out.issuingAuthority = value(text, line.confidence);
      break;
    }
  }
  for (const line of rows.slice(validityRow + 1)) {
    const n = /[A-Z]?\d{8,}/u.exec(line.text.replace(LABELS.permitNumber, '').replace(NOISE, ''));
    if (n && n[0].length <= 10) {
      out.permitNumber = { value: n[0], confidence: line.confidence };
      break;
    }
  }
  return out;
}

/** The emblem side's marks: its title or a validity line. Enough to know the side. */
export function isEmblemSide(text: EmblemText): boolean {
  return text.permit !== null || text.validity !== null || text.issuingAuthority !== null;
}

function nameIn(text: string, confidence: number): ParsedValue | null {
  const m = NAME.exec(text.replace(NOISE, ''));
  return m ? { value: m[0].replace(/•/gu, '·'), confidence } : null;
}

/** `1988 年 3 月 7 日` → `1988-03-07` (real calendar dates only). */
export function birthDateIn(text: string): string | null {
  const m = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?/u.exec(text);
  return m ? calendarDate(m[1], m[2], m[3]) : null;
}

/** `2015.01.01-2035.01.01` or `2015.01.01-长期`, dots and dash as OCR renders them (real calendar dates only). */
export function validityIn(text: string): { from: string; until: string | null; longTerm: boolean } | null {
  const compact = text.replace(/\s+/gu, '');
  // Between the two dates a dash, which OCR renders as anything short (`-`, `一`, `z`, `:-`).
  const m = /(\d{4})\D?(\d{2})\D?(\d{2})[^\d长]{1,3}(?:(\d{4})\D?(\d{2})\D?(\d{2})|(长期))/u.exec(compact);
  if (!m) return null;
  const from = calendarDate(m[1], m[2], m[3]);
  if (!from) return null;
  if (m[7]) return { from, until: null, longTerm: true };
  const until = calendarDate(m[4], m[5], m[6]);
  return until ? { from, until, longTerm: false } : null;
}
