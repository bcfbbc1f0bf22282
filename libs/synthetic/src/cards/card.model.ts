/** Public data shapes of the Chinese and Hong Kong identity-card generator. */
import type { Box, CaseDefect, Sex, Verdict } from '../sample.model';

/**
 * The card kinds the generator prints: the Resident Identity Card (2nd generation), the Residence Permit for
 * Hong Kong, Macao and Taiwan residents (same layout, number 81/82/83…), and the Hong Kong Identity Card.
 */
export type CardKind = 'cn_resident_id' | 'cn_residence_permit' | 'hk_identity_card';

export const CARD_KINDS: readonly CardKind[] = ['cn_resident_id', 'cn_residence_permit', 'hk_identity_card'];

/** The contract's `documentType` of each kind (the residence permit is uploaded as a `cn_resident_id`). */
export const CARD_DOCUMENT_TYPE: Readonly<Record<CardKind, 'cn_resident_id' | 'hk_identity_card'>> = {
  cn_resident_id: 'cn_resident_id',
  cn_residence_permit: 'cn_resident_id',
  hk_identity_card: 'hk_identity_card',
};

/** The contract's `document.format` of each kind. */
export const CARD_FORMAT: Readonly<Record<CardKind, CardFormat>> = {
  cn_resident_id: 'CN_RESIDENT_ID',
  cn_residence_permit: 'CN_RESIDENCE_PERMIT',
  hk_identity_card: 'HKID',
};

export type CardFormat = 'CN_RESIDENT_ID' | 'CN_RESIDENCE_PERMIT' | 'HKID';

/**
 * Two independent looks: `primary` to calibrate a reader on, `holdout` (other fonts, colours, offsets) to see
 * whether what was calibrated generalises.
 */
export type CardStyleSet = 'primary' | 'holdout';

/** Printed fields of the cards, named as the contract's `document` names them. */
export type CardField =
  | 'fullName'
  | 'chineseName'
  | 'chineseCommercialCode'
  | 'sex'
  | 'ethnicity'
  | 'dateOfBirth'
  | 'address'
  | 'documentNumber'
  | 'issuingAuthority'
  | 'validity'
  | 'passNumber'
  | 'issueCount'
  | 'symbols'
  | 'issueDate'
  | 'firstRegistration';

/** One printed field: its value as the contract states it, the text as printed, and where it is. */
export interface CardFieldTruth {
  /** Normalised as the contract's `document` gives it: ISO dates, `M`/`F`, the number without brackets. */
  value: string;
  /** Exactly what the card prints (`1990 年 3 月 7 日`, `A123456(3)`, `2015.01.01-长期`); lines joined by `\n`. */
  printed: string;
  /** The side the field is printed on. */
  side: 'front' | 'back';
  /** Its pixel box in the delivered image of that side (after every defect); absent when a defect cut it off. */
  box?: Box;
}

/** What the card really says. */
export interface CardGroundTruth {
  kind: CardKind;
  styleSet: CardStyleSet;
  /** The sides the card has (the HKID card only a front); an upload may still lack one (see `files`). */
  sides: ('front' | 'back')[];
  /** `true` when the printed number passes its check character or digit. */
  numberValid: boolean;
  /** `true` when the number's birth date and sex agree with the printed 出生 and 性别 (always for HKID). */
  numberConsistent: boolean;
  /** `true` when the validity term is the one the holder's age at issue requires. */
  validityConsistent: boolean;
  /** ISO dates of the validity (`expiryDate` empty for a long-term card and for HKID). */
  validFrom: string;
  expiryDate: string;
  longTerm: boolean;
  /** The HKID symbols line says the holder is a permanent resident (`***`); `null` for mainland cards. */
  permanent: boolean | null;
  /** Where the number's region code comes from: a division code, and its name (GB/T 2260). */
  regionCode: string;
  fields: Partial<Record<CardField, CardFieldTruth>>;
}

/** What a card case is about. */
export type CardScenario =
  | 'clean'
  | 'mild'
  | 'severe'
  | 'swapped'
  | 'long-term'
  | 'latin-record'
  | 'mismatch'
  | 'expired'
  | 'validity-term'
  | 'number-invalid'
  | 'number-inconsistent'
  | 'side-missing'
  | 'copy'
  | 'rare-character';

/** The registration record (`POST /v1/applicants`) of a card holder: a whole name or surname and given names. */
export interface CardApplicantRecord {
  externalId: string;
  fullName?: string;
  surname?: string;
  givenNames?: string;
  dateOfBirth: string;
  nationality: string;
  sex?: Sex;
  documentNumber?: string;
  documentType?: 'cn_resident_id' | 'hk_identity_card';
}

/** Record fields a card case may make differ. */
export type CardComparedField = 'fullName' | 'dateOfBirth' | 'sex' | 'documentNumber';

/** One generated card case, in the shape of the MRZ cases (`SampleCase`) where it can be. */
export interface CardCase {
  id: string;
  seed: number;
  scenario: CardScenario;
  /** Finer label, e.g. `mild-desk`, `severe-number-glare`, `mismatch-homophone`. */
  variant: string;
  kind: CardKind;
  format: CardFormat;
  /** The contract's `documentType` for the upload. */
  documentType: 'cn_resident_id' | 'hk_identity_card';
  /** Image files (relative to the set's folder) as uploaded: `front` is what is sent as the front. */
  files: { front?: string; back?: string };
  /** `true` when the images are uploaded the other way round (the emblem side as `front`). */
  sidesSwapped: boolean;
  groundTruth: CardGroundTruth;
  record: CardApplicantRecord;
  defects: CaseDefect[];
  expectedVerdict: Verdict;
  /** Other verdicts that are also right (a rare character OCR cannot read may go to `manual_review`). */
  acceptableVerdicts: Verdict[];
  expectedReasons: string[];
  acceptableReasons: string[];
  /** The `field` the main reason names (`front`/`back` for a missing side, the covered field for glare). */
  reasonField?: string;
  /** For `mismatch`: the record field that differs. */
  mismatchField?: CardComparedField;
  today: string;
}

/** A generated card case with its encoded images, as uploaded (`front`/`back` after any swap). */
export interface GeneratedCardCase {
  case: CardCase;
  images: { front?: Buffer; back?: Buffer };
}
