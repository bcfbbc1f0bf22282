import type { Params } from 'nestjs-pino';
import type { AppConfig } from './config';

/**
 * Personal data never reaches the logs: these paths are censored wherever they appear in a log object,
 * and request bodies/multipart payloads are never logged at all.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  '*.surname',
  '*.givenNames',
  '*.dateOfBirth',
  '*.documentNumber',
  '*.phone',
  '*.email',
  '*.mrzLines',
  '*.lines',
  '*.secret',
  '*.apiKey',
  'surname',
  'givenNames',
  'dateOfBirth',
  'documentNumber',
  'phone',
  'email',
];

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
          url: req.url,
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
