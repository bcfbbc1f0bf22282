import type { EntityManager } from 'typeorm';

/** A unit of work's database handle; pass it along so every write of one state change commits together. */
export type Tx = EntityManager;

/** Outbox topics and their payloads. The relay moves each row to the queue job named in OUTBOX_ROUTES. */
export interface OutboxMessages {
  'verification.analyse': { verificationId: string; tenantId: string };
  'webhook.deliver': { eventId: string; endpointId: string; tenantId: string };
}

/** Writes work to the outbox inside the caller's transaction: it is dispatched only if the transaction commits. */
export async function enqueue<T extends keyof OutboxMessages>(
  tx: Tx,
  topic: T,
  payload: OutboxMessages[T],
): Promise<string> {
  const rows: Array<{ id: string }> = await tx.query(
    `INSERT INTO outbox (topic, payload) VALUES ($1, $2) RETURNING id`,
    [topic, JSON.stringify(payload)],
  );
  await tx.query(`SELECT pg_notify('idv_outbox', $1)`, [rows[0].id]);
  return rows[0].id;
}
