import type { MrzCheckField, MrzCorrection, MrzParseResult } from '@idv/mrz';
import {
  DIGIT_LIKE_LETTER_AMONG_DIGITS,
  DIGITS_READ_AS_LETTER,
  nameLineOf,
  noCalendarDay,
  numberLineOf,
  numberSpanOf,
  parseMrz,
  printedFieldAt,
  printedFieldSpan,
} from '@idv/mrz';
import type { DocumentField, IntegrityCheck } from '@idv/verdict';

/** What the MRZ's check digits establish: whether they hold and, when not, whether OCR explains it. */
export interface MrzJudgement {
  /** MRZ-shaped text was located. */
  found: boolean;
  /** The text parsed into fields (a found MRZ can still be too garbled to parse). */
  readable: boolean;
  /** Every check digit verifies; `false` with no failed digit means a date or character the layout forbids. */
  valid: boolean;
  /** Check digits that failed; empty when `valid`. */
  failedCheckDigits: readonly MrzCheckField[];
  /** Mean OCR character confidence 0..1; `null` when the reader gives none. */
  confidence: number | null;
  /**
   * Whether OCR explains the failed check digits: low confidence, an ambiguous character (O/0, I/1, B/8…) whose
   * other reading fixes the digit, more failures than one edit makes. A clean read that still fails is a fraud
   * signal instead.
   */
  failureExplainedByOcr: boolean;
}

/**
 * Letter/digit pairs that OCR of OCR-B confuses. Digit/digit confusions are left out on purpose: a forger's
 * edit of a number is one digit replaced by another. (Pairs such as 6/G or `<`/K are left out too: their
 * values differ by a multiple of 10, so they never change a check digit.)
 */
const CONFUSABLE: Readonly<Record<string, readonly string[]>> = {
  '0': ['O', 'D', 'Q'],
  O: ['0'],
  D: ['0'],
  Q: ['0'],
  '1': ['I'],
  I: ['1'],
  '2': ['Z'],
  Z: ['2'],
  '5': ['S'],
  S: ['5'],
  '8': ['B'],
  B: ['8'],
};

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isLetter = (c: string | undefined) => c !== undefined && c >= 'A' && c <= 'Z';

/**
 * Whether OCR plausibly read `text[column]` the other way: a letter standing next to a digit may be a digit;
 * a digit may be a letter where a letter prefix could continue (right after a letter: `XS1234567` read as
 * `X51234567`). Document numbers are a letter prefix and digits, so a digit inside a run of digits is taken
 * as printed (otherwise a forger's digit edit would be "repaired" by calling some other digit a letter in
 * about a third of all cases).
 */
function plausibleSwap(text: string, column: number): boolean {
  const [before, here, after] = [text[column - 1], text[column], text[column + 1]];
  if (isLetter(here)) return isDigit(before) || isDigit(after);
  return isLetter(before) || (!isDigit(before) && isLetter(after));
}

const failedChecks = (parse: MrzParseResult): MrzCheckField[] =>
  parse.checks.filter((c) => !c.valid).map((c) => c.field);

/** One confusable character of a read taken the other way, and the parse it gives. */
export interface OneSwapRepair {
  correction: MrzCorrection;
  parse: MrzParseResult;
}

/** The read with the character at `line`, `column` taken as `to`, parsed again. */
function withCharacter(
  parse: MrzParseResult,
  line: number,
  column: number,
  to: string,
  today: Date,
): OneSwapRepair {
  const text = parse.lines[line];
  const lines = [...parse.lines];
  lines[line] = text.slice(0, column) + to + text.slice(column + 1);
  return { correction: { line, column, from: text[column], to }, parse: parseMrz(lines, { today }) };
}

/**
 * The readings one confusable character away (see {@link plausibleSwap}) whose check digits all verify. They are
 * evidence that a failure is what OCR does; one of them becomes the document's data only where a second source
 * prints it (see `repairPrintedOnPage`).
 */
export function oneSwapCandidates(parse: MrzParseResult, today: Date): OneSwapRepair[] {
  if (failedChecks(parse).length === 0) return [];
  const found: OneSwapRepair[] = [];
  for (let line = 0; line < parse.lines.length; line++) {
    const text = parse.lines[line];
    for (let column = 0; column < text.length; column++) {
      if (!CONFUSABLE[text[column]] || !plausibleSwap(text, column)) continue;
      for (const other of CONFUSABLE[text[column]]) {
        const swap = withCharacter(parse, line, column, other, today);
        if (swap.parse.format === parse.format && swap.parse.checks.every((c) => c.valid)) found.push(swap);
      }
    }
  }
  return found;
}

/**
 * The readings one digit away in a birth or expiry date whose check digit fails (`490416` read `499416`), every
 * check digit verifying. A digit for a digit is what a forger's edit looks like too, so these are never evidence
 * about the failure; the printed page showing the date so, and not as read, settles it (`repairPrintedOnPage`).
 * A date is covered twice where the layout has a composite (its own digit, and the composite's weighted otherwise),
 * so a slip verifies both by chance about one time in a hundred.
 */
export function dateDigitCandidates(parse: MrzParseResult, today: Date): OneSwapRepair[] {
  const failing = new Set(failedChecks(parse));
  const found: OneSwapRepair[] = [];
  parse.lines.forEach((text, line) => {
    for (let column = 0; column < text.length; column++) {
      const field = printedFieldAt(parse.format, line, column);
      if (
        (field !== 'dateOfBirth' && field !== 'expiryDate') ||
        !failing.has(field) ||
        !isDigit(text[column])
      )
        continue;
      for (const other of '0123456789') {
        if (other === text[column]) continue;
        const swap = withCharacter(parse, line, column, other, today);
        if (swap.parse.format === parse.format && swap.parse.valid) found.push(swap);
      }
    }
  });
  return found;
}

/**
 * Whether one confusable character, read the other way, makes every failed check digit verify: then the
 * failure is what OCR does, not what a forger does. Used only as evidence about the failure.
 */
export function oneSwapRepairs(parse: MrzParseResult, today: Date): boolean {
  return oneSwapCandidates(parse, today).length > 0;
}

/** Fields whose read an independent source (the registration record, the visual zone) shows the same way. */
export type Confirmations = Partial<Record<'documentNumber' | 'dateOfBirth' | 'expiryDate', boolean>>;

/** The field behind each check digit that a second source can confirm. */
const CONFIRMABLE: Readonly<Partial<Record<MrzCheckField, keyof Confirmations>>> = {
  documentNumber: 'documentNumber',
  dateOfBirth: 'dateOfBirth',
  expiryDate: 'expiryDate',
};

/**
 * True when a second source shows every field whose own check digit failed exactly as the MRZ was read: the
 * read is right, so the digits are broken on the document itself. A composite is covered through its fields:
 * those whose own digit verifies are trusted already; a composite failing alone cannot be confirmed.
 */
export function readConfirmed(parse: MrzParseResult, confirmations: Confirmations): boolean {
  const failed = failedChecks(parse).filter((f) => f !== 'composite');
  if (failed.length === 0) return false;
  return failed.every((f) => {
    const field = CONFIRMABLE[f];
    return field !== undefined && confirmations[field] === true;
  });
}

const manyFieldsFail = (parse: MrzParseResult) =>
  parse.checks.filter((c) => !c.valid && c.field !== 'composite').length > 1;
const illegibleDigit = (parse: MrzParseResult) =>
  parse.checks.some((c) => !c.valid && !/^\d$/.test(c.printed));

/**
 * Whether a second source confirming the read could still change how the failure is judged: not when a
 * check digit is illegible or several fields fail, which no confirmation turns into a forgery signal, nor
 * when only the composite fails, which no single field can confirm.
 */
export function confirmationCouldMatter(parse: MrzParseResult): boolean {
  const failed = failedChecks(parse);
  return failed.some((f) => f !== 'composite') && !illegibleDigit(parse) && !manyFieldsFail(parse);
}

/**
 * A forger who edits a field leaves one field digit (and the composite) wrong, each still a digit. OCR noise
 * looks different: more failed digits than one edit explains, a confusable character, or an unsure read.
 */
function ocrLikeFailure(parse: MrzParseResult, e: MrzEvidence): boolean {
  if (manyFieldsFail(parse)) return true;
  if (e.confidence !== null && e.confidence < e.lowConfidence) return true;
  if (readingsDiffer(parse, e.readings ?? [])) return true;
  return oneSwapRepairs(parse, e.today);
}

/** The fields a failing check digit covers that a recogniser's reading can show otherwise. */
const READ_FIELDS = ['documentNumber', 'dateOfBirth', 'expiryDate'] as const;

/**
 * Whether a field whose own check digit fails stands otherwise in one of the recognisers' readings of the zone: at
 * the field's own columns, one or two of its characters read otherwise. Two recognisers that disagree about the
 * very characters that fail leave OCR as the likelier cause: a passport's `WV9489023` in a sans face was read
 * `WW…` by one recogniser (its line at the layout's length, taken as read) and `WV…` by the other, and the
 * failing number was called a forgery. A forger's field reads alike in both. A reading that lost or gained a
 * character in or before the field (the line recogniser's `J962774` for `J9362774`, the model's `38010230` for
 * `3010230`) holds other characters there, not a slip of these: it says nothing either way.
 */
export function readingsDiffer(
  parse: MrzParseResult,
  readings: readonly (readonly string[] | null | undefined)[],
): boolean {
  const failing = new Set(failedChecks(parse));
  return READ_FIELDS.filter((field) => failing.has(field)).some((field) => {
    const span = printedFieldSpan(parse.format, field);
    if (!span) return false;
    const [line, start, end] = span;
    const as = (lines: readonly string[]) => lines[line]?.slice(start, end) ?? '';
    const read = as(parse.lines);
    return readings.some((lines) => {
      if (!lines || lines.length !== parse.lines.length) return false;
      const other = as(lines);
      const differing = [...read].filter((c, i) => other[i] !== c).length;
      return other.length === read.length && differing > 0 && differing <= 2;
    });
  });
}

/** Parser warnings that say the read, not the document, is off: a forger edits digits, not the layout. */
const LAYOUT_WARNINGS = /^(UNKNOWN_DOCUMENT_CODE|MISPLACED_FILLER|NON_MRZ_CHARACTERS):/;

/**
 * What makes the read wrong somewhere apart from its check digits, so that a failed digit cannot be laid at the
 * document's door: lines OCR did not read at the layout's length (or that needed repairs to fit it), a country
 * code that does not exist (unless the issuing state and the nationality show the same one: two places read
 * alike are no slip), a document code or filler the layout does not allow, or a printed page that shows a
 * covered field otherwise. Empty for a read that is right in every other respect. (An unsure read is an OCR
 * failure too, unless a second source shows the failing fields as read: see {@link ocrLikeFailure}.)
 */
export function readFlaws(parse: MrzParseResult, e: MrzEvidence): string[] {
  const flaws: string[] = [];
  if (!e.exact && !dataLinesVouchedFor(parse, e)) flaws.push('realigned');
  const f = parse.fields;
  const unknown = parse.warnings.filter((w) => w.startsWith('UNKNOWN_COUNTRY:'));
  if (unknown.length === 1 || (unknown.length === 2 && f.issuingCountry !== f.nationality))
    flaws.push('unknownCountry');
  if (parse.warnings.some((w) => LAYOUT_WARNINGS.test(w))) flaws.push('layout');
  // Six digits that are no calendar day (month 94): the read is wrong there for certain, and a forger writes a
  // date that exists.
  if (noCalendarDay(f.dateOfBirthMrz, f.dateOfBirth) || noCalendarDay(f.expiryDateMrz, f.expiryDate))
    flaws.push('impossibleDate');
  if (e.printedDisagrees) flaws.push('printedPage');
  return flaws;
}

/**
 * Whether every line that holds check-digit data (all but the name line of the ICAO layouts) is as printed,
 * whatever fitting the cleaner did: read alike by both recognisers, taken as OCR read it, or proven by its own
 * check digits, each of its fields verifying (a TD1's number line read with a 6 as `6G`, the G taken out and the
 * number then verifying, while the birth and expiry line below, read as is, fails on a forged expiry).
 */
function dataLinesVouchedFor(parse: MrzParseResult, e: MrzEvidence): boolean {
  const nameLine = nameLineOf(parse.format) ?? -1;
  const failing = new Set(failedChecks(parse));
  return parse.lines.every((line, i) => {
    if (i === nameLine || e.corroborated?.[i] || e.raw?.[i] === line) return true;
    const own = READ_FIELDS.filter((field) => printedFieldSpan(parse.format, field)?.[0] === i);
    return own.length > 0 && own.every((field) => !failing.has(field));
  });
}

/** Inputs of {@link judgeMrz}. */
export interface MrzEvidence {
  found: boolean;
  parse: MrzParseResult | null;
  /** Mean OCR confidence 0..1. */
  confidence: number | null;
  /** Below this mean confidence a failed check digit is put down to OCR. */
  lowConfidence: number;
  confirmations: Confirmations;
  today: Date;
  /** The lines are OCR's own, as read (see `MrzRead.exact`). */
  exact: boolean;
  /** Per line, two recognisers read it alike (see `MrzRead.corroborated`). */
  corroborated?: readonly boolean[];
  /** The lines as OCR read them, before any fitting (`MrzRead.zone.raw`). */
  raw?: readonly string[];
  /** The printed page shows a field a failed check digit covers differently from the MRZ. */
  printedDisagrees?: boolean;
  /**
   * Each recogniser's own reading of the zone, as cleaned, where two read it (the MRZ model's and the line
   * recogniser's): see {@link readingsDiffer}.
   */
  readings?: readonly (readonly string[] | null | undefined)[];
}

/**
 * Judges the MRZ's check digits. A failure is explained by OCR when it looks like OCR noise (see
 * {@link ocrLikeFailure}), unless a second source confirms the read as is.
 */
export function judgeMrz(e: MrzEvidence): MrzJudgement {
  const parse = e.parse;
  const readable = Boolean(
    parse?.format && (parse.fields.documentNumber || parse.fields.surname) && parse.fields.dateOfBirthMrz,
  );
  if (!parse || !readable) {
    return {
      found: e.found,
      readable: false,
      valid: false,
      failedCheckDigits: [],
      confidence: e.confidence,
      failureExplainedByOcr: true,
    };
  }
  const failed = failedChecks(parse);
  // A check digit read as something other than a digit is illegible, whatever else agrees with the read; and
  // a fraud signal needs a read that is right in every other respect, whatever confirms the failing fields.
  const explained =
    failed.length > 0 &&
    (illegibleDigit(parse) ||
      readFlaws(parse, e).length > 0 ||
      (!readConfirmed(parse, e.confirmations) && ocrLikeFailure(parse, e)));
  return {
    found: true,
    readable: true,
    valid: parse.valid,
    failedCheckDigits: failed,
    confidence: e.confidence,
    // An MRZ whose digits pass but whose dates or characters are illegal is still a bad read, never fraud.
    failureExplainedByOcr: failed.length === 0 ? !parse.valid : explained,
  };
}

/** The fields a check digit vouches for when it verifies. The composite vouches for none on its own. */
const COVERS: Readonly<Record<MrzCheckField, readonly DocumentField[]>> = {
  documentNumber: ['documentNumber'],
  dateOfBirth: ['dateOfBirth'],
  expiryDate: ['expiryDate'],
  optionalData: [],
  composite: [],
};

/**
 * The MRZ's integrity checks in the evidence model: one per check digit of the layout, held or failed, each
 * failure judged as {@link judgeMrz} judged the read; a parse that is invalid with every digit verifying (an
 * impossible date, a character the layout forbids) is one more failed check, always put down to OCR.
 */
export function mrzIntegrityChecks(
  parse: MrzParseResult,
  judgement: MrzJudgement,
  read: NumberLineRead = {},
  numberOnPage = false,
): IntegrityCheck[] {
  const check = (name: string, holds: boolean, covers: readonly DocumentField[]): IntegrityCheck => ({
    name,
    holds,
    covers,
    severity: 'forgery',
    reason: 'MRZ_CHECK_DIGIT_INVALID',
    explainedByOcr: !holds && judgement.failureExplainedByOcr,
    illegible: { code: 'MRZ_UNREADABLE', field: null },
  });
  const checks = parse.checks.map((c) => check(`mrz.${c.field}`, c.valid, COVERS[c.field]));
  if (
    (!judgement.valid && judgement.failedCheckDigits.length === 0) ||
    numberLineShifted(parse) ||
    unprovenNumber(parse, read, numberOnPage)
  )
    checks.push({ ...check('mrz.layout', false, []), explainedByOcr: true });
  return checks;
}

/** Which lines the second recogniser read alike, and both readings (see `MrzRead`). */
export interface NumberLineRead {
  corroborated?: readonly boolean[];
  modelReading?: readonly string[] | null;
  secondReading?: readonly string[];
}

/**
 * A letter OCR makes of a digit (O, I, B, Z, S, G, D, Q) among the digits of the document number or the optional
 * data, fields the parser cannot put right (letters may stand there). The MRZ model reads 6 as G and 0 as O on
 * faces other than OCR-B, and two such slips, or one beside another misread digit, can make a forged number's
 * check digit pass: a forged FreeMono card read `HX8546G54` for `HX8540654`, and an Inconsolata one `WJO3O9434`
 * for `WJ0309434`, were accepted. Unless the second recogniser read the line alike, or the MRZ model and the
 * second recogniser each read the number and its check digit as shown (the letter is printed there), the digits
 * passing prove nothing; a better photo may, or the printed page showing the number (`numberOnPage`).
 *
 * (A number line read a character short and fitted, a digit dropped and a filler put back, can pass by chance
 * too; verifying nothing there cost 4 genuine documents of 520 (FreeMono's `6` read `6G` and rightly taken out)
 * and did not stop the forgery that showed it, whose `33` both recognisers read as `3`.)
 */
export function unprovenNumber(parse: MrzParseResult, read: NumberLineRead, numberOnPage = false): boolean {
  const line = numberLineOf(parse.format);
  if (line === null || read.corroborated?.[line]) return false;
  // The number is doubtful with such a letter in it, or where it is the MRZ model's reading with such a letter
  // taken for the digit the second reading shows there (`HX8546G54`, its G read as 6: the number verifies, but
  // the second reading shows `HX8540654`, a 0 where the model read 6). It is proven where both recognisers show
  // it, with its check digit, as chosen (the rest of the line may differ: an optional-data digit one of them read
  // twice). A number the second reading gave whole, the model's reading of it garbled, is not the model's.
  const shown = numberShown(parse);
  const model = numberAsModelRead(parse, read);
  const modelLetterUndone =
    !!shown &&
    !!model &&
    model !== shown &&
    DIGIT_LIKE_LETTER_AMONG_DIGITS.test(model) &&
    readsAs(model, shown);
  const numberDoubtful =
    DIGIT_LIKE_LETTER_AMONG_DIGITS.test(parse.fields.documentNumber) || modelLetterUndone;
  // The printed page showing the number as chosen (see `numberPrintedOnPage`) proves it as well.
  if (numberDoubtful && !numberOnPage && !numberReadAlike(parse, read, shown, model)) return true;
  return DIGIT_LIKE_LETTER_AMONG_DIGITS.test(parse.fields.optionalData);
}

/** The document number and its check digit as the zone shows them; null for a long number or another layout. */
function numberShown(parse: MrzParseResult): string | null {
  const span = numberSpanOf(parse.format);
  const shown = span ? parse.lines[span[0]]?.slice(span[1], span[2]) : undefined;
  return span && shown && shown.length === span[2] - span[1] && !shown.endsWith('<') ? shown : null;
}

/** The MRZ model's own reading of the document number and its check digit, where it has one. */
function numberAsModelRead(parse: MrzParseResult, read: NumberLineRead): string | null {
  const span = numberSpanOf(parse.format);
  return span && read.modelReading ? (read.modelReading[span[0]]?.slice(span[1], span[2]) ?? null) : null;
}

/**
 * Whether `read` shows what `shown` does, but for letters OCR makes of the digits shown (G for 6) and for the
 * fillers of a short number, which weigh nothing in its check digit (the line recogniser reads one as 5 at times).
 */
function readsAs(read: string, shown: string): boolean {
  return (
    read.length === shown.length &&
    [...read].every(
      (c, i) => c === shown[i] || shown[i] === '<' || (DIGITS_READ_AS_LETTER[c] ?? '').includes(shown[i]),
    )
  );
}

/**
 * Whether the line recogniser and the MRZ model each read the document number and its check digit as the zone
 * shows them (`shown`, `model`: see numberShown, numberAsModelRead, readsAs). Not for a long number (a filler at the check digit's
 * place), which goes on in the optional data.
 */
function numberReadAlike(
  parse: MrzParseResult,
  read: NumberLineRead,
  shown: string | null,
  model: string | null,
): boolean {
  const span = numberSpanOf(parse.format);
  if (!span || !shown || !model || !read.secondReading) return false;
  return readsAs(read.secondReading[span[0]]?.slice(span[1], span[2]) ?? '', shown) && readsAs(model, shown);
}

/**
 * A TD1 card's first line holds its document number after the document code and the issuing state. Read with a
 * code or a state that is none, other than the nationality (`IIDHUNWV8166197`: an I put in, a 6 dropped further
 * on), the line was read shifted, and the number's check digit passing proves nothing: a shifted number verifies
 * by chance one time in ten (a forged card was accepted so). The read verifies nothing; a better photo will.
 */
export function numberLineShifted(parse: MrzParseResult): boolean {
  if (parse.format !== 'TD1') return false;
  // A state that is no code but stands as the nationality too was read alike in two places: the card's own
  // (Slovenia's old cards print `SI<`), not a slip.
  const f = parse.fields;
  const unknownState =
    parse.warnings.some((w) => w.startsWith('UNKNOWN_COUNTRY: issuingCountry')) &&
    f.issuingCountry !== f.nationality;
  return unknownState || parse.warnings.some((w) => w.startsWith('UNKNOWN_DOCUMENT_CODE'));
}
