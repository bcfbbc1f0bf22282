/**
 * The Hong Kong smart identity card, one side, after its published layout: the bilingual title, the Chinese
 * name in traditional characters, the English name (`CHAN, Tai Man`), the Chinese commercial code, date of
 * birth, sex, the symbols line (`***AZ`), the dates of first registration and issue, and the number
 * `A123456(3)` at the bottom right, with the photo on the right. Fictional: an abstract emblem, no artwork.
 */
import type { RenderedSide } from '../document.renderer';
import { portrait } from '../portrait.svg';
import { Rng } from '../prng';
import { abstractEmblem, CardCanvas, finishCard, union } from './card-canvas';
import { CardStyle } from './card-style';
import { PrintedText } from './resident-id.renderer';

/** What an HKID card prints. */
export interface PrintedHkid {
  permanent: boolean;
  chineseName: string;
  englishName: string;
  commercialCode: string[];
  dateOfBirth: string;
  sex: 'M' | 'F';
  symbols: string;
  /** ISO date of first registration (printed `(MM-YY)`) and of issue (printed `DD-MM-YY`). */
  firstRegistration: string;
  issueDate: string;
  /** With its check digit, without brackets: `A1234563`. */
  number: string;
}

/** `DD-MM-YYYY`. */
export function hkDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}

export function hkidTitle(permanent: boolean): { chinese: string; english: string } {
  return permanent
    ? { chinese: '香港永久性居民身份證', english: 'HONG KONG PERMANENT IDENTITY CARD' }
    : { chinese: '香港居民身份證', english: 'HONG KONG IDENTITY CARD' };
}

export function renderHkid(
  card: PrintedHkid,
  style: CardStyle,
  rng: Rng,
): { front: RenderedSide; printed: PrintedText } {
  const c = new CardCanvas(style, rng);
  const printed: PrintedText = {};
  const s = style.scale;
  const { x: ox, y: oy } = style.offset;
  const ink = style.valueInk;
  const caption = { size: 1.9 * s, fill: style.labelInk };
  const x0 = 5 + ox;

  const title = hkidTitle(card.permanent);
  c.run(5, 6.4, title.chinese, { size: 3.1, family: style.labelFamily, fill: style.titleInk, spacing: 0.06 });
  c.latin(5, 10, title.english, { size: 2.05, fill: style.titleInk, weight: 'bold' });
  c.add(abstractEmblem(c, 77.5, 7.2, 4.6));

  c.field(
    'chineseName',
    c.run(x0, 17.2 + oy, card.chineseName, {
      size: 4.3 * s,
      family: style.valueFamily,
      fill: ink,
      spacing: 0.1,
    }),
  );
  printed.chineseName = card.chineseName;
  c.field('fullName', c.latin(x0, 22.3 + oy, card.englishName, { size: 3 * s, fill: ink }));
  printed.fullName = card.englishName;
  const code = card.commercialCode.join(' ');
  c.field(
    'chineseCommercialCode',
    c.run(x0, 26.8 + oy, code, { size: 2.7 * s, family: style.latinFamily, fill: ink, halfAdvance: 0.62 }),
  );
  printed.chineseCommercialCode = code;

  c.run(x0, 30.6 + oy, '出生日期', { ...caption, family: style.labelFamily });
  c.latin(x0 + 8.2 * s, 30.6 + oy, 'Date of Birth', caption);
  const dob = hkDate(card.dateOfBirth);
  c.field(
    'dateOfBirth',
    c.run(x0, 34.8 + oy, dob, { size: 3 * s, family: style.latinFamily, fill: ink, halfAdvance: 0.62 }),
  );
  printed.dateOfBirth = dob;
  const sex = card.sex === 'M' ? '男 M' : '女 F';
  c.field(
    'sex',
    union(
      c.run(x0 + 26 * s, 34.8 + oy, sex.slice(0, 1), { size: 3 * s, family: style.valueFamily, fill: ink }),
      c.latin(x0 + 26 * s + 4 * s, 34.8 + oy, sex.slice(2), { size: 3 * s, fill: ink }),
    ),
  );
  printed.sex = sex;

  c.field(
    'symbols',
    c.run(x0, 40.2 + oy, card.symbols, {
      size: 3 * s,
      family: style.latinFamily,
      fill: ink,
      halfAdvance: 0.64,
    }),
  );
  printed.symbols = card.symbols;

  const [fy, fm] = card.firstRegistration.split('-');
  const first = `(${fm}-${fy.slice(2)})`;
  const [iy, im, id] = card.issueDate.split('-');
  const issued = `${id}-${im}-${iy.slice(2)}`;
  c.field(
    'firstRegistration',
    c.run(x0, 46.4 + oy, first, { size: 2.8 * s, family: style.latinFamily, fill: ink, halfAdvance: 0.6 }),
  );
  printed.firstRegistration = first;
  c.run(x0 + 14 * s, 42.9 + oy, '簽發日期', { ...caption, family: style.labelFamily });
  c.latin(x0 + 14 * s + 8.2 * s, 42.9 + oy, 'Date of Issue', caption);
  c.field(
    'issueDate',
    c.run(x0 + 14 * s, 46.4 + oy, issued, {
      size: 2.8 * s,
      family: style.latinFamily,
      fill: ink,
      halfAdvance: 0.6,
    }),
  );
  printed.issueDate = issued;

  const number = `${card.number.slice(0, -1)}(${card.number.slice(-1)})`;
  c.field(
    'documentNumber',
    c.run(51.5 + ox * 0.5, 49.6 + oy * 0.5, number, {
      size: 3.6 * s,
      family: style.numberFamily,
      fill: ink,
      halfAdvance: 0.72,
    }),
  );
  printed.documentNumber = number;

  c.photo = { x: 56.5 + ox * 0.2, y: 13, width: 24.5, height: 30.5 };
  c.add(portrait(rng.fork('portrait'), c.photo, rng.chance(0.3)));
  return { front: finishCard(c, { x: x0, y: 12, width: 50, height: 37 }), printed };
}
