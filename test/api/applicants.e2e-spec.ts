import request from 'supertest';
import { record, startApi, type ApiHarness } from '../support/api.harness';

describe('applicants API', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi('applicants', { IDV_MAX_CORRECTIONS: '3' });
  });
  afterAll(() => api.close());

  /** Registers `body` (201) and returns the applicant. */
  const register = async (body: Record<string, unknown>) =>
    (await request(api.url).post('/v1/applicants').set(api.auth('client')).send(body).expect(201)).body as {
      id: string;
    };

  it('registers an applicant and reads it back', async () => {
    const body = record({ surname: 'Müller-Lüdenscheidt', givenNames: 'Jürgen Åke' });
    const created = await request(api.url)
      .post('/v1/applicants')
      .set(api.auth('client'))
      .send(body)
      .expect(201);
    expect(created.body).toMatchObject({
      externalId: body.externalId,
      surname: 'Müller-Lüdenscheidt',
      status: 'active',
      corrections: 0,
    });
    const read = await request(api.url)
      .get(`/v1/applicants/${created.body.id}`)
      .set(api.auth('client'))
      .expect(200);
    expect(read.body).toEqual(created.body);
  });

  it('answers 409 with the existing id for the same externalId in the same tenant, not across tenants', async () => {
    const body = record();
    const first = await request(api.url)
      .post('/v1/applicants')
      .set(api.auth('client'))
      .send(body)
      .expect(201);
    const again = await request(api.url)
      .post('/v1/applicants')
      .set(api.auth('client'))
      .send(body)
      .expect(409);
    expect(again.body).toMatchObject({ error: 'applicant_exists', id: first.body.id });
    await request(api.url).post('/v1/applicants').set(api.auth('otherClient')).send(body).expect(201);
  });

  it.each([
    ['phone', '0701234567', 'not_e164'],
    ['email', 'anna@gmial.com', 'email_domain_typo'],
    ['email', 'anna@', 'invalid_email'],
    ['dateOfBirth', '1990-02-30', 'invalid_date'],
    ['dateOfBirth', '2999-01-01', 'date_in_future'],
    ['nationality', 'XYZ', 'unknown_country'],
    ['surname', 'Eriks5on', 'name_has_digits'],
    ['givenNames', 'Anna\u202eMaria', 'name_invalid_characters'],
    ['sex', 'Q', 'invalid_sex'],
  ])('refuses %s=%j with code %s and hints in English and Chinese', async (field, value, code) => {
    const res = await request(api.url)
      .post('/v1/applicants')
      .set(api.auth('client'))
      .send(record({ [field]: value }))
      .expect(400);
    expect(res.body.error).toBe('validation_failed');
    expect(res.body.details).toEqual([
      {
        field,
        code,
        message: expect.any(String),
        hint: { en: expect.any(String), 'zh-CN': expect.stringMatching(/[\u4e00-\u9fff]/) },
      },
    ]);
  });

  it('suggests the intended email domain', async () => {
    const res = await request(api.url)
      .post('/v1/applicants')
      .set(api.auth('client'))
      .send(record({ email: 'li.wei@gmial.com' }))
      .expect(400);
    expect(res.body.details[0].hint.en).toContain('li.wei@gmail.com');
    expect(res.body.details[0].hint['zh-CN']).toContain('li.wei@gmail.com');
  });

  it('lists every missing required field, and refuses unknown fields', async () => {
    const res = await request(api.url)
      .post('/v1/applicants')
      .set(api.auth('client'))
      .send({ externalId: 'x-1', admin: true })
      .expect(400);
    const fields = res.body.details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        'surname:required',
        'givenNames:required',
        'dateOfBirth:required',
        'nationality:required',
        'admin:unknown_field',
      ]),
    );
  });

  it('answers malformed JSON with a clear 400', async () => {
    const res = await request(api.url)
      .post('/v1/applicants')
      .set(api.auth('client'))
      .set('Content-Type', 'application/json')
      .send('{"surname": ')
      .expect(400);
    expect(res.body).toEqual({ error: 'malformed_json', message: 'The request body is not valid JSON.' });
  });

  it('counts corrections and restricts after the limit, then an admin lifts it', async () => {
    const { body: a } = await request(api.url)
      .post('/v1/applicants')
      .set(api.auth('client'))
      .send(record())
      .expect(201);
    for (const [i, surname] of ['ERIKSON', 'ERIKSSEN', 'ERIKSSON'].entries()) {
      const res = await request(api.url)
        .patch(`/v1/applicants/${a.id}`)
        .set(api.auth('client'))
        .send({ surname })
        .expect(200);
      expect(res.body.corrections).toBe(i + 1);
    }
    const restricted = await request(api.url)
      .get(`/v1/applicants/${a.id}`)
      .set(api.auth('client'))
      .expect(200);
    expect(restricted.body).toMatchObject({
      status: 'restricted',
      reason: 'TOO_MANY_CORRECTIONS',
      restrictedUntil: expect.any(String),
    });
    const refused = await request(api.url)
      .patch(`/v1/applicants/${a.id}`)
      .set(api.auth('client'))
      .send({ surname: 'X' })
      .expect(409);
    expect(refused.body).toMatchObject({
      error: 'applicant_restricted',
      restrictedUntil: restricted.body.restrictedUntil,
    });
    await request(api.url).delete(`/v1/applicants/${a.id}/restriction`).set(api.auth('client')).expect(403);
    const lifted = await request(api.url)
      .delete(`/v1/applicants/${a.id}/restriction`)
      .set(api.auth('admin'))
      .expect(200);
    expect(lifted.body).toMatchObject({ status: 'active', restrictedUntil: null });
  });

  it('does not count a correction that changes nothing', async () => {
    const body = record();
    const a = await register(body);
    const res = await request(api.url)
      .patch(`/v1/applicants/${a.id}`)
      .set(api.auth('client'))
      .send({ surname: body.surname })
      .expect(200);
    expect(res.body.corrections).toBe(0);
  });

  it('refuses to null a required field of the record (400 required), counts nothing and keeps the value', async () => {
    const body = record();
    const a = await register(body);
    for (const field of ['surname', 'givenNames', 'dateOfBirth', 'nationality']) {
      const res = await request(api.url)
        .patch(`/v1/applicants/${a.id}`)
        .set(api.auth('client'))
        .send({ [field]: null });
      expect({ field, status: res.status, error: res.body.error }).toEqual({
        field,
        status: 400,
        error: 'validation_failed',
      });
      expect(res.body.details).toEqual([
        {
          field,
          code: 'required',
          message: expect.stringMatching(/is required/),
          hint: { en: expect.any(String), 'zh-CN': expect.any(String) },
        },
      ]);
    }
    const read = await request(api.url).get(`/v1/applicants/${a.id}`).set(api.auth('client')).expect(200);
    expect(read.body).toMatchObject({
      surname: body.surname,
      givenNames: body.givenNames,
      dateOfBirth: body.dateOfBirth,
      nationality: body.nationality,
      status: 'active',
      corrections: 0,
    });
    // An optional field may still be cleared: that is a correction like any other.
    const cleared = await request(api.url)
      .patch(`/v1/applicants/${a.id}`)
      .set(api.auth('client'))
      .send({ phone: null })
      .expect(200);
    expect(cleared.body).toMatchObject({ corrections: 1 });
    expect(cleared.body.phone ?? null).toBeNull();
  });

  it('refuses to clear the only name of a record registered with fullName alone', async () => {
    const a = await register(
      record({ surname: undefined, givenNames: undefined, fullName: '王小明', nationality: 'CHN' }),
    );
    const res = await request(api.url)
      .patch(`/v1/applicants/${a.id}`)
      .set(api.auth('client'))
      .send({ fullName: null })
      .expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'fullName', code: 'required' })]);
    const read = await request(api.url).get(`/v1/applicants/${a.id}`).set(api.auth('client')).expect(200);
    expect(read.body).toMatchObject({ fullName: '王小明', corrections: 0 });
  });

  it('answers 401 without a key or with an unknown one, and 404 for another tenant', async () => {
    const { body: a } = await request(api.url)
      .post('/v1/applicants')
      .set(api.auth('client'))
      .send(record())
      .expect(201);
    const none = await request(api.url).get(`/v1/applicants/${a.id}`).expect(401);
    expect(none.body.error).toBe('unauthorized');
    await request(api.url)
      .get(`/v1/applicants/${a.id}`)
      .set({ Authorization: 'Bearer idv_' + 'x'.repeat(40) })
      .expect(401);
    await request(api.url).get(`/v1/applicants/${a.id}`).set(api.auth('otherClient')).expect(404);
    await request(api.url).get(`/v1/applicants/not-a-uuid`).set(api.auth('client')).expect(404);
  });
});
