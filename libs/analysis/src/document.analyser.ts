import { performance } from 'node:perf_hooks';
import {
  compareEvidence,
  declaredType,
  DocumentReaders,
  MrzDocumentReader,
  ResidentIdReader,
  HkidReader,
  typesConsistent,
  type DocumentRead,
  type DocumentSide,
} from '@idv/documents';
import { checkExpiry, comparisonStatuses, loadHanTables, type ComparisonReport } from '@idv/matching';
import { OcrEngine, type OcrEngineOptions } from '@idv/ocr';
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
import {
  decideVerdict,
  type DocumentEvidence,
  type QualityReasonCode,
  type VerdictInput,
} from '@idv/verdict';
import type { AnalyseInput, AnalysisOutcome, ChecksView, QualityView, Timings } from './analysis.types';
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
const ANALYSIS_VERSION = 'analysis-2';

type SideName = DocumentSide['name'];

const DECODE_REASON: Record<DecodeFailure['code'], QualityReasonCode> = {
  CORRUPT_IMAGE: 'IMAGE_CORRUPT',
  UNSUPPORTED_FORMAT: 'FILE_TYPE_UNSUPPORTED',
  FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  TOO_MANY_PIXELS: 'FILE_TOO_LARGE',
};

/** Failed quality checks a read can overrule, so the read is attempted despite them. */
const READ_ANYWAY: ReadonlySet<QualityReasonCode> = new Set(['DOCUMENT_CUT_OFF']);

const since = (start: number) => Math.round((performance.now() - start) * 10) / 10;

/**
 * The document pipeline: decode → quality (a failing image is rejected before any OCR) → the document's reader
 * (one per family, chosen by the declared type, the record and what is seen) → its fields against the record →
 * expiry → verdict. Never throws for bad input: undecodable, foreign or hostile bytes end in an `unreadable`
 * outcome. Holds warm OCR workers: create once, share, {@link close} on shutdown.
 */
export class DocumentAnalyser {
  private readonly readers: DocumentReaders;

  private constructor(
    private readonly ocr: OcrEngine,
    private readonly ownsOcr: boolean,
    private readonly options: DocumentAnalyserOptions,
    private readonly version: string,
  ) {
    const visualZone = options.visualZone !== false;
    this.readers = new DocumentReaders(
      [new MrzDocumentReader(ocr, { visualZone }), new ResidentIdReader(ocr), new HkidReader(ocr)],
      ocr,
      {
        classifyUnrecognised: visualZone,
      },
    );
  }

  /**
   * Starts (and warms) the OCR workers and the Han name tables, so the first document does not pay for them. With
   * a running `ocr` engine given, its owner has warmed what it wants (a one-shot run: only what its document needs).
   */
  static async create(options: DocumentAnalyserOptions = {}): Promise<DocumentAnalyser> {
    const ocr = options.ocr ?? new OcrEngine(options.ocrOptions);
    if (!options.ocr) {
      // The Chinese line recogniser and the chi_sim workers that count a name's characters too: the first
      // Chinese card of the day would otherwise wait a second or two for them.
      await ocr.warmUp({ han: true, hanLines: true });
      loadHanTables();
    }
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
      };
      return this.outcome(facts, checks, null, declared, timings, started);
    }

    t = performance.now();
    const thresholds = this.options.thresholds ?? QUALITY_THRESHOLDS;
    const sides: DocumentSide[] = await Promise.all(
      decoded.map(async (image, i) => {
        const ok = image as DecodedPixels;
        return { name: uploads[i][0], image: ok, quality: await assessQuality(ok, { thresholds }) };
      }),
    );
    timings.quality = since(t);
    checks.quality = qualityViews(sides);
    const qualityFacts = mergeIssues(sides);
    // A document that looks cut off is read all the same: an MRZ that reads and verifies shows it whole (a page
    // scanned exactly to its edges), and the verdict then drops the framing doubt.
    if (qualityFacts.some((i) => i.severity === 'fail' && !READ_ANYWAY.has(i.code))) {
      // Rejected before OCR: the person is told what to change in the photo, fast.
      return this.outcome(
        { quality: { issues: qualityFacts }, document: null },
        checks,
        null,
        declared,
        timings,
        started,
      );
    }

    const read = await this.readers.read(sides, {
      record: input.record,
      today: input.today,
      declared,
      minConfidence: this.minConfidence,
    });
    Object.assign(timings, read.timings);
    const evidence = read.evidence;
    Object.assign(checks, read.checks);
    checks.documentType = {
      declared,
      detected: evidence.documentType,
      consistent: typesConsistent(declared, evidence.documentType),
    };
    checks.evidence = evidenceView(evidence);

    let comparison: ComparisonReport | null = null;
    let expiry: VerdictInput['expiry'] = null;
    if (evidence.readable) {
      comparison = compareEvidence(input.record, evidence);
      checks.comparison = comparisonStatuses(comparison);
      const expiryDate = evidence.fields.expiryDate?.value ?? null;
      const status = checkExpiry(expiryDate, input.today);
      expiry = { expired: status.expired, expiryDate: status.expiryDate };
      checks.expiry = {
        ...checks.expiry,
        expired: status.expired,
        expiryDate: status.expiryDate,
        daysRemaining: status.daysRemaining,
      };
    }
    const facts: VerdictInput = { quality: { issues: qualityFacts }, document: evidence, comparison, expiry };
    return this.outcome(facts, checks, read, declared, timings, started);
  }

  private get minConfidence(): number {
    return this.options.minConfidence ?? 0.6;
  }

  private outcome(
    facts: VerdictInput,
    checks: ChecksView,
    read: DocumentRead | null,
    declared: ReturnType<typeof declaredType>,
    timings: Omit<Timings, 'total'>,
    started: number,
  ): AnalysisOutcome {
    const decision = decideVerdict(facts, { minConfidence: this.minConfidence });
    const evidence = read?.evidence ?? null;
    return {
      verdict: decision.verdict,
      reasons: decision.reasons.map(describe),
      document: documentView(evidence, evidence?.documentType ?? declared),
      checks,
      engineVersion: this.version,
      timings: { ...timings, total: since(started) },
      facts,
    };
  }
}

/** For reviewers: which reader read what, from where, how sure, and which of the document's checks hold. */
function evidenceView(evidence: DocumentEvidence): ChecksView['evidence'] {
  return {
    family: evidence.family,
    fields: Object.fromEntries(
      Object.entries(evidence.fields).map(([name, f]) => [
        name,
        { source: f.source, side: f.side, confidence: f.confidence === null ? null : round(f.confidence) },
      ]),
    ),
    integrity: evidence.checks.map((c) => ({ name: c.name, holds: c.holds })),
  };
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
    evidence: { family: null, fields: {}, integrity: [] },
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

function qualityViews(sides: DocumentSide[]): ChecksView['quality'] {
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

/**
 * Every side's issues, one per code with the worse severity. A copy is a copy of the whole document: a side in
 * colour shows the upload is of the coloured original, and a pale other side is its design (many cards print
 * their back in faint tints), not a black-and-white reproduction.
 */
function mergeIssues(
  sides: readonly DocumentSide[],
): { code: QualityReasonCode; severity: 'warn' | 'fail' }[] {
  const byCode = new Map<QualityReasonCode, 'warn' | 'fail'>();
  for (const issue of sides.flatMap((s) => s.quality.issues)) {
    if (byCode.get(issue.code) !== 'fail') byCode.set(issue.code, issue.severity);
  }
  const copy: QualityReasonCode = 'DOCUMENT_COPY';
  if (!sides.every((s) => s.quality.issues.some((i) => i.code === copy))) byCode.delete(copy);
  return [...byCode].map(([code, severity]) => ({ code, severity }));
}

const round = (v: number) => Math.round(v * 1000) / 1000;
