import { MrzFontFamily } from './document-fonts';
import { LabelLanguage } from './name-pools';
import { DateStyle, LabelKey } from './label-sets';
import { Rng } from './prng';

/** Colours of one document design. */
export interface ColourScheme {
  name: string;
  paper: string;
  /** Gradient tint laid over the paper. */
  tint: [string, string];
  /** Guilloche line colours. */
  pattern: [string, string, string];
  /** Captions and the header. */
  ink: string;
  /** Printed values. */
  value: string;
}

export const COLOUR_SCHEMES: readonly ColourScheme[] = [
  {
    name: 'burgundy',
    paper: '#f7f0e8',
    tint: ['#f3dfe3', '#efe6f4'],
    pattern: ['#c98aa0', '#a7a0d6', '#d9a878'],
    ink: '#7a1f3d',
    value: '#141414',
  },
  {
    name: 'navy',
    paper: '#eef2f8',
    tint: ['#dbe6f5', '#e6f1f1'],
    pattern: ['#7f9fd1', '#80c0c4', '#b2a0d8'],
    ink: '#1f3a68',
    value: '#101418',
  },
  {
    name: 'green',
    paper: '#f0f5ec',
    tint: ['#dcebd6', '#f0f0d4'],
    pattern: ['#86b58a', '#c9c27a', '#7fb3b0'],
    ink: '#24583a',
    value: '#121212',
  },
  {
    name: 'teal',
    paper: '#ecf5f4',
    tint: ['#d4ecea', '#e8e4f2'],
    pattern: ['#6fb2ad', '#a3a8d8', '#90c29a'],
    ink: '#1d5c63',
    value: '#0f1416',
  },
  {
    name: 'violet',
    paper: '#f3f0f8',
    tint: ['#e5dcf2', '#f2e0ea'],
    pattern: ['#a68fd0', '#d29ab8', '#8fb0d6'],
    ink: '#4b2e83',
    value: '#161218',
  },
  {
    name: 'sand',
    paper: '#f8f3e6',
    tint: ['#f1e5c8', '#e9efe0'],
    pattern: ['#cfae6e', '#9fbf8f', '#d19a7a'],
    ink: '#6b4f1d',
    value: '#1a1612',
  },
  {
    name: 'rose-grey',
    paper: '#f5f2f2',
    tint: ['#eadcdc', '#e3e6ec'],
    pattern: ['#c49a9a', '#9aa6c4', '#b8b8b8'],
    ink: '#5a3b3b',
    value: '#141414',
  },
];

/** Everything about a document's look that varies from seed to seed. */
export interface DocumentStyle {
  /** Rendering resolution, around 300 dpi. */
  dpi: number;
  scheme: ColourScheme;
  language: LabelLanguage;
  /** EU-style numbered captions ("1. Surname"). */
  numbered: boolean;
  /** Multiplies every caption and value size. */
  fontScale: number;
  valueFamily: string;
  valueWeight: 'normal' | 'bold';
  labelItalic: boolean;
  dateStyle: DateStyle;
  /** Cards only: photo on the right instead of the left. */
  photoRight: boolean;
  /** Nationality printed as the country's name instead of its code. */
  nationalityAsName: boolean;
  /** Scanner-bed margin around the document, in mm, and its colour. */
  marginMm: number;
  backdrop: string;
  /** Density of the guilloche lines. */
  patternDensity: number;
  /** Sub-millimetre offset of the MRZ from its nominal position (real printers are not exact). */
  mrzOffset: { x: number; y: number };
  /** Face of the captions, headers and titles. */
  labelFamily: string;
  mrz: MrzPrint;
  // The holdout set's layouts below; absent on the primary set, which draws as it always did.
  /** Deviation of the document's size from ICAO's nominal (mm), within the standard's tolerance. */
  sizeDeltaMm?: { w: number; h: number };
  /** Captions above the value (default), below it, or before it on the same line on full-width rows. */
  captionPlacement?: 'above' | 'below' | 'inline';
  captionUpper?: boolean;
  /** Caption texts replacing the standard ones. */
  captions?: Partial<Record<LabelKey, string>>;
  /** Passports and visas: the portrait on the right. */
  pagePhotoRight?: boolean;
  /** Portrait size relative to the standard one. */
  photoScale?: number;
  /** Opacity of the paper's tint gradient (default 0.8). */
  tintOpacity?: number;
}

/** How the MRZ is printed: its face, font size, character pitch and line pitch (mm). */
export interface MrzPrint {
  family: MrzFontFamily;
  fontSize: number;
  pitch: number;
  linePitch: number;
}

/**
 * ICAO 9303's nominal MRZ: OCR-B at 10 characters per inch, lines 4.23 mm apart. At 3.45 mm OCR-B's capitals are
 * about 2.4 mm high, ICAO's nominal character height.
 */
export const ICAO_MRZ: Readonly<MrzPrint> = { family: 'OCR B', fontSize: 3.45, pitch: 2.54, linePitch: 4.23 };

export function pickStyle(rng: Rng, language: LabelLanguage): DocumentStyle {
  return {
    dpi: rng.int(280, 330),
    scheme: rng.pick(COLOUR_SCHEMES),
    language,
    numbered: rng.chance(0.35),
    fontScale: rng.float(0.9, 1.1),
    valueFamily: rng.pick(['DejaVu Sans', 'DejaVu Sans', 'DejaVu Sans Condensed', 'DejaVu Serif']),
    valueWeight: rng.chance(0.3) ? 'bold' : 'normal',
    labelItalic: rng.chance(0.4),
    dateStyle: rng.pick(['dots', 'spaces', 'month', 'bilingual-month', 'dots', 'iso'] as const),
    photoRight: rng.chance(0.2),
    nationalityAsName: rng.chance(0.4),
    marginMm: rng.float(0.5, 4),
    backdrop: rng.pick(['#fbfbf9', '#f2f2ef', '#e6e6e3', '#fdfdfd', '#2a2a2a']),
    patternDensity: rng.float(0.8, 1.25),
    mrzOffset: { x: rng.float(-0.6, 0.6), y: rng.float(-0.5, 0.4) },
    labelFamily: 'DejaVu Sans',
    mrz: { ...ICAO_MRZ },
  };
}
