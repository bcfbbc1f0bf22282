import request from 'supertest';
import { startApi, type ApiHarness } from '../support/api.harness';
import { reviewOf, seedVerification } from './review.fixtures';

/**
 * `REVIEWER_DECISION` in a decision's `reasonCodes`: the contract lists it among the reason codes and says a client
 * may send it (the service adds it to every decision anyway). It is accepted and recorded once; a verdict other than
 * `accepted` still needs a reason the person can act on, which `REVIEWER_DECISION` is not.
 */
describe('REVIEWER_DECISION sent with a review decision', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi('decisioncodes', { IDV_REVIEW_SAMPLE_ACCEPTED: '0' });
  });

  afterAll(async () => {
    await api?.close();
  });

  /** A claimed review of a fresh manual_review verification. */
  const claimedReview = async () => {
    const { verificationId } = await seedVerification(api, {
      verdict: 'manual_review',
      reasons: [{ code: 'LOW_CONFIDENCE' }],
    });
    const review = await reviewOf(api, verificationId);
    await request(api.url).post(`/v1/reviews/${review.id}/claim`).set(api.auth('reviewer')).expect(200);
    return { reviewId: review.id as string, verificationId };
  };
  const decide = (id: string, body: Record<string, unknown>) =>
    request(api.url).post(`/v1/reviews/${id}/decision`).set(api.auth('reviewer')).send(body);
  const verification = async (id: string) =>
    (await request(api.url).get(`/v1/verifications/${id}`).set(api.auth('client')).expect(200)).body;
  const codes = (reasons: Array<{ code: string }>) => reasons.map((r) => r.code);

  it('accepts it beside an actionable reason, wherever it is sent, and records it once, last', async () => {
    for (const reasonCodes of [
      ['FIELD_MISMATCH', 'REVIEWER_DECISION'],
      ['REVIEWER_DECISION', 'FIELD_MISMATCH'],
    ]) {
      const { reviewId, verificationId } = await claimedReview();
      const decided = await decide(reviewId, { verdict: 'mismatch', reasonCodes }).expect(200);
      expect(decided.body.decision.reasonCodes).toEqual(['FIELD_MISMATCH', 'REVIEWER_DECISION']);
      const v = await verification(verificationId);
      expect(v.verdict).toBe('mismatch');
      expect(v.review.reasonCodes).toEqual(['FIELD_MISMATCH', 'REVIEWER_DECISION']);
      expect(codes(v.reasons)).toEqual(['FIELD_MISMATCH', 'REVIEWER_DECISION']);
    }
  });

  it('accepts it alone with an accepted verdict', async () => {
    const { reviewId, verificationId } = await claimedReview();
    const decided = await decide(reviewId, {
      verdict: 'accepted',
      reasonCodes: ['REVIEWER_DECISION'],
    }).expect(200);
    expect(decided.body.decision.reasonCodes).toEqual(['REVIEWER_DECISION']);
    const v = await verification(verificationId);
    expect(v.verdict).toBe('accepted');
    expect(codes(v.reasons)).toEqual(['REVIEWER_DECISION']);
  });

  it('does not take it as the reason for a verdict other than accepted', async () => {
    const { reviewId, verificationId } = await claimedReview();
    for (const reasonCodes of [['REVIEWER_DECISION'], []]) {
      const refused = await decide(reviewId, { verdict: 'unreadable', reasonCodes }).expect(400);
      expect(refused.body).toMatchObject({
        error: 'validation_failed',
        details: [
          {
            field: 'reasonCodes',
            code: 'required',
            hint: { en: expect.any(String), 'zh-CN': expect.any(String) },
          },
        ],
      });
    }
    // Nothing was recorded: the lease holder can still decide with a reason the person can act on.
    expect((await verification(verificationId)).verdict).toBe('manual_review');
    await decide(reviewId, {
      verdict: 'unreadable',
      reasonCodes: ['IMAGE_BLURRED', 'REVIEWER_DECISION'],
    }).expect(200);
    expect(codes((await verification(verificationId)).reasons)).toEqual([
      'IMAGE_BLURRED',
      'REVIEWER_DECISION',
    ]);
  });
});
