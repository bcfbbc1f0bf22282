/** Stable codes of {@link SyntheticError}. */
export enum SyntheticErrorCode {
  /** An option is out of range or malformed (a bad `today`, a negative count, no positive scenario weight). */
  INVALID_OPTIONS = 'INVALID_OPTIONS',
  /** A font the generator renders with is not installed (it would fall back silently to another one). */
  FONT_MISSING = 'FONT_MISSING',
}

/** The one error type of @idv/synthetic; thrown only for caller mistakes, never for a generated defect. */
export class SyntheticError extends Error {
  constructor(
    readonly code: SyntheticErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SyntheticError';
  }
}
