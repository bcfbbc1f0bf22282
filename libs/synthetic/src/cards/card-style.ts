import { Rng } from '../prng';
import { CardStyleSet } from './card.model';
import { CARD_FONTS, HanScript, pickHanFamily } from './card-fonts';

/** Everything about a card's look that varies from seed to seed. */
export interface CardStyle {
  set: CardStyleSet;
  dpi: number;
  /** Scanner-bed margin (mm) and its colour. */
  marginMm: number;
  backdrop: string;
  paper: string;
  tint: [string, string];
  pattern: [string, string, string];
  patternDensity: number;
  /** Printed captions (姓名, 性别 …): a lighter blue-ish ink on the mainland cards. */
  labelInk: string;
  /** Values. */
  valueInk: string;
  /** Titles and the emblem. */
  titleInk: string;
  labelFamily: string;
  valueFamily: string;
  latinFamily: string;
  numberFamily: string;
  /** Multiplies every text size (printers and card generations differ a little). */
  scale: number;
  /** The printed data's offset from its nominal place (mm): personalisation is never exactly registered. */
  offset: { x: number; y: number };
}

interface Palette {
  paper: string;
  tint: [string, string];
  pattern: [string, string, string];
  label: string;
  title: string;
}

const PALETTES: Readonly<Record<CardStyleSet, readonly Palette[]>> = {
  primary: [
    {
      paper: '#f4f7f6',
      tint: ['#dcecf3', '#f2efd9'],
      pattern: ['#9cc3d8', '#d7c38e', '#a9cfc0'],
      label: '#3d72a8',
      title: '#b0483a',
    },
    {
      paper: '#f6f6f2',
      tint: ['#e2eef5', '#f4ecdf'],
      pattern: ['#8fb6d4', '#e0b98a', '#b9d2a8'],
      label: '#2f6496',
      title: '#a53f33',
    },
    {
      paper: '#f3f6f8',
      tint: ['#d6e8f0', '#eaf1e2'],
      pattern: ['#7eaed0', '#c9cf8e', '#9ec8d1'],
      label: '#4a7fb5',
      title: '#9c3b30',
    },
  ],
  holdout: [
    {
      paper: '#f7f4ee',
      tint: ['#efe3d0', '#e0ecf0'],
      pattern: ['#d4b08a', '#98b8c8', '#c7a8c9'],
      label: '#2e5a7a',
      title: '#8a2f2a',
    },
    {
      paper: '#eff5f1',
      tint: ['#d8ecdf', '#e8e6f3'],
      pattern: ['#8cc2a4', '#b3a9d8', '#c2c98a'],
      label: '#3b6f8f',
      title: '#7a3030',
    },
  ],
};

/**
 * A look from `set` for a card printing `texts` (so the Han font chosen has every glyph they need). The
 * holdout set differs in fonts, colours, sizes and registration offsets, and more widely.
 */
export function pickCardStyle(rng: Rng, set: CardStyleSet, script: HanScript, texts: string[]): CardStyle {
  const wide = set === 'holdout';
  const palette = rng.pick(PALETTES[set]);
  const fonts = CARD_FONTS[set];
  const valueFamily = pickHanFamily(rng.fork('value-font'), set, script, texts);
  return {
    set,
    dpi: wide ? rng.int(270, 340) : rng.int(290, 315),
    marginMm: rng.float(0.8, wide ? 5 : 3.5),
    backdrop: rng.pick(
      wide ? ['#e9e9e4', '#d8d8d2', '#3a3a3a', '#fafafa'] : ['#fbfbf9', '#f2f2ef', '#2a2a2a'],
    ),
    paper: palette.paper,
    tint: palette.tint,
    pattern: palette.pattern,
    patternDensity: wide ? rng.float(0.9, 1.4) : rng.float(0.75, 1.1),
    labelInk: palette.label,
    valueInk: rng.pick(['#111111', '#1a1a1a', '#0d0d12']),
    titleInk: palette.title,
    // Captions are preprinted in one face; the fitting font is rechecked because labels share no rare glyphs.
    labelFamily: rng.chance(0.5) ? valueFamily : pickHanFamily(rng.fork('label-font'), set, script, []),
    valueFamily,
    latinFamily: rng.pick(fonts.latin),
    numberFamily: rng.pick(fonts.number),
    scale: wide ? rng.float(0.92, 1.08) : rng.float(0.96, 1.04),
    offset: {
      x: rng.float(-1, 1) * (wide ? 0.9 : 0.4),
      y: rng.float(-1, 1) * (wide ? 0.8 : 0.35),
    },
  };
}
