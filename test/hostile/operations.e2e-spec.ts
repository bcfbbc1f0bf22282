import request from 'supertest';
import { record, startApi, type ApiHarness } from '../support/api.harness';
import { startService, type RealService } from '../support/service.harness';
import { multipart, rawRequest, type RawResponse } from './raw-http';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

/** The request log, the metrics endpoint and multipart errors, as a careless or hostile client meets them. */
describe('operations surfaces', () => {
  describe('a service process logging at info', () => {
    let service: RealService;
    beforeAll(async () => {
      service = await startService('opslog', {
        workers: 0,
        env: { LOG_LEVEL: 'info', IDV_METRICS_TOKEN: METRICS_TOKEN },
      });
    }, 120_000);
    afterAll(() => service?.close());

    it('never writes query-string values (an API key put there) to the request log', async () => {
      const key = service.auth.Authorization.slice('Bearer '.length);
      const leaked = 'anna.private@example.com';
      await fetch(`${service.url}/v1/verifications?api_key=${key}&email=${encodeURIComponent(leaked)}`, {
        headers: service.auth,
      });
      await fetch(`${service.url}/v1/applicants?api_key=${key}`); // no header: a 401, logged too
      await new Promise((r) => setTimeout(r, 300));
      const log = service.api.output();
      expect(log).toContain('/v1/verifications?api_key=[redacted]&email=[redacted]');
      expect(log).toContain('/v1/applicants?api_key=[redacted]');
      expect(log).not.toContain(key);
      expect(log).not.toContain(leaked);
    });

    it('serves /metrics only with the bearer token', async () => {
      const none = await fetch(`${service.url}/metrics`);
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await none.json()).toEqual({
        error: 'unauthorized',
        message: expect.stringMatching(/metrics token/),
      });
      const wrong = await fetch(`${service.url}/metrics`, {
        headers: { Authorization: 'Bearer nope-nope-nope-nope' },
      });
      expect(wrong.status).toBe(401);
      const client = await fetch(`${service.url}/metrics`, { headers: service.auth });
      expect(client.status).toBe(401);
      const right = await fetch(`${service.url}/metrics`, {
        headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(right.status).toBe(200);
      expect(await right.text()).toMatch(/^idv_review_queue_reviews\{state="pending"\} \d+$/m);
    });
  });

  describe('an API with the default settings and a 64 kB upload limit', () => {
    let api: ApiHarness;
    let applicantId: string;
    beforeAll(async () => {
      api = await startApi('opsform', { IDV_METRICS_TOKEN: '', IDV_MAX_UPLOAD_BYTES: String(64 * 1024) });
      applicantId = (
        await request(api.url).post('/v1/applicants').set(api.auth('client')).send(record()).expect(201)
      ).body.id;
    });
    afterAll(() => api?.close());

    it('does not serve /metrics at all without IDV_METRICS_TOKEN', async () => {
      const res = await request(api.url).get('/metrics').expect(403);
      expect(res.body).toEqual({
        error: 'metrics_disabled',
        message: expect.stringMatching(/IDV_METRICS_TOKEN/),
      });
      expect(res.text).not.toMatch(/idv_review/);
    });

    const BOUNDARY = 'ops-boundary-3c1';
    const post = (path: string, body: Buffer, contentType = `multipart/form-data; boundary=${BOUNDARY}`) =>
      rawRequest(api.url, path, { headers: { ...api.auth('client'), 'Content-Type': contentType }, body });
    const image = { data: Buffer.alloc(2048, 0xff), filename: 'f.jpg', contentType: 'image/jpeg' };

    /** The contract's error body with one detail whose hint is in English and in Chinese. */
    const expectHinted = (res: RawResponse, status: number, error: string, field: string, code: string) => {
      const body = JSON.parse(res.text) as {
        error: string;
        message: string;
        details: Array<{ field: string; code: string; hint: { en: string; 'zh-CN': string } }>;
      };
      expect({
        status: res.status,
        error: body.error,
        field: body.details?.[0]?.field,
        code: body.details?.[0]?.code,
      }).toEqual({
        status,
        error,
        field,
        code,
      });
      expect(body.details[0].hint.en).toMatch(/[a-z]{3}/);
      expect(body.details[0].hint['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(body.message).not.toMatch(/^(Unexpected|Too many|Multipart|Malformed|File too large)/);
    };

    it('answers an unexpected file field with a code and hints naming the expected ones', async () => {
      const res = await post(
        '/v1/verifications',
        multipart(BOUNDARY, [
          { name: 'applicantId', data: applicantId },
          { name: 'selfie', ...image },
        ]),
      );
      expectHinted(res, 400, 'validation_failed', 'selfie', 'unexpected_file');
      expect(JSON.parse(res.text).details[0].hint.en).toMatch(/front, back/);
      const check = await post('/v1/quality-checks', multipart(BOUNDARY, [{ name: 'front', ...image }]));
      expectHinted(check, 400, 'validation_failed', 'front', 'unexpected_file');
      expect(JSON.parse(check.text).details[0].hint.en).toMatch(/image/);
    });

    it('answers too many parts, a file over the limit and a malformed body the same way', async () => {
      const many = Array.from({ length: 20 }, (_, i) => ({ name: `f${i}`, data: 'x' }));
      expectHinted(
        await post('/v1/verifications', multipart(BOUNDARY, many)),
        400,
        'validation_failed',
        'body',
        'too_many_parts',
      );
      const big = multipart(BOUNDARY, [
        { name: 'applicantId', data: applicantId },
        { name: 'front', ...image, data: Buffer.alloc(100 * 1024, 0xff) },
      ]);
      expectHinted(await post('/v1/verifications', big), 413, 'payload_too_large', 'front', 'file_too_large');
      const good = multipart(BOUNDARY, [
        { name: 'applicantId', data: applicantId },
        { name: 'front', ...image },
      ]);
      expectHinted(
        await post('/v1/verifications', good.subarray(0, good.length - 100)),
        400,
        'malformed_multipart',
        'body',
        'malformed_multipart',
      );
      expectHinted(
        await post('/v1/verifications', good, 'multipart/form-data'),
        400,
        'malformed_multipart',
        'body',
        'malformed_multipart',
      );
    });
  });
});
