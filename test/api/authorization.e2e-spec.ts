import request from 'supertest';
import sharp from 'sharp';
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
  webhookId: string;
  image: Buffer;
}

interface Endpoint {
  name: string;
  roles: Role[];
  /** Whether the route names an object of a tenant (then another tenant's key gets 404). */
  owned: boolean;
  call(api: ApiHarness, key: KeyName | null, f: Fixture): request.Test;
  ok: number;
}

const auth = (api: ApiHarness, key: KeyName | null) => (key ? api.auth(key) : {});

/** Every /v1 endpoint of the contract, who may call it, and what success looks like. */
const ENDPOINTS: Endpoint[] = [
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
    api = await startApi('authz', { IDV_RATE_LIMIT_PER_MINUTE: '10000', IDV_MAX_CORRECTIONS: '1000' });
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
    f = {
      applicantId: applicant.body.id,
      erasableId: erasable.body.id,
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
          expect(res.status).toBe(allowed ? e.ok : 403);
          if (!allowed) expect(res.body.error).toBe('forbidden');
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
