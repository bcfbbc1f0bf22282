import request from 'supertest';
import { record, startApi, type ApiHarness } from '../support/api.harness';

/**
 * People with one name: ICAO 9303 allows a passport whose given-names field is empty (some Malaysian and Indonesian
 * holders have a surname only). `givenNames: ""` says so; it is stored and returned as given, on registration and
 * on correction. Leaving the field out (without `fullName`) is still refused, and so is an empty surname.
 */
describe('applicants with no given names', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi('singlename');
  });
  afterAll(() => api.close());

  const register = (body: Record<string, unknown>) =>
    request(api.url).post('/v1/applicants').set(api.auth('client')).send(body);
  const read = async (id: string) =>
    (await request(api.url).get(`/v1/applicants/${id}`).set(api.auth('client')).expect(200)).body;

  it('registers givenNames "" and reads it back as "", blanks included', async () => {
    for (const givenNames of ['', '   ']) {
      const created = await register(record({ surname: 'SUKARNO', givenNames, nationality: 'IDN' })).expect(
        201,
      );
      expect(created.body).toMatchObject({ surname: 'SUKARNO', givenNames: '' });
      expect(await read(created.body.id)).toMatchObject({ surname: 'SUKARNO', givenNames: '' });
    }
  });

  it('corrects given names to "" and back', async () => {
    const created = await register(
      record({ surname: 'AHMAD', givenNames: 'BIN ALI', nationality: 'MYS' }),
    ).expect(201);
    const patch = (givenNames: string) =>
      request(api.url)
        .patch(`/v1/applicants/${created.body.id}`)
        .set(api.auth('client'))
        .send({ givenNames })
        .expect(200);
    expect((await patch('')).body).toMatchObject({ givenNames: '', corrections: 1 });
    expect(await read(created.body.id)).toMatchObject({ surname: 'AHMAD', givenNames: '' });
    expect((await patch('Bin Ali')).body).toMatchObject({ givenNames: 'Bin Ali', corrections: 2 });
  });

  it('still wants given names sent (empty or not) and a surname', async () => {
    const { givenNames: _left, ...withoutGivenNames } = record();
    for (const [body, field] of [
      [withoutGivenNames, 'givenNames'],
      [record({ surname: '', givenNames: '' }), 'surname'],
      [record({ givenNames: 'Anna2' }), 'givenNames'],
    ] as const) {
      const res = await register(body).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
    }
  });
});
