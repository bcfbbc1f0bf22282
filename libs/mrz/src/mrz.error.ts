/** Stable codes of {@link MrzError}; each is a programmer error, never a verdict on a document. */
export enum MrzErrorCode {
  /** A value holds a character outside the MRZ alphabet A-Z, 0-9 and `<`. */
  INVALID_CHARACTER = 'INVALID_CHARACTER',
  /** A check digit was asked for an empty value. */
  EMPTY_VALUE = 'EMPTY_VALUE',
  /** A date is not a real calendar date in `YYYY-MM-DD` form. */
  INVALID_DATE = 'INVALID_DATE',
  /** A field does not fit its MRZ position and ICAO gives no rule to shorten it. */
  FIELD_TOO_LONG = 'FIELD_TOO_LONG',
  /** A width, format or option the library does not know. */
  INVALID_ARGUMENT = 'INVALID_ARGUMENT',
}

const messages: Record<MrzErrorCode, string> = {
  [MrzErrorCode.INVALID_CHARACTER]: 'Value contains a character outside A-Z, 0-9 and <',
  [MrzErrorCode.EMPTY_VALUE]: 'Value is empty',
  [MrzErrorCode.INVALID_DATE]: 'Date is not a calendar date in YYYY-MM-DD form',
  [MrzErrorCode.FIELD_TOO_LONG]: 'Field does not fit its MRZ position',
  [MrzErrorCode.INVALID_ARGUMENT]: 'Invalid argument',
};

/**
 * The only error the MRZ library throws. It signals misuse by the caller (bad arguments to
 * composition or check-digit computation); parsing reports bad documents as result values instead.
 */
export class MrzError extends Error {
  override readonly name = 'MrzError';

  constructor(
    readonly code: MrzErrorCode,
    detail?: string,
  ) {
    super(detail ? `${messages[code]}: ${detail}` : messages[code]);
  }
}
