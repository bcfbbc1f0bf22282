/**
 * The Resident Identity Card (2nd generation) and the Residence Permit for Hong Kong, Macao and Taiwan
 * residents, after their published layouts: the portrait side (人像面) with captions in a light blue ink and
 * black values, the number at the bottom in OCR-B; the emblem side (国徽面) with an emblem at the top left, the
 * title, the issuing authority and the validity. Fictional: an abstract emblem, no issuer artwork.
 */
import { portrait } from '../portrait.svg';
import { Rng } from '../prng';
import type { RenderedSide } from '../document.renderer';
import { CardField } from './card.model';
import { abstractEmblem, CARD_H, CARD_W, CardCanvas, finishCard, union } from './card-canvas';
import { CardStyle } from './card-style';

/** What a mainland card prints. */
export interface PrintedMainlandCard {
  permit: boolean;
  fullName: string;
  sex: 'M' | 'F';
  /** Resident ID card only. */
  ethnicity?: string;
  dateOfBirth: string;
  address: string;
  number: string;
  authority: string;
  validFrom: string;
  /** `''` for long-term (长期). */
  expiryDate: string;
  /** Residence permit only: the travel permit's number and how many permits were issued. */
  passNumber?: string;
  issueCount?: number;
}

/** The printed text of each field, as the card shows it. */
export type PrintedText = Partial<Record<CardField, string>>;

const dotted = (iso: string) => iso.replace(/-/g, '.');

/** `2015.01.01-2035.01.01`, or `2015.01.01-长期` for a long-term card. */
export function printedValidity(validFrom: string, expiryDate: string): string {
  return `${dotted(validFrom)}-${expiryDate ? dotted(expiryDate) : '长期'}`;
}

/** `1990 年 3 月 7 日` as the card prints it (the 年/月/日 are preprinted in caption ink). */
export function printedBirth(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y} 年 ${m} 月 ${d} 日`;
}

/** Advance of a string in units of its font size (Han full width, ASCII about half). */
function advance(text: string): number {
  let em = 0;
  for (const ch of text) em += /[\x20-\x7e]/.test(ch) ? 0.56 : 1;
  return em;
}

/** The address broken into lines of at most `maxEm` font sizes, at most `lines` of them (the last may be full). */
export function wrapAddress(address: string, maxEm: number, lines: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const ch of address) {
    if (advance(current + ch) > maxEm && out.length < lines - 1) {
      out.push(current);
      current = '';
    }
    current += ch;
  }
  if (current) out.push(current);
  return out;
}

const ADDRESS_EM = 11.4;
const ADDRESS_LINES = 3;

/** Whether an address fits the card's three lines at the nominal size. */
export function addressFits(address: string): boolean {
  return advance(address) <= ADDRESS_EM * ADDRESS_LINES;
}

export function renderMainlandCard(
  card: PrintedMainlandCard,
  style: CardStyle,
  rng: Rng,
): { front: RenderedSide; back: RenderedSide; printed: PrintedText } {
  const printed: PrintedText = {};
  const front = portraitSide(card, style, rng.fork('front'), printed);
  const back = emblemSide(card, style, rng.fork('back'), printed);
  return { front, back, printed };
}

function portraitSide(
  card: PrintedMainlandCard,
  style: CardStyle,
  rng: Rng,
  printed: PrintedText,
): RenderedSide {
  const c = new CardCanvas(style, rng);
  const s = style.scale;
  const { x: ox, y: oy } = style.offset;
  const caption = { size: 2.45 * s, family: style.labelFamily, fill: style.labelInk };
  const value = { size: 3.05 * s, family: style.valueFamily, fill: style.valueInk };
  const labelX = 5.4 + ox * 0.3;
  const valueX = 14.6 + ox;
  // Rows as the card has them: the permit leaves out 民族 and moves the rows up a little less tightly.
  const rows = card.permit ? [10, 17, 24, 31] : [9.8, 16.3, 22.8, 29.3];

  c.run(labelX, rows[0], '姓名', { ...caption, spacing: 0.9 });
  const name = c.run(valueX, rows[0] + oy, card.fullName, { ...value, size: 3.3 * s });
  c.field('fullName', name);
  printed.fullName = card.fullName;

  c.run(labelX, rows[1], '性别', { ...caption, spacing: 0.9 });
  const sex = card.sex === 'M' ? '男' : '女';
  c.field('sex', c.run(valueX, rows[1] + oy, sex, value));
  printed.sex = sex;
  if (!card.permit && card.ethnicity) {
    c.run(valueX + 11.5, rows[1], '民族', { ...caption, spacing: 0.9 });
    c.field('ethnicity', c.run(valueX + 20.5, rows[1] + oy, card.ethnicity, value));
    printed.ethnicity = card.ethnicity;
  }

  c.run(labelX, rows[2], '出生', { ...caption, spacing: 0.9 });
  const [year, month, day] = card.dateOfBirth.split('-').map(Number);
  const y = rows[2] + oy;
  const yearBox = c.run(valueX, y, String(year), value);
  const unit = { ...caption, size: value.size * 0.92 };
  c.run(valueX + 8.4 * s, rows[2], '年', unit);
  const monthBox = c.run(valueX + 12.4 * s, y, String(month), value);
  c.run(valueX + 16.6 * s, rows[2], '月', unit);
  const dayBox = c.run(valueX + 20.6 * s, y, String(day), value);
  const dayUnit = c.run(valueX + 24.8 * s, rows[2], '日', unit);
  c.field('dateOfBirth', union(union(yearBox, monthBox), union(dayBox, dayUnit)));
  printed.dateOfBirth = printedBirth(card.dateOfBirth);

  c.run(labelX, rows[3], '住址', { ...caption, spacing: 0.9 });
  const addressSize = 2.85 * s;
  const lines = wrapAddress(card.address, ADDRESS_EM * (3.05 / 2.85), ADDRESS_LINES);
  lines.forEach((line, i) =>
    c.field(
      'address',
      c.run(valueX, rows[3] + oy + i * addressSize * 1.5, line, { ...value, size: addressSize }),
    ),
  );
  printed.address = lines.join('\n');

  const numberY = 47.6 + oy * 0.5;
  c.run(labelX, numberY, '公民身份号码', { ...caption, spacing: 0.12 });
  const numberSize = 3.55 * s;
  c.field(
    'documentNumber',
    c.run(27.2 + ox * 0.6, numberY, card.number, {
      size: numberSize,
      family: style.numberFamily,
      fill: style.valueInk,
      halfAdvance: 0.74,
    }),
  );
  printed.documentNumber = card.number;

  c.photo = { x: 55.2 + ox * 0.2, y: 5.6, width: 26.2, height: 32.6 };
  c.add(portrait(rng.fork('portrait'), c.photo, rng.chance(0.25)));
  const fields = { x: labelX, y: rows[0] - 4, width: c.photo.x - labelX - 1, height: rows[3] + 10 - rows[0] };
  return finishCard(c, fields);
}

function emblemSide(
  card: PrintedMainlandCard,
  style: CardStyle,
  rng: Rng,
  printed: PrintedText,
): RenderedSide {
  const c = new CardCanvas(style, rng);
  const s = style.scale;
  const { x: ox, y: oy } = style.offset;
  c.add(abstractEmblem(c, 15.2, 14.6, 9.4));
  const titleInk = '#1e1e1e';
  // The titles are preprinted with the card, not personalised: they sit at their nominal place.
  c.run(30, 12.4, '中华人民共和国', { size: 4.1, family: style.labelFamily, fill: titleInk, spacing: 0.5 });
  if (card.permit) {
    c.run(29.4, 23.6, '港澳台居民居住证', {
      size: 5,
      family: style.labelFamily,
      fill: titleInk,
      spacing: 0.18,
      weight: 'bold',
    });
  } else {
    c.run(29, 24.2, '居民身份证', {
      size: 6.4,
      family: style.labelFamily,
      fill: titleInk,
      spacing: 0.42,
      weight: 'bold',
    });
  }
  const caption = { size: 2.45 * s, family: style.labelFamily, fill: style.labelInk, spacing: 0.12 };
  const value = { size: 2.95 * s, family: style.valueFamily, fill: style.valueInk };
  const labelX = 17.5 + ox * 0.3;
  const valueX = 33.5 + ox;
  const rows = card.permit ? [35.6, 40.8, 46, 51.2].map((r) => r - 1.4) : [40.6, 47.2];

  c.run(labelX, rows[0], '签发机关', caption);
  c.field('issuingAuthority', c.run(valueX, rows[0] + oy, card.authority, value));
  printed.issuingAuthority = card.authority;

  c.run(labelX, rows[1], '有效期限', caption);
  const validity = printedValidity(card.validFrom, card.expiryDate);
  c.field('validity', c.run(valueX, rows[1] + oy, validity, { ...value, halfAdvance: 0.58 }));
  printed.validity = validity;

  if (card.permit && card.passNumber !== undefined && card.issueCount !== undefined) {
    c.run(labelX, rows[2], '通行证号码', caption);
    c.field('passNumber', c.run(valueX, rows[2] + oy, card.passNumber, { ...value, halfAdvance: 0.6 }));
    printed.passNumber = card.passNumber;
    c.run(labelX, rows[3], '签发次数', caption);
    const count = String(card.issueCount).padStart(2, '0');
    c.field('issueCount', c.run(valueX, rows[3] + oy, count, { ...value, halfAdvance: 0.6 }));
    printed.issueCount = count;
  }
  const fields = { x: labelX, y: rows[0] - 4, width: CARD_W - labelX - 3, height: CARD_H - rows[0] + 2 };
  return finishCard(c, fields);
}
