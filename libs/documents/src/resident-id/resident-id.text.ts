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

/** Parses the portrait side's field lines (top to bottom). */
export function parsePortrait(lines: readonly TextLine[]): PortraitText {
  const rows = [...lines].sort((a, b) => a.box.y - b.box.y);
  const out: PortraitText = { name: null, sex: null, ethnicity: null, birthDate: null, address: null };
  let addressFrom = -1;
  rows.forEach((line, i) => {
    const text = line.text;
    if (LABELS.name.test(text)) out.name = nameIn(text.replace(LABELS.name, ''), line.confidence);
    if (LABELS.sex.test(text) || /^[男女]\b/u.test(text)) {
      const sex = /[男女]/u.exec(text.replace(LABELS.sex, '').split(/民\s*族/u)[0]);
      if (sex) out.sex = { value: sex[0] === '男' ? 'M' : 'F', confidence: line.confidence };
    }
    if (LABELS.ethnicity.test(text)) {
      const e = /[\p{Script=Han}]+/u.exec(text.split(LABELS.ethnicity)[1] ?? '');
      if (e) out.ethnicity = { value: e[0], confidence: line.confidence };
    }
    const birth = birthDateIn(text);
    if (birth && !out.birthDate) out.birthDate = { value: birth, confidence: line.confidence };
    if (LABELS.address.test(text) && addressFrom < 0) addressFrom = i;
  });
  // The name is the card's first line even when OCR lost its label.
  if (!out.name && rows.length > 0 && !LABELS.sex.test(rows[0].text) && !birthDateIn(rows[0].text))
    out.name = nameIn(rows[0].text.replace(/^[^\p{Script=Han}]*姓?名?/u, ''), rows[0].confidence);
  if (addressFrom >= 0) {
    const parts = rows.slice(addressFrom).filter((l) => !/公民身份号码/u.test(l.text));
    const text = parts
      .map((l, i) => (i === 0 ? l.text.replace(LABELS.address, '') : l.text))
      .join('')
      .replace(NOISE, '');
    const confidence = parts.reduce((s, l) => s + l.confidence, 0) / Math.max(1, parts.length);
    out.address = value(text, confidence);
  }
  return out;
}

/** Parses the emblem side: its title block and its lower field lines. */
export function parseEmblem(titleLines: readonly TextLine[], fieldLines: readonly TextLine[]): EmblemText {
  const title = titleLines.map((l) => l.text.replace(NOISE, '')).join('');
  const permit = /居住证/u.test(title) ? true : /身份证/u.test(title) ? false : null;
  const out: EmblemText = { permit, issuingAuthority: null, validity: null, permitNumber: null };
  for (const line of fieldLines) {
    const text = line.text;
    if (LABELS.authority.test(text)) {
      const rest = text.split(LABELS.authority)[1].replace(NOISE, '');
      out.issuingAuthority = value(rest, line.confidence);
    }
    const validity = validityIn(text);
    if (validity && (LABELS.validity.test(text) || !out.validity))
      out.validity = { ...validity, confidence: line.confidence };
    if (LABELS.permitNumber.test(text)) {
      const n = /[A-Z0-9]{6,}/u.exec(text.split(LABELS.permitNumber)[1].replace(NOISE, ''));
      if (n) out.permitNumber = { value: n[0], confidence: line.confidence };
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

/** `2015.01.01-2035.01.01` or `2015.01.01-长期`, dots and dash as OCR renders them. */
export function validityIn(text: string): { from: string; until: string | null; longTerm: boolean } | null {
  const compact = text.replace(/\s+/gu, '');
  const m =
    /(\d{4})[.,·:]?(\d{2})[.,·:]?(\d{2})[-—–一~至]+(?:(\d{4})[.,·:]?(\d{2})[.,·:]?(\d{2})|(长期))/u.exec(
      compact,
    );
  if (!m) return null;
  const from = calendarDate(m[1], m[2], m[3]);
  if (!from) return null;
  if (m[7]) return { from, until: null, longTerm: true };
  const until = calendarDate(m[4], m[5], m[6]);
  return until ? { from, until, longTerm: false } : null;
}
