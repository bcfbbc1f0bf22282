import { compareVisualZone, printsNameExactly, type ComparisonReport } from '@idv/matching';
import {
  numberSpanOf,
  parseMrz,
  printedFieldAt,
  transliterationVariants,
  type MrzCorrection,
  type MrzParseResult,
} from '@idv/mrz';

/** Name fields the printed page can settle. */
export const NAME_FIELDS = ['surname', 'givenNames'] as const;
export type NameField = (typeof NAME_FIELDS)[number];

/**
 * Name fields that are near misses an OCR slip could make (a letter, a word), which the printed page may
 * settle. Names in another order or in each other's field are no slip: the page cannot tell more, a person can.
 */
export function nearNames(report: ComparisonReport): NameField[] {
  return differingNames(report).filter((f) => report[f]?.near);
}

/**
 * Name fields that differ from the record, near misses or not, other than names in another order or field: a
 * second reading of the MRZ may show any of them as registered (a face the MRZ model misreads letter after letter,
 * FRETTN for FREIIN, is no near miss).
 */
export function differingNames(report: ComparisonReport): NameField[] {
  return NAME_FIELDS.filter(
    (f) =>
      report[f]?.status === 'mismatch' &&
      report[f]?.basis !== 'swapped' &&
      report[f]?.basis !== 'swapped_fields',
  );
}

/**
 * The near-miss names the printed page shows exactly as the MRZ reads them, and not as registered: OCR did not
 * slip, so the record differs. Anything less stays a near miss for a person to look at. `registered` holds
 * the record's names in MRZ spelling.
 */
export function namesPrintedAsRead(
  fields: readonly NameField[],
  mrz: Record<NameField, string>,
  registered: Record<NameField, string>,
  pageText: string,
): NameField[] {
  const fromMrz = compareVisualZone(mrz, pageText).fields;
  const fromRecord = compareVisualZone(registered, pageText).fields;
  // The record's spelling may be one OCR slip from a printed word, or the start of one (CELIN in CELINE):
  // only a sighting of every registered word whole would make the printed page ambiguous. A page read with a slip
  // of its own (FJØRTOFT as FIORTOFT, LØVLIE as LBVLIE) still sides with the MRZ where it shows the record's
  // spelling nowhere, not even one slip away (FJØRTOF, LØWLIE registered).
  return fields.filter((field) =>
    fromMrz[field]?.status === 'agree'
      ? !printsNameExactly(registered[field], pageText)
      : fromMrz[field]?.status === 'near' && fromRecord[field]?.status === 'not_found',
  );
}

/**
 * The near-miss names the printed page shows exactly as registered (in one of the spellings an issuer may print:
 * GÖTZ as GOETZ or GOTZ), and not as the MRZ reads them: the MRZ reading slipped (a letter dropped from a
 * photographed line, a face the MRZ model misreads), as the second reading of the MRZ settles a name one
 * recogniser reads as registered. A misread of the page that lands exactly on the record's spelling is far less
 * likely than one that misses it, and a record with a typo in it is not printed. Returns each with the spelling
 * printed. `registered` holds the record's names as typed.
 */
export function namesPrintedAsRegistered(
  fields: readonly NameField[],
  mrz: Record<NameField, string>,
  registered: Record<NameField, string>,
  pageText: string,
): Array<[NameField, string]> {
  // The MRZ's reading printed whole, not as the start of a longer printed word: a name line with fillers left
  // was not cut short, so GA read for GAL is no truncated GAL.
  return fields.flatMap((field): Array<[NameField, string]> => {
    if (!registered[field] || printsNameExactly(mrz[field], pageText)) return [];
    // A name of short words only (LI, NG, DE) may stand in the page's captions ("Lugar de nacimiento"): the
    // page printing it proves nothing, unless it stands on a line of its own, as a field does (GÁL, read GA in
    // a photographed MRZ).
    const printed = transliterationVariants(registered[field]).find(
      (spelling) =>
        (/[A-Z]{4}/.test(spelling) || printsAsLine(spelling, pageText)) &&
        printsNameExactly(spelling, pageText),
    );
    return printed ? [[field, printed]] : [];
  });
}

/** Whether a line of the page's text is `name` and nothing else (case and spacing aside). */
function printsAsLine(name: string, pageText: string): boolean {
  const wanted = name.toUpperCase().replace(/\s+/g, ' ').trim();
  return pageText.split('\n').some((line) => line.toUpperCase().replace(/\s+/g, ' ').trim() === wanted);
}

/**
 * Whether the printed page shows `code` (an alpha-3 country code) as a word of its own, as the code box of a
 * data page does. Used when the MRZ shows no country code at all (`MLD` for `NLD`): OCR misread the MRZ, and the
 * printed code is the document's.
 */
export function printsCountryCode(code: string, pageText: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  return new Set(pageText.toUpperCase().split(/[^A-Z0-9]+/)).has(code);
}

/**
 * Confusable pairs whose glyphs differ plainly in print (S and 5, B and 8), so that the page's OCR is a witness of
 * its own. Not O/0/D/Q nor I/1: most faces print them alike and page OCR confuses them as the MRZ's does (a forged
 * `J03WG1353`, its check digit left as issued, verified as `JO3WG1353`, and the page was read `JO3…`); nor Z/2, which
 * the page's OCR read as 2 on a generated passport printing `W665Z7802`.
 */
const PRINTED_DISTINCT = new Set(['5S', 'S5', '8B', 'B8']);

/** A document number as the record or the MRZ gives it, spaces and punctuation left out (`xs 123-4567`). */
export const compactNumber = (s: string | null | undefined) =>
  (s ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');

/** Whether the page's text shows a field (a document number, a date) as `value`: found exactly, not near. */
export function pagePrints(
  field: 'documentNumber' | 'dateOfBirth' | 'expiryDate',
  value: string | null | undefined,
  pageText: string,
): boolean {
  if (!value) return false;
  return compareVisualZone({ [field]: value }, pageText).fields[field]?.status === 'agree';
}

/**
 * The one-character repair of an MRZ whose check digits fail that the printed page bears out: the page prints the
 * field the character stands in as repaired, and not as read. A document number (`XS1234567` where OCR read the
 * MRZ's `X51234567`) verifies some one-character change by chance once in ten (the composite follows: its weights
 * over the number are the number's own), so the page is the evidence, a second reading from other pixels, taken
 * only for a pair whose glyphs differ plainly in print. A birth or expiry date's slipped digit must verify its own
 * digit and the composite (see `dateDigitCandidates`) and be printed. A forger's edit, printed on the page as in the
 * MRZ, shows the field as read and is never repaired; a record that gives another number or birth date stops the
 * repair. Null unless exactly one repair is printed.
 */
export function repairPrintedOnPage<R extends { parse: MrzParseResult; correction: MrzCorrection }>(
  read: MrzParseResult,
  repairs: readonly R[],
  pageText: string,
  record: { documentNumber?: string | null; dateOfBirth?: string | null } = {},
): R | null {
  const shown = repairs.filter(({ correction, parse }) => {
    const field = printedFieldAt(read.format, correction.line, correction.column);
    if (field !== 'documentNumber' && field !== 'dateOfBirth' && field !== 'expiryDate') return false;
    if (field === 'documentNumber' && !PRINTED_DISTINCT.has(correction.from + correction.to)) return false;
    const repaired = parse.fields[field];
    const registered =
      field === 'documentNumber'
        ? compactNumber(record.documentNumber)
        : field === 'dateOfBirth'
          ? record.dateOfBirth
          : null;
    return (
      !pagePrints(field, read.fields[field], pageText) &&
      (!registered || registered === repaired) &&
      pagePrints(field, repaired, pageText)
    );
  });
  return shown.length === 1 ? shown[0] : null;
}

/** Letters of digits (G for 6, S for 5 or 8, B for 8) whose glyphs differ plainly from the digit's in print. */
const PRINTED_AS_DIGIT: Readonly<Record<string, string>> = { G: '6', S: '58', B: '8' };

/** Positions of the letters standing among digits in `number` (`W665Z7802`: 4). */
function lettersAmongDigits(number: string): number[] {
  const out: number[] = [];
  for (const m of number.matchAll(/(?<=\d)[OIBZSGDQ]+(?=\d)/g))
    for (let k = 0; k < m[0].length; k++) out.push(m.index + k);
  return out;
}

/**
 * A document number read with a letter among its digits verifies without proving itself: the check digit cannot tell
 * G from 6 at all, and a slip elsewhere may make up for another (see `unprovenNumber`). The printed page settles it
 * where it prints the number, letters included (a genuine `AB12G4567`), or with such a letter as its digit
 * (`FH1261703` where the MRZ model read `FH12G1703`), and that spelling verifies: each spelling the letters allow is
 * looked for on the page, and exactly one must be printed. Only letters whose glyphs differ plainly from the digit's
 * in print: the page's OCR reads a printed 0 as O (or 1 as I, Z as 2) as readily as the MRZ's does, and a forged
 * `WJ0309434` read `WJO3O9434` would be proven by its own misread. Returns the parse with the printed spelling, and
 * the characters changed; null where the page does not settle it.
 */
export function numberPrintedOnPage(
  parse: MrzParseResult,
  pageText: string,
  today: Date,
): { parse: MrzParseResult; corrections: MrzCorrection[] } | null {
  const number = parse.fields.documentNumber;
  const span = numberSpanOf(parse.format);
  const letters = lettersAmongDigits(number);
  if (!span || letters.length === 0 || letters.some((i) => !PRINTED_AS_DIGIT[number[i]])) return null;
  const [line, start] = span;
  if (parse.lines[line]?.slice(start, start + number.length) !== number) return null;
  let spellings = [''];
  for (let i = 0; i < number.length; i++) {
    const options = letters.includes(i) ? [number[i], ...PRINTED_AS_DIGIT[number[i]]] : [number[i]];
    spellings = spellings.flatMap((head) => options.map((c) => head + c));
  }
  const printed = spellings.filter((spelling) => pagePrints('documentNumber', spelling, pageText));
  if (printed.length !== 1) return null;
  const spelling = printed[0];
  if (spelling === number) return { parse, corrections: [] };
  const text = parse.lines[line];
  const lines = [...parse.lines];
  lines[line] = text.slice(0, start) + spelling + text.slice(start + spelling.length);
  const repaired = parseMrz(lines, { today });
  if (!repaired.valid || repaired.format !== parse.format) return null;
  const corrections = [...spelling]
    .map((to, i) => ({ line, column: start + i, from: number[i], to }))
    .filter((c) => c.from !== c.to);
  return { parse: repaired, corrections };
}
