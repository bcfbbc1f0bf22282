import request from 'supertest';
import { Client } from 'pg';
import { ThrowawayRedis } from '@idv/testing';
import { DEFAULT_TODAY, generateCase } from '@idv/synthetic';
import { startApi, startWorker, verdictOf, type ApiHarness } from '../support/api.harness';
import { expectConsistent } from '../support/consistency';

/**
 * Redis dies (SIGKILL, nothing persisted) in the middle of a burst of uploads and comes back empty.
 * Every upload the API accepted (202) must still get exactly one verdict; the others were told 503 + Retry-After.
 */
describe('Redis restarted during a burst of uploads', () => {
  let redis: ThrowawayRedis;
  let api: ApiHarness;
  let worker: { close(): Promise<void> };
  let db: Client;

  beforeAll(async () => {
    redis = await ThrowawayRedis.start();
    api = await startApi('redisrestart', {
      REDIS_URL: redis.url,
      IDV_NOW: `${DEFAULT_TODAY}T12:00:00Z`,
      IDV_OUTBOX_RECONCILE_SECONDS: '2',
      IDV_RATE_LIMIT_PER_MINUTE: '100000',
      IDV_MAX_FAILED_ATTEMPTS: '1000',
    });
    worker = await startWorker();
    db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
  }, 120_000);

  afterAll(async () => {
    await db.end();
    await worker.close();
    await api.close();
    await redis.kill();
    delete process.env.REDIS_URL;
    delete process.env.IDV_OUTBOX_RECONCILE_SECONDS;
  });

  it('loses nothing that was accepted', async () => {
    const c = await generateCase(31, { scenario: 'clean', documentType: 'passport' });
    const applicant = await request(api.url)
      .post('/v1/applicants')
      .set(api.auth('client'))
      .send({ ...c.case.record, externalId: 'burst' })
      .expect(201);
    const upload = () =>
      request(api.url)
        .post('/v1/verifications')
        .set(api.auth('client'))
        .field('applicantId', applicant.body.id)
        .attach('front', c.images.front, 'f.png');

    const results: request.Response[] = [];
    const burst = (async () => {
      for (let i = 0; i < 24; i++) {
        results.push(await upload());
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    await new Promise((r) => setTimeout(r, 600));
    await redis.kill();
    await new Promise((r) => setTimeout(r, 1500));
    await redis.up();
    await burst;

    const accepted = results.filter((r) => r.status === 202).map((r) => r.body.id as string);
    const refused = results.filter((r) => r.status !== 202);
    expect(accepted.length).toBeGreaterThan(0);
    for (const r of refused) {
      expect(r.status).toBe(503);
      expect(r.headers['retry-after']).toBeDefined();
      expect(r.body.error).toBe('service_unavailable');
    }
    for (const id of accepted) {
      const v = await verdictOf(api, id, 'client', 90_000);
      expect(v.status).toBe('completed');
      expect(v.verdict).toBeTruthy();
    }
    const { rows } = await db.query(
      `SELECT subject_id, count(*)::int AS n FROM audit_events WHERE action = 'verification.completed' AND subject_id = ANY($1) GROUP BY subject_id`,
      [accepted],
    );
    expect(rows).toHaveLength(accepted.length);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    const total = await db.query(`SELECT count(*)::int AS n FROM verifications`);
    expect(total.rows[0].n).toBe(accepted.length);
    // One verdict, one completion audit event and one completion webhook event each; the audit chains verify.
    await expectConsistent(api.databaseUrl);
  }, 180_000);
});
