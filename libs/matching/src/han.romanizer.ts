import { onFirstUse } from './on-first-use';

/**
 * pinyin-pro, loaded on first use: it builds its dictionaries as it is imported (~0.3 s), which a document with no
 * Han name (every MRZ document) should not pay on a one-shot run.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const pinyinPro = onFirstUse(() => require('pinyin-pro') as typeof import('pinyin-pro'));

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;

/** More readings than this per name are not worth trying: real names have one or two polyphones. */
const MAX_READINGS = 16;

/**
 * Two-character surnames (复姓) still in use; any other name's surname is its first character. Cards print the name
 * as one field, so the split is ours to make, and only matters for the order a romanised name may take.
 */
const COMPOUND_SURNAMES = new Set(
  (
    '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 令狐 长孙 宇文 司徒 司空 夏侯 轩辕 端木 独孤 南宫 西门 ' +
    '万俟 闻人 澹台 申屠 太史 钟离 呼延 赫连 公羊 百里 东郭 拓跋 完颜 淳于 单于 濮阳 左丘 第五 谷梁 梁丘'
  ).split(' '),
);

/** A whole Han name (already folded to simplified characters) as surname and given name: 欧阳 + 娜娜, 王 + 小明. */
export function splitHanName(name: string): { surname: string; givenNames: string } {
  const chars = [...name];
  const cut = chars.length > 2 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
  return { surname: chars.slice(0, cut).join(''), givenNames: chars.slice(cut).join('') };
}

/** Whether `text` holds any Han character (Chinese names registered in their own script). */
export function containsHan(text: string): boolean {
  return HAN.test(text);
}

/**
 * How Chinese passports have spelt ü: `YU` today (吕 LYU), `V` or `U` on older documents, `UE` if an
 * issuer applied the ICAO table for Ü.
 */
const U_UMLAUT_SPELLINGS = ['YU', 'V', 'U', 'UE'];

function spellSyllable(syllable: string): string[] {
  const upper = syllable.toUpperCase();
  if (!upper.includes('Ü')) return [upper];
  return U_UMLAUT_SPELLINGS.map((spelling) => upper.replace(/Ü/g, spelling));
}

/** Every combination of one choice per position, capped so a long polyphone-rich name stays cheap. */
function combinations(choices: string[][]): string[][] {
  let out: string[][] = [[]];
  for (const options of choices) {
    const next: string[][] = [];
    for (const prefix of out) {
      for (const option of options) {
        if (next.length < MAX_READINGS) next.push([...prefix, option]);
      }
    }
    out = next;
  }
  return out;
}

/**
 * Syllable sequences a run of Han characters may be read as, the most likely first. A surname is
 * read in pinyin-pro's surname mode so that 曾 is ZENG and 单 is SHAN (and 欧阳 stays one compound);
 * given names take the contextual reading first, then the other readings of polyphonic characters,
 * since the issuer, not the dictionary, chose the reading.
 */
function readings(run: string, role: 'surname' | 'givenNames'): string[][] {
  const preferred = pinyinPro().pinyin(run, {
    toneType: 'none',
    type: 'array',
    v: false,
    surname: role === 'surname' ? 'head' : 'off',
  });
  const perCharacter = [...run].map((char, i) => {
    const all =
      role === 'surname'
        ? []
        : pinyinPro().pinyin(char, { toneType: 'none', type: 'array', multiple: true, v: false });
    return [...new Set([preferred[i], ...all])].flatMap(spellSyllable);
  });
  return combinations(perCharacter);
}

/**
 * MRZ spellings (upper-case words separated by single spaces) of a name that contains Han
 * characters. Chinese passports write a name's syllables as one word (王小明 → WANG / XIAOMING), but
 * records and some issuers split them (XIAO MING), so both are produced. Non-Han parts go through
 * `latin`, the caller's transliteration.
 */
export function hanSpellings(
  text: string,
  role: 'surname' | 'givenNames',
  latin: (s: string) => string,
): string[] {
  const parts: string[][][] = [];
  let last = 0;
  for (const match of text.matchAll(HAN_RUN)) {
    const before = latin(text.slice(last, match.index)).trim();
    if (before) parts.push([[before]]);
    parts.push(readings(match[0], role));
    last = match.index + match[0].length;
  }
  const after = latin(text.slice(last)).trim();
  if (after) parts.push([[after]]);

  const spellings = new Set<string>();
  for (const choice of combinations(
    parts.map((options) => options.map((syllables) => syllables.join('|'))),
  )) {
    const words = choice.map((part) => part.split('|'));
    spellings.add(words.map((w) => w.join('')).join(' '));
    spellings.add(words.map((w) => w.join(' ')).join(' '));
  }
  return [...spellings];
}
