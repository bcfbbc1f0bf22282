import request from 'supertest';
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
