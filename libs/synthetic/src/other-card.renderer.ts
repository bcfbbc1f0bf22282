import { transliterate } from '@idv/mrz';
import { DocumentStyle } from './document-style';
import { Person } from './applicant.generator';
import { Rng } from './prng';
import { RenderedSide } from './document.renderer';
import { BackgroundSpec } from './guilloche.pattern';
import { fitText, n, text } from './svg.util';

const BANKS = ['NORDIC UNION BANK', 'BANCO ESTRELLA', 'CRÉDIT DU LAC', 'HANSA SPARKASSE', 'MERIDIAN TRUST'];
const STORES = ['NORDMARKT', 'CAFÉ LUMEN', 'BOOKS & BEANS', 'FRESHWAY', 'SPORTHAUS ALPIN'];
const CARD_W = 85.6;
const CARD_H = 53.98;

/**
 * A card that is not an identity document: a payment card or a store loyalty card in ID-1 size, with the
 * holder's name but no MRZ. The service must answer `unsupported` for it rather than try to read it.
 */
export function renderOtherCard(person: Person, style: DocumentStyle, rng: Rng): RenderedSide {
  const parts: string[] = [];
  const payment = rng.chance(0.6);
  const holder = transliterate(`${person.givenNames} ${person.surname}`);
  const fields = { x: 6, y: 30, width: 70, height: 20 };
  let colours: Pick<
    BackgroundSpec,
    'paper' | 'tint' | 'tintOpacity' | 'patternColours' | 'density' | 'patternOpacity'
  >;
  if (payment) {
    const hue = rng.pick([
      ['#0d1b3d', '#27457a'],
      ['#101010', '#3a3a3a'],
      ['#0e3b2e', '#2a7a5f'],
      ['#3b0d2e', '#7a2756'],
    ]);
    colours = {
      paper: hue[0],
      tint: [hue[0], hue[1]],
      tintOpacity: 1,
      patternColours: ['#ffffff', '#9fb8e0', '#c0c0c0'],
      density: 0.5,
      patternOpacity: 0.35,
    };
    parts.push(
      text(6, 9, rng.pick(BANKS), { size: 3.2, family: 'DejaVu Sans', fill: '#ffffff', weight: 'bold' }),
      chip(9, 17),
    );
    const digits = Array.from({ length: 16 }, (_, i) =>
      i === 0 ? rng.pick(['4', '5']) : String(rng.int(0, 9)),
    ).join('');
    const grouped = digits.replace(/(\d{4})(?=\d)/g, '$1 ');
    parts.push(
      text(7, 35, grouped, { size: 4.4, family: 'OCR B', fill: '#e8e8e8', letterSpacing: 0.25 }),
      text(30, 41.5, 'VALID THRU', { size: 1.4, family: 'DejaVu Sans', fill: '#d8d8d8' }),
      text(42, 42, `${String(rng.int(1, 12)).padStart(2, '0')}/${rng.int(27, 32)}`, {
        size: 3,
        family: 'OCR B',
        fill: '#e8e8e8',
      }),
      fitText(7, 48.5, holder, 3.1, 'OCR B', 52, { fill: '#e8e8e8' }),
      `<circle cx="68" cy="44" r="5" fill="#e8a33d" fill-opacity="0.9"/><circle cx="74" cy="44" r="5" fill="#d9443c" fill-opacity="0.8"/>`,
    );
  } else {
    const band = style.scheme.ink;
    colours = {
      paper: '#fbfaf6',
      tint: ['#fbfaf6', style.scheme.tint[0]],
      tintOpacity: 0.5,
      patternColours: style.scheme.pattern,
      density: 0,
      patternOpacity: 0,
    };
    parts.push(
      `<path d="M3.18 0H${CARD_W - 3.18}A3.18 3.18 0 0 1 ${CARD_W} 3.18V15H0V3.18A3.18 3.18 0 0 1 3.18 0Z" fill="${band}"/>`,
      text(6, 10, rng.pick(STORES), { size: 5, family: 'DejaVu Serif', fill: '#ffffff', weight: 'bold' }),
      text(6, 22, 'MEMBER CARD', { size: 2.6, family: 'DejaVu Sans', fill: band, weight: 'bold' }),
      text(6, 27, `Member since ${rng.int(2012, 2024)}`, { size: 2, family: 'DejaVu Sans', fill: '#444444' }),
      fitText(6, 33, holder, 3, 'DejaVu Sans', CARD_W - 12, { fill: '#111111' }),
      barcode(rng, 6, 37, 48, 11),
      text(58, 46, String(rng.int(100000000, 999999999)), {
        size: 2.6,
        family: 'DejaVu Sans Mono',
        fill: '#111111',
      }),
    );
  }
  const m = style.marginMm;
  const k = style.dpi / 25.4;
  const width = Math.round((CARD_W + 2 * m) * k);
  const height = Math.round((CARD_H + 2 * m) * k);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${n(CARD_W + 2 * m)} ${n(CARD_H + 2 * m)}">` +
    `<g transform="translate(${n(m)} ${n(m)})">${parts.join('')}</g></svg>`;
  const px = (v: number) => Math.round(v * k);
  return {
    background: {
      ...colours,
      width,
      height,
      pxPerMm: k,
      doc: { x: m, y: m, width: CARD_W, height: CARD_H, radius: 3.18 },
      backdrop: style.backdrop,
      tintAngle: rng.int(0, 359),
      seed: rng.fork('pattern').seed,
    },
    svg,
    width,
    height,
    regions: {
      document: { x: px(m), y: px(m), width: px(CARD_W), height: px(CARD_H) },
      fields: {
        x: px(fields.x + m),
        y: px(fields.y + m),
        width: px(fields.width),
        height: px(fields.height),
      },
    },
  };
}

function chip(x: number, y: number): string {
  return (
    `<rect x="${x}" y="${y}" width="10" height="8" rx="1.4" fill="#d9b45a" stroke="#8a6d28" stroke-width="0.2"/>` +
    `<path d="M${x} ${y + 4}H${x + 10}M${x + 5} ${y}V${y + 8}M${x + 3} ${y + 2}H${x + 7}V${y + 6}H${x + 3}Z" stroke="#8a6d28" stroke-width="0.2" fill="none"/>`
  );
}

function barcode(rng: Rng, x: number, y: number, width: number, height: number): string {
  let cursor = x;
  let out = '';
  while (cursor < x + width) {
    const bar = rng.pick([0.25, 0.25, 0.5, 0.75]);
    out += `<rect x="${n(cursor)}" y="${y}" width="${bar}" height="${height}" fill="#111111"/>`;
    cursor += bar + rng.pick([0.25, 0.5, 0.5, 0.75]);
  }
  return out;
}
