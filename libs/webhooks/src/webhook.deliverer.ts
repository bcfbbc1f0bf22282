import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail } from '@idv/audit';
import type { WebhookEventEntity } from '@idv/persistence';
import { SIGNATURE_HEADER, signatureHeader } from './webhook.signature';
import { WEBHOOK_OPTIONS, type WebhookOptions } from './webhook.options';
import { WebhookRepository } from './webhook.repository';
import { WebhookSecrets } from './webhook.secrets';
import { WebhookTransport } from './webhook.transport';
import { WebhookError } from './webhook.types';

/** Why a delivery job completed: sent (2xx), or nothing to send. Failures throw instead, so the queue retries. */
export type DeliveryOutcome =
  | { sent: true; statusCode: number; durationMs: number }
  | { sent: false; reason: 'endpoint_disabled' | 'event_missing' | 'already_delivered' };

/**
 * The delivery body, `{ id, type, createdAt, data }`. It is a function of the stored event only, so every retry
 * sends the same bytes (PostgreSQL's jsonb keeps `data`'s keys in one canonical order).
 */
export function webhookBody(event: Pick<WebhookEventEntity, 'id' | 'type' | 'createdAt' | 'data'>): Buffer {
  return Buffer.from(
    JSON.stringify({
      id: event.id,
      type: event.type,
      createdAt: event.createdAt.toISOString(),
      data: event.data,
    }),
  );
}

/** Sends one event to one endpoint, signed, and records the attempt (a delivery row and an audit event). */
@Injectable()
export class WebhookDeliverer {
  constructor(
    private readonly repo: WebhookRepository,
    private readonly secrets: WebhookSecrets,
    private readonly transport: WebhookTransport,
    private readonly audit: AuditTrail,
    @Inject(WEBHOOK_OPTIONS) private readonly options: WebhookOptions,
  ) {}

  /**
   * One attempt (`attempt` is 1-based, as the queue counts). Completes without sending when the endpoint was
   * removed, the event is gone, or an earlier attempt already succeeded (a job re-run after a worker crash).
   * Throws {@link WebhookError} `webhook_delivery_failed` on a non-2xx answer, a timeout or a network error.
   */
  async deliver(eventId: string, endpointId: string, attempt: number): Promise<DeliveryOutcome> {
    const endpoint = await this.repo.endpoint(endpointId);
    if (!endpoint || endpoint.disabledAt) return { sent: false, reason: 'endpoint_disabled' };
    const event = await this.repo.event(eventId);
    if (!event || event.tenantId !== endpoint.tenantId) return { sent: false, reason: 'event_missing' };
    if (await this.repo.hasSucceeded(eventId, endpointId))
      return { sent: false, reason: 'already_delivered' };

    const body = webhookBody(event);
    // Wall-clock time, not the business clock: receivers compare it with their own clock to refuse replays,
    // so a pinned IDV_NOW (tests, reproducible benchmarks) must not make every signature stale.
    const timestamp = Math.floor(Date.now() / 1000);
    const secret = this.secrets.open(endpoint.secretCiphertext, endpoint.id);
    const started = performance.now();
    const result = await this.transport.post(
      endpoint.url,
      body,
      {
        'Content-Type': 'application/json',
        'User-Agent': 'idv-webhooks/1',
        'IDV-Event-Id': event.id,
        [SIGNATURE_HEADER]: signatureHeader(secret, timestamp, body),
      },
      this.options,
    );
    const durationMs = Math.round(performance.now() - started);
    const succeeded = result.error === null && result.statusCode !== null;

    await this.repo.transaction(async (tx) => {
      await this.repo.insertDelivery(tx, {
        endpointId,
        eventId,
        attempt,
        statusCode: result.statusCode,
        error: result.error,
        durationMs,
        succeeded,
      });
      await this.audit.record(
        {
          tenant: endpoint.tenantId,
          actor: { type: 'system', id: 'webhook-deliverer' },
          action: succeeded ? 'webhook.delivered' : 'webhook.failed',
          subject: { type: 'webhook_endpoint', id: endpointId },
          data: {
            eventId,
            eventType: event.type,
            attempt,
            statusCode: result.statusCode,
            error: result.error,
          },
        },
        tx,
      );
    });

    if (!succeeded) {
      throw new WebhookError(
        'unavailable',
        'webhook_delivery_failed',
        `Delivery ${attempt} of event ${eventId} to endpoint ${endpointId} failed: ${result.error}.`,
      );
    }
    return { sent: true, statusCode: result.statusCode!, durationMs };
  }
}
