import request from 'supertest';
import sharp from 'sharp';
import { Client } from 'pg';
import { record, startApi, type ApiHarness, type KeyName } from '../support/api.harness';

type Role = 'client' | 'reviewer' | 'auditor' | 'admin';
const ROLES: Role[] = ['client', 'reviewer', 'auditor', 'admin'];
const OTHER: Record<Role, KeyName> = {
  client: 'otherClient',
  reviewer: 'otherReviewer',
  auditor: 'otherAuditor',
  admin: 'otherAdmin',
};

interface Fixture {
  applicantId: string;
  /** An applicant of its own for the erasure endpoint, so erasing it leaves the others' fixture intact. */
  erasableId: string;
  verificationId: string;
  /** A completed verification of its own, for the appeal (which opens the review below). */
  appealableId: string;
  reviewId: string;
  webhookId: string;
  image: Buffer;
}

interface Endpoint {
  name: string;
  roles: Role[];
  /** Whether the route names an object of a tenant (then another tenant's key gets 404). */
  owned: boolean;
  call(api: ApiHarness, key: KeyName | null, f: Fixture): request.Test;
  /** The success status; for calls whose answer depends on what an earlier role did (a lease taken), every
   * status that means "authorised" (then the error, if any, is a domain one, never `forbidden`). */
  ok: number | number[];
}

const auth = (api: ApiHarness, key: KeyName | null) => (key ? api.auth(key) : {});

const review = (path: string, body?: object) => (api: ApiHarness, k: KeyName | null, f: Fixture) =>
  request(api.url)
    .post(`/v1/reviews/${f.reviewId}/${path}`)
    .set(auth(api, k))
    .send(body ?? {});

/** Every /v1 endpoint of the contract, who may call it, and what success looks like. */
const ENDPOINTS: Endpoint[] = [
  {
    name: 'GET /v1/reviews',
    roles: ['reviewer'],
    owned: false,
    ok: 200,
    call: (api, k) => request(api.url).get('/v1/reviews?status=pending').set(auth(api, k)),
  },
  {
    name: 'GET /v1/reviews/:id',
    roles: ['reviewer'],
    owned: true,
    ok: 200,
    call: (api, k, f) => request(api.url).get(`/v1/reviews/${f.reviewId}`).set(auth(api, k)),
  },
  {
    name: 'POST /v1/reviews/:id/claim',
    roles: ['reviewer'],
    owned: true,
    ok: [200, 409],
    call: review('claim'),
  },
  {
    name: 'POST /v1/reviews/:id/renew',
    roles: ['reviewer'],
    owned: true,
    ok: [200, 403, 409],
    call: review('renew'),
  },
  {
    name: 'POST /v1/reviews/:id/decision',
    roles: ['reviewer'],
    owned: true,
    ok: [200, 403, 409],
    call: review('decision', { verdict: 'accepted', reasonCodes: [], note: 'Checked against the record.' }),
  },
  {
    name: 'POST /v1/reviews/:id/release',
    roles: ['reviewer'],
    owned: true,
    ok: [200, 403, 409],
    call: review('release'),
  },
  {
    name: 'POST /v1/verifications/:id/appeal',
    roles: ['client'],
    owned: true,
    ok: [201, 409],
    call: (api, k, f) =>
      request(api.url)
        .post(`/v1/verifications/${f.appealableId}/appeal`)
        .set(auth(api, k))
        .send({ reason: 'The photo was fine.' }),
  },
  {
    name: 'GET /v1/verifications/:id/images/front',
    roles: ['reviewer'],
    owned: true,
    ok: 200,
    call: (api, k, f) =>
      request(api.url).get(`/v1/verifications/${f.verificationId}/images/front`).set(auth(api, k)),
  },
  {
    name: 'POST /v1/applicants',
    roles: ['client'],
    owned: false,
    ok: 201,
    call: (api, k) => request(api.url).post('/v1/applicants').set(auth(api, k)).send(record()),
  },
  {
    name: 'GET /v1/applicants/:id',
    roles: ['client', 'reviewer'],
    owned: true,
    ok: 200,
    call: (api, k, f) => request(api.url).get(`/v1/applicants/${f.applicantId}`).set(auth(api, k)),
  },
  {
    name: 'PATCH /v1/applicants/:id',
    roles: ['client'],
    owned: true,
    ok: 200,
    call: (api, k, f) =>
      request(api.url)
        .patch(`/v1/applicants/${f.applicantId}`)
        .set(auth(api, k))
        .send({ email: 'anna@example.com' }),
  },
  {
    name: 'POST /v1/applicants/:id/restriction',
    roles: ['admin'],
    owned: true,
    ok: 200,
    call: (api, k, f) =>
      request(api.url)
        .post(`/v1/applicants/${f.applicantId}/restriction`)
        .set(auth(api, k))
        .send({ until: '2030-01-01T00:00:00Z' }),
  },
  {
    name: 'DELETE /v1/applicants/:id/restriction',
    roles: ['admin'],
    owned: true,
    ok: 200,
    call: (api, k, f) =>
      request(api.url).delete(`/v1/applicants/${f.applicantId}/restriction`).set(auth(api, k)),
  },
  {
    name: 'DELETE /v1/applicants/:id',
    roles: ['admin'],
    owned: true,
    ok: 200,
    call: (api, k, f) => request(api.url).delete(`/v1/applicants/${f.erasableId}`).set(auth(api, k)),
  },
  {
    name: 'POST /v1/verifications',
    roles: ['client'],
    owned: true,
    ok: 202,
    call: (api, k, f) =>
      request(api.url)
        .post('/v1/verifications')
        .set(auth(api, k))
        .field('applicantId', f.applicantId)
        .attach('front', f.image, 'f.jpg'),
  },
  {
    name: 'GET /v1/verifications',
    roles: ['client'],
    owned: false,
    ok: 200,
    call: (api, k) => request(api.url).get('/v1/verifications').set(auth(api, k)),
  },
  {
    name: 'GET /v1/verifications/:id',
    roles: ['client', 'reviewer'],
    owned: true,
    ok: 200,
    call: (api, k, f) => request(api.url).get(`/v1/verifications/${f.verificationId}`).set(auth(api, k)),
  },
  {
    name: 'POST /v1/quality-checks',
    roles: ['client'],
    owned: false,
    ok: 200,
    call: (api, k, f) =>
      request(api.url).post('/v1/quality-checks').set(auth(api, k)).attach('image', f.image, 'i.jpg'),
  },
  {
    name: 'POST /v1/webhooks',
    roles: ['client'],
    owned: false,
    ok: 201,
    call: (api, k) =>
      request(api.url).post('/v1/webhooks').set(auth(api, k)).send({ url: 'http://127.0.0.1:9/hook' }),
  },
  {
    name: 'GET /v1/webhooks',
    roles: ['client'],
    owned: false,
    ok: 200,
    call: (api, k) => request(api.url).get('/v1/webhooks').set(auth(api, k)),
  },
  {
    name: 'GET /v1/webhooks/:id/deliveries',
    roles: ['client'],
    owned: true,
    ok: 200,
    call: (api, k, f) => request(api.url).get(`/v1/webhooks/${f.webhookId}/deliveries`).set(auth(api, k)),
  },
  {
    name: 'GET /v1/audit-events',
    roles: ['auditor'],
    owned: false,
    ok: 200,
    call: (api, k) => request(api.url).get('/v1/audit-events').set(auth(api, k)),
  },
  {
    name: 'GET /v1/audit-events/export',
    roles: ['auditor'],
    owned: false,
    ok: 200,
    call: (api, k) => request(api.url).get('/v1/audit-events/export?format=csv').set(auth(api, k)),
  },
  {
    name: 'GET /v1/audit-events/verify',
    roles: ['auditor'],
    owned: false,
    ok: 200,
    call: (api, k) => request(api.url).get('/v1/audit-events/verify').set(auth(api, k)),
  },
];

describe('authorization matrix: every endpoint × role × own/other tenant', () => {
  let api: ApiHarness;
  let f: Fixture;

  beforeAll(async () => {
    api = await startApi('authz', {
      IDV_RATE_LIMIT_PER_MINUTE: '10000',
      IDV_MAX_CORRECTIONS: '1000',
      IDV_WEBHOOK_ALLOW_PRIVATE: '1', // webhooks point at a loopback port
    });
    const image = await sharp({
      create: { width: 640, height: 400, channels: 3, background: { r: 220, g: 220, b: 210 } },
    })
      .jpeg()
      .toBuffer();
    const applicant = await request(api.url)
      .post('/v1/applicants')
      .set(api.auth('client'))
      .send(record())
      .expect(201);
    const verification = await request(api.url)
      .post('/v1/verifications')
      .set(api.auth('client'))
      .field('applicantId', applicant.body.id)
      .attach('front', image, 'f.jpg')
      .expect(202);
    const webhook = await request(api.url)
      .post('/v1/webhooks')
      .set(api.auth('client'))
      .send({ url: 'http://127.0.0.1:9/hook' })
      .expect(201);
    const erasable = await request(api.url)
      .post('/v1/applicants')
      .set(api.auth('client'))
      .send(record())
      .expect(201);
    // A completed verification (as the worker would leave it), appealed by the wallet: that opens a review.
    const appealable = await request(api.url)
      .post('/v1/verifications')
      .set(api.auth('client'))
      .field('applicantId', applicant.body.id)
      .attach('front', image, 'g.jpg')
      .expect(202);
    const db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    await db.query(
      `UPDATE verifications SET status = 'completed', verdict = 'mismatch', completed_at = now() WHERE id = $1`,
      [appealable.body.id],
    );
    await db.end();
    await request(api.url)
      .post(`/v1/verifications/${appealable.body.id}/appeal`)
      .set(api.auth('client'))
      .send({ reason: 'My date of birth is right.' })
      .expect(201);
    const queue = await request(api.url)
      .get('/v1/reviews?status=pending')
      .set(api.auth('reviewer'))
      .expect(200);
    const opened = (queue.body.items as Array<{ id: string; verificationId: string }>).find(
      (r) => r.verificationId === appealable.body.id,
    );
    f = {
      applicantId: applicant.body.id,
      erasableId: erasable.body.id,
      appealableId: appealable.body.id,
      reviewId: opened!.id,
      verificationId: verification.body.id,
      webhookId: webhook.body.id,
      image,
    };
  });
  afterAll(() => api.close());

  for (const e of ENDPOINTS) {
    describe(e.name, () => {
      it('answers 401 without a key', async () => {
        const res = await e.call(api, null, f);
        expect(res.status).toBe(401);
        expect(res.body.error).toBe('unauthorized');
      });

      for (const role of ROLES) {
        const allowed = role === 'admin' || e.roles.includes(role);
        it(`${role}: ${allowed ? `${e.ok} in its own tenant` : '403'}`, async () => {
          const res = await e.call(api, role, f);
          if (!allowed) {
            expect(res.status).toBe(403);
            expect(res.body.error).toBe('forbidden');
          } else if (Array.isArray(e.ok)) {
            expect(e.ok).toContain(res.status);
            if (res.status >= 400) expect(res.body.error).not.toBe('forbidden');
          } else {
            expect(res.status).toBe(e.ok);
          }
        });
        if (allowed && e.owned) {
          it(`${role} of another tenant: 404, never the object`, async () => {
            const res = await e.call(api, OTHER[role], f);
            expect(res.status).toBe(404);
            expect(res.body.error).toMatch(/not_found$/);
            expect(res.body).not.toHaveProperty('externalId');
            expect(res.body).not.toHaveProperty('status');
          });
        }
      }
    });
  }
});
