/** How an expected failure maps onto the transport; the API's one error filter turns `kind` into a status. */
export type ErrorKind =
  | 'invalid'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unprocessable'
  | 'too_large'
  | 'unsupported_media'
  | 'rate_limited'
  | 'unavailable';

/**
 * Base of each feature's one error type (ApplicantError, VerificationError, …). Libraries never throw HTTP
 * exceptions; they throw these with a stable snake_case `code`, an English `message`, optional `details` for
 * the contract's error body, and optional `extra` fields that belong in the body (e.g. the existing `id` on 409).
 */
export abstract class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}
