import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import {
  isUuid,
  WebhookDeliveryEntity,
  WebhookEndpointEntity,
  WebhookEventEntity,
  type Tx,
} from '@idv/persistence';

/** A delivery row with its event's type, as the deliveries list shows it. */
export type DeliveryRow = WebhookDeliveryEntity & { eventType: string };

/** Endpoints, events and delivery attempts in PostgreSQL; tenant-facing reads are scoped by tenant. */
@Injectable()
export class WebhookRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.ds.transaction(fn);
  }

  async insertEndpoint(tx: Tx, row: Partial<WebhookEndpointEntity>): Promise<WebhookEndpointEntity> {
    await tx.getRepository(WebhookEndpointEntity).insert(row);
    return tx.getRepository(WebhookEndpointEntity).findOneByOrFail({ id: row.id });
  }

  /** Active endpoints of a tenant, oldest first. */
  activeEndpoints(tenantId: string): Promise<WebhookEndpointEntity[]> {
    return this.ds
      .getRepository(WebhookEndpointEntity)
      .find({ where: { tenantId, disabledAt: IsNull() }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** An endpoint of this tenant, active or disabled. */
  findEndpoint(tenantId: string, id: string, tx?: Tx): Promise<WebhookEndpointEntity | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return (tx ?? this.ds.manager).getRepository(WebhookEndpointEntity).findOneBy({ id, tenantId });
  }

  async disable(tx: Tx, id: string): Promise<void> {
    await tx.query(`UPDATE webhook_endpoints SET disabled_at = now() WHERE id = $1 AND disabled_at IS NULL`, [
      id,
    ]);
  }

  /** Active endpoints of a tenant subscribed to `type`, read in the caller's transaction. */
  subscribers(tx: Tx, tenantId: string, type: string): Promise<Array<{ id: string }>> {
    return tx.query(
      `SELECT id FROM webhook_endpoints
        WHERE tenant_id = $1 AND disabled_at IS NULL AND $2 = ANY(events) ORDER BY created_at, id`,
      [tenantId, type],
    );
  }

  async insertEvent(tx: Tx, tenantId: string, type: string, data: object): Promise<WebhookEventEntity> {
    const rows: Array<{ id: string }> = await tx.query(
      `INSERT INTO webhook_events (tenant_id, type, data) VALUES ($1, $2, $3) RETURNING id`,
      [tenantId, type, JSON.stringify(data)],
    );
    return tx.getRepository(WebhookEventEntity).findOneByOrFail({ id: rows[0].id });
  }

  event(id: string): Promise<WebhookEventEntity | null> {
    return this.ds.getRepository(WebhookEventEntity).findOneBy({ id });
  }

  endpoint(id: string): Promise<WebhookEndpointEntity | null> {
    return this.ds.getRepository(WebhookEndpointEntity).findOneBy({ id });
  }

  async hasSucceeded(eventId: string, endpointId: string): Promise<boolean> {
    const rows = await this.ds.query(
      `SELECT 1 FROM webhook_deliveries WHERE event_id = $1 AND endpoint_id = $2 AND succeeded LIMIT 1`,
      [eventId, endpointId],
    );
    return rows.length > 0;
  }

  async insertDelivery(tx: Tx, row: Partial<WebhookDeliveryEntity>): Promise<void> {
    await tx.getRepository(WebhookDeliveryEntity).insert(row);
  }

  /** Attempts to one endpoint, newest first, older than the delivery id `before` when given. */
  async deliveries(endpointId: string, before: string | null, limit: number): Promise<DeliveryRow[]> {
    const rows: Array<Record<string, unknown>> = await this.ds.query(
      `SELECT d.id::text AS id, d.endpoint_id, d.event_id, e.type AS event_type, d.attempt, d.status_code, d.error,
              d.duration_ms, d.succeeded, d.at
         FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
        WHERE d.endpoint_id = $1 AND ($2::bigint IS NULL OR d.id < $2::bigint)
        ORDER BY d.id DESC LIMIT $3`,
      [endpointId, before, limit],
    );
    return rows.map((r) => ({
      id: r.id as string,
      endpointId: r.endpoint_id as string,
      eventId: r.event_id as string,
      eventType: r.event_type as string,
      attempt: r.attempt as number,
      statusCode: r.status_code as number | null,
      error: r.error as string | null,
      durationMs: r.duration_ms as number,
      succeeded: r.succeeded as boolean,
      at: r.at as Date,
    }));
  }
}
