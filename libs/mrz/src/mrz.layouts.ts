import { IcaoFormat } from './mrz.types';

/** A run of characters on one line: [line, start, end) with 0-based indexes. */
export type Span = readonly [line: number, start: number, end: number];

/** Where each field sits in a format (ICAO 9303 Parts 4-7). Check digits follow their field. */
export interface MrzLayout {
  documentCode: Span;
  issuingCountry: Span;
  name: Span;
  /** 9 characters, check digit at `end`. */
  documentNumber: Span;
  nationality: Span;
  /** YYMMDD, check digit at `end`. */
  dateOfBirth: Span;
  sex: Span;
  /** YYMMDD, check digit at `end`. */
  expiryDate: Span;
  optionalData: Span;
  /** TD3 only: the personal number has its own check digit at `optionalData.end`. */
  optionalDataChecked: boolean;
  optionalData2?: Span;
  /** Where a long document number continues (TD1, TD2), see ICAO Parts 5 and 6. */
  longNumberContinuation?: Span;
  composite?: { digit: readonly [line: number, index: number]; spans: readonly Span[] };
}

/** Line 2 of TD2, TD3 and the visas share the positions of number, nationality and dates. */
const line2 = {
  documentNumber: [1, 0, 9],
  nationality: [1, 10, 13],
  dateOfBirth: [1, 13, 19],
  sex: [1, 20, 21],
  expiryDate: [1, 21, 27],
} as const;

const header = { documentCode: [0, 0, 2], issuingCountry: [0, 2, 5] } as const;

export const LAYOUTS: Readonly<Record<IcaoFormat, MrzLayout>> = {
  TD1: {
    ...header,
    name: [2, 0, 30],
    documentNumber: [0, 5, 14],
    optionalData: [0, 15, 30],
    optionalDataChecked: false,
    dateOfBirth: [1, 0, 6],
    sex: [1, 7, 8],
    expiryDate: [1, 8, 14],
    nationality: [1, 15, 18],
    optionalData2: [1, 18, 29],
    longNumberContinuation: [0, 15, 30],
    composite: {
      digit: [1, 29],
      spans: [
        [0, 5, 30],
        [1, 0, 7],
        [1, 8, 15],
        [1, 18, 29],
      ],
    },
  },
  TD2: {
    ...header,
    ...line2,
    name: [0, 5, 36],
    optionalData: [1, 28, 35],
    optionalDataChecked: false,
    longNumberContinuation: [1, 28, 35],
    composite: {
      digit: [1, 35],
      spans: [
        [1, 0, 10],
        [1, 13, 20],
        [1, 21, 35],
      ],
    },
  },
  TD3: {
    ...header,
    ...line2,
    name: [0, 5, 44],
    optionalData: [1, 28, 42],
    optionalDataChecked: true,
    composite: {
      digit: [1, 43],
      spans: [
        [1, 0, 10],
        [1, 13, 20],
        [1, 21, 43],
      ],
    },
  },
  'MRV-A': { ...header, ...line2, name: [0, 5, 44], optionalData: [1, 28, 44], optionalDataChecked: false },
  'MRV-B': { ...header, ...line2, name: [0, 5, 36], optionalData: [1, 28, 36], optionalDataChecked: false },
};

const layoutOf = (format: string | null | undefined): MrzLayout | null =>
  format && Object.prototype.hasOwnProperty.call(LAYOUTS, format) ? LAYOUTS[format as IcaoFormat] : null;

/** The line (0-based) that holds the document number and its check digit; null for a layout that is not ICAO's. */
export function numberLineOf(format: string | null | undefined): number | null {
  return layoutOf(format)?.documentNumber[0] ?? null;
}

/** Where the document number and its check digit stand (line, start, end exclusive); null as for numberLineOf. */
export function numberSpanOf(format: string | null | undefined): Span | null {
  const span = layoutOf(format)?.documentNumber;
  return span ? [span[0], span[1], span[2] + 1] : null;
}

/** The line (0-based) that holds the names; null for a layout that is not ICAO's (the French national card). */
export function nameLineOf(format: string | null | undefined): number | null {
  return layoutOf(format)?.name[0] ?? null;
}

/** Fields a printed page can show, by where they stand in a layout. */
export type PrintedField = 'documentNumber' | 'nationality' | 'dateOfBirth' | 'expiryDate';

/** Where a field a printed page shows stands in `format` (line, start, end exclusive); null as for numberLineOf. */
export function printedFieldSpan(format: string | null | undefined, field: PrintedField): Span | null {
  return layoutOf(format)?.[field] ?? null;
}

/**
 * The field (one a printed page shows) that holds `line`, `column` of `format`; null at a check digit, a filler
 * or another field, and for a layout that is not ICAO's.
 */
export function printedFieldAt(
  format: string | null | undefined,
  line: number,
  column: number,
): PrintedField | null {
  const fields: PrintedField[] = ['documentNumber', 'nationality', 'dateOfBirth', 'expiryDate'];
  return (
    fields.find((f) => {
      const span = printedFieldSpan(format, f);
      return !!span && span[0] === line && column >= span[1] && column < span[2];
    }) ?? null
  );
}
