/** Stable codes of {@link MatchingError}; each is a caller mistake, never a finding about a document. */
export enum MatchingErrorCode {
  /** A date is not a calendar date in `YYYY-MM-DD` form. */
  INVALID_DATE = 'INVALID_DATE',
}

const MESSAGES: Record<MatchingErrorCode, string> = {
  [MatchingErrorCode.INVALID_DATE]: 'Date is not a calendar date in YYYY-MM-DD form',
};

/** The only error this library throws; differences between a document and a record are result values. */
export class MatchingError extends Error {
  override readonly name = 'MatchingError';

  constructor(
    readonly code: MatchingErrorCode,
    detail?: string,
  ) {
    super(detail ? `${MESSAGES[code]}: ${detail}` : MESSAGES[code]);
  }
}
