import request from 'supertest';
import { Client } from 'pg';
import { auditEventHash, AUDIT_CSV_COLUMNS, type AuditEvent } from '@idv/audit';
import { record, startApi, type ApiHarness } from '../support/api.harness';

/** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks; records end with CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += c;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

/** Collects a streamed body as text (supertest would otherwise treat an unknown content type as binary). */
function asText(res: request.Response, done: (err: Error | null, body: unknown) => void): void {
  let text = '';
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (d: Buffer) => (text += d.toString('utf8')));
  stream.on('end', () => done(null, text));
}

/** What a compliance officer does with the service alone: list, filter, page, export and verify the trail. */
describe('audit endpoints (GET /v1/audit-events, /export, /verify)', () => {
  let api: ApiHarness;
  let sql: Client;
  let applicantIds: string[];
  let mainTenant: string;

  beforeAll(async () => {
    api = await startApi('audit_http', { IDV_RATE_LIMIT_PER_MINUTE: '10000', IDV_MAX_CORRECTIONS: '100' });
    sql = new Client({ connectionString: api.databaseUrl });
    await sql.connect();
    applicantIds = [];
    for (let i = 0; i < 3; i++) {
      const res = await request(api.url)
        .post('/v1/applicants')
        .set(api.auth('client'))
        .send(record())
        .expect(201);
      applicantIds.push(res.body.id);
    }
    await request(api.url)
      .patch(`/v1/applicants/${applicantIds[0]}`)
      .set(api.auth('client'))
      .send({ email: 'other@example.com' })
      .expect(200);
    await request(api.url).post('/v1/applicants').set(api.auth('otherClient')).send(record()).expect(201);
    const [{ tenant_id }] = (
      await sql.query(`SELECT tenant_id FROM applicants WHERE id = $1`, [applicantIds[0]])
    ).rows;
    mainTenant = tenant_id;
  }, 60_000);

  afterAll(async () => {
    await sql?.end();
    await api?.close();
  });

  const chainInDb = async (tenant: string) =>
    (await sql.query(`SELECT id, action FROM audit_events WHERE tenant_id = $1 ORDER BY seq`, [tenant])).rows;

  async function all(query: Record<string, string> = {}, key: 'auditor' | 'admin' = 'auditor') {
    const items: AuditEvent[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await request(api.url)
        .get('/v1/audit-events')
        .query({ ...query, limit: '2', ...(cursor ? { cursor } : {}) })
        .set(api.auth(key))
        .expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return items;
  }

  it("pages through exactly the caller's tenant chain, oldest first, every hash recomputable", async () => {
    const items = await all();
    const expected = await chainInDb(mainTenant);
    expect(items.map((e) => e.id)).toEqual(expected.map((r) => r.id));
    expect(items.map((e) => e.seq)).toEqual(items.map((_, i) => i + 1));
    for (const e of items) {
      expect(e.tenant).toBe(mainTenant);
      const { hash, ...rest } = e;
      expect(auditEventHash(rest)).toBe(hash);
    }
    expect(items.filter((e) => e.action === 'applicant.created')).toHaveLength(3);
    // An admin reads the same chain; the other tenant's auditor never sees a single event of it.
    expect((await all({}, 'admin')).map((e) => e.id)).toEqual(items.map((e) => e.id));
    const other = await request(api.url).get('/v1/audit-events').set(api.auth('otherAuditor')).expect(200);
    expect(other.body.items.length).toBeGreaterThan(0);
    expect(other.body.items.every((e: AuditEvent) => e.tenant !== mainTenant)).toBe(true);
    const ids = new Set(items.map((e) => e.id));
    expect(other.body.items.some((e: AuditEvent) => ids.has(e.id))).toBe(false);
  });

  it('filters by action, subject and time window', async () => {
    const corrected = await all({ action: 'applicant.corrected' });
    expect(corrected.map((e) => e.subject.id)).toEqual([applicantIds[0]]);
    expect(corrected[0].data).toMatchObject({ fields: ['email'] });

    const about = await all({ subjectId: applicantIds[0] });
    expect(about.map((e) => e.action)).toEqual(['applicant.created', 'applicant.corrected']);

    const everything = await all();
    const pivot = everything[Math.floor(everything.length / 2)].at;
    const before = await all({ to: pivot });
    const after = await all({ from: pivot });
    expect(before.every((e) => e.at < pivot)).toBe(true);
    expect(after.every((e) => e.at >= pivot)).toBe(true);
    expect(before.length + after.length).toBe(everything.length);
    const future = await request(api.url)
      .get('/v1/audit-events')
      .query({ from: '2999-01-01T00:00:00Z' })
      .set(api.auth('auditor'))
      .expect(200);
    expect(future.body).toEqual({ items: [], nextCursor: null });
  });

  it.each([
    [{ action: 'applicant.exploded' }, 'action'],
    [{ from: 'yesterday' }, 'from'],
    [{ limit: '0' }, 'limit'],
    [{ limit: '1001' }, 'limit'],
    [{ tenant: 'someone-else' }, 'tenant'],
  ])('refuses %j with 400 and details naming %s', async (query, field) => {
    const res = await request(api.url)
      .get('/v1/audit-events')
      .query(query)
      .set(api.auth('auditor'))
      .expect(400);
    expect(res.body.error).toBe('validation_failed');
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
    expect(res.body.details[0].hint).toHaveProperty('zh-CN');
  });

  it('refuses a forged cursor with 400 invalid_cursor', async () => {
    const res = await request(api.url)
      .get('/v1/audit-events')
      .query({ cursor: 'not-ours' })
      .set(api.auth('auditor'))
      .expect(400);
    expect(res.body.error).toBe('invalid_cursor');
  });

  it('exports NDJSON as a streamed attachment that parses back to the same events', async () => {
    const res = await request(api.url)
      .get('/v1/audit-events/export')
      .query({ format: 'ndjson' })
      .set(api.auth('auditor'))
      .buffer(true)
      .parse(asText)
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit-events\.ndjson"/);
    expect(res.headers['transfer-encoding']).toBe('chunked');
    const lines = (res.body as string).split('\n');
    expect(lines.pop()).toBe('');
    const events = lines.map((l) => JSON.parse(l) as AuditEvent);
    expect(events).toEqual(await all());
  });

  it('exports CSV (RFC 4180 quoting) with the same events, filters applied', async () => {
    const res = await request(api.url)
      .get('/v1/audit-events/export')
      .query({ format: 'csv', action: 'applicant.created' })
      .set(api.auth('auditor'))
      .buffer(true)
      .parse(asText)
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit-events\.csv"/);
    const [header, ...rows] = parseCsv(res.body as string);
    expect(header).toEqual([...AUDIT_CSV_COLUMNS]);
    const expected = await all({ action: 'applicant.created' });
    expect(rows.map((r) => r[0])).toEqual(expected.map((e) => e.id));
    for (const [i, r] of rows.entries()) {
      const e = expected[i];
      const byName = Object.fromEntries(header.map((h, j) => [h, r[j]]));
      expect(byName).toMatchObject({ seq: String(e.seq), at: e.at, tenant: mainTenant, hash: e.hash });
      expect(JSON.parse(byName.data)).toEqual(e.data);
    }
  });

  it('refuses an unknown export format with 400', async () => {
    const res = await request(api.url)
      .get('/v1/audit-events/export')
      .query({ format: 'xml' })
      .set(api.auth('auditor'))
      .expect(400);
    expect(res.body.details[0].field).toBe('format');
  });

  it('verifies the chain, then names the edited event once a superuser has tampered with it', async () => {
    const before = await request(api.url).get('/v1/audit-events/verify').set(api.auth('auditor')).expect(200);
    const chain = await chainInDb(mainTenant);
    expect(before.body).toEqual({ valid: true, checked: chain.length, firstInvalidId: null });

    const victim = chain.find((r) => r.action === 'applicant.corrected')!;
    await sql.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete');
    try {
      await sql.query(
        `UPDATE audit_events SET data = '{"fields":["surname"],"corrections":1}' WHERE id = $1`,
        [victim.id],
      );
    } finally {
      await sql.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete');
    }
    const after = await request(api.url).get('/v1/audit-events/verify').set(api.auth('auditor')).expect(200);
    expect(after.body).toEqual({
      valid: false,
      checked: chain.findIndex((r) => r.id === victim.id) + 1,
      firstInvalidId: victim.id,
      problem: 'hash_mismatch',
    });
    // The other tenant's chain is untouched, and its auditor is told so.
    const other = await request(api.url)
      .get('/v1/audit-events/verify')
      .set(api.auth('otherAuditor'))
      .expect(200);
    expect(other.body.valid).toBe(true);
  });
});
