import type { RegistrationRecord } from '@idv/matching';
import type { DecodedPixels, QualityReport } from '@idv/quality';
import type { DocumentEvidence, DocumentType } from '@idv/verdict';

/** One uploaded image, decoded and quality-checked, as the caller named it. */
export interface DocumentSide {
  name: 'front' | 'back';
  image: DecodedPixels;
  quality: QualityReport;
}

/** What a reader may use besides the images. */
export interface ReadContext {
  /**
   * The registration record. A reader never decides with it, but may use it to decide where to look closer
   * (a near-miss name is worth a read of the printed page, a wrong name is not).
   */
  record: RegistrationRecord;
  /** `YYYY-MM-DD`: the day dates are judged against. */
  today: string;
  /** The document type the wallet declared for the upload, when it is one of the contract's. */
  declared: DocumentType | null;
  /** Mean OCR confidence below which a read is unsure. */
  minConfidence: number;
}

/** A reader's answer. */
export interface DocumentRead {
  /** The reader saw its family's marks (an MRZ, a citizen number, a card title): the document is of its family. */
  recognised: boolean;
  evidence: DocumentEvidence;
  /** The family's own sections of the contract's `checks` (`mrz`, `idNumber`, …), for wallets and reviewers. */
  checks: Record<string, unknown>;
  /** Wall-clock milliseconds of the reader's stages. */
  timings: Record<string, number>;
}

/**
 * A reader of one document family (ZXing's `Reader`): it reads what its family prints, where its layout prints
 * it, and reports the same evidence model as every other family. Resolves for every input: a document it
 * does not recognise is an answer (`recognised: false`) with the reasons it would give.
 */
export interface DocumentReader {
  /** `mrz`, `cn_resident_id`, `hk_identity_card`. */
  readonly family: string;
  /** The contract's document types this family covers. */
  readonly documentTypes: readonly DocumentType[];
  /**
   * Whether the registration record suggests this family (the record's `documentType`, its number's shape),
   * so it is tried first when the upload declares nothing.
   */
  suggestedBy(record: RegistrationRecord): boolean;
  read(sides: readonly DocumentSide[], context: ReadContext): Promise<DocumentRead>;
}
