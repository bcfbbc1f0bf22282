import request from 'supertest';
import { Client } from 'pg';
import { createServer, type Server } from 'node:http';
import { DEFAULT_TODAY, generateCase, type GeneratedCase } from '@idv/synthetic';
import { verifyWebhookSignature } from '@idv/webhooks';
import { startApi, startWorker, verdictOf, type ApiHarness } from '../support/api.harness';

/**
 * The wallet backend's journey against the real API and worker: register the applicant, upload generated
 * documents, read the verdict. The clock is pinned to the generator's "today" so expiry is deterministic.
 */
describe('verifications end to end (API → outbox → queue → worker → verdict)', () => {
  let api: ApiHarness;
  let worker: { close(): Promise<void> };
  let db: Client;

  beforeAll(async () => {
    api = await startApi('verdicts', {
      IDV_NOW: `${DEFAULT_TODAY}T12:00:00Z`,
      IDV_MAX_FAILED_ATTEMPTS: '3',
      IDV_WEBHOOK_ALLOW_PRIVATE: '1', // the webhook receiver listens on loopback
    });
    worker = await startWorker();
    db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
  }, 120_000);
  afterAll(async () => {
    await db.end();
    await worker.close();
    await api.close();
  });

  async function register(record: Record<string, unknown>): Promise<string> {
    const res = await request(api.url)
      .post('/v1/applicants')
      .set(api.auth('client'))
      .send(record)
      .expect(201);
    return res.body.id;
  }

  async function verify(applicantId: string, c: GeneratedCase) {
    const req = request(api.url)
      .post('/v1/verifications')
      .set(api.auth('client'))
      .field('applicantId', applicantId);
    req.attach('front', c.images.front, 'front.png');
    if (c.images.back) req.attach('back', c.images.back, 'back.png');
    const res = await req.expect(202);
    return verdictOf(api, res.body.id);
  }

  const codes = (v: Record<string, unknown>) =>
    (v.reasons as Array<{ code: string; field: string | null }>).map((r) => r.code);

  it('accepts a clean document whose fields match the record', async () => {
    const c = await generateCase(101, { scenario: 'clean', documentType: 'passport' });
    const v = await verify(await register({ ...c.case.record, externalId: 'clean-1' }), c);
    expect(v).toMatchObject({ status: 'completed', verdict: 'accepted', reasons: [] });
    expect(v.document).toMatchObject({
      documentNumber: c.case.groundTruth.documentNumber,
      format: 'TD3',
    });
    expect((v.checks as { mrz: { valid: boolean } }).mrz.valid).toBe(true);
    const audit = await db.query(`SELECT action FROM audit_events WHERE subject_id = $1 ORDER BY seq`, [
      v.id,
    ]);
    expect(audit.rows.map((r) => r.action)).toEqual([
      'verification.created',
      'verification.started',
      'verification.completed',
    ]);
  });

  it('tells the wallet by a signed webhook when the verdict is ready', async () => {
    const received: Array<{ headers: Record<string, unknown>; body: string }> = [];
    const server: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as { port: number };
      const hook = await request(api.url)
        .post('/v1/webhooks')
        .set(api.auth('client'))
        .send({ url: `http://127.0.0.1:${port}/idv`, events: ['verification.completed'] })
        .expect(201);
      const c = await generateCase(707, { scenario: 'clean', documentType: 'passport' });
      const v = await verify(await register({ ...c.case.record, externalId: 'hook-1' }), c);
      const deadline = Date.now() + 15_000;
      while (!received.some((r) => r.body.includes(String(v.id))) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      const delivery = received.find((r) => r.body.includes(String(v.id)));
      expect(delivery).toBeDefined();
      const check = verifyWebhookSignature(
        hook.body.secret,
        String(delivery!.headers['idv-signature']),
        delivery!.body,
      );
      expect(check.valid).toBe(true);
      expect(JSON.parse(delivery!.body)).toMatchObject({
        id: expect.any(String),
        type: 'verification.completed',
        data: { verificationId: v.id, verdict: v.verdict },
      });
      expect(delivery!.body).not.toContain(c.case.record.surname);
    } finally {
      server.close();
    }
  });

  it('says which field differs when the record does not match', async () => {
    const c = await generateCase(202, { scenario: 'clean', documentType: 'id_card' });
    const v = await verify(
      await register({ ...c.case.record, externalId: 'mm-1', dateOfBirth: '1990-01-01' }),
      c,
    );
    expect(v.verdict).toBe('mismatch');
    expect(v.reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'FIELD_MISMATCH',
          field: 'dateOfBirth',
          hint: { en: expect.any(String), 'zh-CN': expect.any(String) },
        }),
      ]),
    );
  });

  it('compares a record registered with the whole name only, as the worker reads it from the database', async () => {
    const whole = async (seed: number, externalId: string, fullName?: string) => {
      const c = await generateCase(seed, { scenario: 'clean', documentType: 'passport' });
      const { surname, givenNames, ...rest } = c.case.record as unknown as Record<string, string>;
      const name = fullName ?? `${givenNames} ${surname}`;
      return verify(await register({ ...rest, externalId, fullName: name, documentType: 'passport' }), c);
    };
    const accepted = await whole(808, 'whole-1');
    expect(accepted).toMatchObject({ verdict: 'accepted', checks: { comparison: { fullName: 'match' } } });
    // Another document (the same one for another applicant would be a duplicate).
    const other = await whole(809, 'whole-2', 'Zhang Wei');
    expect(other.verdict).toBe('mismatch');
    expect(other.reasons).toEqual([expect.objectContaining({ code: 'FIELD_MISMATCH', field: 'fullName' })]);
  });

  it('calls a heavily blurred photo unreadable with what to change', async () => {
    const c = await generateCase(303, { scenario: 'severe' });
    const v = await verify(await register({ ...c.case.record, externalId: 'blur-1' }), c);
    expect(v.verdict).toBe('unreadable');
    expect(codes(v).length).toBeGreaterThan(0);
  });

  it('calls an expired document expired', async () => {
    const c = await generateCase(404, { scenario: 'expired' });
    const v = await verify(await register({ ...c.case.record, externalId: 'exp-1' }), c);
    expect(v.verdict).toBe('expired');
    expect(codes(v)).toContain('DOCUMENT_EXPIRED');
  });

  it('rejects the same document verified for another applicant of the tenant', async () => {
    const c = await generateCase(505, { scenario: 'clean', documentType: 'passport' });
    const first = await verify(await register({ ...c.case.record, externalId: 'dup-a' }), c);
    expect(first.verdict).toBe('accepted');
    const second = await verify(await register({ ...c.case.record, externalId: 'dup-b' }), c);
    expect(second.verdict).toBe('rejected');
    expect(codes(second)).toContain('DUPLICATE_DOCUMENT');
  });

  it('restricts after repeated failures, then answers restricted with when to retry', async () => {
    const c = await generateCase(606, { scenario: 'clean', documentType: 'passport' });
    const id = await register({ ...c.case.record, externalId: 'att-1', surname: 'SOMEONE' });
    for (let i = 0; i < 3; i++) expect((await verify(id, c)).verdict).toBe('mismatch');
    const applicant = await request(api.url).get(`/v1/applicants/${id}`).set(api.auth('client')).expect(200);
    expect(applicant.body).toMatchObject({ status: 'restricted', reason: 'TOO_MANY_ATTEMPTS' });
    const v = await verify(id, c);
    expect(v.verdict).toBe('restricted');
    expect(codes(v)).toContain('TOO_MANY_ATTEMPTS');
  });
});
