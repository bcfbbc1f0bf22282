import type { VisualZoneView } from '@idv/documents';
import type { ComparedField, FieldStatus, RegistrationRecord } from '@idv/matching';
import type { DocumentField, DocumentType, FieldSource, Verdict, VerdictInput } from '@idv/verdict';

/** The registration record the document is compared with (the comparable fields of `POST /v1/applicants`). */
export type { RegistrationRecord };

/** Document types of the contract (`documentType` of `POST /v1/verifications`). */
export type DeclaredDocumentType = DocumentType;

/** What {@link DocumentAnalyser.analyse} reads. */
export interface AnalyseInput {
  /** The uploaded bytes, untrusted: any format, any size, possibly not an image at all. */
  front: Buffer;
  back?: Buffer;
  record: RegistrationRecord;
  /** As declared by the caller; detected from the MRZ when absent. Any other string is ignored. */
  documentType?: string;
  /** `YYYY-MM-DD`: the day expiry and birth-year centuries are judged against (the caller owns the clock). */
  today: string;
}

/** A reason as the contract shows it. */
export interface OutcomeReason {
  code: string;
  field: string | null;
  message: string;
  hint: { en: string; 'zh-CN': string };
}

/**
 * The document as read (the contract's `document`); `null` fields were not read. The first ten are always
 * there; the others only for documents that print them (the Chinese and Hong Kong cards).
 */
export interface DocumentView {
  type: DeclaredDocumentType | null;
  /** `TD1`…`MRV-B`, `FRENCH_NATIONAL_ID`, `CN_RESIDENT_ID`, `CN_RESIDENCE_PERMIT`, `HKID`. */
  format: string | null;
  issuingCountry: string | null;
  documentNumber: string | null;
  surname: string | null;
  givenNames: string | null;
  dateOfBirth: string | null;
  expiryDate: string | null;
  sex: string | null;
  nationality: string | null;
  fullName?: string | null;
  chineseName?: string | null;
  ethnicity?: string | null;
  address?: string | null;
  issuingAuthority?: string | null;
  validFrom?: string | null;
  issueDate?: string | null;
  permanent?: boolean | null;
}

/** Image quality of one side (the contract's `checks.quality`, plus what explains it). */
export interface QualityView {
  passed: boolean;
  sharpness: number;
  glare: number;
  brightness: number;
  /** Width and height in pixels; `[0, 0]` when the bytes did not decode. */
  resolution: [number, number];
  /** Every issue found, `warn` (OCR still tried) or `fail` (rejected before OCR). */
  issues: { code: string; severity: 'warn' | 'fail' }[];
  /** The sniffed file type and why it could not be decoded, when it could not. */
  decode?: { ok: boolean; format?: string; failure?: string };
}

/** The contract's `checks`, extended with the detail a reviewer needs; nothing of the contract is renamed. */
export interface ChecksView {
  /** The front's quality (the contract's shape), with `back` when a back was sent. */
  quality: QualityView & { back?: QualityView };
  /** The contract's MRZ check; `found: false` for documents read from their printed fields. */
  mrz: {
    found: boolean;
    valid: boolean;
    lines: string[];
    /** Which image the MRZ was read from. */
    side: 'front' | 'back' | null;
    /** Mean OCR confidence 0..1. */
    confidence: number | null;
    failedCheckDigits: string[];
    /** Quarter turns the image needed to read the MRZ. */
    rotation: number;
    /** Why no MRZ was read: no band of MRZ-like lines located, or bands that did not read as an MRZ. */
    failure: string | null;
    /**
     * Characters of the lines as read that the printed page settled (`line`, `column` 0-based): a confusable
     * character read the other way (`from` → `to`: a number failing its check digit one character from
     * verifying, or a G among a number's digits printed as 6), or a character OCR dropped from a data line put
     * back (`from` empty), each only where every check digit then verifies and the page prints the field so.
     * The fields are the settled read's; `lines` stay as read.
     */
    repairs?: Array<{ line: number; column: number; from: string; to: string }>;
  };
  comparison: Partial<Record<ComparedField, FieldStatus>>;
  /** `longTerm` for a card valid without end (长期): no expiry date, never expired. */
  expiry: { expired: boolean; expiryDate: string | null; daysRemaining: number | null; longTerm?: boolean };
  /** The declared document type against the one the document shows. */
  documentType: { declared: string | null; detected: DeclaredDocumentType | null; consistent: boolean };
  /** The visual-zone cross-check of an MRZ document, when it ran (only when it could change the verdict). */
  visualZone: VisualZoneView;
  /** Which reader read the document, and every field with where it was read and how sure the read is. */
  evidence: {
    family: string | null;
    fields: Partial<
      Record<DocumentField, { source: FieldSource; side: 'front' | 'back' | null; confidence: number | null }>
    >;
    /** The document's own integrity checks (check digits, check characters, fields that must agree). */
    integrity: { name: string; holds: boolean }[];
  };
  /** The family's own checks beyond the contract's common ones (`idNumber` of a Chinese card, …). */
  [section: string]: unknown;
}

/** Wall-clock milliseconds per stage; a stage that did not run is absent. */
export interface Timings {
  decode?: number;
  quality?: number;
  /** The reader's stages: `mrz`, `visualZone`, `fields`, … */
  [stage: string]: number | undefined;
  total: number;
}

/**
 * The result of analysing one verification: the verdict with its reasons (contract shapes), the document read,
 * the checks, and the verdict engine's input (`facts`) so a caller that learns more (a restriction, a duplicate
 * document) can re-decide with {@link finalise} without analysing the images again.
 */
export interface AnalysisOutcome {
  verdict: Verdict;
  reasons: OutcomeReason[];
  document: DocumentView;
  checks: ChecksView;
  /** Versions of the analysis, quality thresholds and OCR model that produced the outcome. */
  engineVersion: string;
  timings: Timings;
  facts: VerdictInput;
}
