import { performance } from 'node:perf_hooks';
import {
  compareVisualZone,
  type RegistrationRecord,
  type VisualZoneReport,
  type VisualZoneStatus,
} from '@idv/matching';
import { parseMrz, printedFieldAt, transliterate, type MrzCorrection, type MrzParseResult } from '@idv/mrz';
import { emptyRead, type MrzRead, type OcrEngine } from '@idv/ocr';
import type { DocumentEvidence, DocumentType, IntegrityCheck } from '@idv/verdict';
import type { DocumentRead, DocumentReader, DocumentSide, ReadContext } from '../document.reader';
import { printedText } from '../printed-text';
import { compareEvidence } from '../record.comparison';
import { detectedType } from './mrz-document-type';
import { droppedCharacterOnPage } from './dropped-character';
import { mrzFieldEvidence, nameLineFitted } from './mrz.fields';
import {
  confirmationCouldMatter,
  judgeMrz,
  mrzIntegrityChecks,
  dateDigitCandidates,
  oneSwapCandidates,
  unprovenNumber,
  type Confirmations,
  type MrzEvidence,
} from './mrz.integrity';
import {
  compactNumber,
  namesPrintedAsRead,
  namesPrintedAsRegistered,
  nearNames,
  numberPrintedOnPage,
  printsCountryCode,
  repairPrintedOnPage,
} from './printed-page';
import {
  holdsSameNames,
  settledByReadings,
  uncoveredFieldsThatDiffer,
  type UncoveredField,
} from './second-reading';

/** Options of {@link MrzDocumentReader}. */
export interface MrzDocumentReaderOptions {
  /** Read the printed page when it can change the verdict (default true); off, the reader is MRZ-only. */
  visualZone?: boolean;
}

interface MrzAttempt {
  side: DocumentSide;
  read: MrzRead;
  parse: MrzParseResult | null;
}

/**
 * `checks.secondReading`: a near-miss name looked at in both recognisers' readings of the MRZ, when it ran.
 * Per name: `agree` (both read it as it stands: the record differs), `registered` (one read it exactly as
 * registered: the other slipped), `undecided` (left to the printed page).
 */
export interface SecondReadingView {
  ran: boolean;
  fields: Partial<Record<UncoveredField, 'agree' | 'registered' | 'undecided'>>;
}

/** The contract's `checks.visualZone`: the printed page against the MRZ, when it was read. */
export interface VisualZoneView {
  ran: boolean;
  consistent: boolean | null;
  /** Per field compared; `registered`: the page prints the record's spelling where the MRZ reading slipped. */
  fields: Partial<Record<string, VisualZoneStatus | 'registered'>>;
}

const since = (start: number) => Math.round((performance.now() - start) * 10) / 10;

/**
 * The reader of MRZ travel documents (ICAO 9303 passports, ID cards, residence permits, visas): reads the MRZ
 * side by side (the back first, where cards print it), judges its check digits, and reads the printed page only
 * when that can change the verdict: to settle a near-miss name or a code that is no country, or to confirm a
 * read whose check digits fail.
 */
export class MrzDocumentReader implements DocumentReader {
  readonly family = 'mrz';
  readonly documentTypes: readonly DocumentType[] = ['passport', 'id_card', 'residence_permit', 'visa'];

  constructor(
    private readonly ocr: OcrEngine,
    private readonly options: MrzDocumentReaderOptions = {},
  ) {}

  suggestedBy(record: RegistrationRecord): boolean {
    return !!record.documentType && this.documentTypes.includes(record.documentType as DocumentType);
  }

  async read(sides: readonly DocumentSide[], context: ReadContext): Promise<DocumentRead> {
    const timings: Record<string, number> = {};
    let t = performance.now();
    const attempt = await this.readMrz(sides, context.today);
    timings.mrz = since(t);
    const today = new Date(`${context.today}T12:00:00Z`);
    const visualZone: VisualZoneView = { ran: false, consistent: null, fields: {} };
    const secondReading: SecondReadingView = { ran: false, fields: {} };
    // The data page is read at most once, and only when it can change the verdict.
    let printed: Promise<string> | null = null;
    const readPage = () => (printed ??= this.pageText(sides, attempt).then(withoutMrzLines));
    let parse = attempt.parse?.format ? attempt.parse : null;
    const repairs: MrzCorrection[] = [];
    const settle = (settled: PageSettlement) => {
      parse = settled.parse;
      repairs.push(...settled.corrections);
      Object.assign(visualZone, { ran: true, consistent: true, fields: { [settled.field]: 'agree' } });
    };
    if (parse && !parse.valid && this.options.visualZone !== false) {
      t = performance.now();
      const repaired = await repairFailingRead(parse, attempt.read, readPage, context.record, today);
      if (printed) timings.visualZone = since(t);
      if (repaired) settle(repaired);
    }
    // A number read with a letter among its digits verifies without proving itself; the page may show it.
    let numberOnPage = false;
    if (parse?.valid && this.options.visualZone !== false && unprovenNumber(parse, attempt.read)) {
      t = performance.now();
      const printedNumber = numberPrintedOnPage(parse, await readPage(), today);
      timings.visualZone = (timings.visualZone ?? 0) + since(t);
      if (printedNumber) {
        settle({ ...printedNumber, field: 'documentNumber' });
        numberOnPage = true;
      }
    }
    const input: MrzEvidence = {
      found: attempt.read.found,
      parse,
      confidence: attempt.read.found ? attempt.read.confidence : null,
      lowConfidence: context.minConfidence,
      confirmations: {},
      today,
      exact: attempt.read.exact,
      corroborated: attempt.read.corroborated,
      raw: attempt.read.zone?.raw,
      readings: [attempt.read.modelReading, attempt.read.secondReading],
    };
    let judgement = judgeMrz(input);
    const evidence: DocumentEvidence = {
      family: this.family,
      format: parse?.format ?? null,
      documentType: parse ? detectedType(parse.fields.documentCode, parse.format!) : null,
      found: attempt.read.found || sides.some((s) => s.quality.document.found),
      supported: parse ? true : null,
      readable: judgement.readable,
      unreadable: judgement.readable
        ? []
        : [{ code: attempt.read.found ? 'MRZ_UNREADABLE' : 'MRZ_NOT_FOUND', field: null }],
      confidence: judgement.confidence,
      fields: parse
        ? mrzFieldEvidence(parse, attempt.side.name, attempt.read.confidence, {
            nameLineFitted: nameLineFitted(parse, attempt.read),
          })
        : {},
      checks: parse ? mrzIntegrityChecks(parse, judgement, attempt.read, numberOnPage) : [],
    };

    if (parse && judgement.readable && this.options.visualZone !== false) {
      if (parse.valid) {
        t = performance.now();
        if (
          await this.settleWithSecondReading(attempt, parse, evidence, context.record, today, secondReading)
        )
          timings.secondReading = since(t);
        t = performance.now();
        if (await this.settleWithPrintedPage(readPage, attempt, parse, evidence, context.record, visualZone))
          timings.visualZone = (timings.visualZone ?? 0) + since(t);
      } else {
        input.confirmations = recordConfirmations(context.record, parse);
        judgement = judgeMrz(input);
        // A doubtful failure can turn into a forgery signal if the printed page shows the same values; a
        // forgery signal stands only if the page, where it shows a field, shows it as the MRZ was read.
        const couldConfirm = judgement.failureExplainedByOcr && confirmationCouldMatter(parse);
        if (couldConfirm || !judgement.failureExplainedByOcr) {
          t = performance.now();
          const report = compareWithPrintedPage(parse, await readPage());
          timings.visualZone = (timings.visualZone ?? 0) + since(t);
          if (couldConfirm) input.confirmations = visualZoneConfirmations(report, input.confirmations);
          input.printedDisagrees = !report.consistent;
          judgement = judgeMrz(input);
          Object.assign(visualZone, {
            ran: true,
            consistent: report.consistent,
            fields: Object.fromEntries(Object.entries(report.fields).map(([k, v]) => [k, v.status])),
          });
        }
        evidence.checks = [
          ...mrzIntegrityChecks(parse, judgement, attempt.read, numberOnPage),
          ...zonesAgree(visualZone),
        ];
      }
    }
    const checks = {
      mrz: {
        found: judgement.found,
        valid: judgement.valid,
        lines: attempt.read.lines,
        side: attempt.read.found ? attempt.side.name : null,
        confidence: judgement.confidence,
        failedCheckDigits: [...judgement.failedCheckDigits],
        rotation: attempt.read.rotation,
        failure: attempt.read.failure ?? null,
        repairs,
      },
      visualZone,
      secondReading,
    };
    return { recognised: attempt.read.found, evidence, checks, timings };
  }

  /**
   * Reads the MRZ side by side, the back first when there is one (cards print their MRZ there), and stops at
   * the first read whose check digits all verify; otherwise keeps the read with the most verified digits.
   */
  private async readMrz(sides: readonly DocumentSide[], today: string): Promise<MrzAttempt> {
    const order = [...sides].sort((a, b) => Number(b.name === 'back') - Number(a.name === 'back'));
    let best: MrzAttempt | null = null;
    for (const side of order) {
      const read = await this.ocr.readMrz(side.image.grey).catch(() => emptyRead('OCR_FAILED'));
      const parse = read.found
        ? parseMrz(read.lines, { autocorrect: true, today: new Date(`${today}T12:00:00Z`) })
        : null;
      const attempt: MrzAttempt = { side, read, parse };
      if (!best || score(attempt) > score(best)) best = attempt;
      if (parse?.valid) break;
    }
    return best!;
  }

  /**
   * A name or a nationality that differs from the record (no check digit covers them) looked at in both
   * recognisers' own readings of the MRZ: the two reading it alike corroborate the read, so the record differs;
   * one of them reading it exactly as registered shows the other slipped (a misread that lands exactly on the
   * record's spelling is far less likely than one that misses it; a face the MRZ model misreads letter after
   * letter makes more than a near miss). Near misses left unsettled go to the printed page. Returns whether it
   * ran.
   */
  private async settleWithSecondReading(
    attempt: MrzAttempt,
    parse: MrzParseResult,
    evidence: DocumentEvidence,
    record: RegistrationRecord,
    today: Date,
    view: SecondReadingView,
  ): Promise<boolean> {
    const differing = uncoveredFieldsThatDiffer(compareEvidence(record, evidence));
    if (differing.length === 0) return false;
    view.ran = true;
    const read = attempt.read.secondReading
      ? attempt.read
      : await this.ocr.readMrz(attempt.side.image.grey, {
          secondOpinion: 'always',
          firstReading: attempt.read,
        });
    const fieldsOf = (lines: string[] | null | undefined) => {
      const other = lines ? parseMrz(lines, { autocorrect: true, today }) : null;
      return other && holdsSameNames(other, parse)
        ? mrzFieldEvidence(other, attempt.side.name, read.confidence)
        : null;
    };
    const readings = [fieldsOf(read.modelReading), fieldsOf(read.secondReading)];
    const settled = settledByReadings(
      differing,
      evidence,
      readings,
      (candidate, field) => compareEvidence(record, candidate)[field]?.status === 'match',
    );
    for (const field of differing) {
      const now = settled[field];
      view.fields[field] = !now ? 'undecided' : now.corroborated ? 'agree' : 'registered';
    }
    Object.assign(evidence.fields, settled);
    return true;
  }

  /**
   * A one-letter name difference, or a nationality that is no country: the printed page tells an OCR slip from
   * a record that differs. Marks the names it shows as read as corroborated, and takes a country code it shows
   * for the misread one. Returns whether the page was read.
   */
  private async settleWithPrintedPage(
    readPage: () => Promise<string>,
    attempt: MrzAttempt,
    parse: MrzParseResult,
    evidence: DocumentEvidence,
    record: RegistrationRecord,
    view: VisualZoneView,
  ): Promise<boolean> {
    const comparison = compareEvidence(record, evidence);
    const names = nearNames(comparison);
    if (names.length === 0) return false;
    const text = await readPage();
    view.ran = true;
    // A country code that does not exist is settled from the same text when it is read anyway: a page read for
    // it alone cost 1–2.5 s and, on the specimens, the code was rarely legible in print.
    const registered = record.nationality.toUpperCase();
    const nationality = evidence.fields.nationality;
    if (
      nationality?.doubtful &&
      comparison.nationality?.status === 'mismatch' &&
      printsCountryCode(registered, text)
    ) {
      evidence.fields.nationality = {
        value: registered,
        source: 'printed',
        side: attempt.side.name,
        confidence: null,
      };
      view.fields.nationality = 'agree';
    }
    const read = { surname: parse.fields.surname, givenNames: parse.fields.givenNames };
    const registeredNames = {
      surname: transliterate(record.surname),
      givenNames: transliterate(record.givenNames),
    };
    const settled = namesPrintedAsRead(names, read, registeredNames, text);
    for (const field of settled) {
      evidence.fields[field] = { ...evidence.fields[field]!, corroborated: true };
      view.fields[field] = 'agree';
    }
    // A doubtful name (cut from a line read shifted or fitted) is never corroborated as read, but the page
    // printing the record's spelling shows the MRZ reading slipped all the more.
    const left = names.filter((field) => !settled.includes(field));
    const typed = { surname: record.surname, givenNames: record.givenNames };
    for (const [field, printed] of namesPrintedAsRegistered(left, read, typed, text)) {
      evidence.fields[field] = { ...evidence.fields[field]!, value: printed };
      view.fields[field] = 'registered';
    }
    return true;
  }

  /**
   * OCR text of the data page: the MRZ side of a passport, the front of a card (its back holds the MRZ, not the
   * fields). The MRZ band's angle is the page's when both are on the same side.
   */
  private pageText(sides: readonly DocumentSide[], attempt: MrzAttempt): Promise<string> {
    const page =
      sides.find((s) => s.name === 'front' && attempt.side.name === 'back') ??
      sides.find((s) => s === attempt.side)!;
    const angle = page === attempt.side ? attempt.read.rotation + attempt.read.skew : undefined;
    return printedText(this.ocr, page, { angle });
  }
}

/** A read the printed page settled: the read as settled, the characters changed, and the field the page showed. */
interface PageSettlement {
  parse: MrzParseResult;
  corrections: MrzCorrection[];
  field: string;
}

/**
 * A read whose check digits fail, settled by the printed page where it can be, the first way that works: one
 * confusable character of the number read the other way (a Japanese passport's XS… read X5…), a slipped digit of a
 * date (a 0 read as 9), a character a data line lost. The page is read only when one of them has a candidate.
 */
async function repairFailingRead(
  parse: MrzParseResult,
  read: MrzRead,
  readPage: () => Promise<string>,
  record: RegistrationRecord,
  today: Date,
): Promise<PageSettlement | null> {
  for (const candidates of [oneSwapCandidates(parse, today), dateDigitCandidates(parse, today)]) {
    if (candidates.length === 0) continue;
    const repair = repairPrintedOnPage(parse, candidates, await readPage(), record);
    if (repair) {
      const { line, column } = repair.correction;
      return {
        parse: repair.parse,
        corrections: [repair.correction],
        field: printedFieldAt(parse.format, line, column)!,
      };
    }
  }
  const raw = read.zone?.raw ?? [];
  const width = parse.lines[0]?.length ?? 0;
  if (!raw.some((line) => line.length === width - 1)) return null;
  const dropped = droppedCharacterOnPage(parse, raw, await readPage(), today);
  return dropped && { parse: dropped.parse, corrections: [dropped.correction], field: dropped.field };
}

/** The MRZ's fields a genuine data page prints the same way, looked for in the page's text. */
function compareWithPrintedPage(parse: MrzParseResult, text: string): VisualZoneReport {
  return compareVisualZone(
    {
      surname: parse.fields.surname,
      givenNames: parse.fields.givenNames,
      dateOfBirth: parse.fields.dateOfBirth,
      expiryDate: parse.fields.expiryDate,
      documentNumber: parse.fields.documentNumber,
    },
    text,
  );
}

/** Valid first, then the share of verified check digits, then OCR confidence. */
function score(a: MrzAttempt): number {
  if (!a.parse?.format) return a.read.found ? a.read.confidence : -1;
  const total = a.parse.checks.length || 1;
  const passed = a.parse.checks.filter((c) => c.valid).length;
  return (a.parse.valid ? 1000 : 0) + (100 * passed) / total + a.read.confidence;
}

/** The printed page disagreeing with the MRZ it was compared with: only a person can say which is right. */
function zonesAgree(view: VisualZoneView): IntegrityCheck[] {
  if (!view.ran || view.consistent === null) return [];
  return [
    {
      name: 'visualZone.agreement',
      holds: view.consistent,
      covers: [],
      severity: 'review',
      reason: 'VISUAL_ZONE_INCONSISTENT',
      explainedByOcr: false,
      illegible: null,
    },
  ];
}

/**
 * The visual-zone text without the MRZ lines the page reader also saw: a confirmation must come from the
 * printed fields, not from the very characters it is meant to confirm.
 */
function withoutMrzLines(text: string): string {
  return text
    .split('\n')
    .filter(
      // Filler `<` anywhere, or one unbroken run of 20+ characters. Spaces are kept for the run test: a
      // printed line of names ("RODRIGUEZ DE VILLAVICENCIO") is as long as an MRZ line without its fillers.
      (line) => !/[A-Z0-9<]{2,}<[A-Z0-9<]*/.test(line.replace(/\s/g, '')) && !/[A-Z0-9]{20,}/.test(line),
    )
    .join('\n');
}

/** The registration record shows a field exactly as read: an independent confirmation of the read. */
function recordConfirmations(record: RegistrationRecord, parse: MrzParseResult): Confirmations {
  const out: Confirmations = {};
  if (
    record.documentNumber &&
    compactNumber(record.documentNumber) === compactNumber(parse.fields.documentNumber)
  )
    out.documentNumber = true;
  if (record.dateOfBirth && record.dateOfBirth === parse.fields.dateOfBirth) out.dateOfBirth = true;
  return out;
}

function visualZoneConfirmations(report: VisualZoneReport, known: Confirmations): Confirmations {
  const agrees = (f: 'documentNumber' | 'dateOfBirth' | 'expiryDate') =>
    known[f] === true || report.fields[f]?.status === 'agree';
  return {
    documentNumber: agrees('documentNumber'),
    dateOfBirth: agrees('dateOfBirth'),
    expiryDate: agrees('expiryDate'),
  };
}
