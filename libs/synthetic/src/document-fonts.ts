import { assertFonts, RequiredFont } from './font.check';
import { SyntheticError, SyntheticErrorCode } from './synthetic.error';

/** A face the MRZ can be printed in. */
export interface MrzFont extends RequiredFont {
  /** Fixed advance (a typewriter face) or proportional; the MRZ keeps its ICAO pitch either way. */
  monospace: boolean;
  /**
   * Capital height in em, measured by rendering `H` through librsvg at 100 px (bench/scratch-style one-off):
   * the font size that prints ICAO's character height differs from face to face.
   */
  capHeight: number;
}

/**
 * The MRZ faces: OCR-B, which ICAO prescribes, and others issuers and wallet apps' own renderings are seen with,
 * monospaced and proportional. Only Debian packages, so `.ci/run` can install every one.
 */
export const MRZ_FONTS = {
  'OCR B': { family: 'OCR B', debianPackage: 'fonts-ocr-b', monospace: true, capHeight: 0.72 },
  'DejaVu Sans Mono': {
    family: 'DejaVu Sans Mono',
    debianPackage: 'fonts-dejavu-core',
    monospace: true,
    capHeight: 0.73,
  },
  'Liberation Mono': {
    family: 'Liberation Mono',
    debianPackage: 'fonts-liberation2',
    monospace: true,
    capHeight: 0.66,
  },
  FreeMono: { family: 'FreeMono', debianPackage: 'fonts-freefont-ttf', monospace: true, capHeight: 0.56 },
  'Noto Mono': { family: 'Noto Mono', debianPackage: 'fonts-noto-mono', monospace: true, capHeight: 0.71 },
  Inconsolata: {
    family: 'Inconsolata',
    debianPackage: 'fonts-inconsolata',
    monospace: true,
    capHeight: 0.62,
  },
  'DejaVu Sans': {
    family: 'DejaVu Sans',
    debianPackage: 'fonts-dejavu-core',
    monospace: false,
    capHeight: 0.73,
  },
  'Liberation Sans': {
    family: 'Liberation Sans',
    debianPackage: 'fonts-liberation2',
    monospace: false,
    capHeight: 0.69,
  },
  FreeSans: { family: 'FreeSans', debianPackage: 'fonts-freefont-ttf', monospace: false, capHeight: 0.73 },
} as const satisfies Record<string, MrzFont>;

export type MrzFontFamily = keyof typeof MRZ_FONTS;

export const MRZ_FONT_FAMILIES = Object.keys(MRZ_FONTS) as MrzFontFamily[];

/** Faces the visual zone (captions, values, headers) is printed in, with their packages. */
const PAGE_FONT_PACKAGES: Readonly<Record<string, string>> = {
  'DejaVu Sans': 'fonts-dejavu-core',
  'DejaVu Serif': 'fonts-dejavu-core',
  'DejaVu Sans Mono': 'fonts-dejavu-core',
  'DejaVu Sans Condensed': 'fonts-dejavu-extra',
  'Liberation Sans': 'fonts-liberation2',
  'Liberation Serif': 'fonts-liberation2',
  'Liberation Mono': 'fonts-liberation2',
  FreeSans: 'fonts-freefont-ttf',
  FreeSerif: 'fonts-freefont-ttf',
  FreeMono: 'fonts-freefont-ttf',
  'Noto Mono': 'fonts-noto-mono',
};

export const PAGE_FONT_FAMILIES = Object.keys(PAGE_FONT_PACKAGES);

export function isMrzFontFamily(value: string): value is MrzFontFamily {
  return Object.prototype.hasOwnProperty.call(MRZ_FONTS, value);
}

/** The MRZ font of an option, refused with the list of faces when it is none of them. */
export function mrzFontOption(value: string | undefined): MrzFontFamily | undefined {
  if (value === undefined || isMrzFontFamily(value)) return value;
  throw new SyntheticError(
    SyntheticErrorCode.INVALID_OPTIONS,
    `mrzFont must be one of ${MRZ_FONT_FAMILIES.map((f) => `"${f}"`).join(', ')}, got "${value}"`,
  );
}

/** The page font of an option, refused with the list of faces when it is none of them. */
export function pageFontOption(value: string | undefined): string | undefined {
  if (value === undefined || PAGE_FONT_PACKAGES[value]) return value;
  throw new SyntheticError(
    SyntheticErrorCode.INVALID_OPTIONS,
    `pageFont must be one of ${PAGE_FONT_FAMILIES.map((f) => `"${f}"`).join(', ')}, got "${value}"`,
  );
}

/** Every face the MRZ documents can use, with its package: what `.ci/run` installs. */
export function requiredDocumentFonts(): RequiredFont[] {
  const mrz: RequiredFont[] = Object.values(MRZ_FONTS).map(({ family, debianPackage }) => ({
    family,
    debianPackage,
  }));
  const page = Object.entries(PAGE_FONT_PACKAGES).map(([family, debianPackage]) => ({
    family,
    debianPackage,
  }));
  return [...new Map([...mrz, ...page].map((f) => [f.family, f])).values()];
}

const checked = new Set<string>();

/**
 * Throws, naming the package to install, unless every family is installed (each checked once): librsvg would
 * otherwise print the MRZ in a fallback face and the case would not show what it says it shows.
 */
export function assertDocumentFonts(families: readonly string[]): void {
  const unchecked = [...new Set(families)].filter((f) => !checked.has(f));
  if (unchecked.length === 0) return;
  assertFonts(
    unchecked.map((family) => ({
      family,
      debianPackage:
        (isMrzFontFamily(family) ? MRZ_FONTS[family].debianPackage : PAGE_FONT_PACKAGES[family]) ??
        'a package',
    })),
  );
  for (const f of unchecked) checked.add(f);
}

/** The font size (mm) that prints capitals `capHeightMm` high in `family`. */
export function mrzFontSize(family: MrzFontFamily, capHeightMm: number): number {
  return capHeightMm / MRZ_FONTS[family].capHeight;
}
