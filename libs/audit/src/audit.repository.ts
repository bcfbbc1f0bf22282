import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { AuditEventEntity } from '@idv/persistence';
import { GENESIS_HASH } from './audit.hash';
import type { AuditAction, AuditActorType, AuditEvent } from './audit.types';

/** The caller's open transaction, as `dataSource.transaction(async (tx) => ...)` hands it out. */
export type AuditTransaction = EntityManager;

/** The last event of a chain, as its head row records it. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** A validated filter: one chain, dates parsed. */
export interface ChainFilter {
  tenant: string | null;
  from?: Date;
  to?: Date;
  action?: string;
  subjectId?: string;
}

interface AuditRow {
  id: string;
  seq: string;
  at: Date;
  tenant_id: string | null;
  actor_type: string;
  actor_id: string;
  action: string;
  subject_type: string;
  subject_id: string;
  reason_codes: string[];
  data: AuditEvent['data'];
  prev_hash: string;
  hash: string;
}

const COLUMNS =
  'id, seq, at, tenant_id, actor_type, actor_id, action, subject_type, subject_id, reason_codes, data, prev_hash, hash';

/** The chain head's primary key: the tenant id, or 'platform' for the platform chain. */
function chainKey(tenant: string | null): string {
  return tenant ?? 'platform';
}

/**
 * The only code of `@idv/audit` that touches the database: appends under the chain-head lock and reads chains
 * in seq order with keyset pagination (so every read is one bounded batch, whatever the chain's length).
 */
@Injectable()
export class AuditRepository {
  private readonly manager: EntityManager;

  constructor(@InjectRepository(AuditEventEntity) repository: Repository<AuditEventEntity>) {
    this.manager = repository.manager;
  }

  /**
   * Appends one event to `tenant`'s chain. The chain head is locked (`SELECT ... FOR UPDATE`) until the
   * transaction ends, so concurrent writers queue up: no fork, no gap. `build` receives the locked head and
   * returns the complete event (seq = head.seq + 1, prevHash = head.hash, hash computed). With `tx` the append
   * joins the caller's transaction and commits or rolls back with the caller's state change.
   */
  async append(
    tenant: string | null,
    build: (head: ChainHead) => AuditEvent,
    tx?: AuditTransaction,
  ): Promise<AuditEvent> {
    if (!tx) return this.manager.transaction((own) => this.appendIn(own, tenant, build));
    if (!tx.queryRunner?.isTransactionActive) {
      // Without a transaction the head lock would end with the statement and concurrent writers could fork.
      throw new Error('AuditTrail.record(input, tx): tx must be the EntityManager of an open transaction');
    }
    return this.appendIn(tx, tenant, build);
  }

  private async appendIn(
    tx: EntityManager,
    tenant: string | null,
    build: (head: ChainHead) => AuditEvent,
  ): Promise<AuditEvent> {
    const key = chainKey(tenant);
    // A first writer creates the head; a concurrent first writer waits on that insert, then finds the row.
    await tx.query(
      `INSERT INTO audit_chain_heads (chain_key, tenant_id, last_seq, last_hash) VALUES ($1, $2, 0, $3)
       ON CONFLICT (chain_key) DO NOTHING`,
      [key, tenant, GENESIS_HASH],
    );
    const [head] = (await tx.query(
      'SELECT last_seq, last_hash FROM audit_chain_heads WHERE chain_key = $1 FOR UPDATE',
      [key],
    )) as { last_seq: string; last_hash: string }[];
    const event = build({ seq: Number(head.last_seq), hash: head.last_hash });
    await tx.query(
      `WITH ev AS (
         INSERT INTO audit_events (${COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13)
         RETURNING seq, hash)
       UPDATE audit_chain_heads SET last_seq = ev.seq, last_hash = ev.hash FROM ev WHERE chain_key = $14`,
      [
        event.id,
        event.seq,
        event.at,
        event.tenant,
        event.actor.type,
        event.actor.id,
        event.action,
        event.subject.type,
        event.subject.id,
        event.reasonCodes,
        JSON.stringify(event.data),
        event.prevHash,
        event.hash,
        key,
      ],
    );
    return event;
  }

  /** Up to `limit` events of the filtered chain with seq > `afterSeq`, in seq order. */
  async page(filter: ChainFilter, afterSeq: number, limit: number): Promise<AuditEvent[]> {
    const params: unknown[] = [afterSeq, limit];
    const where = ['seq > $1', ...conditions(filter, params)];
    const rows = (await this.manager.query(
      `SELECT ${COLUMNS} FROM audit_events WHERE ${where.join(' AND ')} ORDER BY seq LIMIT $2`,
      params,
    )) as AuditRow[];
    return rows.map(toEvent);
  }

  /** The filtered chain's newest event, or null; read through `tx` when given (e.g. under an advisory lock). */
  async last(filter: ChainFilter, tx?: AuditTransaction): Promise<AuditEvent | null> {
    const params: unknown[] = [];
    const where = conditions(filter, params);
    const rows = (await (tx ?? this.manager).query(
      `SELECT ${COLUMNS} FROM audit_events WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT 1`,
      params,
    )) as AuditRow[];
    return rows.length ? toEvent(rows[0]) : null;
  }

  /** The head of `tenant`'s chain, or null when nothing was ever written to it. */
  async head(tenant: string | null): Promise<ChainHead | null> {
    const rows = (await this.manager.query(
      'SELECT last_seq, last_hash FROM audit_chain_heads WHERE chain_key = $1',
      [chainKey(tenant)],
    )) as { last_seq: string; last_hash: string }[];
    return rows.length ? { seq: Number(rows[0].last_seq), hash: rows[0].last_hash } : null;
  }

  /** Every chain that has a head or an event (tenant ids; null = platform), platform first. */
  async chains(): Promise<(string | null)[]> {
    const rows = (await this.manager.query(
      `SELECT tenant_id FROM audit_chain_heads UNION SELECT DISTINCT tenant_id FROM audit_events
       ORDER BY tenant_id NULLS FIRST`,
    )) as { tenant_id: string | null }[];
    return rows.map((r) => r.tenant_id);
  }
}

/** SQL conditions of a filter; values are appended to `params` as placeholders. */
function conditions(filter: ChainFilter, params: unknown[]): string[] {
  const where: string[] = [];
  if (filter.tenant === null) where.push('tenant_id IS NULL');
  else where.push(`tenant_id = $${params.push(filter.tenant)}`);
  if (filter.from) where.push(`at >= $${params.push(filter.from)}`);
  if (filter.to) where.push(`at < $${params.push(filter.to)}`);
  if (filter.action) where.push(`action = $${params.push(filter.action)}`);
  if (filter.subjectId) where.push(`subject_id = $${params.push(filter.subjectId)}`);
  return where;
}

function toEvent(row: AuditRow): AuditEvent {
  return {
    id: row.id,
    seq: Number(row.seq),
    at: row.at.toISOString(),
    actor: { type: row.actor_type as AuditActorType, id: row.actor_id },
    tenant: row.tenant_id,
    action: row.action as AuditAction,
    subject: { type: row.subject_type, id: row.subject_id },
    reasonCodes: row.reason_codes,
    data: row.data,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
