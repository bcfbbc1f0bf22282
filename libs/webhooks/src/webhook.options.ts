import type { AppConfig } from '@idv/platform';

/** Nest token of {@link WebhookOptions}. */
export const WEBHOOK_OPTIONS = Symbol('WEBHOOK_OPTIONS');

export interface WebhookOptions {
  /** How long one delivery may take, connect to status line (the contract says 5 s). */
  timeoutMs: number;
  /** Whether loopback/private/link-local targets are allowed (everywhere but production, or when forced). */
  allowPrivateTargets: boolean;
}

/** Production refuses private targets (SSRF) unless `IDV_WEBHOOK_ALLOW_PRIVATE=1`; other environments allow them. */
export function webhookOptionsFromEnv(
  config: Pick<AppConfig, 'env'>,
  env: NodeJS.ProcessEnv = process.env,
): WebhookOptions {
  return {
    timeoutMs: 5000,
    allowPrivateTargets: config.env !== 'production' || env.IDV_WEBHOOK_ALLOW_PRIVATE === '1',
  };
}
