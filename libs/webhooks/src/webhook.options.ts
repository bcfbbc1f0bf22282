import type { AppConfig } from '@idv/platform';

/** Nest token of {@link WebhookOptions}. */
export const WEBHOOK_OPTIONS = Symbol('WEBHOOK_OPTIONS');

/** Which receivers a webhook may have (checked at registration and again at each delivery). */
export interface WebhookTargetPolicy {
  /** Loopback and private networks allowed (`IDV_WEBHOOK_ALLOW_PRIVATE=1`); link-local and metadata never are. */
  allowPrivateTargets: boolean;
  /** Plain http allowed: outside production, or with `IDV_WEBHOOK_ALLOW_HTTP=1`. */
  allowHttp: boolean;
}

export interface WebhookOptions extends WebhookTargetPolicy {
  /** How long one delivery may take, name resolution to status line (the contract says 5 s). */
  timeoutMs: number;
}

/**
 * Private targets are refused in every environment unless `IDV_WEBHOOK_ALLOW_PRIVATE=1` (a tenant's key must not
 * turn the service into a scanner of its own network); production takes https receivers only unless
 * `IDV_WEBHOOK_ALLOW_HTTP=1`.
 */
export function webhookOptionsFromConfig(config: Pick<AppConfig, 'webhooks'>): WebhookOptions {
  return { timeoutMs: 5000, ...config.webhooks };
}
