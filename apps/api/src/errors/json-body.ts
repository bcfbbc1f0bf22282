import { json, urlencoded } from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { DomainError } from '@idv/platform';

/** A request body the API cannot read: malformed JSON, too large, or an unsupported charset. */
export class RequestBodyError extends DomainError {}

const JSON_LIMIT = '256kb';

/** Far deeper than any body of the contract (records are flat; review decisions nest two or three levels). */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether `body` nests arrays/objects deeper than `max`, by one pass over the bytes (brackets inside strings
 * ignored). Checked before parsing: JSON.parse copes with 100,000 levels, but class-transformer and the validator
 * recurse into what it returns and overflow the stack, which surfaced as a 500.
 */
export function nestsDeeperThan(body: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

class TooDeepError extends Error {}

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
        if (err instanceof TooDeepError) {
          return next(
            new RequestBodyError(
              'invalid',
              'json_too_deep',
              `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`,
            ),
          );
        }
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
    wrap(
      json({
        limit: JSON_LIMIT,
        strict: true,
        verify: (_req, _res, buf) => {
          if (nestsDeeperThan(buf, MAX_JSON_DEPTH)) throw new TooDeepError();
        },
      }),
    ),
    wrap(urlencoded({ extended: false, limit: '16kb' })),
  ];
}
