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

type UrlProblem =
  | 'invalid_url'
  | 'too_long'
  | 'credentials_in_url'
  | 'https_required'
  | 'address_not_allowed'
  | 'address_never_allowed';

const URL_HINTS: Record<UrlProblem, { en: string; 'zh-CN': string }> = {
  invalid_url: hint(
    'Give an absolute http:// or https:// URL of your webhook receiver.',
    '请提供 webhook 接收端的完整 http:// 或 https:// 地址。',
  ),
  too_long: hint('Use a URL of at most 2048 characters.', '请使用不超过 2048 个字符的地址。'),
  credentials_in_url: hint(
    'Remove the user name and password from the URL; every delivery is signed (IDV-Signature), so check that instead.',
    '请从地址中去掉用户名和密码；每次投递都带有签名（IDV-Signature），请改为校验签名。',
  ),
  https_required: hint(
    'Use an https:// URL: this service sends webhooks over TLS only.',
    '请使用 https:// 地址：本服务只通过 TLS 发送 webhook。',
  ),
  address_not_allowed: hint(
    'Use a receiver on a public address: loopback and private networks are refused (the operator can allow them with IDV_WEBHOOK_ALLOW_PRIVATE=1 for an on-premises receiver).',
    '请使用公网地址的接收端：本机和内网地址会被拒绝（如需内网接收端，运营方可设置 IDV_WEBHOOK_ALLOW_PRIVATE=1）。',
  ),
  address_never_allowed: hint(
    'Use a receiver on a public address: link-local, cloud metadata, unspecified and multicast addresses are never reachable from the service.',
    '请使用公网地址的接收端：链路本地、云元数据、未指定及组播地址一律不可用。',
  ),
};

/** A refused URL, with the contract's field details so clients can show why. */
export function invalidWebhookUrl(code: UrlProblem, why: string) {
  return new WebhookError('invalid', 'validation_failed', `The request has 1 invalid field: url.`, [
    { field: 'url', code, message: why, hint: URL_HINTS[code] },
  ]);
}

export const webhookNotFound = (id: string) =>
  new WebhookError('not_found', 'webhook_not_found', `No webhook ${id} in your tenant.`);
