/**
 * Audit trail at scale: bulk-loads a correctly chained trail of N events (default 1,000,000; AUDIT_BENCH_EVENTS)
 * into a throwaway database, then measures record() appends, verifyChain, and NDJSON/CSV exports to /dev/null,
 * sampling the process RSS every 50 ms. Constant memory is the point: peak RSS must not grow with N.
 * Run: node -r @swc-node/register -r tsconfig-paths/register bench/audit.bench.ts  → bench/results/audit.json
 * (add --max-old-space-size=96 to prove the point: the whole run fits a 96 MB V8 heap).
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { pipeline } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@idv/persistence';
import { createTestDatabase } from '@idv/testing';
import {
  AUDIT_ACTIONS,
  auditEventHash,
  createAuditTrail,
  GENESIS_HASH,
  type AuditEvent,
  type AuditTrail,
} from '@idv/audit';

const EVENTS = Number(process.env.AUDIT_BENCH_EVENTS ?? 1_000_000);
const BATCH = 5_000;
const APPENDS = 2_000;
const MB = 1024 * 1024;

/** Peak RSS and V8 heap over a phase, sampled every 50 ms (plus at the end). */
async function measured<T>(
  name: string,
  events: number,
  fn: () => Promise<T>,
): Promise<{ result: T; figures: Record<string, number | string> }> {
  global.gc?.();
  const start = process.memoryUsage();
  let peak = start.rss;
  let heapPeak = start.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    heapPeak = Math.max(heapPeak, m.heapUsed);
  };
  const timer = setInterval(sample, 50);
  const started = process.hrtime.bigint();
  const result = await fn();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(timer);
  sample();
  const figures = {
    phase: name,
    events,
    seconds: round(seconds),
    eventsPerSecond: Math.round(events / seconds),
    rssStartMB: round(start.rss / MB),
    rssPeakMB: round(peak / MB),
    heapUsedPeakMB: round(heapPeak / MB),
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  return { result, figures };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Builds and inserts the chain batch by batch (hashes computed in Node, rows sent as arrays to unnest). */
async function bulkLoad(ds: DataSource, tenant: string, total: number): Promise<void> {
  const base = Date.UTC(2026, 0, 1);
  let prev = GENESIS_HASH;
  for (let first = 1; first <= total; first += BATCH) {
    const rows: AuditEvent[] = [];
    for (let seq = first; seq < Math.min(first + BATCH, total + 1); seq++) {
      const draft = {
        id: randomUUID(),
        seq,
        at: new Date(base + seq * 10).toISOString(),
        actor: { type: seq % 7 ? ('client' as const) : ('reviewer' as const), id: `key-${seq % 13}` },
        tenant,
        action: AUDIT_ACTIONS[seq % AUDIT_ACTIONS.length],
        subject: { type: 'verification', id: `v-${Math.floor(seq / 3)}` },
        reasonCodes: seq % 5 ? [] : ['DOC_EXPIRED', 'MRZ_CHECK'],
        data: { index: seq, status: seq % 2 ? 'approved' : 'review', note: 'a "quoted", comma' },
        prevHash: prev,
      };
      const event = { ...draft, hash: auditEventHash(draft) };
      prev = event.hash;
      rows.push(event);
    }
    await ds.query(
      `INSERT INTO audit_events (id, seq, at, tenant_id, actor_type, actor_id, action, subject_type, subject_id,
         reason_codes, data, prev_hash, hash)
       SELECT id, seq, at, tenant_id, actor_type, actor_id, action, subject_type, subject_id,
         reason_codes::text[], data::jsonb, prev_hash, hash
       FROM unnest($1::uuid[], $2::bigint[], $3::timestamptz[], $4::uuid[], $5::text[], $6::text[], $7::text[],
         $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])
         AS t(id, seq, at, tenant_id, actor_type, actor_id, action, subject_type, subject_id, reason_codes, data,
           prev_hash, hash)`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.seq),
        rows.map((r) => r.at),
        rows.map((r) => r.tenant),
        rows.map((r) => r.actor.type),
        rows.map((r) => r.actor.id),
        rows.map((r) => r.action),
        rows.map((r) => r.subject.type),
        rows.map((r) => r.subject.id),
        rows.map((r) => `{${r.reasonCodes.join(',')}}`),
        rows.map((r) => JSON.stringify(r.data)),
        rows.map((r) => r.prevHash),
        rows.map((r) => r.hash),
      ],
    );
  }
  await ds.query(
    `INSERT INTO audit_chain_heads (chain_key, tenant_id, last_seq, last_hash) VALUES ($1::text, $1::uuid, $2, $3)`,
    [tenant, total, prev],
  );
}

async function exportTo(trail: AuditTrail, tenant: string, format: 'ndjson' | 'csv'): Promise<number> {
  let bytes = 0;
  const stream = trail.exportEvents({ tenant }, format);
  stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
  await pipeline(stream, createWriteStream('/dev/null'));
  return bytes;
}

async function main(): Promise<void> {
  const db = await createTestDatabase('audit_bench');
  const ds = await new DataSource(dataSourceOptions(db.url)).initialize();
  const results: Record<string, unknown>[] = [];
  try {
    const trail = createAuditTrail(ds, { salt: 'bench' });
    const tenant = randomUUID();
    results.push(
      (await measured('bulk load (hash in Node, unnest insert)', EVENTS, () => bulkLoad(ds, tenant, EVENTS)))
        .figures,
    );
    await ds.query('ANALYZE audit_events');

    const appendTenant = randomUUID();
    const appended = await measured('record() sequential appends', APPENDS, async () => {
      for (let i = 0; i < APPENDS; i++) {
        await trail.record({
          tenant: appendTenant,
          actor: { type: 'system', id: 'bench' },
          action: 'verification.completed',
          subject: { type: 'verification', id: `v-${i}` },
          data: { verdict: 'approved' },
        });
      }
    });
    results.push(appended.figures);
    const parallel = await measured('record() 10 parallel writers, one tenant', APPENDS, () =>
      Promise.all(
        Array.from({ length: 10 }, async (_, w) => {
          for (let i = 0; i < APPENDS / 10; i++) {
            await trail.record({
              tenant: appendTenant,
              actor: { type: 'system', id: `bench-${w}` },
              action: 'verification.completed',
              subject: { type: 'verification', id: `p-${w}-${i}` },
            });
          }
        }),
      ),
    );
    results.push(parallel.figures);
    const appendCheck = await trail.verifyChain(appendTenant);
    if (!appendCheck.valid || appendCheck.checked !== 2 * APPENDS)
      throw new Error(`append chain broken: ${JSON.stringify(appendCheck)}`);

    const verified = await measured('verifyChain', EVENTS, () => trail.verifyChain(tenant));
    if (!verified.result.valid || verified.result.checked !== EVENTS) {
      throw new Error(`bulk chain did not verify: ${JSON.stringify(verified.result)}`);
    }
    results.push({ ...verified.figures, valid: verified.result.valid });
    for (const format of ['ndjson', 'csv'] as const) {
      const exported = await measured(`export ${format} to /dev/null`, EVENTS, () =>
        exportTo(trail, tenant, format),
      );
      results.push({ ...exported.figures, megabytes: round(exported.result / MB) });
    }
  } finally {
    await ds.destroy();
    await db.drop();
  }
  const report = {
    benchmark: 'audit',
    events: EVENTS,
    node: process.version,
    cpus: (await import('node:os')).cpus().length,
    // Run with --max-old-space-size=96 to show that nothing grows with the number of events.
    heapLimitMB: round(getHeapStatistics().heap_size_limit / MB),
    measuredAt: new Date().toISOString(),
    phases: results,
  };
  const dir = resolve(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(resolve(dir, 'audit.json'), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`wrote ${resolve(dir, 'audit.json')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
