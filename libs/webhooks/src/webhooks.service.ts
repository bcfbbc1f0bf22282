import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { assertNoPersonalData, AuditError, AuditTrail } from '@idv/audit';
import { enqueue, type Tx, type WebhookEndpointEntity } from '@idv/persistence';
import { checkWebhookUrl } from './webhook-url.policy';
import { WEBHOOK_OPTIONS, type WebhookOptions } from './webhook.options';
import { WebhookRepository } from './webhook.repository';
import { WebhookSecrets } from './webhook.secrets';
import {
  WEBHOOK_EVENT_TYPES,
  WebhookError,
  webhookNotFound,
  type DeliveryPage,
  type PublishedEvent,
  type RegisteredWebhook,
  type WebhookActor,
  type WebhookEndpoint,
  type WebhookEventType,
} from './webhook.types';

const DEFAULT_PAGE = 50;
const MAX_PAGE = 200;

/** What a tenant registers: a URL and, optionally, the events it wants (all of them by default). */
export interface RegisterWebhookInput {
  url: string;
  events?: string[];
}

/**
 * Webhook endpoints of a tenant (register, list, remove, read the delivery log) and {@link publish}, which the
 * verification pipeline and the review flow call to announce an event to every subscribed endpoint.
 */
@Injectable()
export class Webhooks {
  constructor(
    private readonly repo: WebhookRepository,
    private readonly secrets: WebhookSecrets,
    private readonly audit: AuditTrail,
    @Inject(WEBHOOK_OPTIONS) private readonly options: WebhookOptions,
  ) {}

  /** Registers an endpoint; the answer carries the signing secret, which is never shown again. */
  async register(actor: WebhookActor, input: RegisterWebhookInput): Promise<RegisteredWebhook> {
    const url = await checkWebhookUrl(input.url, this.options);
    const events = eventTypes(input.events);
    const id = randomUUID();
    const secret = this.secrets.generate();
    return this.repo.transaction(async (tx) => {
      const row = await this.repo.insertEndpoint(tx, {
        id,
        tenantId: actor.tenantId,
        url: url.href,
        events,
        ...this.secrets.seal(secret, id),
      });
      await this.audit.record(
        {
          tenant: actor.tenantId,
          actor: { type: actor.type, id: actor.id },
          action: 'webhook.registered',
          subject: { type: 'webhook_endpoint', id },
          data: { events },
        },
        tx,
      );
      return { ...view(row), secret };
    });
  }

  /** The tenant's active endpoints, oldest first, without secrets. */
  async list(tenantId: string): Promise<WebhookEndpoint[]> {
    return (await this.repo.activeEndpoints(tenantId)).map(view);
  }

  /**
   * Disables an endpoint (audited: `webhook.removed`): nothing more is queued for it and queued deliveries
   * complete without sending. Its delivery log stays readable. Removing an already removed endpoint is a no-op; another tenant's is not found.
   */
  async remove(actor: WebhookActor, id: string): Promise<void> {
    await this.repo.transaction(async (tx) => {
      const row = await this.repo.findEndpoint(actor.tenantId, id, tx);
      if (!row) throw webhookNotFound(id);
      if (row.disabledAt) return;
      await this.repo.disable(tx, row.id);
      await this.audit.record(
        {
          tenant: actor.tenantId,
          actor: { type: actor.type, id: actor.id },
          action: 'webhook.removed',
          subject: { type: 'webhook_endpoint', id: row.id },
        },
        tx,
      );
    });
  }

  /** Delivery attempts to one endpoint of the tenant, newest first; `cursor` is the previous page's `nextCursor`. */
  async deliveries(
    tenantId: string,
    endpointId: string,
    cursor?: string | null,
    limit = DEFAULT_PAGE,
  ): Promise<DeliveryPage> {
    if (!(await this.repo.findEndpoint(tenantId, endpointId))) throw webhookNotFound(endpointId);
    const before = cursor ? decodeCursor(cursor) : null;
    const size = Math.min(Math.max(1, Math.floor(limit)), MAX_PAGE);
    const rows = await this.repo.deliveries(endpointId, before, size + 1);
    const page = rows.slice(0, size);
    return {
      items: page.map((r) => ({
        id: r.id,
        eventId: r.eventId,
        eventType: r.eventType,
        attempt: r.attempt,
        statusCode: r.statusCode,
        error: r.error,
        durationMs: r.durationMs,
        succeeded: r.succeeded,
        at: r.at.toISOString(),
      })),
      nextCursor: rows.length > size ? encodeCursor(page[page.length - 1].id) : null,
    };
  }

  /**
   * Announces an event, in the CALLER's transaction: inserts one `webhook_events` row and one outbox row
   * (`webhook.deliver`) per active endpoint of the tenant subscribed to `type`. Nothing is sent unless the
   * transaction commits. `data` carries ids, the verdict and reason codes, never personal data (names, dates of
   * birth, document numbers): a key naming personal data is refused with `webhook_personal_data`.
   */
  async publish(
    tx: Tx,
    tenantId: string,
    type: WebhookEventType,
    data: Record<string, unknown>,
  ): Promise<PublishedEvent> {
    if (!(WEBHOOK_EVENT_TYPES as readonly string[]).includes(type)) {
      throw new WebhookError('invalid', 'unknown_event_type', `Unknown webhook event type ${type}.`);
    }
    try {
      assertNoPersonalData(data);
    } catch (err) {
      if (!(err instanceof AuditError)) throw err;
      throw new WebhookError(
        'invalid',
        'webhook_personal_data',
        `Webhook data must not carry personal data.`,
      );
    }
    const event = await this.repo.insertEvent(tx, tenantId, type, data);
    const endpoints = await this.repo.subscribers(tx, tenantId, type);
    for (const endpoint of endpoints) {
      await enqueue(tx, 'webhook.deliver', { eventId: event.id, endpointId: endpoint.id, tenantId });
    }
    return { eventId: event.id, endpoints: endpoints.length };
  }
}

function eventTypes(requested: string[] | undefined): WebhookEventType[] {
  if (requested === undefined) return [...WEBHOOK_EVENT_TYPES];
  const unknown = requested.filter((e) => !(WEBHOOK_EVENT_TYPES as readonly string[]).includes(e));
  if (requested.length === 0 || unknown.length) {
    throw new WebhookError('invalid', 'validation_failed', 'The request has 1 invalid field: events.', [
      {
        field: 'events',
        code: 'unknown_event_type',
        message: `Events must be a non-empty list of ${WEBHOOK_EVENT_TYPES.join(', ')}.`,
        hint: {
          en: `Subscribe to one or more of: ${WEBHOOK_EVENT_TYPES.join(', ')}; leave the field out for all.`,
          'zh-CN': `请从以下事件中选择一个或多个：${WEBHOOK_EVENT_TYPES.join('、')}；不填写则订阅全部。`,
        },
      },
    ]);
  }
  return WEBHOOK_EVENT_TYPES.filter((e) => requested.includes(e));
}

function view(row: WebhookEndpointEntity): WebhookEndpoint {
  return {
    id: row.id,
    url: withoutCredentials(row.url),
    events: row.events as WebhookEventType[],
    createdAt: row.createdAt.toISOString(),
  };
}

/** An endpoint registered before credentials were refused is listed without them (they stay in use for delivery). */
function withoutCredentials(raw: string): string {
  const url = new URL(raw);
  if (!url.username && !url.password) return raw;
  url.username = '';
  url.password = '';
  return url.href;
}

const encodeCursor = (id: string) => Buffer.from(`d:${id}`).toString('base64url');

function decodeCursor(cursor: string): string {
  const m = /^d:(\d{1,18})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw new WebhookError('invalid', 'invalid_cursor', 'The cursor is not one this service returned.');
  return m[1];
}
