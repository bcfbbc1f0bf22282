import { editDistance, similarity } from './edit-distance';
import type { FieldComparison, MatchBasis } from './matching.types';

/** How one registered spelling relates to the name read from the document. */
export interface NameRelation {
  kind: 'match' | 'near' | 'mismatch';
  basis: MatchBasis | null;
  score: number;
}

const words = (name: string): string[] => name.split(' ').filter(Boolean);
const compact = (name: string): string => name.replace(/ /g, '');

/**
 * The MRZ name is the ICAO truncation of the registered one: the same words in order, each MRZ word a
 * non-empty prefix of its registered word, later words possibly dropped (ERIKSSON<<ANNA<M).
 */
function isTruncationOf(found: string[], expected: string[]): boolean {
  if (found.length === 0 || found.length > expected.length) return false;
  return found.every((word, i) => expected[i].startsWith(word));
}

function sameWords(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().join(' ') === [...b].sort().join(' ');
}

/** Every word of the shorter list appears, in order, in the longer one (a second given name left out). */
function isSubsequence(short: string[], long: string[]): boolean {
  let i = 0;
  for (const word of long) if (i < short.length && word === short[i]) i++;
  return i === short.length;
}

/**
 * Relates one registered spelling to the document's name (both already normalised). Truncation only
 * counts when the document's name field was full, otherwise a shortened name is a near miss at best.
 */
export function relateName(expected: string, found: string, truncationPossible: boolean): NameRelation {
  const e = words(expected);
  const f = words(found);
  if (expected === found) return { kind: 'match', basis: 'exact', score: 1 };
  // Spacing alone (XIAO MING / XIAOMING, JEAN-PIERRE / JEANPIERRE) is how issuers differ, not people.
  if (compact(expected) === compact(found)) return { kind: 'match', basis: 'spelling', score: 1 };
  const truncation = isTruncationOf(f, e);
  if (truncationPossible && truncation) return { kind: 'match', basis: 'truncated', score: 1 };
  const score = similarity(compact(expected), compact(found));
  // Shortened although the field had room: not how ICAO truncates, but worth a person's look.
  if (truncation) return { kind: 'near', basis: 'partial', score };
  if (sameWords(e, f)) return { kind: 'near', basis: 'swapped', score };
  if (e.length !== f.length && (isSubsequence(f, e) || isSubsequence(e, f))) {
    return { kind: 'near', basis: 'partial', score };
  }
  if (editDistance(compact(expected), compact(found)) <= 1) return { kind: 'near', basis: 'one_edit', score };
  return { kind: 'mismatch', basis: null, score };
}

const RANK = { match: 2, near: 1, mismatch: 0 } as const;

/**
 * The best relation over all registered spellings and all forms of the document's name (a whole name may be
 * read in either order); the first listed spelling and form win ties.
 */
export function bestNameRelation(
  spellings: string[],
  found: string | readonly string[],
  truncationPossible: boolean,
): NameRelation {
  let best: NameRelation = { kind: 'mismatch', basis: null, score: 0 };
  const forms = typeof found === 'string' ? [found] : found;
  forms.forEach((form, formIndex) =>
    spellings.forEach((spelling, index) => {
      const relation = relateName(spelling, form, truncationPossible);
      // A variant spelling that matches exactly is a `spelling` match, not `exact`.
      if (relation.kind === 'match' && relation.basis === 'exact' && index + formIndex > 0)
        relation.basis = 'spelling';
      const better =
        RANK[relation.kind] > RANK[best.kind] ||
        (RANK[relation.kind] === RANK[best.kind] && relation.score > best.score);
      if (better) best = relation;
    }),
  );
  return best;
}

/** A name relation as the field comparison of the report. */
export function fromRelation(relation: NameRelation, expected: string, found: string): FieldComparison {
  return {
    status: relation.kind === 'match' ? 'match' : 'mismatch',
    score: relation.kind === 'match' ? 1 : relation.score,
    near: relation.kind === 'near',
    basis: relation.basis,
    expected,
    found,
  };
}
