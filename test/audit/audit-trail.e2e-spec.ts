import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@idv/persistence';
import { createTestDatabase, REPO_ROOT } from '@idv/testing';
import {
  AUDIT_CSV_COLUMNS,
  AuditError,
  AuditErrorCode,
  auditEventHash,
  createAuditTrail,
  GENESIS_HASH,
  type AuditEvent,
  type AuditRecordInput,
  type AuditTrail,
} from '@idv/audit';

/** Medium tier: the real AuditTrail against a real PostgreSQL database of this file's own. */
describe('AuditTrail (PostgreSQL)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  let sql: Client;
  let trail: AuditTrail;

  beforeAll(async () => {
    db = await createTestDatabase('audit');
    ds = await new DataSource(dataSourceOptions(db.url)).initialize();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    // Tiny batches, so verification and exports cross many batch boundaries even on a few events.
    trail = createAuditTrail(ds, { salt: 'test-salt', batchSize: 4 });
  });

  afterAll(async () => {
    await sql?.end();
    await ds?.destroy();
    await db?.drop();
  });

  const event = (
    tenant: string | null,
    i: number,
    extra: Partial<AuditRecordInput> = {},
  ): AuditRecordInput => ({
    tenant,
    actor: { type: 'client', id: `key-${i % 3}` },
    action: i % 2 ? 'verification.created' : 'applicant.created',
    subject: { type: i % 2 ? 'verification' : 'applicant', id: `subject-${i}` },
    reasonCodes: i % 4 ? [] : ['R_FIRST'],
    data: { index: i, status: 'pending' },
    ...extra,
  });

  async function recordMany(tenant: string | null, n: number): Promise<AuditEvent[]> {
    const out: AuditEvent[] = [];
    for (let i = 1; i <= n; i++) out.push(await trail.record(event(tenant, i)));
    return out;
  }

  async function readAll(stream: Readable): Promise<string> {
    let text = '';
    for await (const chunk of stream) text += chunk.toString();
    return text;
  }

  describe('append and query', () => {
    const tenant = randomUUID();
    const other = randomUUID();
    let written: AuditEvent[];

    beforeAll(async () => {
      written = await recordMany(tenant, 7);
      await recordMany(other, 2);
      await trail.record({
        tenant: null,
        actor: { type: 'admin', id: 'key-admin' },
        action: 'maintenance.toggled',
        subject: { type: 'platform', id: 'maintenance' },
        data: { enabled: true },
      });
    });

    it('returns the stored event, chained from the genesis hash with seq 1, 2, 3...', () => {
      expect(written[0]).toMatchObject({
        seq: 1,
        tenant,
        action: 'verification.created',
        actor: { type: 'client', id: 'key-1' },
        subject: { type: 'verification', id: 'subject-1' },
        prevHash: GENESIS_HASH,
        data: { index: 1, status: 'pending' },
      });
      expect(written[0].at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      written.forEach((e, i) => {
        expect(e.seq).toBe(i + 1);
        expect(e.hash).toBe(auditEventHash(e));
        if (i > 0) expect(e.prevHash).toBe(written[i - 1].hash);
      });
    });

    it('reads back exactly what was written, oldest first, only from the asked chain', async () => {
      const page = await trail.query({ tenant });
      expect(page.items).toEqual(written);
      expect(page.nextCursor).toBeNull();
      const platform = await trail.query({ tenant: null });
      expect(platform.items.map((e) => e.action)).toEqual(['maintenance.toggled']);
      expect((await trail.query({ tenant: other })).items).toHaveLength(2);
    });

    it('pages with an opaque cursor until the last page', async () => {
      const seen: AuditEvent[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await trail.query({ tenant, limit: 3, cursor });
        seen.push(...page.items);
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual(written);
      await expect(trail.query({ tenant, cursor: 'garbage' })).rejects.toMatchObject({
        code: AuditErrorCode.InvalidCursor,
      });
    });

    it('filters by action, subject and time window', async () => {
      const created = await trail.query({ tenant, action: 'verification.created' });
      expect(created.items.map((e) => e.seq)).toEqual([1, 3, 5, 7]);
      const subject = await trail.query({ tenant, subjectId: 'subject-4' });
      expect(subject.items.map((e) => e.id)).toEqual([written[3].id]);
      const window = await trail.query({
        tenant,
        from: written[2].at,
        to: new Date(Date.parse(written[2].at) + 1),
      });
      expect(window.items.map((e) => e.id)).toContain(written[2].id);
      expect(window.items.every((e) => e.at === written[2].at)).toBe(true);
      await expect(trail.query({ tenant, from: 'yesterday' })).rejects.toMatchObject({
        code: AuditErrorCode.InvalidFilter,
      });
    });

    it('verifies every chain', async () => {
      const all = await trail.verifyAllChains();
      expect(all).toEqual(
        expect.arrayContaining([
          { tenant: null, valid: true, checked: 1, firstInvalidId: null },
          { tenant, valid: true, checked: 7, firstInvalidId: null },
          { tenant: other, valid: true, checked: 2, firstInvalidId: null },
        ]),
      );
    });
  });

  describe('in the caller transaction', () => {
    it('commits with the state change and disappears with its rollback', async () => {
      const tenant = randomUUID();
      await expect(
        ds.transaction(async (tx) => {
          await trail.record(event(tenant, 1), tx);
          throw new Error('state change failed');
        }),
      ).rejects.toThrow('state change failed');
      expect((await trail.query({ tenant })).items).toEqual([]);

      const kept = await ds.transaction((tx) => trail.record(event(tenant, 2), tx));
      expect(kept.seq).toBe(1);
      expect((await trail.query({ tenant })).items).toEqual([kept]);
    });

    it('refuses a manager that is not inside a transaction', async () => {
      await expect(trail.record(event(randomUUID(), 1), ds.manager)).rejects.toThrow(/open transaction/);
    });
  });

  it('20 parallel writers on one tenant produce one chain with seq 1..N, no fork, no gap', async () => {
    const tenant = randomUUID();
    const writers = Array.from({ length: 20 }, async (_, w) => {
      for (let i = 0; i < 5; i++) await trail.record(event(tenant, w * 100 + i));
    });
    await Promise.all(writers);
    const { rows } = await sql.query(
      'SELECT seq::int AS seq, prev_hash, hash FROM audit_events WHERE tenant_id = $1 ORDER BY seq',
      [tenant],
    );
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.prev_hash)).size).toBe(100); // a fork would reuse a prev_hash
    rows.forEach((r, i) => expect(r.prev_hash).toBe(i ? rows[i - 1].hash : GENESIS_HASH));
    expect(await trail.verifyChain(tenant)).toEqual({ valid: true, checked: 100, firstInvalidId: null });
  });

  it('refuses raw personal data in data, and writes nothing', async () => {
    const tenant = randomUUID();
    for (const data of [
      { surname: 'MUSTERMANN' },
      { before: { dateOfBirth: '1964-08-12' } },
      { email: 'a@b.c' },
    ]) {
      await expect(trail.record(event(tenant, 1, { data }))).rejects.toMatchObject({
        name: 'AuditError',
        code: AuditErrorCode.PersonalData,
      });
    }
    const digest = trail.personalDataDigest('MUSTERMANN');
    const ok = await trail.record(event(tenant, 1, { data: { surnameDigest: digest } }));
    expect(ok.seq).toBe(1);
    expect(JSON.stringify(ok)).not.toContain('MUSTERMANN');
  });

  it('refuses malformed events with a typed error', async () => {
    const bad = [
      event(randomUUID(), 1, { action: 'applicant.exploded' as never }),
      event('not-a-uuid', 1),
      event(randomUUID(), 1, { subject: { type: 'applicant', id: '' } }),
      event(randomUUID(), 1, { data: { n: NaN } }),
    ];
    for (const input of bad) {
      await expect(trail.record(input)).rejects.toBeInstanceOf(AuditError);
    }
  });

  describe('append-only trigger', () => {
    const tenant = randomUUID();
    beforeAll(() => recordMany(tenant, 2));

    it.each([
      ['UPDATE', `UPDATE audit_events SET data = '{"x":1}' WHERE tenant_id = $1`],
      ['DELETE', 'DELETE FROM audit_events WHERE tenant_id = $1'],
    ])('refuses %s with a clear error', async (op, statement) => {
      await expect(sql.query(statement, [tenant])).rejects.toThrow(`audit_events is append-only: ${op}`);
    });

    it('refuses TRUNCATE', async () => {
      await expect(sql.query('TRUNCATE audit_events')).rejects.toThrow(
        'audit_events is append-only: TRUNCATE',
      );
      expect(await trail.verifyChain(tenant)).toMatchObject({ valid: true, checked: 2 });
    });
  });

  describe('tampering by a superuser who disabled the trigger', () => {
    beforeAll(() => sql.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete'));
    afterAll(() => sql.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete'));

    it('detects an edited row at that row', async () => {
      const tenant = randomUUID();
      const events = await recordMany(tenant, 6);
      await sql.query(`UPDATE audit_events SET data = '{"index":3,"status":"approved"}' WHERE id = $1`, [
        events[2].id,
      ]);
      expect(await trail.verifyChain(tenant)).toEqual({
        valid: false,
        checked: 3,
        firstInvalidId: events[2].id,
        problem: 'hash_mismatch',
      });
    });

    it('detects a deleted row at the row after it', async () => {
      const tenant = randomUUID();
      const events = await recordMany(tenant, 6);
      await sql.query('DELETE FROM audit_events WHERE id = $1', [events[2].id]);
      expect(await trail.verifyChain(tenant)).toMatchObject({
        valid: false,
        checked: 3,
        firstInvalidId: events[3].id,
      });
    });

    it('detects two rows whose seq were swapped, at the first displaced row', async () => {
      const tenant = randomUUID();
      const events = await recordMany(tenant, 6);
      const swap = async (id: string, seq: number) =>
        sql.query('UPDATE audit_events SET seq = $2 WHERE id = $1', [id, seq]);
      await swap(events[1].id, 1_000_000);
      await swap(events[4].id, 2);
      await swap(events[1].id, 5);
      expect(await trail.verifyChain(tenant)).toMatchObject({
        valid: false,
        checked: 2,
        firstInvalidId: events[4].id,
      });
    });

    it('detects rows removed from the end against the chain head', async () => {
      const tenant = randomUUID();
      const events = await recordMany(tenant, 4);
      await sql.query('DELETE FROM audit_events WHERE id = $1', [events[3].id]);
      expect(await trail.verifyChain(tenant)).toEqual({
        valid: false,
        checked: 3,
        firstInvalidId: null,
        problem: 'head_mismatch',
      });
    });
  });

  describe('export', () => {
    const tenant = randomUUID();
    let written: AuditEvent[];

    beforeAll(async () => {
      written = await recordMany(tenant, 5);
      written.push(
        await trail.record(
          event(tenant, 6, {
            actor: { type: 'reviewer', id: 'rev, "quoted"' },
            reasonCodes: ['A,B', 'C"D'],
            data: { note: 'line one\nline two, "quoted"', nested: { list: [1, 'x'] } },
          }),
        ),
      );
    });

    it('streams NDJSON that parses back to the same events', async () => {
      const text = await readAll(trail.exportEvents({ tenant }, 'ndjson'));
      const lines = text.split('\n');
      expect(lines.pop()).toBe('');
      expect(lines.map((l) => JSON.parse(l))).toEqual(written);
    });

    it('streams CSV with a header row that parses back to the same events and hashes', async () => {
      const rows = parseCsv(await readAll(trail.exportEvents({ tenant }, 'csv')));
      expect(rows[0]).toEqual([...AUDIT_CSV_COLUMNS]);
      const events = rows.slice(1).map((r) => fromCsv(Object.fromEntries(r.map((v, i) => [rows[0][i], v]))));
      expect(events).toEqual(written);
      for (const e of events) expect(auditEventHash(e)).toBe(e.hash);
    });

    it('verifies with the standalone script of docs/audit.md, which also catches an edited line', async () => {
      const doc = readFileSync(resolve(REPO_ROOT, 'docs', 'audit.md'), 'utf8');
      const script = /```js\n([\s\S]*?)```/.exec(doc)![1];
      const ndjson = await readAll(trail.exportEvents({ tenant }, 'ndjson'));
      const run = (input: string) => spawnSync(process.execPath, ['-e', script], { input, encoding: 'utf8' });
      const ok = run(ndjson);
      expect(ok.status).toBe(0);
      expect(JSON.parse(ok.stdout)).toEqual({ valid: true, checked: 6, lastHash: written[5].hash });
      const edited = ndjson.replace('"index":4', '"index":40');
      const bad = run(edited);
      expect(bad.status).toBe(1);
      expect(JSON.parse(bad.stdout)).toEqual({ valid: false, checked: 4, firstInvalidId: written[3].id });
    });

    it('applies the filter and writes only the header for an empty result', async () => {
      const only = await readAll(trail.exportEvents({ tenant, subjectId: 'subject-2' }, 'ndjson'));
      expect(
        only
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l).id),
      ).toEqual([written[1].id]);
      const empty = parseCsv(await readAll(trail.exportEvents({ tenant: randomUUID() }, 'csv')));
      expect(empty).toEqual([[...AUDIT_CSV_COLUMNS]]);
    });
  });
});

/** A small RFC 4180 reader, written independently of the exporter. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

function fromCsv(r: Record<string, string>): AuditEvent {
  return {
    id: r.id,
    seq: Number(r.seq),
    at: r.at,
    actor: { type: r.actor_type as AuditEvent['actor']['type'], id: r.actor_id },
    tenant: r.tenant || null,
    action: r.action as AuditEvent['action'],
    subject: { type: r.subject_type, id: r.subject_id },
    reasonCodes: JSON.parse(r.reason_codes),
    data: JSON.parse(r.data),
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
