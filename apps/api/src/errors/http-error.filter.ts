import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, errorForLog, type ErrorKind } from '@idv/platform';
import { RETRY_AFTER_SECONDS } from '../availability/availability.guard';

/** The contract's error body: `{ error: snake_case_code, message: English sentence, details? }`. */
export interface ErrorBody {
  error: string;
  message: string;
  details?: unknown[];
}

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media: 415,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
};

/** Errors that mean PostgreSQL or Redis went away mid-request: answered 503 + Retry-After, never 500. */
function isDependencyFailure(err: unknown): boolean {
  const e = err as { code?: string; message?: string; name?: string; driverError?: unknown };
  if (e?.driverError) return isDependencyFailure(e.driverError);
  const code = e?.code ?? '';
  const message = e?.message ?? '';
  return (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      'EPIPE',
      '57P01',
      '57P02',
      '57P03',
      '08000',
      '08003',
      '08006',
      '08001',
    ].includes(code) ||
    /Connection terminated|connection timeout|Connection is closed|MaxRetriesPerRequest|Stream isn't writeable|timeout exceeded when trying to connect/i.test(
      message,
    )
  );
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable_entity',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

/** The one place that turns any error into the contract's body; unknown errors become an opaque 500. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.toBody(exception);
    if (status === 503) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    if (status >= 500 && status !== 503) this.logger.error({ err: errorForLog(exception) }, 'request failed');
    res.status(status).json(body);
  }

  private toBody(exception: unknown): { status: number; body: ErrorBody } {
    if (exception instanceof DomainError) {
      return {
        status: STATUS_BY_KIND[exception.kind],
        body: {
          ...(exception.extra ?? {}),
          error: exception.code,
          message: exception.message,
          ...(exception.details ? { details: exception.details } : {}),
        },
      };
    }
    if (isDependencyFailure(exception)) {
      return {
        status: 503,
        body: {
          error: 'service_unavailable',
          message: 'A dependency of the service is unavailable; please retry later.',
        },
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response && 'error' in response && 'message' in response) {
        const r = response as Partial<ErrorBody>;
        if (typeof r.error === 'string' && /^[a-z0-9_]+$/.test(r.error) && typeof r.message === 'string') {
          return { status, body: r as ErrorBody };
        }
      }
      const message =
        typeof response === 'string'
          ? response
          : Array.isArray((response as { message?: unknown }).message)
            ? ((response as { message: string[] }).message[0] ?? exception.message)
            : String((response as { message?: unknown }).message ?? exception.message);
      return { status, body: { error: CODE_BY_STATUS[status] ?? `http_${status}`, message } };
    }
    // Body-parser errors (malformed JSON, too large) carry a status but are not HttpExceptions.
    const statusOf = (exception as { status?: number; type?: string })?.status;
    if (typeof statusOf === 'number' && statusOf >= 400 && statusOf < 500) {
      const type = (exception as { type?: string }).type;
      const message =
        type === 'entity.parse.failed'
          ? 'The request body is not valid JSON.'
          : type === 'entity.too.large'
            ? 'The request body is too large.'
            : 'The request could not be read.';
      return { status: statusOf, body: { error: CODE_BY_STATUS[statusOf] ?? 'bad_request', message } };
    }
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { error: 'internal_error', message: 'Something went wrong on our side; please retry later.' },
    };
  }
}
