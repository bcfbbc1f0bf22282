import request from 'supertest';
import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PlatformModule, QueueModule } from '@idv/platform';
import { PersistenceModule } from '@idv/persistence';
import { WEBHOOK_OPTIONS, WebhooksModule } from '@idv/webhooks';
import { WebhookDeliveryProcessor } from '../../apps/worker/src/webhook-delivery.processor';
import { startApi, type ApiHarness, type KeyName } from '../support/api.harness';
import { eventually, reviewOf, seedVerification, startReceiver } from './review.fixtures';

/**
 * The review queue over HTTP: routing of manual_review verdicts, the claim race, leases held by one reviewer,
 * decisions that complete the verification (webhook, audit), four eyes on overridden rejections, appeals,
 * images for reviewers, tenancy and metrics.
 */
describe('manual review queue', () => {
  let api: ApiHarness;
  let worker: INestApplicationContext;
  let ds: DataSource;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let secondReviewer: string;
  let thirdReviewer: string;

  beforeAll(async () => {
    api = await startApi('reviews', {
      IDV_REVIEW_SAMPLE_ACCEPTED: '0',
      IDV_WEBHOOK_ALLOW_PRIVATE: '1',
      IDV_METRICS_TOKEN: 'review-metrics-token-0123456789',
    });
    receiver = await startReceiver();
    // The worker's webhook processor only (no OCR): enough to see review.completed reach a receiver.
    const moduleRef = await Test.createTestingModule({
      imports: [PlatformModule, QueueModule, PersistenceModule, WebhooksModule],
      providers: [WebhookDeliveryProcessor],
    })
      .overrideProvider(WEBHOOK_OPTIONS)
      .useValue({ timeoutMs: 2000, allowPrivateTargets: true, allowHttp: true })
      .compile();
    moduleRef.useLogger(false);
    worker = await moduleRef.init();
    ds = api.app.get<DataSource>(getDataSourceToken());
    const { ApiKeys } = await import('@idv/auth');
    secondReviewer = (await api.app.get(ApiKeys).create(api.tenants.main, 'reviewer')).key;
    thirdReviewer = (await api.app.get(ApiKeys).create(api.tenants.main, 'reviewer')).key;
  });

  afterAll(async () => {
    receiver?.close();
    await worker?.close();
    await api?.close();
  });

  const as = (key: KeyName | string) =>
    key.length > 20 ? { Authorization: `Bearer ${key}` } : api.auth(key as KeyName);
  const claim = (id: string, key: KeyName | string = 'reviewer') =>
    request(api.url).post(`/v1/reviews/${id}/claim`).set(as(key));
  const decide = (id: string, body: Record<string, unknown>, key: KeyName | string = 'reviewer') =>
    request(api.url).post(`/v1/reviews/${id}/decision`).set(as(key)).send(body);
  const auditOf = async (subjectId: string) =>
    (await ds.query(
      `SELECT action, actor_id, reason_codes, data FROM audit_events WHERE subject_id = $1 ORDER BY seq`,
      [subjectId],
    )) as Array<{ action: string; actor_id: string; reason_codes: string[]; data: Record<string, unknown> }>;

  it('opens a pending review for every manual_review verdict, listed oldest first with age and SLA', async () => {
    const first = await seedVerification(api, {
      verdict: 'manual_review',
      reasons: [{ code: 'LOW_CONFIDENCE' }],
    });
    const second = await seedVerification(api, {
      verdict: 'manual_review',
      reasons: [{ code: 'LOW_CONFIDENCE' }],
    });
    const accepted = await seedVerification(api, { verdict: 'accepted' });
    // The first one waited 30 hours: past its 24-hour SLA.
    await ds.query(
      `UPDATE reviews SET created_at = now() - interval '30 hours', sla_due_at = now() - interval '6 hours' WHERE verification_id = $1`,
      [first.verificationId],
    );
    const page = await request(api.url)
      .get('/v1/reviews?status=pending')
      .set(api.auth('reviewer'))
      .expect(200);
    const ids = page.body.items.map((r: { verificationId: string }) => r.verificationId);
    expect(ids.indexOf(first.verificationId)).toBeLessThan(ids.indexOf(second.verificationId));
    expect(ids).not.toContain(accepted.verificationId);
    const [old] = page.body.items;
    expect(old).toMatchObject({
      reason: 'manual_review',
      status: 'pending',
      automatedVerdict: 'manual_review',
      slaBreached: true,
    });
    expect(old.ageSeconds).toBeGreaterThanOrEqual(30 * 3600 - 5);
    const fresh = page.body.items.find(
      (r: { verificationId: string }) => r.verificationId === second.verificationId,
    );
    expect(fresh).toMatchObject({ slaBreached: false });
    expect(fresh.ageSeconds).toBeLessThan(60);

    const limited = await request(api.url)
      .get('/v1/reviews?status=pending&limit=1')
      .set(api.auth('reviewer'))
      .expect(200);
    expect(limited.body.items).toHaveLength(1);
    const next = await request(api.url)
      .get(`/v1/reviews?status=pending&limit=1&cursor=${limited.body.nextCursor}`)
      .set(api.auth('reviewer'))
      .expect(200);
    expect(next.body.items[0].id).not.toBe(limited.body.items[0].id);

    const metrics = await request(api.url)
      .get('/metrics')
      .set('Authorization', 'Bearer review-metrics-token-0123456789')
      .expect(200);
    expect(metrics.text).toMatch(/idv_review_queue_reviews\{state="pending"\} [1-9]/);
    const oldest = Number(/^idv_review_oldest_pending_seconds (\S+)$/m.exec(metrics.text)![1]);
    expect(oldest).toBeGreaterThanOrEqual(30 * 3600 - 5);
  });

  it('gives a review to exactly one of many reviewers claiming at once', async () => {
    const { verificationId } = await seedVerification(api, { verdict: 'manual_review' });
    const review = await reviewOf(api, verificationId);
    const keys: Array<KeyName | string> = [
      'reviewer',
      secondReviewer,
      thirdReviewer,
      'admin',
      'reviewer',
      secondReviewer,
      thirdReviewer,
      'admin',
    ];
    const answers = await Promise.all(keys.map((k) => claim(review.id, k)));
    const statuses = answers.map((a) => a.status);
    const winners = answers.filter((a) => a.status === 200);
    const holders = new Set(winners.map((w) => w.body.claimedBy));
    expect(holders.size).toBe(1);
    expect(statuses.filter((s) => s !== 200).every((s) => s === 409)).toBe(true);
    expect(statuses.filter((s) => s === 409).length).toBeGreaterThanOrEqual(keys.length - 2);
    const claims = (await auditOf(review.id)).filter((e) => e.action === 'review.claimed');
    expect(new Set(claims.map((c) => c.actor_id)).size).toBe(1);
  });

  it('lets only the lease holder decide, and the decision completes the verification with a webhook and an audit event', async () => {
    const hook = await request(api.url)
      .post('/v1/webhooks')
      .set(api.auth('client'))
      .send({ url: receiver.url, events: ['review.completed'] })
      .expect(201);
    const { verificationId } = await seedVerification(api, {
      verdict: 'manual_review',
      reasons: [{ code: 'MRZ_CHECK_DIGIT_INVALID' }, { code: 'LOW_CONFIDENCE' }],
    });
    const review = await reviewOf(api, verificationId);
    const body = {
      verdict: 'mismatch',
      reasonCodes: ['FIELD_MISMATCH'],
      note: 'Surname on the page reads ERIKSON; the record says ERIKSSON.',
    };

    expect((await decide(review.id, body)).status).toBe(409); // nobody holds it yet
    const claimed = await claim(review.id).expect(200);
    expect(claimed.body).toMatchObject({ status: 'claimed', leaseUntil: expect.any(String) });
    expect(new Date(claimed.body.leaseUntil).getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    await claim(review.id, secondReviewer).expect(409);
    expect((await decide(review.id, body, secondReviewer)).status).toBe(403);
    await decide(review.id, { ...body, reasonCodes: ['NOT_A_CODE'] }).expect(400);
    await decide(review.id, { ...body, verdict: 'restricted' }).expect(400);

    const decided = await decide(review.id, body).expect(200);
    expect(decided.body).toMatchObject({
      status: 'decided',
      decision: { verdict: 'mismatch', reasonCodes: ['FIELD_MISMATCH', 'REVIEWER_DECISION'] },
    });
    await decide(review.id, body).expect(409);

    const v = await request(api.url)
      .get(`/v1/verifications/${verificationId}`)
      .set(api.auth('client'))
      .expect(200);
    expect(v.body.verdict).toBe('mismatch');
    expect(v.body.review).toMatchObject({
      reviewerId: decided.body.decision.reviewerId,
      verdict: 'mismatch',
      reasonCodes: ['FIELD_MISMATCH', 'REVIEWER_DECISION'],
      note: body.note,
      decidedAt: expect.any(String),
    });
    expect(v.body.reasons.map((r: { code: string }) => r.code)).toEqual([
      'FIELD_MISMATCH',
      'REVIEWER_DECISION',
    ]);
    for (const r of v.body.reasons)
      expect(r.hint).toEqual({ en: expect.any(String), 'zh-CN': expect.any(String) });

    const decidedEvent = (await auditOf(review.id)).find((e) => e.action === 'review.decided')!;
    expect(decidedEvent.reason_codes).toEqual(['FIELD_MISMATCH', 'REVIEWER_DECISION']);
    expect(decidedEvent.data).toMatchObject({
      verdict: 'mismatch',
      previousVerdict: 'manual_review',
      final: true,
      noteLength: body.note.length,
    });
    expect(JSON.stringify(decidedEvent.data)).not.toContain('ERIKSON');

    const delivery = await eventually('review.completed delivery', () =>
      receiver.bodies.find((b) => b.includes(review.id)),
    );
    expect(JSON.parse(delivery)).toMatchObject({
      type: 'review.completed',
      data: { reviewId: review.id, verificationId, verdict: 'mismatch', previousVerdict: 'manual_review' },
    });
    expect(delivery).not.toContain('ERIKSON');
    await request(api.url).delete(`/v1/webhooks/${hook.body.id}`).set(api.auth('client')).expect(204);
  });

  it('needs a second, different reviewer to override an automated rejection', async () => {
    const { verificationId } = await seedVerification(api, {
      verdict: 'rejected',
      reasons: [{ code: 'DUPLICATE_DOCUMENT' }],
    });
    const appeal = await request(api.url)
      .post(`/v1/verifications/${verificationId}/appeal`)
      .set(api.auth('client'))
      .send({ reason: 'This is my own passport; I registered twice by mistake.' })
      .expect(201);
    expect(appeal.body).toMatchObject({ reason: 'appeal', status: 'pending', automatedVerdict: 'rejected' });
    const id = appeal.body.id;
    const accept = { verdict: 'accepted', reasonCodes: [], note: 'Same person, second account closed.' };

    await claim(id).expect(200);
    const first = await decide(id, accept).expect(200);
    expect(first.body).toMatchObject({ status: 'pending', needsSecondReviewer: true, decision: null });
    expect(first.body.decisions).toHaveLength(1);
    let v = await request(api.url)
      .get(`/v1/verifications/${verificationId}`)
      .set(api.auth('client'))
      .expect(200);
    expect(v.body).toMatchObject({ verdict: 'rejected', review: null });

    // The first reviewer cannot be their own second pair of eyes.
    expect((await claim(id)).status).toBe(403);
    // A second reviewer who disagrees leaves it open for a third.
    await claim(id, secondReviewer).expect(200);
    const disagree = await decide(
      id,
      { verdict: 'mismatch', reasonCodes: ['FIELD_MISMATCH'] },
      secondReviewer,
    ).expect(200);
    expect(disagree.body).toMatchObject({ status: 'pending', needsSecondReviewer: true });
    await claim(id, thirdReviewer).expect(200);
    const settled = await decide(id, accept, thirdReviewer).expect(200);
    expect(settled.body).toMatchObject({ status: 'decided', decision: { verdict: 'accepted' } });

    v = await request(api.url).get(`/v1/verifications/${verificationId}`).set(api.auth('client')).expect(200);
    expect(v.body.verdict).toBe('accepted');
    expect(v.body.review).toMatchObject({
      verdict: 'accepted',
      reviewerId: settled.body.decision.reviewerId,
      firstReviewerId: first.body.decisions[0].reviewerId,
    });
    expect(v.body.review.firstReviewerId).not.toBe(v.body.review.reviewerId);
    expect(v.body.reasons.map((r: { code: string }) => r.code)).toEqual(['REVIEWER_DECISION']);
  });

  it('upholds a rejection with one reviewer', async () => {
    const { verificationId } = await seedVerification(api, {
      verdict: 'rejected',
      reasons: [{ code: 'DUPLICATE_DOCUMENT' }],
    });
    const appeal = await request(api.url)
      .post(`/v1/verifications/${verificationId}/appeal`)
      .set(api.auth('client'))
      .send({ reason: 'Please check again.' })
      .expect(201);
    await claim(appeal.body.id).expect(200);
    const done = await decide(appeal.body.id, {
      verdict: 'rejected',
      reasonCodes: ['DUPLICATE_DOCUMENT'],
    }).expect(200);
    expect(done.body.status).toBe('decided');
  });

  it('takes one appeal per completed verification, from the tenant that owns it', async () => {
    const { verificationId } = await seedVerification(api, {
      verdict: 'mismatch',
      reasons: [{ code: 'FIELD_MISMATCH', field: 'surname' }],
    });
    const body = { reason: 'I changed my surname when I married.' };
    await request(api.url)
      .post(`/v1/verifications/${verificationId}/appeal`)
      .set(api.auth('otherClient'))
      .send(body)
      .expect(404);
    await request(api.url)
      .post(`/v1/verifications/${verificationId}/appeal`)
      .set(api.auth('reviewer'))
      .send(body)
      .expect(403);
    await request(api.url)
      .post(`/v1/verifications/${verificationId}/appeal`)
      .set(api.auth('client'))
      .send({})
      .expect(400);
    const appeal = await request(api.url)
      .post(`/v1/verifications/${verificationId}/appeal`)
      .set(api.auth('client'))
      .send(body)
      .expect(201);
    const again = await request(api.url)
      .post(`/v1/verifications/${verificationId}/appeal`)
      .set(api.auth('client'))
      .send(body)
      .expect(409);
    expect(again.body).toMatchObject({ error: 'already_appealed', reviewId: appeal.body.id });

    const detail = await request(api.url)
      .get(`/v1/reviews/${appeal.body.id}`)
      .set(api.auth('reviewer'))
      .expect(200);
    expect(detail.body).toMatchObject({
      review: { reason: 'appeal', appealReason: body.reason },
      verification: {
        id: verificationId,
        verdict: 'mismatch',
        reasons: [expect.objectContaining({ code: 'FIELD_MISMATCH', field: 'surname' })],
      },
      applicant: { surname: 'ERIKSSON', givenNames: 'ANNA MARIA', dateOfBirth: '1974-08-12' },
      images: ['front'],
    });
    expect(detail.body.applicant).not.toHaveProperty('email');
    const opened = (await auditOf(appeal.body.id)).find((e) => e.action === 'review.opened')!;
    expect(opened.data).toMatchObject({ reason: 'appeal', appealReasonLength: body.reason.length });
    expect(JSON.stringify(opened.data)).not.toContain('married');
  });

  it("keeps reviews and images within the reviewer's tenant", async () => {
    const { verificationId } = await seedVerification(api, { verdict: 'manual_review' });
    const review = await reviewOf(api, verificationId);
    await request(api.url).get(`/v1/reviews/${review.id}`).set(api.auth('otherReviewer')).expect(404);
    await claim(review.id, 'otherReviewer').expect(404);
    await request(api.url)
      .get(`/v1/verifications/${verificationId}/images/front`)
      .set(api.auth('otherReviewer'))
      .expect(404);
    expect(await reviewOf(api, verificationId, 'otherReviewer')).toBeUndefined();
    await request(api.url).get('/v1/reviews').set(api.auth('client')).expect(403);
    await claim(review.id, 'auditor').expect(403);
  });

  it('streams images to reviewers only, never cached, and audits every view', async () => {
    const { verificationId } = await seedVerification(api, { verdict: 'manual_review' });
    const img = await request(api.url)
      .get(`/v1/verifications/${verificationId}/images/front`)
      .set(api.auth('reviewer'))
      .expect(200);
    expect(img.headers['content-type']).toMatch(/^image\/(png|jpeg)/);
    expect(img.headers['cache-control']).toBe('no-store');
    expect(Buffer.isBuffer(img.body) && img.body.length).toBeGreaterThan(100);
    await request(api.url)
      .get(`/v1/verifications/${verificationId}/images/front`)
      .set(api.auth('reviewer'))
      .expect(200);
    await request(api.url)
      .get(`/v1/verifications/${verificationId}/images/front`)
      .set(api.auth('client'))
      .expect(403);
    await request(api.url)
      .get(`/v1/verifications/${verificationId}/images/back`)
      .set(api.auth('reviewer'))
      .expect(404);
    const views = (await auditOf(verificationId)).filter((e) => e.action === 'image.viewed');
    expect(views).toHaveLength(2);
    expect(views[0].data).toMatchObject({ side: 'front' });

    await ds.query(
      `UPDATE verification_images SET ciphertext = NULL, purged_at = now() WHERE verification_id = $1`,
      [verificationId],
    );
    await request(api.url)
      .get(`/v1/verifications/${verificationId}/images/front`)
      .set(api.auth('reviewer'))
      .expect(404);
    const review = await reviewOf(api, verificationId);
    const detail = await request(api.url)
      .get(`/v1/reviews/${review.id}`)
      .set(api.auth('reviewer'))
      .expect(200);
    expect(detail.body.images).toEqual([]);
  });

  it('lets the holder release a review back to the queue', async () => {
    const { verificationId } = await seedVerification(api, { verdict: 'manual_review' });
    const review = await reviewOf(api, verificationId);
    await claim(review.id).expect(200);
    await request(api.url).post(`/v1/reviews/${review.id}/release`).set(as(secondReviewer)).expect(403);
    const released = await request(api.url)
      .post(`/v1/reviews/${review.id}/release`)
      .set(api.auth('reviewer'))
      .expect(200);
    expect(released.body).toMatchObject({ status: 'pending', claimedBy: null });
    await claim(review.id, secondReviewer).expect(200);
    const actions = (await auditOf(review.id)).map((e) => e.action);
    expect(actions).toEqual(['review.claimed', 'review.released', 'review.claimed']);
  });
});
