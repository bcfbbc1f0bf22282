import { performance } from 'node:perf_hooks';
import {
  checkExpiry,
  compareRecord,
  compareVisualZone,
  comparisonStatuses,
  type ComparisonReport,
  type VisualZoneReport,
} from '@idv/matching';
import { parseMrz, transliterate, type MrzParseResult } from '@idv/mrz';
import { emptyRead, OcrEngine, type MrzRead, type OcrEngineOptions } from '@idv/ocr';
import {
  assessQuality,
  decodePixels,
  QUALITY_THRESHOLDS,
  type DecodedPixels,
  type DecodeFailure,
  type DecodeLimits,
  type QualityReport,
  type QualityThresholds,
} from '@idv/quality';
import { decideVerdict, type QualityReasonCode, type VerdictInput } from '@idv/verdict';
import type { AnalyseInput, AnalysisOutcome, ChecksView, QualityView, Timings } from './analysis.types';
import { documentKindFromText, type DocumentKind } from './document-kind';
import { declaredType, detectedType, typeFromDocumentCode, typesConsistent } from './document-type';
import {
  acceptRecordCentury,
  doubtUnknownNationality,
  nearNames,
  settleNamesWithVisualZone,
  settleNationalityWithVisualZone,
  settleProtectedNearMisses,
} from './near-miss';
import { confirmationCouldMatter, mrzOutcome, type Confirmations } from './mrz.evidence';
import { describe, documentView } from './outcome.view';

/** Options of {@link DocumentAnalyser.create}. */
export interface DocumentAnalyserOptions {
  /** OCR pool sizing and model; ignored when `ocr` is given. */
  ocrOptions?: Partial<OcrEngineOptions>;
  /** A running engine to share (the caller then owns it: {@link DocumentAnalyser.close} leaves it running). */
  ocr?: OcrEngine;
  /** Upload limits (default 25 MiB, 40 MP). */
  limits?: DecodeLimits;
  thresholds?: QualityThresholds;
  /**
   * Mean OCR confidence (0..1) below which a failed check digit is put down to OCR rather than to the
   * document, and a field difference is not trusted. Default 0.6.
   */
  minConfidence?: number;
  /** Read the visual zone when it can change the verdict (default true); off, the pipeline is MRZ-only. */
  visualZone?: boolean;
}

/** Bumped whenever the pipeline's decisions change; stored with every outcome. */
const ANALYSIS_VERSION = 'analysis-1';

type SideName = 'front' | 'back';
interface Side {
  name: SideName;
  image: DecodedPixels;
  quality: QualityReport;
  /** The visual-zone text, once read. */
  pageText?: Promise<string>;
}
interface MrzAttempt {
  side: SideName;
  read: MrzRead;
  parse: MrzParseResult | null;
}

const DECODE_REASON: Record<DecodeFailure['code'], QualityReasonCode> = {
  CORRUPT_IMAGE: 'IMAGE_CORRUPT',
  UNSUPPORTED_FORMAT: 'FILE_TYPE_UNSUPPORTED',
  FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  TOO_MANY_PIXELS: 'FILE_TOO_LARGE',
};

const since = (start: number) => Math.round((performance.now() - start) * 10) / 10;

/**
 * The document pipeline: decode → quality (a failing image is rejected before any OCR) → MRZ OCR (the back
 * first when there is one, where cards print it; stop at the first valid read) → parse → compare with the
 * record → visual zone only when it can change the verdict → expiry → verdict. Never throws for bad input:
 * undecodable, foreign or hostile bytes end in an `unreadable` outcome. Holds warm OCR workers: create once,
 * share, {@link close} on shutdown.
 */
export class DocumentAnalyser {
  private constructor(
    private readonly ocr: OcrEngine,
    private readonly ownsOcr: boolean,
    private readonly options: DocumentAnalyserOptions,
    private readonly version: string,
  ) {}

  /** Starts (and warms) the OCR workers, so the first document does not pay for it. */
  static async create(options: DocumentAnalyserOptions = {}): Promise<DocumentAnalyser> {
    const ocr = options.ocr ?? new OcrEngine(options.ocrOptions);
    if (!options.ocr) await ocr.warmUp();
    const model = options.ocrOptions?.mrzModel?.kind === 'eng-legacy' ? 'eng-legacy' : 'mrz-lstm';
    const thresholds = options.thresholds ?? QUALITY_THRESHOLDS;
    return new DocumentAnalyser(
      ocr,
      !options.ocr,
      options,
      `${ANALYSIS_VERSION}+${thresholds.version}+${model}`,
    );
  }

  /** The OCR engine (for readiness checks). */
  get engine(): OcrEngine {
    return this.ocr;
  }

  /** Stops the OCR workers this analyser started. */
  async close(): Promise<void> {
    if (this.ownsOcr) await this.ocr.terminate();
  }

  /** Analyses one verification; see the class comment for the steps. Resolves for every input. */
  async analyse(input: AnalyseInput): Promise<AnalysisOutcome> {
    const started = performance.now();
    const timings: Omit<Timings, 'total'> = {};
    const declared = declaredType(input.documentType);
    const uploads: [SideName, Buffer][] = [['front', input.front]];
    if (input.back) uploads.push(['back', input.back]);

    let t = performance.now();
    const decoded = await Promise.all(uploads.map(([, bytes]) => decodePixels(bytes, this.options.limits)));
    timings.decode = since(t);
    const failure = decoded.find((d): d is DecodeFailure => !d.ok);
    const checks = emptyChecks(declared);
    if (failure) {
      checks.quality = { ...checks.quality, ...decodeView(decoded, uploads) };
      const facts: VerdictInput = {
        quality: { issues: [{ code: DECODE_REASON[failure.code], severity: 'fail' }] },
        document: null,
        mrz: null,
      };
      return this.outcome(facts, checks, null, declared, timings, started);
    }

    t = performance.now();
    const thresholds = this.options.thresholds ?? QUALITY_THRESHOLDS;
    const sides: Side[] = await Promise.all(
      decoded.map(async (image, i) => {
        const ok = image as DecodedPixels;
        return { name: uploads[i][0], image: ok, quality: await assessQuality(ok, { thresholds }) };
      }),
    );
    timings.quality = since(t);
    checks.quality = qualityViews(sides);
    const qualityFacts = mergeIssues(sides);
    if (qualityFacts.some((i) => i.severity === 'fail')) {
      // Rejected before OCR: the person is told what to change in the photo, fast.
      const facts: VerdictInput = {
        quality: { issues: qualityFacts },
        document: { found: sides.every((s) => s.quality.document.found), supported: null },
        mrz: null,
      };
      return this.outcome(facts, checks, null, declared, timings, started);
    }

    t = performance.now();
    const attempt = await this.readMrz(sides, input.today);
    timings.mrz = since(t);
    const parse = attempt?.parse ?? null;
    const readable = Boolean(parse?.format);
    const detected = parse?.format ? detectedType(parse.fields.documentCode, parse.format) : null;
    checks.documentType = { declared: declared, detected, consistent: typesConsistent(declared, detected) };

    let comparison: ComparisonReport | null = null;
    let expiry: VerdictInput['expiry'] = null;
    let documentFacts: VerdictInput['document'] = {
      found: sides.some((s) => s.quality.document.found),
      supported: null,
    };
    let visualZone: VisualZoneReport | null = null;
    const todayDate = new Date(`${input.today}T12:00:00Z`);
    const evidence = {
      found: attempt?.read.found ?? false,
      parse: readable ? parse : null,
      confidence: attempt?.read.found ? attempt.read.confidence : null,
      lowConfidence: this.minConfidence,
      confirmations: {} as Confirmations,
      today: todayDate,
    };
    let mrz = mrzOutcome(evidence);
    if (parse && readable) {
      comparison = compareRecord(input.record, { ...parse.fields, format: parse.format });
      const status = checkExpiry(parse.fields.expiryDate, input.today);
      expiry = { expired: status.expired, expiryDate: status.expiryDate };
      checks.expiry = {
        expired: status.expired,
        expiryDate: status.expiryDate,
        daysRemaining: status.daysRemaining,
      };
      // Any ICAO layout with a parsable MRZ is a travel document this service accepts.
      documentFacts = { found: true, supported: true };
      // What the comparison cannot know: which reads a check digit proves, which codes exist, the century.
      settleProtectedNearMisses(comparison, parse);
      doubtUnknownNationality(comparison, parse);
      acceptRecordCentury(comparison);
      checks.comparison = comparisonStatuses(comparison);
      const names = nearNames(comparison);
      if (parse.valid && names.length > 0 && this.options.visualZone !== false) {
        // A one-letter name difference: the printed page tells an OCR slip from a record that differs.
        t = performance.now();
        const text = withoutMrzLines(await this.pageText(sides, attempt!));
        timings.visualZone = since(t);
        // A country code that does not exist is settled from the same text when it is read anyway: a page
        // read for it alone cost 1–2.5 s and, on the specimens, the code was rarely legible in print.
        if (settleNationalityWithVisualZone(comparison, input.record.nationality.toUpperCase(), text)) {
          checks.visualZone.fields.nationality = 'agree';
        }

        const settled = settleNamesWithVisualZone(
          comparison,
          names,
          { surname: parse.fields.surname, givenNames: parse.fields.givenNames },
          {
            surname: transliterate(input.record.surname),
            givenNames: transliterate(input.record.givenNames),
          },
          text,
        );
        checks.visualZone = { ...checks.visualZone, ran: true };
        for (const field of settled) checks.visualZone.fields[field] = 'agree';
        checks.comparison = comparisonStatuses(comparison);
      }
      if (!parse.valid) {
        evidence.confirmations = recordConfirmations(input.record, parse);
        mrz = mrzOutcome(evidence);
        // Only a doubtful failure can turn into a forgery signal if the printed page shows the same values.
        if (
          mrz.failureExplainedByOcr &&
          confirmationCouldMatter(parse) &&
          this.options.visualZone !== false
        ) {
          t = performance.now();
          visualZone = await this.readVisualZone(sides, attempt!, parse);
          timings.visualZone = since(t);
          evidence.confirmations = visualZoneConfirmations(visualZone, evidence.confirmations);
          mrz = mrzOutcome(evidence);
        }
      }
    } else if (this.options.visualZone !== false && documentFacts.found && !attempt?.read.found) {
      // No MRZ-shaped text on a sharp, well-exposed document: a card of another kind, or the MRZ side not
      // photographed. A partial MRZ read is an MRZ: the page text would not change that verdict.
      t = performance.now();
      const kind = await this.documentKind(sides);
      timings.visualZone = since(t);
      checks.visualZone = { ...checks.visualZone, ran: true };
      if (kind === 'other') documentFacts = { found: true, supported: false };
    }
    if (visualZone) {
      checks.visualZone = {
        ran: true,
        consistent: visualZone.consistent,
        fields: Object.fromEntries(Object.entries(visualZone.fields).map(([k, v]) => [k, v.status])),
      };
    }
    checks.mrz = {
      found: mrz.found,
      valid: mrz.valid,
      lines: attempt?.read.lines ?? [],
      side: attempt?.read.found ? attempt.side : null,
      confidence: mrz.confidence,
      failedCheckDigits: [...mrz.failedCheckDigits],
      rotation: attempt?.read.rotation ?? 0,
      failure: attempt?.read.failure ?? null,
    };
    const facts: VerdictInput = {
      quality: { issues: qualityFacts },
      document: documentFacts,
      mrz,
      comparison,
      expiry,
      visualZone: visualZone ? { consistent: visualZone.consistent } : null,
    };
    return this.outcome(facts, checks, readable ? parse : null, declared, timings, started, detected);
  }

  private get minConfidence(): number {
    return this.options.minConfidence ?? 0.6;
  }

  /**
   * Reads the MRZ side by side, the back first when there is one (cards print their MRZ there), and stops at
   * the first read whose check digits all verify; otherwise keeps the read with the most verified digits.
   */
  private async readMrz(sides: Side[], today: string): Promise<MrzAttempt | null> {
    const order = [...sides].sort((a, b) => Number(b.name === 'back') - Number(a.name === 'back'));
    let best: MrzAttempt | null = null;
    for (const side of order) {
      const read = await this.ocr.readMrz(side.image.grey).catch(() => emptyRead('OCR_FAILED'));
      const parse = read.found
        ? parseMrz(read.lines, { autocorrect: true, today: new Date(`${today}T12:00:00Z`) })
        : null;
      const attempt: MrzAttempt = { side: side.name, read, parse };
      if (!best || score(attempt) > score(best)) best = attempt;
      if (parse?.valid) break;
    }
    return best;
  }

  private async readVisualZone(
    sides: Side[],
    mrz: MrzAttempt,
    parse: MrzParseResult,
  ): Promise<VisualZoneReport> {
    const text = await this.pageText(sides, mrz);
    return compareVisualZone(
      {
        surname: parse.fields.surname,
        givenNames: parse.fields.givenNames,
        dateOfBirth: parse.fields.dateOfBirth,
        expiryDate: parse.fields.expiryDate,
        documentNumber: parse.fields.documentNumber,
      },
      withoutMrzLines(text),
    );
  }

  /**
   * OCR text of the data page: the MRZ side of a passport, the front of a card (its back holds the MRZ, not
   * the fields). Read once per image: the LSTM pass costs seconds.
   */
  private async pageText(sides: Side[], mrz: MrzAttempt): Promise<string> {
    const page =
      sides.find((s) => s.name === 'front' && mrz.side === 'back') ?? sides.find((s) => s.name === mrz.side)!;
    // The MRZ band's angle is the page's when both are on the same side.
    const angle = page.name === mrz.side ? mrz.read.rotation + mrz.read.skew : undefined;
    page.pageText ??= this.textOf(page, angle);
    return page.pageText;
  }

  /**
   * The visual-zone text of a side, read within the document the framing check found; an OCR failure reads as
   * no text (the verdict then says unreadable).
   */
  private textOf(side: Side, angle?: number, detail?: 'captions'): Promise<string> {
    const document = side.quality.document;
    return this.ocr
      .readVisualZone(side.image.grey, { region: document.found ? document.box : undefined, angle, detail })
      .then((r) => r.text)
      .catch(() => '');
  }

  /** The most telling kind over the sides: any identity marker wins over other text. */
  private async documentKind(sides: Side[]): Promise<DocumentKind> {
    let kind: DocumentKind = 'unknown';
    for (const side of sides) {
      // Only what kind of card it is: its titles and captions, read at a cheaper scale first; nothing telling
      // there (small print, a dark card), the side is read in full before it is called unknown.
      let found = documentKindFromText(await this.textOf(side, undefined, 'captions'));
      if (found === 'unknown') found = documentKindFromText(await this.textOf(side));
      if (found === 'identity') return found;
      if (found === 'other') kind = found;
    }
    return kind;
  }

  private outcome(
    facts: VerdictInput,
    checks: ChecksView,
    parse: MrzParseResult | null,
    declared: ReturnType<typeof declaredType>,
    timings: Omit<Timings, 'total'>,
    started: number,
    detected: ReturnType<typeof typeFromDocumentCode> = null,
  ): AnalysisOutcome {
    const decision = decideVerdict(facts, { minConfidence: this.minConfidence });
    return {
      verdict: decision.verdict,
      reasons: decision.reasons.map(describe),
      document: documentView(parse, detected ?? declared),
      checks,
      engineVersion: this.version,
      timings: { ...timings, total: since(started) },
      facts,
    };
  }
}

/** Valid first, then the share of verified check digits, then OCR confidence. */
function score(a: MrzAttempt): number {
  if (!a.parse?.format) return a.read.found ? a.read.confidence : -1;
  const total = a.parse.checks.length || 1;
  const passed = a.parse.checks.filter((c) => c.valid).length;
  return (a.parse.valid ? 1000 : 0) + (100 * passed) / total + a.read.confidence;
}

function emptyChecks(declared: string | null): ChecksView {
  return {
    quality: {
      passed: false,
      sharpness: 0,
      glare: 0,
      brightness: 0,
      resolution: [0, 0],
      issues: [],
    },
    mrz: {
      found: false,
      valid: false,
      lines: [],
      side: null,
      confidence: null,
      failedCheckDigits: [],
      rotation: 0,
      failure: null,
    },
    comparison: {},
    expiry: { expired: false, expiryDate: null, daysRemaining: null },
    documentType: { declared, detected: null, consistent: true },
    visualZone: { ran: false, consistent: null, fields: {} },
  };
}

function decodeView(
  decoded: (DecodedPixels | DecodeFailure)[],
  uploads: [SideName, Buffer][],
): Partial<QualityView> {
  const failed = decoded.findIndex((d) => !d.ok);
  const d = decoded[failed] as DecodeFailure;
  return {
    passed: false,
    issues: [{ code: DECODE_REASON[d.code], severity: 'fail' }],
    decode: { ok: false, format: d.detectedFormat, failure: `${uploads[failed][0]}: ${d.message}` },
  };
}

function qualityView(q: QualityReport, format: string): QualityView {
  return {
    passed: q.passed,
    sharpness: round(q.sharpness),
    glare: round(q.glare),
    brightness: round(q.brightness),
    resolution: q.resolution,
    issues: q.issues.map((i) => ({ code: i.code, severity: i.severity })),
    decode: { ok: true, format },
  };
}

function qualityViews(sides: Side[]): ChecksView['quality'] {
  const [front, back] = sides;
  const view = qualityView(front.quality, front.image.format);
  return back
    ? {
        ...view,
        passed: view.passed && back.quality.passed,
        back: qualityView(back.quality, back.image.format),
      }
    : view;
}

/** Every side's issues, one per code with the worse severity. */
function mergeIssues(sides: Side[]): { code: QualityReasonCode; severity: 'warn' | 'fail' }[] {
  const byCode = new Map<QualityReasonCode, 'warn' | 'fail'>();
  for (const issue of sides.flatMap((s) => s.quality.issues)) {
    if (byCode.get(issue.code) !== 'fail') byCode.set(issue.code, issue.severity);
  }
  return [...byCode].map(([code, severity]) => ({ code, severity }));
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

const round = (v: number) => Math.round(v * 1000) / 1000;
const compact = (s: string | null | undefined) => (s ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');

/** The registration record shows a field exactly as read: an independent confirmation of the read. */
function recordConfirmations(record: AnalyseInput['record'], parse: MrzParseResult): Confirmations {
  const out: Confirmations = {};
  if (record.documentNumber && compact(record.documentNumber) === compact(parse.fields.documentNumber))
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
