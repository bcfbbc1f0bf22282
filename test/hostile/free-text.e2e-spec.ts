import { connect } from 'node:net';
import request from 'supertest';
import { record, startApi, type ApiHarness, type KeyName } from '../support/api.harness';
import { reviewOf, seedVerification } from '../review/review.fixtures';
import { multipart, rawRequest } from './raw-http';

const NUL = '\u0000';
const NO_SUCH = '00000000-0000-4000-8000-000000000000';

type Refusal = {
  error: string;
  details?: Array<{ field: string; code: string; hint: { en: string; 'zh-CN': string } }>;
};

/**
 * A NUL character (U+0000) in a free-text field: PostgreSQL cannot store it in text, so each such value used to
 * reach the database and come back as a 500. Every free-text input of the API refuses it with a clear 400 naming
 * the field, as the registration record's fields do, before anything is looked up or written.
 */
describe('a NUL character in any free-text input', () => {
  let api: ApiHarness;
  /** A completed verification the wallet may appeal, a claimed review, a registered applicant. */
  const ids = { appealable: '', review: '', applicant: '' };
  beforeAll(async () => {
    api = await startApi('nultext', { IDV_REVIEW_SAMPLE_ACCEPTED: '0' });
    ids.appealable = (await seedVerification(api, { verdict: 'mismatch' })).verificationId;
    const doubtful = await seedVerification(api, { verdict: 'manual_review' });
    ids.applicant = doubtful.applicantId;
    ids.review = (await reviewOf(api, doubtful.verificationId)).id;
    await request(api.url).post(`/v1/reviews/${ids.review}/claim`).set(api.auth('reviewer')).expect(200);
  });
  afterAll(() => api?.close());

  const expectNulRefused = (res: request.Response | { status: number; body: unknown }, field: string) => {
    const body = res.body as Refusal;
    expect({ field, status: res.status, error: body.error }).toEqual({
      field,
      status: 400,
      error: 'validation_failed',
    });
    expect(body.details).toEqual([
      {
        field,
        code: expect.stringMatching(/^[a-z_]+$/),
        message: expect.any(String),
        hint: { en: expect.any(String), 'zh-CN': expect.any(String) },
      },
    ]);
  };

  const bodies: Array<[string, 'post' | 'patch', () => string, KeyName, Record<string, unknown>, string]> = [
    [
      'an appeal reason',
      'post',
      () => `/v1/verifications/${ids.appealable}/appeal`,
      'client',
      { reason: `I${NUL}disagree` },
      'reason',
    ],
    [
      'a review note',
      'post',
      () => `/v1/reviews/${ids.review}/decision`,
      'reviewer',
      { verdict: 'accepted', reasonCodes: [], note: `fine${NUL}` },
      'note',
    ],
    [
      'a restriction note',
      'post',
      () => `/v1/applicants/${ids.applicant}/restriction`,
      'admin',
      { note: `fraud${NUL}team` },
      'note',
    ],
    [
      'a webhook URL',
      'post',
      () => '/v1/webhooks',
      'client',
      { url: `https://93.184.216.34/hook${NUL}` },
      'url',
    ],
    [
      'an externalId',
      'post',
      () => '/v1/applicants',
      'client',
      record({ externalId: `user${NUL}42` }),
      'externalId',
    ],
    ['a surname', 'post', () => '/v1/applicants', 'client', record({ surname: `ANNA${NUL}` }), 'surname'],
    ['an email', 'post', () => '/v1/applicants', 'client', record({ email: `a${NUL}@example.com` }), 'email'],
    [
      'a correction',
      'patch',
      () => `/v1/applicants/${ids.applicant}`,
      'client',
      { givenNames: `MARIA${NUL}` },
      'givenNames',
    ],
  ];

  it.each(bodies)(
    'refuses it in %s with 400 naming the field',
    async (_what, method, path, key, body, field) => {
      const res = await request(api.url)[method](path()).set(api.auth(key)).send(body);
      expectNulRefused(res, field);
    },
  );

  it('leaves nothing behind: the same appeal and decision without the NUL then succeed', async () => {
    await request(api.url)
      .post(`/v1/verifications/${ids.appealable}/appeal`)
      .set(api.auth('client'))
      .send({ reason: 'I disagree' })
      .expect(201);
    await request(api.url)
      .post(`/v1/reviews/${ids.review}/decision`)
      .set(api.auth('reviewer'))
      .send({ verdict: 'accepted', reasonCodes: [], note: 'fine' })
      .expect(200);
  });

  it.each([
    ['/v1/verifications?applicantId=%00', 'client', 'applicantId'],
    ['/v1/verifications?cursor=abc%00', 'client', 'cursor'],
    ['/v1/verifications?verdict=accepted%00', 'client', 'verdict'],
    ['/v1/audit-events?action=applicant.created%00', 'auditor', 'action'],
    ['/v1/audit-events?subjectId=%00', 'auditor', 'subjectId'],
    [`/v1/webhooks/${NO_SUCH}/deliveries?cursor=%00`, 'client', 'cursor'],
    ['/v1/reviews?cursor=%00', 'reviewer', 'cursor'],
  ] as Array<[string, KeyName, string]>)('refuses it in the query %s', async (path, key, field) => {
    expectNulRefused(await request(api.url).get(path).set(api.auth(key)), field);
  });

  it.each([
    ['/v1/applicants/%00', 'client'],
    ['/v1/verifications/abc%00', 'client'],
    [`/v1/verifications/%00/images/front`, 'reviewer'],
    ['/v1/webhooks/%00/deliveries', 'client'],
  ] as Array<[string, KeyName]>)('refuses it in the path %s', async (path, key) => {
    expectNulRefused(await request(api.url).get(path).set(api.auth(key)), 'id');
  });

  it('refuses it in the text fields of a multipart upload', async () => {
    const boundary = 'nul-boundary-1';
    const res = await rawRequest(api.url, '/v1/verifications', {
      headers: { ...api.auth('client'), 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      body: multipart(boundary, [
        { name: 'applicantId', data: `abc${NUL}` },
        { name: 'front', data: Buffer.from('not an image'), filename: 'front.png', contentType: 'image/png' },
      ]),
    });
    expectNulRefused({ status: res.status, body: JSON.parse(res.text) }, 'applicantId');
  });

  it('refuses it in the Idempotency-Key header with the contract body', async () => {
    // Written byte for byte: Node's own client refuses to send such a header.
    const { port } = new URL(api.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () =>
        socket.write(
          `POST /v1/verifications HTTP/1.1\r\nHost: x\r\nAuthorization: ${api.auth('client').Authorization}\r\n` +
            `Idempotency-Key: key${NUL}1\r\nContent-Length: 0\r\n\r\n`,
        ),
      );
      let text = '';
      socket.on('data', (d) => (text += d));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head).toMatch(/content-type: application\/json/i);
    expect(JSON.parse(body)).toEqual({
      error: 'malformed_request',
      message: expect.stringMatching(/header/),
    });
  });
});
