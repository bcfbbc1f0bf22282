import {
  isKnownCountry,
  nameLineOf,
  parseMrz,
  printedFieldAt,
  type MrzCorrection,
  type MrzParseResult,
  type PrintedField,
} from '@idv/mrz';
import { pagePrints, printsCountryCode } from './printed-page';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A data line put back together: the character OCR dropped, and where. */
export interface DroppedCharacter {
  parse: MrzParseResult;
  /** `from` is empty: the character was put in, nothing replaced. */
  correction: MrzCorrection;
  field: PrintedField;
}

/**
 * A data line OCR read one character short (a glyph of a photographed line lost) shifts every field after the gap,
 * and the cleaner's fitting (a filler put back at the end of a run) cannot tell where the gap was. Every place and
 * character that makes every check digit verify is tried; the check digits place the gap, but not the character in
 * it: a number's check digit verifies some character one time in ten, and the nationality has none. So the printed
 * page must show the field the gap falls in as filled (`LV83L6818` where the MRZ read `LV8L68185<`; `CZE` where it
 * read `ZES6…`), and exactly one filling may be shown. A forged field, its check digit left as issued, verifies
 * only shifted or filled otherwise than the page prints it, so it is never filled. `raw` are the lines as OCR read
 * them, before fitting; `lines` of `parse` are the fitted ones. Null unless one filling is printed.
 */
export function droppedCharacterOnPage(
  parse: MrzParseResult,
  raw: readonly string[],
  pageText: string,
  today: Date,
): DroppedCharacter | null {
  const length = parse.lines[0]?.length ?? 0;
  const nameLine = nameLineOf(parse.format);
  const found = new Map<string, DroppedCharacter>();
  raw.forEach((read, line) => {
    if (line === nameLine || read.length !== length - 1 || raw.length !== parse.lines.length) return;
    for (let column = 0; column < length; column++) {
      const field = printedFieldAt(parse.format, line, column);
      if (!field) continue;
      for (const character of ALPHABET) {
        const lines = [...parse.lines];
        lines[line] = read.slice(0, column) + character + read.slice(column);
        const filled = parseMrz(lines, { autocorrect: true, today });
        // A filling that leaves a nationality that is no country is no genuine line (`ZES`, the gap put in the
        // date of birth after it, verifies as well as `CZE` with the gap in the nationality).
        if (filled.format !== parse.format || !filled.valid || !isKnownCountry(filled.fields.nationality))
          continue;
        if (!printed(field, filled, pageText)) continue;
        const key = filled.lines.join('\n');
        if (!found.has(key))
          found.set(key, { parse: filled, correction: { line, column, from: '', to: character }, field });
      }
    }
  });
  return found.size === 1 ? [...found.values()][0] : null;
}

/** Whether the page shows the field as the filled read has it. */
function printed(field: PrintedField, filled: MrzParseResult, pageText: string): boolean {
  if (field === 'nationality') return printsCountryCode(filled.fields.nationality, pageText);
  return pagePrints(field, filled.fields[field], pageText);
}
