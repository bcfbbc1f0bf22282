import request from 'supertest';
import { ApiKeys } from '@idv/auth';
import { startApi, type ApiHarness } from '../support/api.harness';

describe('rate limits and maintenance', () => {
  describe('per-key rate limit (Redis-backed)', () => {
    let api: ApiHarness;
    beforeAll(async () => {
      api = await startApi('ratelimit', { IDV_RATE_LIMIT_PER_MINUTE: '5' });
    });
    afterAll(() => api.close());

    it('answers 429 with Retry-After after the limit, per key, and keeps other keys working', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) {
        statuses.push(
          (
            await request(api.url)
              .get('/v1/applicants/00000000-0000-4000-8000-000000000000')
              .set(api.auth('client'))
          ).status,
        );
      }
      expect(statuses.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
      expect(statuses.slice(5)).toEqual([429, 429]);
      const limited = await request(api.url)
        .get('/v1/applicants/00000000-0000-4000-8000-000000000000')
        .set(api.auth('client'));
      expect(limited.status).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.body).toEqual({
        error: 'too_many_requests',
        message: expect.stringMatching(/Too many requests/),
      });
      await request(api.url)
        .get('/v1/applicants/00000000-0000-4000-8000-000000000000')
        .set(api.auth('admin'))
        .expect(404);
      await request(api.url).get('/health/live').expect(200);
    });

    it('gives each key one budget for the whole API, not one per endpoint', async () => {
      const calls = [
        () => request(api.url).get('/v1/verifications'),
        () => request(api.url).get('/v1/webhooks'),
        () => request(api.url).post('/v1/applicants').send({}),
        () => request(api.url).get('/v1/verifications/00000000-0000-4000-8000-000000000000'),
        () => request(api.url).get('/v1/applicants/00000000-0000-4000-8000-000000000000'),
        () => request(api.url).post('/v1/quality-checks'),
        () => request(api.url).get('/v1/verifications'),
        () => request(api.url).get('/v1/webhooks'),
      ];
      const statuses: number[] = [];
      for (const call of calls) statuses.push((await call().set(api.auth('otherClient'))).status);
      // Five calls spread over five endpoints use the budget of 5; every endpoint then answers 429.
      expect(statuses.slice(0, 5).every((s) => s !== 429)).toBe(true);
      expect(statuses.slice(5)).toEqual([429, 429, 429]);
    });
  });

  describe('requests without a valid key', () => {
    let api: ApiHarness;
    beforeAll(async () => {
      api = await startApi('unauthlimit', {
        IDV_UNAUTHENTICATED_PER_MINUTE: '10',
        IDV_RATE_LIMIT_PER_MINUTE: '600',
        IDV_TRUST_PROXY: 'loopback', // the test plays two clients behind a local proxy (X-Forwarded-For)
      });
    });
    afterAll(() => api.close());

    it('are throttled per client address before any key lookup, with Retry-After and the contract body', async () => {
      const lookups = jest.spyOn(api.app.get(ApiKeys), 'authenticate');
      const statuses: number[] = [];
      let last: request.Response | undefined;
      for (let i = 0; i < 40; i++) {
        const req = request(api.url)
          .get('/v1/applicants/00000000-0000-4000-8000-000000000000')
          .set('X-Forwarded-For', '203.0.113.7');
        last = await (i % 4 === 0 ? req : req.set('Authorization', `Bearer idv_guess${i}`));
        statuses.push(last.status);
      }
      expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
      expect(new Set(statuses.slice(10))).toEqual(new Set([429]));
      expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
      expect(last!.body).toEqual({
        error: 'too_many_requests',
        message: expect.stringMatching(/valid API key/),
      });
      // Only the requests before the limit that carried a key were looked up (7 of the first 10).
      expect(lookups).toHaveBeenCalledTimes(7);
      lookups.mockRestore();
      // Another client address is not held back by the first one's guesses.
      const other = await request(api.url)
        .get('/v1/applicants/00000000-0000-4000-8000-000000000000')
        .set('X-Forwarded-For', '203.0.113.8')
        .set('Authorization', 'Bearer idv_other');
      expect(other.status).toBe(401);
    });
  });

  describe('maintenance mode', () => {
    let api: ApiHarness;
    beforeAll(async () => {
      api = await startApi('maintenance', { IDV_MAINTENANCE: '1', IDV_RATE_LIMIT_PER_MINUTE: '600' });
    });
    afterAll(async () => {
      process.env.IDV_MAINTENANCE = '0';
      await api.close();
    });

    it('answers every /v1 call with 503 and Retry-After, while health stays up', async () => {
      const res = await request(api.url).post('/v1/applicants').set(api.auth('client')).send({}).expect(503);
      expect(res.headers['retry-after']).toBe('30');
      expect(res.body).toEqual({
        error: 'service_unavailable',
        message: expect.stringMatching(/maintenance/),
      });
      await request(api.url).get('/v1/verifications').expect(503);
      await request(api.url).get('/health/live').expect(200);
    });
  });
});
