import { DomainError } from '@idv/platform';

/** The events a tenant can subscribe to (the contract's list). */
export const WEBHOOK_EVENT_TYPES = [
  'verification.completed',
  'review.completed',
  'applicant.restricted',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Who acts (structurally the same as the applicants feature's actor): the audit trail records it. */
export interface WebhookActor {
  type: 'system' | 'client' | 'reviewer' | 'auditor' | 'admin';
  id: string;
  tenantId: string;
}

/** An endpoint as the API lists it: never its secret. */
export interface WebhookEndpoint {
  id: string;
  url: string;
  events: WebhookEventType[];
  createdAt: string;
}

/** The answer to a registration: the only time the signing secret is shown. */
export interface RegisteredWebhook extends WebhookEndpoint {
  secret: string;
}

/** One delivery attempt, newest first in {@link DeliveryPage}. */
export interface WebhookDelivery {
  id: string;
  eventId: string;
  eventType: string;
  attempt: number;
  /** The receiver's HTTP status; null when no answer came (timeout, refused connection, blocked address). */
  statusCode: number | null;
  /** A short machine-readable cause when no 2xx came: `timeout`, `http_500`, `ECONNREFUSED`, `blocked_address`. */
  error: string | null;
  durationMs: number;
  succeeded: boolean;
  at: string;
}

export interface DeliveryPage {
  items: WebhookDelivery[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** What {@link Webhooks.publish} did inside the caller's transaction. */
export interface PublishedEvent {
  /** The event id: the `id` of the body every subscribed endpoint receives, stable across retries. */
  eventId: string;
  /** How many endpoints the event was queued for (one outbox row each). */
  endpoints: number;
}

/** The webhooks feature's one error type. */
export class WebhookError extends DomainError {}

const hint = (en: string, zh: string) => ({ en, 'zh-CN': zh });

/** A refused URL, with the contract's field details so clients can show why. */
export function invalidWebhookUrl(code: 'invalid_url' | 'too_long' | 'address_not_allowed', why: string) {
  const hints = {
    invalid_url: hint(
      'Give an absolute http:// or https:// URL of your webhook receiver.',
      '请提供 webhook 接收端的完整 http:// 或 https:// 地址。',
    ),
    too_long: hint('Use a URL of at most 2048 characters.', '请使用不超过 2048 个字符的地址。'),
    address_not_allowed: hint(
      'Use a public address: loopback, private and link-local networks are not reachable from the service.',
      '请使用公网地址：服务不会向本机、内网或链路本地地址发送请求。',
    ),
  }[code];
  return new WebhookError('invalid', 'validation_failed', `The request has 1 invalid field: url.`, [
    { field: 'url', code, message: why, hint: hints },
  ]);
}

export const webhookNotFound = (id: string) =>
  new WebhookError('not_found', 'webhook_not_found', `No webhook ${id} in your tenant.`);
