import { transliterate } from '@idv/mrz';
import { editDistance, similarity } from './edit-distance';
import { foldHan } from './han.folding';
import { containsHan, hanSpellings, splitHanName } from './han.romanizer';
import type { FieldComparison } from './matching.types';
import { bestNameRelation, fromRelation, type NameRelation } from './name.comparison';
import { nameSpellings, normalizeMrzName } from './name.spellings';

/** The record's names, as far as it gives them. */
export interface RecordNames {
  surname?: string | null;
  givenNames?: string | null;
  fullName?: string | null;
}

/** A document's names as printed: the one name field of a card, and an HKID's Chinese name beside its English one. */
export interface PrintedNames {
  /** 姓名 of a mainland card (Han), the English name of an HKID (`CHAN, Tai Man`). */
  fullName?: string | null;
  /** The Chinese name of an HKID (陳大文). */
  chineseName?: string | null;
}

const present = (v: string | null | undefined): v is string => typeof v === 'string' && v.trim() !== '';

/** The record's whole name in Han characters and in Latin letters, whichever it gives. */
function recordWholeNames(record: RecordNames): { han: string | null; latin: string | null } {
  const parts = [record.surname, record.givenNames].filter(present);
  const split = parts.length ? parts.join(containsHan(parts.join('')) ? '' : ' ') : null;
  const candidates = [record.fullName, split].filter(present);
  return {
    han: candidates.find((n) => containsHan(n)) ?? null,
    latin: candidates.find((n) => !containsHan(n)) ?? null,
  };
}

/** How favourable a comparison is: a match, a near miss, a plain mismatch. */
const standing = (c: FieldComparison) => (c.status === 'match' ? 2 : c.near ? 1 : 0);

/**
 * Two Han names: equal once both are simplified characters without separators (陳大文 = 陈大文). One character
 * added, dropped or different (王晓明 for 王小明, a rare character OCR read as another) is a near miss: a
 * homophone typo and a misread look alike, so a person or the read's certainty decides.
 */
function relateHan(expected: string, found: string): NameRelation {
  const [e, f] = [foldHan(expected), foldHan(found)];
  const unfolded = e === expected.replace(/\s/g, '') && f === found.replace(/\s/g, '');
  if (e === f) return { kind: 'match', basis: unfolded ? 'exact' : 'spelling', score: 1 };
  const [ec, fc] = [[...e], [...f]];
  const score = similarity(ec, fc);
  return editDistance(ec, fc) <= 1
    ? { kind: 'near', basis: 'one_edit', score }
    : { kind: 'mismatch', basis: null, score };
}

/**
 * The pinyin a mainland card's Han name may be romanised as, in both orders (WANG XIAOMING, XIAOMING WANG),
 * syllables joined and split, ü as YU, V, U or UE, the surname read as a surname (曾 ZENG, 单 SHAN).
 */
function pinyinOf(han: string): string[] {
  const { surname, givenNames } = splitHanName(foldHan(han));
  const s = hanSpellings(surname, 'surname', transliterate);
  const g = givenNames ? hanSpellings(givenNames, 'givenNames', transliterate) : [''];
  const forms = new Set<string>();
  for (const a of s)
    for (const b of g) {
      forms.add(normalizeMrzName(`${a} ${b}`));
      forms.add(normalizeMrzName(`${b} ${a}`));
    }
  return [...forms];
}

/** An HKID's English name, `CHAN, Tai Man`: surname first or last, as a Latin record may give it. */
function englishNameForms(printed: string): string[] {
  const [surname, ...rest] = printed.split(',');
  const given = rest.join(' ');
  return [...new Set([normalizeMrzName(`${surname} ${given}`), normalizeMrzName(`${given} ${surname}`)])];
}

const latinSpellings = (name: string): string[] => nameSpellings(name, 'givenNames');

/**
 * A card's printed name against the record's whole name. Every pairing the document allows is compared and the
 * least favourable decides, since each printed name must be the person's:
 * - a Han record with a Han name (a mainland card's 姓名, an HKID's Chinese name): exactly, traditional and
 *   simplified folded;
 * - a Latin record with a mainland card's Han name: through pinyin, toneless, spacing and order free;
 * - a Latin record with an HKID's English name: word for word, order free. Never through pinyin: Hong Kong names
 *   are romanised from Cantonese (陳 is CHAN, not CHEN).
 * When no pairing is possible (a Latin record and an HKID that prints only a Chinese name), the field is `missing`.
 */
export function compareFullName(record: RecordNames, printed: PrintedNames): FieldComparison {
  const { han, latin } = recordWholeNames(record);
  const results: FieldComparison[] = [];
  const name = printed.fullName;
  if (present(name) && containsHan(name)) {
    if (han) results.push(fromRelation(relateHan(han, name), han, name));
    if (latin)
      results.push(fromRelation(bestNameRelation(latinSpellings(latin), pinyinOf(name), false), latin, name));
  } else if (present(name) && latin) {
    results.push(
      fromRelation(bestNameRelation(latinSpellings(latin), englishNameForms(name), false), latin, name),
    );
  }
  const chinese = printed.chineseName;
  if (present(chinese) && han) results.push(fromRelation(relateHan(han, chinese), han, chinese));
  if (results.length === 0) {
    return {
      status: 'missing',
      score: 0,
      near: false,
      basis: null,
      expected: record.fullName ?? han ?? latin,
      found: name ?? chinese ?? null,
    };
  }
  return results.reduce((worst, r) => (standing(r) < standing(worst) ? r : worst));
}

/**
 * A record that gives only the whole name against an MRZ's surname and given names (王小明 or `Anna Maria
 * Eriksson` against ERIKSSON<<ANNA<MARIA): the order of a whole name is not known, so either order matches.
 */
export function compareWholeWithParts(
  fullName: string,
  document: { surname: string; givenNames: string },
  truncationPossible: boolean,
): FieldComparison {
  const expected = containsHan(fullName) ? pinyinOf(fullName) : latinSpellings(fullName);
  const found = [
    normalizeMrzName(`${document.surname} ${document.givenNames}`),
    normalizeMrzName(`${document.givenNames} ${document.surname}`),
  ];
  const shown = `${document.surname}, ${document.givenNames}`;
  return fromRelation(bestNameRelation(expected, found, truncationPossible), fullName, shown);
}
