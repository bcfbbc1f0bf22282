/**
 * The registration record as the wallet backend sent it (`POST /v1/applicants`), restricted to the
 * fields a document can confirm.
 */
export interface RegistrationRecord {
  /** Any Unicode letters; Han characters are compared through pinyin. */
  surname: string;
  /** Words separated by spaces. */
  givenNames: string;
  /** `YYYY-MM-DD`. */
  dateOfBirth: string;
  /** ISO 3166-1 alpha-3. */
  nationality: string;
  /** `M`, `F` or `X`; compared only when registered. */
  sex?: string | null;
  /** Compared only when registered. */
  documentNumber?: string | null;
  /**
   * The whole name as one string (王小明), the way Chinese wallets register it; compared with a card that prints
   * one name field. Either this or `surname` + `givenNames`, or both.
   */
  fullName?: string | null;
  /** The document the person registered with (the contract's `documentType`), when the wallet asked. */
  documentType?: string | null;
}

/** MRZ layouts; they fix the width of the name field and so when a name can be truncated. */
export type NameFieldFormat = 'TD1' | 'TD2' | 'TD3' | 'MRV-A' | 'MRV-B' | 'FRENCH_NATIONAL_ID';

/**
 * Fields read from the document, from the MRZ or a card's printed zone: upper-case A-Z with `<` fillers turned into
 * spaces. `null`/absent means not read (reported as `missing`); an empty name is a read, empty field.
 */
export interface DocumentFields {
  surname?: string | null;
  givenNames?: string | null;
  /** `YYYY-MM-DD` (century already resolved by the MRZ parser). */
  dateOfBirth?: string | null;
  /** As printed: alpha-3 or an ICAO special code such as `D`. */
  nationality?: string | null;
  sex?: string | null;
  documentNumber?: string | null;
  /**
   * The name of a card that prints it as one field: 姓名 of a mainland card (Han), the English name of an HKID
   * (`CHAN, Tai Man`). Compared with the record's whole name.
   */
  fullName?: string | null;
  /** The Chinese name an HKID prints beside the English one (陳大文). */
  chineseName?: string | null;
  /** Layout the names were read from; lets the matcher tell whether the name field was full. */
  format?: NameFieldFormat | null;
  /**
   * Whether the issuer had to truncate the names (the MRZ name field is full). Overrides what
   * {@link format} implies; when neither is known, a field length that equals one of the MRZ
   * name-field widths is taken as possibly truncated.
   */
  nameTruncated?: boolean | null;
}

/** Fields {@link compareRecord} reports on. */
export type ComparedField =
  'fullName' | 'surname' | 'givenNames' | 'dateOfBirth' | 'nationality' | 'documentNumber' | 'sex';

/** Outcome of one field, in the words of the public contract. */
export type FieldStatus = 'match' | 'mismatch' | 'missing';

/**
 * Why a field matched or nearly matched, for reviewers:
 * - `exact`: identical after normalisation (case, hyphens, apostrophes, spaces);
 * - `spelling`: another legitimate MRZ spelling (ICAO transliteration variant, pinyin reading, word joins);
 * - `truncated`: the MRZ holds the ICAO truncation of the registered name;
 * - `code_alias`: an ICAO special nationality code (`D` for `DEU`);
 * - `one_edit`: one letter added, dropped, changed or two neighbours swapped (near);
 * - `swapped`: the same names in another order (near);
 * - `swapped_fields`: surname and given names exchanged (near);
 * - `partial`: a name word missing on one side, e.g. a second given name (near);
 * - `ocr_ambiguous`: differs only in characters OCR confuses, O/0 and I/1 (near);
 * - `check_blind`: a document number that differs only in characters OCR confuses and a check digit cannot
 *   tell apart, G/6, S/8 and L/1 (near, even where the check digit verifies);
 * - `century`: a date 100 years off, the one ambiguity of two-digit MRZ years (near).
 */
export type MatchBasis =
  | 'exact'
  | 'spelling'
  | 'truncated'
  | 'code_alias'
  | 'one_edit'
  | 'swapped'
  | 'swapped_fields'
  | 'partial'
  | 'ocr_ambiguous'
  | 'check_blind'
  | 'century';

/** The comparison of one field. */
export interface FieldComparison {
  status: FieldStatus;
  /** Similarity 0..1 of the closest spellings (1 for a match, 0 when missing). */
  score: number;
  /** A near miss: the verdict should send it to a person rather than call it a mismatch. Always `false` unless `status` is `mismatch`. */
  near: boolean;
  /** What made it a match or a near miss; `null` for a plain mismatch or missing value. */
  basis: MatchBasis | null;
  /** The registered value, as registered. */
  expected: string | null;
  /** The document value, as read. */
  found: string | null;
}

/** Per-field result of {@link compareRecord}; `documentNumber` and `sex` only when registered. */
export type ComparisonReport = { [K in ComparedField]?: FieldComparison };
