import 'reflect-metadata';
import { localSecrets, LocalSecretsError, secretsFilePath } from './local-secrets';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  validateSync,
} from 'class-validator';

/**
 * Environment variables the service reads, validated once at boot.
 * Secrets are marked in {@link SECRET_KEYS} and never logged.
 */
class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV = 'development';

  @Transform(({ value }) => (value === undefined || value === '' ? 3000 : Number(value)))
  @IsInt({ message: 'PORT must be a whole number between 1 and 65535' })
  @Min(1, { message: 'PORT must be a whole number between 1 and 65535' })
  @Max(65535, { message: 'PORT must be a whole number between 1 and 65535' })
  PORT = 3000;

  @IsString()
  @Matches(/^postgres(ql)?:\/\/[^/\s]+\/[A-Za-z0-9_-]+(\?.*)?$/, {
    message: 'DATABASE_URL must look like postgres://user[:password]@host[:port]/database',
  })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/idv';

  @IsString()
  @Matches(/^rediss?:\/\/[^\s]+$/, { message: 'REDIS_URL must look like redis://host[:port][/db]' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(({ value }) => value === true || value === '1' || value === 'true')
  @IsBoolean()
  IDV_MAINTENANCE = false;

  /** Prefix for every BullMQ key, so several deployments (or test runs) can share one Redis. */
  @IsString()
  @Matches(/^[A-Za-z0-9:_-]{1,64}$/, {
    message: 'IDV_QUEUE_PREFIX may hold letters, digits, ":", "_" and "-"',
  })
  IDV_QUEUE_PREFIX = 'idv';

  @Transform(({ value }) => (value === undefined || value === '' ? 2 : Number(value)))
  @IsInt({ message: 'IDV_WORKER_CONCURRENCY must be a whole number from 1 to 64' })
  @Min(1)
  @Max(64)
  IDV_WORKER_CONCURRENCY = 2;

  @Transform(({ value }) => (value === undefined || value === '' ? 1 : Number(value)))
  @IsInt({ message: 'IDV_OCR_WORKERS must be a whole number from 1 to 16' })
  @Min(1)
  @Max(16)
  IDV_OCR_WORKERS = 1;

  @IsOptional()
  @IsString()
  IDV_CORPUS_DIR?: string;

  /** 32 bytes, hex or base64: encrypts images and webhook secrets at rest. Required in production. */
  @IsOptional()
  @Matches(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, {
    message: 'IDV_ENCRYPTION_KEY must be 32 bytes as 64 hex characters or base64 (openssl rand -hex 32)',
  })
  IDV_ENCRYPTION_KEY?: string;

  /**
   * Where the secrets generated on a first start without IDV_ENCRYPTION_KEY / IDV_AUDIT_SALT are kept (outside
   * production only); default `$XDG_CONFIG_HOME/idv/secrets.json`, i.e. `~/.config/idv/secrets.json`.
   */
  @IsOptional()
  @Matches(/^\/\S*$/, {
    message: 'IDV_SECRETS_FILE must be an absolute path with no spaces, like /var/lib/idv/secrets.json',
  })
  IDV_SECRETS_FILE?: string;

  /**
   * The bearer token `GET /metrics` asks for (its numbers include every tenant's review backlog); unset, the metrics
   * endpoint answers 403.
   */
  @IsOptional()
  @Matches(/^[\x21-\x7e]{16,}$/, {
    message: 'IDV_METRICS_TOKEN must be at least 16 visible ASCII characters (openssl rand -hex 32)',
  })
  IDV_METRICS_TOKEN?: string;

  /** Keys the personal-data digests of the audit trail (HMAC-SHA256). Required in production. */
  @IsOptional()
  @IsString()
  @Matches(/^\S{16,}$/, { message: 'IDV_AUDIT_SALT must be at least 16 characters (openssl rand -hex 32)' })
  IDV_AUDIT_SALT?: string;

  /**
   * A directory (shared by every API and worker replica) for the images' ciphertext; unset, it goes in PostgreSQL.
   * Either way the metadata stays in `verification_images` and the bytes are AES-256-GCM sealed to their row.
   */
  @IsOptional()
  @Matches(/^\/\S*$/, {
    message: 'IDV_IMAGE_DIR must be an absolute path with no spaces, like /var/lib/idv/images',
  })
  IDV_IMAGE_DIR?: string;

  /** Days after upload when document images are purged (ciphertext deleted, metadata kept). */
  @Transform(({ value }) => (value === undefined || value === '' ? 30 : Number(value)))
  @IsInt({ message: 'IDV_IMAGE_RETENTION_DAYS must be a whole number of days from 1 to 3650' })
  @Min(1, { message: 'IDV_IMAGE_RETENTION_DAYS must be a whole number of days from 1 to 3650' })
  @Max(3650, { message: 'IDV_IMAGE_RETENTION_DAYS must be a whole number of days from 1 to 3650' })
  IDV_IMAGE_RETENTION_DAYS = 30;

  /** Years verdicts keep the document data read from them (anti-money-laundering record period). */
  @Transform(({ value }) => (value === undefined || value === '' ? 5 : Number(value)))
  @IsInt({ message: 'IDV_RECORD_RETENTION_YEARS must be a whole number of years from 1 to 100' })
  @Min(1, { message: 'IDV_RECORD_RETENTION_YEARS must be a whole number of years from 1 to 100' })
  @Max(100, { message: 'IDV_RECORD_RETENTION_YEARS must be a whole number of years from 1 to 100' })
  IDV_RECORD_RETENTION_YEARS = 5;

  @Transform(({ value }) => (value === undefined || value === '' ? 10 * 1024 * 1024 : Number(value)))
  @IsInt({ message: 'IDV_MAX_UPLOAD_BYTES must be a whole number of bytes' })
  @Min(1024)
  IDV_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

  @Transform(({ value }) => (value === undefined || value === '' ? 40_000_000 : Number(value)))
  @IsInt({ message: 'IDV_MAX_PIXELS must be a whole number of pixels' })
  @Min(10_000)
  IDV_MAX_PIXELS = 40_000_000;

  /** The document's longer side in pixels below which an upload is `unreadable` (too small to keep as evidence). */
  @Transform(({ value }) => (value === undefined || value === '' ? 300 : Number(value)))
  @IsInt({ message: 'IDV_MIN_DOCUMENT_PIXELS must be a whole number of pixels from 100 to 4000' })
  @Min(100, { message: 'IDV_MIN_DOCUMENT_PIXELS must be a whole number of pixels from 100 to 4000' })
  @Max(4000, { message: 'IDV_MIN_DOCUMENT_PIXELS must be a whole number of pixels from 100 to 4000' })
  IDV_MIN_DOCUMENT_PIXELS = 300;

  /** Unsuccessful verifications allowed within the window before the applicant is restricted. */
  @Transform(({ value }) => (value === undefined || value === '' ? 5 : Number(value)))
  @IsInt()
  @Min(1)
  IDV_MAX_FAILED_ATTEMPTS = 5;

  /** Record corrections allowed within the window before the applicant is restricted. */
  @Transform(({ value }) => (value === undefined || value === '' ? 3 : Number(value)))
  @IsInt()
  @Min(1)
  IDV_MAX_CORRECTIONS = 3;

  @Transform(({ value }) => (value === undefined || value === '' ? 1440 : Number(value)))
  @IsInt()
  @Min(1)
  IDV_ATTEMPT_WINDOW_MINUTES = 1440;

  @Transform(({ value }) => (value === undefined || value === '' ? 1440 : Number(value)))
  @IsInt()
  @Min(1)
  IDV_RESTRICTION_MINUTES = 1440;

  /** Requests per minute per API key (Redis-backed, shared by every API instance). */
  @Transform(({ value }) => (value === undefined || value === '' ? 600 : Number(value)))
  @IsInt()
  @Min(1)
  IDV_RATE_LIMIT_PER_MINUTE = 600;

  /**
   * Requests per minute per client address without a valid API key (none, unknown, revoked); beyond it that
   * address gets 429 before any key lookup.
   */
  @Transform(({ value }) => (value === undefined || value === '' ? 60 : Number(value)))
  @IsInt({ message: 'IDV_UNAUTHENTICATED_PER_MINUTE must be a whole number from 1' })
  @Min(1, { message: 'IDV_UNAUTHENTICATED_PER_MINUTE must be a whole number from 1' })
  IDV_UNAUTHENTICATED_PER_MINUTE = 60;

  /**
   * Which proxies in front of the API to believe about the client's address (X-Forwarded-For), as Express's
   * `trust proxy` takes it: a number of hops, or addresses/subnets (and `loopback`, `linklocal`, `uniquelocal`)
   * separated by commas. Unset: the address is the connection's peer.
   */
  @IsOptional()
  @Matches(
    /^(\d{1,2}|(loopback|linklocal|uniquelocal|[0-9A-Fa-f.:]+(\/\d{1,3})?)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9A-Fa-f.:]+(\/\d{1,3})?))*)$/,
    {
      message: 'IDV_TRUST_PROXY must be a number of hops or a comma-separated list of addresses or subnets',
    },
  )
  IDV_TRUST_PROXY?: string;

  /** How long a worker's lock on an analysis job lasts before it must renew it (BullMQ `lockDuration`). */
  @Transform(({ value }) => (value === undefined || value === '' ? 30_000 : Number(value)))
  @IsInt({ message: 'IDV_LOCK_DURATION_MS must be a whole number of milliseconds from 1000' })
  @Min(1000, { message: 'IDV_LOCK_DURATION_MS must be a whole number of milliseconds from 1000' })
  IDV_LOCK_DURATION_MS = 30_000;

  /** How often workers look for jobs whose lock expired (a worker died) and put them back (BullMQ `stalledInterval`). */
  @Transform(({ value }) => (value === undefined || value === '' ? 15_000 : Number(value)))
  @IsInt({ message: 'IDV_STALLED_INTERVAL_MS must be a whole number of milliseconds from 500' })
  @Min(500, { message: 'IDV_STALLED_INTERVAL_MS must be a whole number of milliseconds from 500' })
  IDV_STALLED_INTERVAL_MS = 15_000;

  /**
   * `1` lets webhooks reach loopback and private networks (an on-premises receiver, tests). Link-local and cloud
   * metadata addresses stay refused whatever it says.
   */
  @IsIn(['0', '1'], { message: 'IDV_WEBHOOK_ALLOW_PRIVATE must be 0 or 1' })
  IDV_WEBHOOK_ALLOW_PRIVATE = '0';

  /** `1` lets production register plain-http webhook receivers (outside production http is always allowed). */
  @IsIn(['0', '1'], { message: 'IDV_WEBHOOK_ALLOW_HTTP must be 0 or 1' })
  IDV_WEBHOOK_ALLOW_HTTP = '0';
}

/** The typed configuration every app receives. */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  databaseUrl: string;
  redisUrl: string;
  logLevel: string;
  maintenance: boolean;
  queuePrefix: string;
  workerConcurrency: number;
  ocrWorkers: number;
  /** `IDV_ENCRYPTION_KEY`, or outside production the key kept in the secrets file. */
  encryptionKey: string;
  /** `IDV_AUDIT_SALT`, or outside production the salt kept in the secrets file. */
  auditSalt: string;
  /**
   * The secrets file a key or salt came from (`created` on the start that generated it), or null when both were
   * given in the environment.
   */
  secretsFile: { path: string; created: boolean } | null;
  /** `IDV_IMAGE_DIR`: where new images' ciphertext is written, or null to keep it in PostgreSQL. */
  imageDir: string | null;
  retention: {
    /** Images are purged this many days after upload. */
    imageDays: number;
    /** Verification records keep their document data this many years. */
    recordYears: number;
  };
  maxUploadBytes: number;
  maxPixels: number;
  /** `IDV_MIN_DOCUMENT_PIXELS`: a document spanning fewer pixels (its longer side) is refused as too small. */
  minDocumentPixels: number;
  limits: {
    maxFailedAttempts: number;
    maxCorrections: number;
    windowMinutes: number;
    restrictionMinutes: number;
    rateLimitPerMinute: number;
    unauthenticatedPerMinute: number;
  };
  /** `IDV_METRICS_TOKEN`: the bearer token of `GET /metrics`, or null when metrics are not served. */
  metricsToken: string | null;
  /** `IDV_TRUST_PROXY` as Express's `trust proxy` setting: false (the peer is the client), hops, or a list. */
  trustProxy: false | number | string;
  /** Stall detection of analysis jobs: a job whose worker died is retried within about lock + interval. */
  jobs: { lockDurationMs: number; stalledIntervalMs: number };
  /** Which webhook receivers may be registered and reached (see libs/webhooks' URL policy). */
  webhooks: {
    /** `IDV_WEBHOOK_ALLOW_PRIVATE=1`: loopback and private networks allowed (never link-local or metadata). */
    allowPrivateTargets: boolean;
    /** Plain http allowed: outside production always, in production with `IDV_WEBHOOK_ALLOW_HTTP=1`. */
    allowHttp: boolean;
  };
}

export const SECRET_KEYS = [
  'DATABASE_URL',
  'REDIS_URL',
  'IDV_ENCRYPTION_KEY',
  'IDV_AUDIT_SALT',
  'IDV_METRICS_TOKEN',
] as const;

/** Thrown when the environment is invalid; its message is one line meant for a person. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Validates `env` and maps it to {@link AppConfig}; throws {@link ConfigError} with one clear line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const vars = plainToInstance(EnvironmentVariables, raw, { exposeDefaultValues: true });
  const errors = validateSync(vars, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const first = errors[0];
    const why = Object.values(first.constraints ?? {})[0] ?? 'is invalid';
    const shown = SECRET_KEYS.includes(first.property as never)
      ? '(hidden)'
      : JSON.stringify(env[first.property] ?? '');
    throw new ConfigError(`Invalid configuration: ${first.property}=${shown}: ${why}`);
  }
  if (vars.NODE_ENV === 'production' && !vars.IDV_ENCRYPTION_KEY) {
    throw new ConfigError(
      'Invalid configuration: IDV_ENCRYPTION_KEY is required in production (32 bytes: openssl rand -hex 32)',
    );
  }
  if (vars.NODE_ENV === 'production' && !vars.IDV_AUDIT_SALT) {
    throw new ConfigError(
      'Invalid configuration: IDV_AUDIT_SALT is required in production (a secret: openssl rand -hex 32)',
    );
  }
  const explicit = { encryptionKey: vars.IDV_ENCRYPTION_KEY, auditSalt: vars.IDV_AUDIT_SALT };
  const file = explicit.encryptionKey && explicit.auditSalt ? null : secretsFile(env);
  return {
    env: vars.NODE_ENV as AppConfig['env'],
    port: vars.PORT,
    databaseUrl: vars.DATABASE_URL,
    redisUrl: vars.REDIS_URL,
    logLevel: vars.LOG_LEVEL,
    maintenance: vars.IDV_MAINTENANCE,
    queuePrefix: vars.IDV_QUEUE_PREFIX,
    workerConcurrency: vars.IDV_WORKER_CONCURRENCY,
    ocrWorkers: vars.IDV_OCR_WORKERS,
    encryptionKey: explicit.encryptionKey ?? file!.secrets.encryptionKey,
    auditSalt: explicit.auditSalt ?? file!.secrets.auditSalt,
    secretsFile: file && { path: file.path, created: file.secrets.created },
    imageDir: vars.IDV_IMAGE_DIR ?? null,
    retention: {
      imageDays: vars.IDV_IMAGE_RETENTION_DAYS,
      recordYears: vars.IDV_RECORD_RETENTION_YEARS,
    },
    maxUploadBytes: vars.IDV_MAX_UPLOAD_BYTES,
    maxPixels: vars.IDV_MAX_PIXELS,
    minDocumentPixels: vars.IDV_MIN_DOCUMENT_PIXELS,
    limits: {
      maxFailedAttempts: vars.IDV_MAX_FAILED_ATTEMPTS,
      maxCorrections: vars.IDV_MAX_CORRECTIONS,
      windowMinutes: vars.IDV_ATTEMPT_WINDOW_MINUTES,
      restrictionMinutes: vars.IDV_RESTRICTION_MINUTES,
      rateLimitPerMinute: vars.IDV_RATE_LIMIT_PER_MINUTE,
      unauthenticatedPerMinute: vars.IDV_UNAUTHENTICATED_PER_MINUTE,
    },
    metricsToken: vars.IDV_METRICS_TOKEN ?? null,
    trustProxy: !vars.IDV_TRUST_PROXY
      ? false
      : /^\d+$/.test(vars.IDV_TRUST_PROXY)
        ? Number(vars.IDV_TRUST_PROXY)
        : vars.IDV_TRUST_PROXY,
    jobs: { lockDurationMs: vars.IDV_LOCK_DURATION_MS, stalledIntervalMs: vars.IDV_STALLED_INTERVAL_MS },
    webhooks: {
      allowPrivateTargets: vars.IDV_WEBHOOK_ALLOW_PRIVATE === '1',
      allowHttp: vars.NODE_ENV !== 'production' || vars.IDV_WEBHOOK_ALLOW_HTTP === '1',
    },
  };
}

/**
 * The secrets kept on this machine (outside production, when the environment does not give both): read from the
 * secrets file, or generated into it on the first start. No key is ever a constant of the code.
 */
function secretsFile(env: NodeJS.ProcessEnv) {
  const path = secretsFilePath(env);
  try {
    return { path, secrets: localSecrets(path) };
  } catch (err) {
    if (!(err instanceof LocalSecretsError)) throw err;
    throw new ConfigError(`Invalid configuration: IDV_SECRETS_FILE: ${err.message}`);
  }
}

/** The one line a process prints at start about where its secrets come from. */
export function secretsSourceLine(config: Pick<AppConfig, 'secretsFile'>): string {
  const file = config.secretsFile;
  if (!file) return 'secrets: IDV_ENCRYPTION_KEY and IDV_AUDIT_SALT from the environment';
  return file.created
    ? `secrets: generated a new encryption key and audit salt in ${file.path} (mode 0600; keep it: data encrypted with it needs it)`
    : `secrets: using the encryption key and audit salt kept in ${file.path}`;
}

/** Nest injection token for {@link AppConfig}. */
export const APP_CONFIG = Symbol('APP_CONFIG');
