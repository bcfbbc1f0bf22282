import request from 'supertest';
import { Client } from 'pg';
import { DEFAULT_TODAY, generateCase, type GeneratedCase } from '@idv/synthetic';
import { startApi, startWorker, verdictOf, type ApiHarness } from '../support/api.harness';

/**
 * The right to erasure, end to end: a verified applicant is erased by an admin; their record, images and the
 * document data read from them are gone, while verdicts, reason codes and the audit trail remain and still verify.
 */
const CONTACT = ['+46701234567', 'erase.me@example.com'];

describe('DELETE /v1/applicants/:id (erasure)', () => {
  let api: ApiHarness;
  let sql: Client;
  let c: GeneratedCase;
  let applicantId: string;
  let doneId: string;
  let queuedId: string;
  let before: Record<string, unknown>;
  let erased: request.Response;

  const personal = () => {
    const r = c.case.record;
    return [r.surname, r.givenNames, r.dateOfBirth, r.documentNumber, ...CONTACT, 'erase-me'].filter(
      (v): v is string => typeof v === 'string' && v.length > 2,
    );
  };

  beforeAll(async () => {
    api = await startApi('erasure', { IDV_NOW: `${DEFAULT_TODAY}T12:00:00Z` });
    sql = new Client({ connectionString: api.databaseUrl });
    await sql.connect();
    c = await generateCase(303, { scenario: 'clean', documentType: 'passport' });
    const reg = await request(api.url)
      .post('/v1/applicants')
      .set(api.auth('client'))
      .send({
        ...c.case.record,
        externalId: 'erase-me',
        phone: CONTACT[0],
        email: CONTACT[1],
      })
      .expect(201);
    applicantId = reg.body.id;
    const upload = () =>
      request(api.url)
        .post('/v1/verifications')
        .set(api.auth('client'))
        .field('applicantId', applicantId)
        .attach('front', c.images.front, 'front.png')
        .expect(202);
    const worker = await startWorker();
    try {
      doneId = (await upload()).body.id;
      before = await verdictOf(api, doneId);
    } finally {
      await worker.close();
    }
    // Uploaded while no worker runs: still queued when the erasure comes.
    queuedId = (await upload()).body.id;
    erased = await request(api.url).delete(`/v1/applicants/${applicantId}`).set(api.auth('admin'));
  }, 120_000);

  afterAll(async () => {
    await sql?.end();
    await api?.close();
  });

  it('answers the erased shell, and GET shows the same shell afterwards', async () => {
    expect(before).toMatchObject({ status: 'completed', verdict: 'accepted' });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ id: applicantId, status: 'erased', erasedAt: expect.any(String) });
    for (const field of ['surname', 'givenNames', 'dateOfBirth', 'nationality', 'sex', 'documentNumber'])
      expect(erased.body[field] ?? null).toBeNull();
    expect([erased.body.phone, erased.body.email]).toEqual([null, null]);
    const got = await request(api.url)
      .get(`/v1/applicants/${applicantId}`)
      .set(api.auth('client'))
      .expect(200);
    expect(got.body).toEqual(erased.body);
  });

  it('leaves no personal value anywhere in the applicant or verification rows', async () => {
    const rows = await sql.query(
      `SELECT row_to_json(a)::text AS t FROM applicants a WHERE id = $1
       UNION ALL SELECT row_to_json(v)::text FROM verifications v WHERE applicant_id = $1`,
      [applicantId],
    );
    expect(rows.rows).toHaveLength(3);
    const text = rows.rows.map((r) => r.t).join('\n');
    for (const value of personal()) expect(text).not.toContain(value);
    const mrzLines = ((before.checks as { mrz: { lines: string[] } }).mrz.lines ?? []).filter(Boolean);
    expect(mrzLines.length).toBeGreaterThan(0);
    for (const line of mrzLines) expect(text).not.toContain(line);
  });

  it('keeps the verdict, reasons and non-personal checks; the document keeps only its kind', async () => {
    const after = await request(api.url)
      .get(`/v1/verifications/${doneId}`)
      .set(api.auth('client'))
      .expect(200);
    expect(after.body).toMatchObject({
      status: 'completed',
      verdict: before.verdict,
      reasons: before.reasons,
      completedAt: before.completedAt,
      document: {
        type: (before.document as { type: string }).type,
        format: 'TD3',
        issuingCountry: (before.document as { issuingCountry: string }).issuingCountry,
        surname: null,
        givenNames: null,
        documentNumber: null,
        dateOfBirth: null,
        expiryDate: null,
      },
      checks: {
        quality: (before.checks as { quality: unknown }).quality,
        comparison: (before.checks as { comparison: unknown }).comparison,
        mrz: { found: true, valid: true, lines: [] },
      },
    });
    const [{ document_key }] = (
      await sql.query(`SELECT document_key FROM verifications WHERE id = $1`, [doneId])
    ).rows;
    expect(document_key).toBeNull();
  });

  it('purges the images (metadata kept) and the reviewer image endpoint finds nothing', async () => {
    const images = await sql.query(
      `SELECT ciphertext, purged_at, bytes, width FROM verification_images
        WHERE verification_id = ANY($1) ORDER BY verification_id`,
      [[doneId, queuedId]],
    );
    expect(images.rows).toHaveLength(2);
    for (const row of images.rows) {
      expect(row.ciphertext).toBeNull();
      expect(row.purged_at).toBeInstanceOf(Date);
      expect(row.bytes).toBeGreaterThan(0);
      expect(row.width).toBeGreaterThan(0);
    }
    await request(api.url)
      .get(`/v1/verifications/${doneId}/images/front`)
      .set(api.auth('reviewer'))
      .expect(404);
  });

  it('closes the verification still queued as failed, so it is never analysed', async () => {
    const queued = await request(api.url)
      .get(`/v1/verifications/${queuedId}`)
      .set(api.auth('client'))
      .expect(200);
    expect(queued.body.status).toBe('failed');
  });

  it('is audited once, keeps the earlier trail, and the chain still verifies', async () => {
    const events = await request(api.url)
      .get('/v1/audit-events')
      .query({ subjectId: applicantId })
      .set(api.auth('auditor'))
      .expect(200);
    expect(events.body.items.map((e: { action: string }) => e.action)).toEqual([
      'applicant.created',
      'applicant.erased',
    ]);
    expect(events.body.items[1]).toMatchObject({
      actor: { type: 'admin' },
      data: { images: 2, verifications: 1, unfinished: 1 },
    });
    const trail = await request(api.url)
      .get('/v1/audit-events')
      .query({ subjectId: doneId })
      .set(api.auth('auditor'));
    expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual([
      'verification.created',
      'verification.started',
      'verification.completed',
    ]);
    const closed = await request(api.url)
      .get('/v1/audit-events')
      .query({ subjectId: queuedId })
      .set(api.auth('auditor'));
    expect(closed.body.items.at(-1)).toMatchObject({
      action: 'verification.completed',
      data: { status: 'failed', error: 'applicant_erased' },
    });
    const verify = await request(api.url).get('/v1/audit-events/verify').set(api.auth('auditor')).expect(200);
    expect(verify.body.valid).toBe(true);
  });

  it('is idempotent, admin only, tenant scoped, and the shell cannot be verified or corrected again', async () => {
    const again = await request(api.url)
      .delete(`/v1/applicants/${applicantId}`)
      .set(api.auth('admin'))
      .expect(200);
    expect(again.body).toEqual(erased.body);
    const [{ n }] = (
      await sql.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'applicant.erased'`)
    ).rows;
    expect(n).toBe(1);
    await request(api.url).delete(`/v1/applicants/${applicantId}`).set(api.auth('client')).expect(403);
    await request(api.url).delete(`/v1/applicants/${applicantId}`).set(api.auth('otherAdmin')).expect(404);
    const upload = await request(api.url)
      .post('/v1/verifications')
      .set(api.auth('client'))
      .field('applicantId', applicantId)
      .attach('front', c.images.front, 'front.png')
      .expect(409);
    expect(upload.body.error).toBe('applicant_erased');
    await request(api.url)
      .patch(`/v1/applicants/${applicantId}`)
      .set(api.auth('client'))
      .send({ email: 'back@example.com' })
      .expect(409);
    // The person may register again under the wallet's same user id.
    await request(api.url)
      .post('/v1/applicants')
      .set(api.auth('client'))
      .send({ ...c.case.record, externalId: 'erase-me' })
      .expect(201);
  });
});
