/** Public data shapes of the synthetic generator: cases, ground truth, records and defects. */

/** MRZ layouts the generator can print. */
export type MrzLayout = 'TD1' | 'TD2' | 'TD3' | 'MRV-A' | 'MRV-B';

/** `none` is a card with no MRZ (the unsupported scenario). */
export type SampleFormat = MrzLayout | 'none';

export type DocumentType = 'passport' | 'id_card' | 'residence_permit' | 'visa' | 'other';

export type Sex = 'M' | 'F' | 'X';

export type Verdict =
  | 'accepted'
  | 'mismatch'
  | 'unreadable'
  | 'expired'
  | 'unsupported'
  | 'manual_review'
  | 'rejected'
  | 'restricted';

/** The fields of the registration record that a verification compares. */
export type ComparedField = 'surname' | 'givenNames' | 'dateOfBirth' | 'documentNumber' | 'nationality';

/** Where on the document a glare highlight is placed; `number` and `name` are a card's printed ID number and name. */
export type GlareRegion = 'mrz' | 'photo' | 'fields' | 'corner' | 'number' | 'name';

/** Which part a crop removes: `mrz` cuts through the MRZ band from the bottom, the others cut that edge. */
export type CropEdge = 'mrz' | 'top' | 'bottom' | 'left' | 'right';

/**
 * A controlled image defect. Every variant is a pure, deterministic transformation of a rendered image
 * (randomness, where a defect needs some, comes from its own `seed`).
 */
export type Defect =
  /** Gaussian blur with standard deviation `sigma` in pixels (at the rendered resolution). */
  | { kind: 'blur'; sigma: number }
  /** A bright, saturated elliptical highlight; `intensity` 0..1 is the peak blend towards white, `size` scales it. */
  | { kind: 'glare'; region: GlareRegion; intensity: number; size: number; seed: number }
  /** Multiplies brightness by `factor` < 1 (underexposure, with a little lifted black level like a camera). */
  | { kind: 'dark'; factor: number }
  /** Overexposure: the distance from white is divided by `factor` (> 1); text fades, paper saturates. */
  | { kind: 'bright'; factor: number }
  /** Downscales to `width` pixels wide (keeps the aspect ratio). */
  | { kind: 'lowres'; width: number }
  /** Re-encodes as JPEG at `quality` (1..100); a case whose last defect is JPEG is written as a .jpg. */
  | { kind: 'jpeg'; quality: number }
  /** Rotates clockwise by `angle` degrees; multiples of 90 are lossless, other angles pad with a neutral surface. */
  | { kind: 'rotate'; angle: number }
  /** Removes `fraction` (0..1) of the MRZ band height (edge `mrz`) or of the image side (other edges). */
  | { kind: 'crop'; edge: CropEdge; fraction: number }
  /**
   * Photographed on a desk: the document shrunk to `scale` of the frame width, slightly rotated (`angle`°)
   * and in perspective (`tilt` 0..0.15), with a soft shadow, on a wood or laminate texture, with sensor noise.
   */
  | { kind: 'desk'; scale: number; angle: number; tilt: number; seed: number }
  /**
   * A reproduction instead of the original: `greyscale` a black-and-white print or scan, `photocopy` a copier's
   * hard contrast with toner specks (the original's colours are gone either way).
   */
  | { kind: 'copy'; style: 'greyscale' | 'photocopy'; seed: number }
  /**
   * Photographed with a phone: the document `scale` of the frame wide, turned `roll`° in the image, the camera
   * tilted `tilt`° (0..20) from straight above towards `tiltAxis`°, on a table (whose edge may show) or held in a
   * hand (fingers behind, a thumb over an edge away from the MRZ), under a soft `shadow` (0..1 darkening), with
   * sensor noise of `noise` grey levels.
   */
  | {
      kind: 'photo';
      scale: number;
      roll: number;
      tilt: number;
      tiltAxis: number;
      surface: 'table' | 'table-edge' | 'hand';
      shadow: number;
      noise: number;
      seed: number;
    }
  /** Moiré of a photographed screen or halftone: coloured fringes of `period` px and `amplitude` grey levels. */
  | { kind: 'moire'; period: number; amplitude: number; seed: number }
  /** Camera shake: a straight motion blur `length` px long at `angle`°. */
  | { kind: 'motion'; length: number; angle: number };

/** A defect together with the side of the document it was applied to. */
export type CaseDefect = Defect & { side: 'front' | 'back' };

/** Axis-aligned box in pixels of the image it belongs to. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Named areas of a rendered side, kept up to date through geometric defects. */
export interface Regions {
  /** The document itself (a card or data page) within the image. */
  document: Box;
  mrz?: Box;
  photo?: Box;
  fields?: Box;
  /** Boxes of single printed fields (the cards' ground truth), keyed by field name. */
  named?: Readonly<Record<string, Box>>;
}

/** The body of `POST /v1/applicants` that a case's document should (or, for mismatch cases, should not) match. */
export interface ApplicantRecord {
  externalId: string;
  surname: string;
  givenNames: string;
  dateOfBirth: string;
  nationality: string;
  sex?: Sex;
  documentNumber?: string;
}

/** What the document really says. */
export interface GroundTruth {
  /** The MRZ exactly as printed (empty for a card without MRZ). */
  mrzLines: string[];
  /** `true` when every ICAO check digit of the printed MRZ verifies. */
  mrzValid: boolean;
  documentCode: string;
  issuingCountry: string;
  /** Surname and given names as printed in the visual zone (Unicode, with diacritics). */
  surname: string;
  givenNames: string;
  /** The names as the MRZ holds them (ICAO transliteration, spaces for fillers). */
  mrzSurname: string;
  mrzGivenNames: string;
  /** The names in the holder's own script when it is not Latin (e.g. Han characters), else absent. */
  nativeSurname?: string;
  nativeGivenNames?: string;
  /** Document number as printed in the visual zone (for a tampered MRZ this is the altered number). */
  documentNumber: string;
  nationality: string;
  dateOfBirth: string;
  sex: Sex;
  expiryDate: string;
  issueDate: string;
  issuingAuthority: string;
}

/**
 * `review` (holdout set only): the record holds the document's names in the wrong fields, a near match only a
 * person can settle (`manual_review`, `FIELD_NEAR_MATCH`).
 */
export type ScenarioKind =
  'clean' | 'mild' | 'severe' | 'mismatch' | 'expired' | 'tampered' | 'unsupported' | 'review';

/**
 * Which of two independent generators made a case: `primary`, the set the service is tuned on, or `holdout`
 * (other layouts, MRZ faces, names with diacritics in every field, photographed documents), to see whether a
 * change generalises.
 */
export type StyleSet = 'primary' | 'holdout';

/** One generated verification case: the images' names, the truth, the record and the verdict a correct service gives. */
export interface SampleCase {
  id: string;
  seed: number;
  scenario: ScenarioKind;
  /** Finer label of what was done, e.g. `mild-desk`, `severe-mrz-glare`, `mismatch-surname-typo`. */
  variant: string;
  format: SampleFormat;
  documentType: DocumentType;
  /** File names (relative to the case set's folder) of the images; `back` only for two-sided cards. */
  files: { front: string; back?: string };
  groundTruth: GroundTruth;
  record: ApplicantRecord;
  defects: CaseDefect[];
  expectedVerdict: Verdict;
  /** Reason codes a correct verdict carries (the contract's UPPER_SNAKE codes). */
  expectedReasons: string[];
  /** Further codes that are also a right explanation (e.g. MRZ_NOT_FOUND next to DOCUMENT_CUT_OFF). */
  acceptableReasons: string[];
  /** For `mismatch`: the record field that differs. */
  mismatchField?: ComparedField;
  /** The `today` the expiry was judged against (YYYY-MM-DD). */
  today: string;
  /** Set only on holdout cases (a primary case's JSON is as it always was). */
  styleSet?: 'holdout';
  /** The MRZ's face, when it is not the primary set's OCR-B by default. */
  mrzFont?: string;
  /** For `tampered` holdout cases: the MRZ field whose digit was changed with its check digit left as it was. */
  tamperedField?: 'documentNumber' | 'dateOfBirth' | 'expiryDate';
}

/** Encoded images of one case. */
export interface CaseImages {
  front: Buffer;
  back?: Buffer;
}
