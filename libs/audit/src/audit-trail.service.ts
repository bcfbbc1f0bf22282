import { randomUUID } from 'node:crypto';
import { isUuid } from '@idv/persistence';
import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { AuditError, AuditErrorCode } from './audit.error';
import { decodeCursor, encodeCursor } from './audit.cursor';
import { csvHeader, csvLine, ndjsonLine } from './audit.export';
import { auditEventHash, GENESIS_HASH } from './audit.hash';
import { AuditRepository, type AuditTransaction, type ChainFilter } from './audit.repository';
import {
  AUDIT_ACTIONS,
  AUDIT_ACTOR_TYPES,
  type AuditEvent,
  type AuditExportFormat,
  type AuditFilter,
  type AuditPage,
  type AuditQuery,
  type AuditRecordInput,
  type ChainVerification,
} from './audit.types';
import { canonicalJson } from './canonical-json';
import { assertNoPersonalData, personalDataDigest } from './personal-data';

/** Nest token of {@link AuditOptions}. */
export const AUDIT_OPTIONS = Symbol('AUDIT_OPTIONS');

/** Settings of the audit trail. */
export interface AuditOptions {
  /** Salt of {@link AuditTrail.personalDataDigest} (`IDV_AUDIT_SALT`). */
  salt: string;
  /** Events read per database round trip by verifyChain and exportEvents (default 1000): bounds their memory. */
  batchSize?: number;
}

const DEFAULT_BATCH = 1000;
const MAX_DATA_BYTES = 16 * 1024;
const ACTIONS: ReadonlySet<string> = new Set(AUDIT_ACTIONS);
const ACTOR_TYPES: ReadonlySet<string> = new Set(AUDIT_ACTOR_TYPES);

/**
 * The audit trail: every state change records one event here, in the same transaction as the change.
 * Events are append-only and hash-chained per tenant; {@link verifyChain} recomputes the chain.
 */
@Injectable()
export class AuditTrail {
  constructor(
    private readonly repository: AuditRepository,
    @Inject(AUDIT_OPTIONS) private readonly options: AuditOptions,
  ) {}

  private get batchSize(): number {
    return this.options.batchSize ?? DEFAULT_BATCH;
  }

  /**
   * Appends an event to its tenant's chain and returns it. Pass `tx` (the EntityManager of the caller's open
   * transaction) so the state change and its event commit together; without it the event gets its own
   * transaction. Throws {@link AuditError}: `audit_personal_data` when `data` has a personal-data key,
   * `invalid_audit_event` for a malformed event; a plain Error when `tx` is not inside a transaction (a bug).
   */
  async record(input: AuditRecordInput, tx?: AuditTransaction): Promise<AuditEvent> {
    const draft = validated(input);
    return this.repository.append(
      draft.tenant,
      (head) => {
        const event = {
          ...draft,
          id: randomUUID(),
          seq: head.seq + 1,
          // Taken under the chain lock, so time never runs backwards along a chain written by one clock.
          at: new Date().toISOString(),
          prevHash: head.hash,
        };
        return { ...event, hash: auditEventHash(event) };
      },
      tx,
    );
  }

  /** One page of a chain's events, oldest first; pass `nextCursor` back as `cursor` for the next page. */
  async query(query: AuditQuery): Promise<AuditPage> {
    const limit = query.limit ?? 100;
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      throw new AuditError(AuditErrorCode.InvalidFilter, 'limit must be a whole number from 1 to 1000');
    }
    const after = query.cursor ? decodeCursor(query.cursor) : 0;
    const rows = await this.repository.page(chainFilter(query), after, limit + 1);
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1].seq) : null };
  }

  /** The newest event matching `filter` (e.g. the last `maintenance.toggled` of the platform chain), or null. */
  async latest(filter: AuditFilter, tx?: AuditTransaction): Promise<AuditEvent | null> {
    return this.repository.last(chainFilter(filter), tx);
  }

  /**
   * Recomputes a chain (`tenant` null = platform chain) in seq order, in batches, in constant memory: every
   * hash, every link to the previous hash, seq continuity, and the last event against the chain head.
   * Only events up to the head read at the start are checked, so concurrent appends do not disturb it.
   */
  async verifyChain(tenant: string | null): Promise<ChainVerification> {
    const filter = chainFilter({ tenant });
    const head = await this.repository.head(tenant);
    let checked = 0;
    let prev = { seq: 0, hash: GENESIS_HASH };
    const invalid = (event: AuditEvent, problem: ChainVerification['problem']): ChainVerification => ({
      valid: false,
      checked,
      firstInvalidId: event.id,
      problem,
    });
    scan: for await (const batch of batches(this.repository, filter, this.batchSize)) {
      for (const event of batch) {
        // Events past the head read above were appended after the check began; they are the next check's.
        if (head && event.seq > head.seq) break scan;
        checked++;
        if (auditEventHash(event) !== event.hash) return invalid(event, 'hash_mismatch');
        if (event.seq !== prev.seq + 1) return invalid(event, 'seq_gap');
        if (event.prevHash !== prev.hash) return invalid(event, 'broken_link');
        prev = { seq: event.seq, hash: event.hash };
      }
    }
    if (head ? head.seq !== prev.seq || head.hash !== prev.hash : checked > 0) {
      return { valid: false, checked, firstInvalidId: null, problem: 'head_mismatch' };
    }
    return { valid: true, checked, firstInvalidId: null };
  }

  /** {@link verifyChain} for every chain that exists (the platform chain first). */
  async verifyAllChains(): Promise<({ tenant: string | null } & ChainVerification)[]> {
    const results: ({ tenant: string | null } & ChainVerification)[] = [];
    for (const tenant of await this.repository.chains()) {
      results.push({ tenant, ...(await this.verifyChain(tenant)) });
    }
    return results;
  }

  /**
   * The filtered events, oldest first, as a byte stream of NDJSON (one event per line) or CSV (header row, RFC 4180
   * quoting; see AUDIT_CSV_COLUMNS). Reads in batches as the consumer pulls, so memory stays flat for any size.
   * The filter is validated before the stream is returned.
   */
  exportEvents(filter: AuditFilter, format: AuditExportFormat): Readable {
    if (format !== 'ndjson' && format !== 'csv') {
      throw new AuditError(AuditErrorCode.InvalidFilter, 'format must be ndjson or csv');
    }
    const resolved = chainFilter(filter);
    const repository = this.repository;
    const size = this.batchSize;
    async function* lines(): AsyncGenerator<string> {
      if (format === 'csv') yield csvHeader();
      const line = format === 'csv' ? csvLine : ndjsonLine;
      for await (const batch of batches(repository, resolved, size)) yield batch.map(line).join('');
    }
    return Readable.from(lines(), { objectMode: false });
  }

  /** {@link personalDataDigest} with this trail's salt: how `data` references a personal value. */
  personalDataDigest(value: unknown): string {
    return personalDataDigest(value, this.options.salt);
  }
}

/**
 * A chain's events in seq order, one batch per database round trip (keyset on seq, so each query costs the same
 * however deep into the chain). The next batch is already being fetched while the caller works on this one.
 */
async function* batches(
  repository: AuditRepository,
  filter: ChainFilter,
  size: number,
): AsyncGenerator<AuditEvent[]> {
  let next = repository.page(filter, 0, size);
  for (;;) {
    const batch = await next;
    const more = batch.length === size;
    if (more) {
      next = repository.page(filter, batch[batch.length - 1].seq, size);
      // A caller that stops early never awaits the prefetch; its failure must not become an unhandled rejection.
      next.catch(() => undefined);
    }
    if (batch.length) yield batch;
    if (!more) return;
  }
}

function validated(input: AuditRecordInput): Omit<AuditEvent, 'id' | 'seq' | 'at' | 'prevHash' | 'hash'> {
  const bad = (why: string): never => {
    throw new AuditError(AuditErrorCode.InvalidEvent, why);
  };
  if (!ACTIONS.has(input.action)) bad(`unknown action "${String(input.action)}"`);
  if (!ACTOR_TYPES.has(input.actor?.type)) bad(`unknown actor type "${String(input.actor?.type)}"`);
  if (input.tenant !== null && !isUuid(input.tenant)) {
    bad('tenant must be a UUID or null');
  }
  const texts = {
    'actor.id': input.actor.id,
    'subject.type': input.subject?.type,
    'subject.id': input.subject?.id,
  };
  for (const [name, value] of Object.entries(texts)) {
    if (typeof value !== 'string' || value === '' || value.includes('\0'))
      bad(`${name} must be a non-empty string`);
  }
  const reasonCodes = input.reasonCodes ?? [];
  if (
    !Array.isArray(reasonCodes) ||
    reasonCodes.some((c) => typeof c !== 'string' || c === '' || c.includes('\0'))
  ) {
    bad('reasonCodes must be non-empty strings');
  }
  const data = input.data ?? {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) bad('data must be an object');
  assertNoPersonalData(data);
  const json = canonicalJson(data);
  // PostgreSQL's jsonb cannot hold NUL characters; refuse them rather than fail inside the transaction.
  if (json.includes('\\u0000')) bad('data must not contain NUL characters');
  if (Buffer.byteLength(json) > MAX_DATA_BYTES) bad(`data is larger than ${MAX_DATA_BYTES} bytes`);
  return {
    tenant: input.tenant,
    actor: { type: input.actor.type, id: input.actor.id },
    action: input.action,
    subject: { type: input.subject.type, id: input.subject.id },
    reasonCodes: [...reasonCodes],
    // Stored exactly as hashed: dates become ISO strings, undefined keys disappear.
    data: JSON.parse(json),
  };
}

function chainFilter(filter: AuditFilter): ChainFilter {
  if (filter.tenant !== null && !isUuid(filter.tenant)) {
    throw new AuditError(AuditErrorCode.InvalidFilter, 'tenant must be a UUID or null');
  }
  if (filter.action !== undefined && !ACTIONS.has(filter.action)) {
    throw new AuditError(AuditErrorCode.InvalidFilter, `unknown action "${String(filter.action)}"`);
  }
  return {
    tenant: filter.tenant,
    from: date(filter.from, 'from'),
    to: date(filter.to, 'to'),
    action: filter.action,
    subjectId: filter.subjectId || undefined,
  };
}

function date(value: Date | string | undefined, name: string): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const parsed = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(parsed.getTime())) {
    throw new AuditError(AuditErrorCode.InvalidFilter, `${name} must be an ISO-8601 date`);
  }
  return parsed;
}
