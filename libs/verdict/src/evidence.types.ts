import type { DocumentType, ReasonCode, ReasonField } from './verdict.types';

/**
 * The evidence model: what a document reader established about a document, in terms that do not depend on
 * the document's family. Every reader (MRZ travel documents, Chinese Resident ID cards, HKID, …) produces it;
 * the verdict engine decides from it alone and never learns what an MRZ or a citizen number is.
 */

/** Fields a document can state, named as the contract's `document` names them. */
export type DocumentField =
  | 'documentCode'
  | 'issuingCountry'
  | 'documentNumber'
  | 'surname'
  | 'givenNames'
  | 'fullName'
  | 'chineseName'
  | 'dateOfBirth'
  | 'sex'
  | 'nationality'
  | 'ethnicity'
  | 'address'
  | 'issuingAuthority'
  | 'validFrom'
  | 'issueDate'
  | 'expiryDate'
  | 'permanent';

/**
 * Where a field was read: the machine-readable zone, the printed (visual) zone, or derived from the document
 * number (a Chinese citizen number encodes the birth date and the sex).
 */
export type FieldSource = 'mrz' | 'printed' | 'number';

/** One field as read. */
export interface FieldEvidence {
  /** As read and normalised (ISO dates, `M`/`F`/`X`); `null` when the field was looked for and not legible. */
  value: string | null;
  source: FieldSource;
  /** The uploaded side it was read from. */
  side: 'front' | 'back' | null;
  /** OCR confidence 0..1 of this read; `null` when the engine gives none. */
  confidence: number | null;
  /**
   * A second, independent read shows exactly this value (the printed page showing the MRZ's name): the read is
   * right, so a difference from the record is the record's.
   */
  corroborated?: boolean;
  /** The read is in doubt whatever its confidence: it shows something that cannot exist (a country code that is none). */
  doubtful?: boolean;
  /** A date whose century the reader had to guess (two-digit years): 100 years off is the guess, not the document. */
  centuryGuessed?: boolean;
}

/**
 * A check the document makes of itself: a check digit, a check character, two fields that must agree, a rule
 * of the issuer. When it holds, the fields it covers are read right whatever the OCR confidence.
 */
export interface IntegrityCheck {
  /** Stable name for reviewers and logs: `mrz.documentNumber`, `idNumber.checkCharacter`, `validity.term`. */
  name: string;
  holds: boolean;
  /** Fields whose read the check vouches for. */
  covers: readonly DocumentField[];
  /**
   * What a failure argues for: `forgery`, the document contradicts itself (a fraud signal unless OCR explains
   * it); `review`, something only a person can judge.
   */
  severity: 'forgery' | 'review';
  /** The reason a failure gives. */
  reason: ReasonCode;
  /** For a failure: the reader's judgement that OCR, not the document, explains it (a misread, an unsure read). */
  explainedByOcr: boolean;
  /** For a failure OCR explains: what the person is told when a new photo is needed. */
  illegible: ReasonSpec | null;
}

/** A reason code with the field or side it concerns. */
export interface ReasonSpec {
  code: ReasonCode;
  /** A document field, or `front` / `back` for a side. */
  field: ReasonField | null;
}

/** What one reader established about the uploaded document. */
export interface DocumentEvidence {
  /** The reader's family (`mrz`, `cn_resident_id`, `hk_identity_card`): for reviewers and logs, never for the verdict. */
  family: string;
  /** The layout read (`TD3`, `CN_RESIDENT_ID`, `HKID`), the contract's `document.format`; `null` when not read. */
  format: string | null;
  /** The contract's document type as the document shows it (an MRZ's document code, a card's title). */
  documentType: DocumentType | null;
  /** The document was seen: located by the framing check, or the reader saw its marks. */
  found: boolean;
  /** `false`: recognised as something the service does not accept (a payment card); `null`: not known. */
  supported: boolean | null;
  /** Enough was read to compare with the record. */
  readable: boolean;
  /**
   * Why the document cannot be verified from these images, most telling first: nothing read (`MRZ_NOT_FOUND`),
   * a field the verdict needs illegible (`FIELD_UNREADABLE` with the field), a side not uploaded
   * (`DOCUMENT_SIDE_MISSING` with the side). Each makes the verification `unreadable`, even when the rest was read.
   */
  unreadable: readonly ReasonSpec[];
  /** Mean OCR confidence 0..1 of the read the verdict rests on; `null` when none. */
  confidence: number | null;
  fields: Partial<Record<DocumentField, FieldEvidence>>;
  checks: readonly IntegrityCheck[];
  /**
   * Words for the person's hints, passed through to the reason catalogue untouched (e.g. `cn_resident_id`, so a
   * hint can say 身份证国徽面 instead of "the back").
   */
  hintContext?: string | null;
}
