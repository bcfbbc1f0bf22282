import { execFileSync } from 'node:child_process';
import { assertFonts, RequiredFont } from '../font.check';
import { Rng } from '../prng';
import { SyntheticError, SyntheticErrorCode } from '../synthetic.error';
import { CardStyleSet } from './card.model';

/** Which Han script a card prints: simplified on mainland cards, traditional on HKID. */
export type HanScript = 'simplified' | 'traditional';

const PACKAGES: Readonly<Record<string, string>> = {
  'WenQuanYi Micro Hei': 'fonts-wqy-microhei',
  'WenQuanYi Zen Hei': 'fonts-wqy-zenhei',
  'Noto Sans CJK SC': 'fonts-noto-cjk',
  'Noto Sans CJK TC': 'fonts-noto-cjk',
  'Noto Serif CJK SC': 'fonts-noto-cjk',
  'Noto Serif CJK TC': 'fonts-noto-cjk',
  'AR PL UMing CN': 'fonts-arphic-uming',
  'AR PL UMing TW': 'fonts-arphic-uming',
  'AR PL UKai CN': 'fonts-arphic-ukai',
  'AR PL UKai TW': 'fonts-arphic-ukai',
  'OCR B': 'fonts-ocr-b',
  'DejaVu Sans': 'fonts-dejavu-core',
  'DejaVu Serif': 'fonts-dejavu-core',
  'DejaVu Sans Mono': 'fonts-dejavu-core',
};

/** The families each style set draws from; the holdout set shares none of the primary set's Han fonts. */
export const CARD_FONTS: Readonly<
  Record<CardStyleSet, { han: Record<HanScript, string[]>; latin: string[]; number: string[] }>
> = {
  primary: {
    han: {
      simplified: ['WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'AR PL UMing CN'],
      traditional: ['Noto Sans CJK TC', 'AR PL UMing TW', 'WenQuanYi Micro Hei'],
    },
    latin: ['DejaVu Sans'],
    number: ['OCR B'],
  },
  holdout: {
    han: {
      simplified: ['WenQuanYi Zen Hei', 'Noto Serif CJK SC', 'AR PL UKai CN'],
      traditional: ['Noto Serif CJK TC', 'AR PL UKai TW', 'WenQuanYi Zen Hei'],
    },
    latin: ['DejaVu Serif', 'DejaVu Sans'],
    number: ['OCR B', 'OCR B', 'DejaVu Sans Mono'],
  },
};

/** Every family of a style set with its Debian package, for {@link assertFonts}. */
export function requiredCardFonts(set: CardStyleSet): RequiredFont[] {
  const f = CARD_FONTS[set];
  const families = [...new Set([...f.han.simplified, ...f.han.traditional, ...f.latin, ...f.number])];
  return families.map((family) => ({ family, debianPackage: PACKAGES[family] }));
}

const checked = new Set<CardStyleSet>();

/** Throws, naming the package to install, unless every font of the set is installed (checked once a set). */
export function assertCardFonts(set: CardStyleSet): void {
  if (checked.has(set)) return;
  assertFonts(requiredCardFonts(set));
  checked.add(set);
}

const coverage = new Map<string, Array<[number, number]>>();

/**
 * The code point ranges a family covers, from fontconfig's charset (`20-7e a0-17f …`). Several faces of one
 * family (a .ttc) are merged.
 */
function charset(family: string): Array<[number, number]> {
  const known = coverage.get(family);
  if (known) return known;
  let listing = '';
  try {
    listing = execFileSync('fc-list', ['-f', '%{charset}\n', `:family=${family}`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    // Treated as covering nothing; assertCardFonts names the package.
  }
  const ranges = listing
    .split(/\s+/)
    .filter(Boolean)
    .map((r): [number, number] => {
      const [a, b] = r.split('-').map((h) => parseInt(h, 16));
      return [a, b ?? a];
    });
  coverage.set(family, ranges);
  return ranges;
}

/** The characters of `text` that `family` has no glyph for (librsvg would take them from another font). */
export function uncoveredCharacters(family: string, text: string): string[] {
  const ranges = charset(family);
  return [...new Set(text)].filter((ch) => {
    const cp = ch.codePointAt(0)!;
    if (cp <= 0x20) return false;
    return !ranges.some(([a, b]) => cp >= a && cp <= b);
  });
}

/**
 * A Han family of the set that has every glyph of `texts`, preferring a random one; a rare character such as
 * 䶮 (CJK Extension A) rules out fonts without it, so nothing is ever drawn by a fallback font.
 */
export function pickHanFamily(rng: Rng, set: CardStyleSet, script: HanScript, texts: string[]): string {
  const candidates = CARD_FONTS[set].han[script];
  const start = rng.int(0, candidates.length - 1);
  const all = texts.join('');
  for (let i = 0; i < candidates.length; i++) {
    const family = candidates[(start + i) % candidates.length];
    if (uncoveredCharacters(family, all).length === 0) return family;
  }
  throw new SyntheticError(
    SyntheticErrorCode.FONT_MISSING,
    `no ${set} ${script} font has glyphs for "${all}" (tried ${candidates.join(', ')})`,
  );
}
