import type { MrzBand } from './mrz-band.locator';

/** A rectangle in normalised coordinates (0–1) of the EXIF-oriented input image. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** MRZ layouts recognised by the reader. */
export type MrzLayout = 'TD1' | 'TD2' | 'TD3' | 'MRV-A' | 'MRV-B' | 'FRENCH_NATIONAL_ID';

/** Clockwise quarter turns of the input relative to upright text. */
export type Rotation = 0 | 90 | 180 | 270;

/** The outcome of reading the machine-readable zone of one image. Never thrown: failures are values. */
export interface MrzRead {
  /** An MRZ-shaped text (2 or 3 lines of the right length) was read. */
  found: boolean;
  /**
   * The lines are exactly what OCR read: every line of the layout's length, no character put in, taken out or
   * repaired (a filler read as a letter, `O` in a date, a country code one letter from the other) to fit it.
   */
  exact: boolean;
  /** The cleaned lines, with per-field OCR corrections applied (e.g. `O`→`0` inside dates). */
  lines: string[];
  format: MrzLayout | null;
  /**
   * Per line, whether two recognisers trained apart (the MRZ model and the PP-OCR line recogniser) read it
   * alike, one of them at the layout's length as read; present only when the second was asked (a first reading that did not
   * verify). A check digit that fails on such a line is unlikely to be OCR's doing.
   */
  corroborated?: boolean[];
  /**
   * The PP-OCR line recogniser's own reading of the zone, cleaned like the first (present when it was asked):
   * a second, independent reading to settle a field the first may have slipped on (a name has no check digit).
   */
  secondReading?: string[];
  /** The MRZ model's own reading, before any line was taken from the second (present with `secondReading`). */
  modelReading?: string[] | null;
  /** Every check digit of the format verifies. Says nothing of country codes or dates being plausible. */
  valid: boolean;
  /** Check digits that verify, out of `checkDigitsTotal`. */
  checkDigitsPassed: number;
  checkDigitsTotal: number;
  /** Mean tesseract character confidence, 0–1. */
  confidence: number;
  rotation: Rotation;
  /** Angle of the text lines in degrees after the quarter turn (small skew of a photo). */
  skew: number;
  band?: Box;
  /**
   * Where on the page (as the reader decoded it) the zone was read, and the model's lines as read: lets a
   * later call have the same zone read by the second recogniser without finding and reading it again.
   */
  zone?: MrzZone;
  /** OCR passes made (each costs ~50 ms). */
  attempts: number;
  ms: number;
  /** Why nothing was found, when `found` is false. */
  failure?: 'IMAGE_UNREADABLE' | 'NO_MRZ_BAND' | 'MRZ_UNREADABLE' | 'OCR_FAILED';
}

/** The zone a read found: its band on the page, whether it was read upside down, its lines as read and cleaned. */
export interface MrzZone {
  band: MrzBand;
  flip: boolean;
  raw: readonly string[];
  lines: readonly string[];
  exact: boolean;
}

/** One block of text of the visual zone. */
export interface TextBlock {
  text: string;
  /** 0–1. */
  confidence: number;
  box: Box;
}

/** The outcome of reading the visual (human-readable) zone. */
export interface VisualZoneRead {
  blocks: TextBlock[];
  text: string;
  confidence: number;
  ms: number;
  failure?: 'IMAGE_UNREADABLE' | 'OCR_FAILED';
}
