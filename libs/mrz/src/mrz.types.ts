/**
 * MRZ layouts of ICAO Doc 9303: TD1 (3×30, ID cards), TD2 (2×36), TD3 (2×44, passports),
 * MRV-A (2×44 visa) and MRV-B (2×36 visa). Visas have no composite check digit.
 */
export type IcaoFormat = 'TD1' | 'TD2' | 'TD3' | 'MRV-A' | 'MRV-B';

/**
 * The formats {@link parseMrz} reads: the ICAO layouts and the pre-2021 French national ID card (2×36, not
 * ICAO: document number with its issue year and month, given names on line 2, no expiry date), still in use.
 */
export type MrzFormat = IcaoFormat | 'FRENCH_NATIONAL_ID';

/** Sex as the MRZ writes it; `<` means unspecified. */
export type MrzSex = 'M' | 'F' | 'X' | '<';

/** The data a document's MRZ carries, as input to {@link composeMrz}. */
export interface MrzDocumentData {
  format: IcaoFormat;
  /** One or two characters, e.g. `P`, `ID`, `I`, `V`; padded with `<`. */
  documentCode: string;
  /** Three-letter ICAO code (one or two letters are padded, e.g. `D`). */
  issuingCountry: string;
  /** Any Unicode; composition transliterates. */
  surname: string;
  /** Any Unicode, words separated by spaces; composition transliterates. */
  givenNames: string;
  /** Up to 9 characters, or longer on TD1/TD2 (ICAO long-number rule); a space becomes `<`. */
  documentNumber: string;
  nationality: string;
  /** `YYYY-MM-DD`; only the last two year digits reach the MRZ. */
  dateOfBirth: string;
  sex: MrzSex;
  /** `YYYY-MM-DD`. */
  expiryDate: string;
  /** Line 1 optional data on TD1, personal number on TD3, the optional field on TD2 and visas. */
  optionalData?: string;
  /** TD1 only: the optional data of line 2. */
  optionalData2?: string;
}

/** Line count and length of each format. */
export const MRZ_LAYOUTS: Readonly<Record<IcaoFormat, { lines: number; length: number }>> = {
  TD1: { lines: 3, length: 30 },
  TD2: { lines: 2, length: 36 },
  TD3: { lines: 2, length: 44 },
  'MRV-A': { lines: 2, length: 44 },
  'MRV-B': { lines: 2, length: 36 },
};
