import request from 'supertest';
import { DEFAULT_TODAY, generateCase, type GeneratedCase } from '@idv/synthetic';
import { startApi, startWorker, verdictOf, type ApiHarness } from '../support/api.harness';
import { reviewOf } from './review.fixtures';

/**
 * Routing through the real pipeline (API → outbox → queue → worker): with the quality-control rate forced to 1
 * every accepted verdict is sampled, and a person can appeal a real verdict.
 */
describe('review routing from real verdicts', () => {
  let api: ApiHarness;
  let worker: { close(): Promise<void> };

  beforeAll(async () => {
    api = await startApi('review-routing', {
      IDV_NOW: `${DEFAULT_TODAY}T12:00:00Z`,
      IDV_REVIEW_SAMPLE_ACCEPTED: '1',
    });
    worker = await startWorker();
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  async function verify(c: GeneratedCase, record: Record<string, unknown>) {
    const applicant = await request(api.url)
      .post('/v1/applicants')
      .set(api.auth('client'))
      .send(record)
      .expect(201);
    const req = request(api.url)
      .post('/v1/verifications')
      .set(api.auth('client'))
      .field('applicantId', applicant.body.id);
    req.attach('front', c.images.front, 'front.png');
    if (c.images.back) req.attach('back', c.images.back, 'back.png');
    return verdictOf(api, (await req.expect(202)).body.id);
  }

  it('samples accepted verdicts for quality control when the rate is 1', async () => {
    const c = await generateCase(101, { scenario: 'clean', documentType: 'passport' });
    const v = await verify(c, { ...c.case.record, externalId: 'qc-1' });
    expect(v.verdict).toBe('accepted');
    const review = await reviewOf(api, String(v.id));
    expect(review).toMatchObject({
      reason: 'quality_sample',
      status: 'pending',
      automatedVerdict: 'accepted',
    });
  });

  it('opens a review when the person appeals a real mismatch, and the decision replaces the verdict', async () => {
    const c = await generateCase(202, { scenario: 'clean', documentType: 'id_card' });
    const v = await verify(c, { ...c.case.record, externalId: 'appeal-1', dateOfBirth: '1990-01-01' });
    expect(v.verdict).toBe('mismatch');
    expect(await reviewOf(api, String(v.id))).toBeUndefined();
    const appeal = await request(api.url)
      .post(`/v1/verifications/${v.id}/appeal`)
      .set(api.auth('client'))
      .send({ reason: 'My registered birth date was a typo.' })
      .expect(201);
    const detail = await request(api.url)
      .get(`/v1/reviews/${appeal.body.id}`)
      .set(api.auth('reviewer'))
      .expect(200);
    expect(detail.body.verification.checks.comparison.dateOfBirth).toBe('mismatch');
    expect(detail.body.verification.document.dateOfBirth).toBe(c.case.groundTruth.dateOfBirth);
    expect(detail.body.applicant.dateOfBirth).toBe('1990-01-01');
    expect(detail.body.images).toContain('front');

    await request(api.url).post(`/v1/reviews/${appeal.body.id}/claim`).set(api.auth('reviewer')).expect(200);
    await request(api.url)
      .post(`/v1/reviews/${appeal.body.id}/decision`)
      .set(api.auth('reviewer'))
      .send({ verdict: 'mismatch', reasonCodes: ['FIELD_MISMATCH'], note: 'Record must be corrected first.' })
      .expect(200);
    const after = await request(api.url).get(`/v1/verifications/${v.id}`).set(api.auth('client')).expect(200);
    expect(after.body.review).toMatchObject({ verdict: 'mismatch', note: 'Record must be corrected first.' });
    // The automated reason keeps its field; the reviewer's decision is named.
    expect(after.body.reasons).toEqual([
      expect.objectContaining({ code: 'FIELD_MISMATCH', field: 'dateOfBirth' }),
      expect.objectContaining({ code: 'REVIEWER_DECISION' }),
    ]);
  });
});
