/**
 * The holdout set's looks: none of the primary set's colour schemes, faces or caption texts, and layouts it never
 * draws (portrait on the right of a passport page, captions below or before the values, other portrait and
 * document sizes within ICAO's tolerance, the MRZ at another pitch and line spacing within tolerance).
 */
import { MRZ_FONT_FAMILIES, MrzFontFamily, mrzFontSize } from '../document-fonts';
import { ColourScheme, DocumentStyle } from '../document-style';
import { LabelKey } from '../label-sets';
import { LabelLanguage } from '../name-pools';
import { Rng } from '../prng';

const HOLDOUT_SCHEMES: readonly ColourScheme[] = [
  {
    name: 'ochre',
    paper: '#f6efdc',
    tint: ['#efdcae', '#e3ead2'],
    pattern: ['#c9a24e', '#8fae7a', '#c98f6a'],
    ink: '#6a4a10',
    value: '#1b1408',
  },
  {
    name: 'slate',
    paper: '#e9edf0',
    tint: ['#cfd9e1', '#e6e2ea'],
    pattern: ['#7d93a8', '#a98fb0', '#90a7a0'],
    ink: '#2b3b4a',
    value: '#0c1116',
  },
  {
    name: 'mint',
    paper: '#eaf6ef',
    tint: ['#c9ecd8', '#f3ecd2'],
    pattern: ['#6cbf95', '#d6b85e', '#72a9c9'],
    ink: '#17573a',
    value: '#0b1a12',
  },
  {
    name: 'peach',
    paper: '#fbeee6',
    tint: ['#f6d2bf', '#e9e4f4'],
    pattern: ['#e09a78', '#a99bd6', '#d8b36f'],
    ink: '#7a2e12',
    value: '#1c0f0a',
  },
  {
    name: 'steel-blue',
    paper: '#e6eef7',
    tint: ['#bcd2ea', '#dfe9e3'],
    pattern: ['#5f8fc4', '#7fb3a0', '#9b9bd0'],
    ink: '#0f3566',
    value: '#070c14',
  },
  {
    name: 'olive',
    paper: '#f1f1e2',
    tint: ['#dedfb6', '#eadcd0'],
    pattern: ['#a3a55a', '#c49273', '#7fa08e'],
    ink: '#45470f',
    value: '#12130a',
  },
];

/** English captions other issuers print, per field. */
const ALTERNATIVE_CAPTIONS: Readonly<Partial<Record<LabelKey, readonly string[]>>> = {
  type: ['Code', 'Doc. type'],
  code: ['Issuing state', 'State'],
  documentNumber: ['Passport No.', 'Card No.', 'Number'],
  surname: ['Family name', 'Last name', 'Name'],
  givenNames: ['Forenames', 'First names', 'Given name(s)'],
  nationality: ['Citizenship', 'Nationality/Citizenship'],
  dateOfBirth: ['Birth date', 'Born'],
  sex: ['Gender', 'M/F'],
  placeOfBirth: ['Birthplace', 'Born in'],
  dateOfIssue: ['Issued', 'Issue date'],
  authority: ['Issued by', 'Issuing office'],
  dateOfExpiry: ['Expiry', 'Valid until', 'Expires'],
  signature: ['Signature'],
  validFrom: ['Valid from', 'From'],
  entries: ['Entries'],
  remarks: ['Notes', 'Annotations'],
};

/** The faces the holdout MRZ is printed in: OCR-B now and then, mostly the others. */
const MRZ_FONT_WEIGHTS = Object.fromEntries(
  MRZ_FONT_FAMILIES.map((f) => [f, f === 'OCR B' ? 0.6 : 1]),
) as Record<MrzFontFamily, number>;

export function pickHoldoutStyle(rng: Rng, language: LabelLanguage): DocumentStyle {
  const family = rng.weighted(MRZ_FONT_WEIGHTS);
  // ICAO's character height is 2.4 mm nominal; pitch 2.54 mm and line spacing 4.23 mm, each within tolerance.
  const capHeight = rng.float(2.25, 2.65);
  const captions = rng.chance(0.5)
    ? Object.fromEntries(Object.entries(ALTERNATIVE_CAPTIONS).map(([key, texts]) => [key, rng.pick(texts!)]))
    : undefined;
  return {
    dpi: rng.int(260, 340),
    scheme: rng.pick(HOLDOUT_SCHEMES),
    language,
    numbered: rng.chance(0.5),
    fontScale: rng.float(0.85, 1.12),
    valueFamily: rng.pick([
      'Liberation Sans',
      'Liberation Serif',
      'FreeSans',
      'FreeSerif',
      'Liberation Mono',
    ]),
    valueWeight: rng.chance(0.45) ? 'bold' : 'normal',
    labelItalic: rng.chance(0.3),
    dateStyle: rng.pick(['dots', 'spaces', 'month', 'bilingual-month', 'iso'] as const),
    photoRight: rng.chance(0.5),
    nationalityAsName: rng.chance(0.5),
    marginMm: rng.float(0.3, 6),
    backdrop: rng.pick(['#d9d4c7', '#bfc7cc', '#f7f3ea', '#4a4f55', '#1c1c1c', '#e0e6e0']),
    patternDensity: rng.chance(0.15) ? 0 : rng.float(0.6, 1.6),
    mrzOffset: { x: rng.float(-1.2, 1.2), y: rng.float(-0.8, 0.8) },
    labelFamily: rng.pick(['Liberation Sans', 'FreeSans', 'DejaVu Sans Condensed', 'Liberation Serif']),
    mrz: {
      family,
      fontSize: mrzFontSize(family, capHeight),
      pitch: rng.float(2.46, 2.62),
      linePitch: rng.float(3.9, 4.6),
    },
    sizeDeltaMm: { w: rng.float(-0.7, 0.7), h: rng.float(-0.7, 0.7) },
    captionPlacement: rng.weighted({ above: 2, below: 1, inline: 1 }),
    captionUpper: rng.chance(0.4),
    ...(captions ? { captions } : {}),
    pagePhotoRight: rng.chance(0.4),
    photoScale: rng.float(0.85, 1.1),
    tintOpacity: rng.float(0.5, 1),
  };
}
