import { json, urlencoded } from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { DomainError } from '@idv/platform';

/** A request body the API cannot read: malformed JSON, too large, or an unsupported charset. */
export class RequestBodyError extends DomainError {}

const JSON_LIMIT = '256kb';

/**
 * JSON bodies up to 256 kB (a registration record is under 1 kB). Parser failures become the contract's error body
 * instead of the parser's own message, which can echo parts of the input.
 */
export function jsonBody(): RequestHandler[] {
  const wrap =
    (parser: RequestHandler): RequestHandler =>
    (req: Request, res: Response, next: NextFunction) =>
      parser(req, res, (err?: unknown) => {
        if (!err) return next();
        const e = err as { type?: string; status?: number };
        if (e.type === 'entity.too.large') {
          return next(
            new RequestBodyError(
              'too_large',
              'payload_too_large',
              `The request body is larger than ${JSON_LIMIT}.`,
            ),
          );
        }
        if (e.type === 'entity.parse.failed') {
          return next(
            new RequestBodyError('invalid', 'malformed_json', 'The request body is not valid JSON.'),
          );
        }
        if (e.type === 'charset.unsupported' || e.type === 'encoding.unsupported') {
          return next(
            new RequestBodyError(
              'unsupported_media',
              'unsupported_media_type',
              'Send the body as UTF-8 JSON.',
            ),
          );
        }
        return next(new RequestBodyError('invalid', 'bad_request', 'The request body could not be read.'));
      });
  return [
    wrap(json({ limit: JSON_LIMIT, strict: true })),
    wrap(urlencoded({ extended: false, limit: '16kb' })),
  ];
}
