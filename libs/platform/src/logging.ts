import type { Params } from 'nestjs-pino';
import type { AppConfig } from './config';

/**
 * Personal data never reaches the logs: these paths are censored wherever they appear in a log object,
 * and request bodies/multipart payloads are never logged at all.
 */
const PERSONAL_KEYS = [
  'surname',
  'givenNames',
  'dateOfBirth',
  'documentNumber',
  'phone',
  'email',
  'mrzLines',
  'lines',
  'secret',
  'apiKey',
  // A database error's statement parameters and PostgreSQL's `detail` ("Key (x)=(value) already exists").
  'parameters',
  'detail',
];

export const REDACTED_PATHS = [
  ...PERSONAL_KEYS,
  ...PERSONAL_KEYS.map((k) => `*.${k}`),
  // Two levels deep too (e.g. `{ err: { driverError: { detail } } }` or `{ job: { record: { surname } } }`).
  ...PERSONAL_KEYS.map((k) => `*.*.${k}`),
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
];

/**
 * An error as it may be logged. A database error carries its statement and parameters, and PostgreSQL's messages
 * and `detail` can quote a value ("invalid input syntax for type date: …", "Key (x)=(…) already exists"), any of
 * which may be personal data: of those only the class, the SQLSTATE code and the constraint are kept. Other errors
 * keep their message and stack.
 */
export function errorForLog(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err, message: 'non-error thrown' };
  const e = err as Error & { code?: unknown; constraint?: unknown; query?: unknown; driverError?: unknown };
  const driver = (e.driverError ?? e) as { code?: unknown; constraint?: unknown; table?: unknown };
  const fromDatabase =
    e.query !== undefined || e.driverError !== undefined || /^[0-9A-Z]{5}$/.test(String(e.code));
  if (fromDatabase) {
    return { type: e.name, code: driver.code ?? e.code, constraint: driver.constraint, table: driver.table };
  }
  return { type: e.name, message: e.message, code: e.code, stack: e.stack };
}

/**
 * A request URL as it may be logged: the path and the names of its query parameters, their values replaced. A client
 * may put anything in a query string, an API key (`?api_key=…`) or a person's data included, and the request log is
 * read by more people than the data is meant for.
 */
export function withoutQueryValues(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const names = [...new URLSearchParams(url.slice(at + 1)).keys()];
  return `${url.slice(0, at)}?${names.map((n) => `${encodeURIComponent(n)}=[redacted]`).join('&')}`;
}

/** nestjs-pino options: JSON lines, redacted, request id propagated, health probes not logged. */
export function loggerParams(config: Pick<AppConfig, 'logLevel'>, service: string): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      base: { service },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') || req.url === '/metrics' },
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: withoutQueryValues(req.url),
        }),
      },
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : crypto.randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
    },
  };
}
