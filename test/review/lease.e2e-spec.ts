import request from 'supertest';
import { startApi, type ApiHarness } from '../support/api.harness';
import { reviewOf, seedVerification } from './review.fixtures';

/** Leases expire by themselves: a one-second lease here instead of fifteen minutes. */
describe('review leases', () => {
  let api: ApiHarness;
  let other: string;

  beforeAll(async () => {
    api = await startApi('review-lease', { IDV_REVIEW_LEASE_SECONDS: '1' });
    const { ApiKeys } = await import('@idv/auth');
    other = (await api.app.get(ApiKeys).create(api.tenants.main, 'reviewer')).key;
  });
  afterAll(() => api?.close());

  const post = (path: string, key?: string) =>
    request(api.url)
      .post(path)
      .set(key ? { Authorization: `Bearer ${key}` } : api.auth('reviewer'));
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('makes an expired lease claimable again and reads it as pending', async () => {
    const { verificationId } = await seedVerification(api, { verdict: 'manual_review' });
    const review = await reviewOf(api, verificationId);
    await post(`/v1/reviews/${review.id}/claim`).expect(200);
    await post(`/v1/reviews/${review.id}/claim`, other).expect(409);
    await sleep(1200);
    expect(await reviewOf(api, verificationId)).toMatchObject({ status: 'pending', claimedBy: null });
    const taken = await post(`/v1/reviews/${review.id}/claim`, other).expect(200);
    expect(taken.body.status).toBe('claimed');
    // The first reviewer's lease is gone: deciding now is refused.
    await post(`/v1/reviews/${review.id}/decision`)
      .send({ verdict: 'accepted', reasonCodes: [] })
      .expect((res) => expect([403, 409]).toContain(res.status));
  });

  it('lets the holder renew before the lease runs out', async () => {
    const { verificationId } = await seedVerification(api, { verdict: 'manual_review' });
    const review = await reviewOf(api, verificationId);
    await post(`/v1/reviews/${review.id}/claim`).expect(200);
    await post(`/v1/reviews/${review.id}/renew`, other).expect(403);
    for (let i = 0; i < 3; i++) {
      await sleep(600);
      await post(`/v1/reviews/${review.id}/renew`).expect(200);
    }
    // 1.8 s after the claim, still held thanks to the renewals.
    await post(`/v1/reviews/${review.id}/claim`, other).expect(409);
    await post(`/v1/reviews/${review.id}/decision`)
      .send({ verdict: 'accepted', reasonCodes: [] })
      .expect(200);
  });
});
