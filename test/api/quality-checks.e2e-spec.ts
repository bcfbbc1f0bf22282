import request from 'supertest';
import sharp from 'sharp';
import { Client } from 'pg';
import { generateCase } from '@idv/synthetic';
import { startApi, type ApiHarness } from '../support/api.harness';

describe('POST /v1/quality-checks (instant pre-check)', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi('qualitycheck');
  });
  afterAll(() => api.close());

  const check = (image: Buffer, key: 'client' | 'reviewer' = 'client') =>
    request(api.url).post('/v1/quality-checks').set(api.auth(key)).attach('image', image, 'photo.jpg');

  it('passes a sharp, well-lit document photo', async () => {
    const { images } = await generateCase(11, { scenario: 'clean', documentType: 'passport' });
    const res = await check(images.front).expect(200);
    expect(res.body).toMatchObject({
      passed: true,
      checks: { quality: { passed: true, resolution: [expect.any(Number), expect.any(Number)] } },
    });
    expect(res.body.reasons.filter((r: { code: string }) => r.code === 'IMAGE_BLURRED')).toEqual([]);
  });

  it('fails a blurred photo with IMAGE_BLURRED and a hint in both languages', async () => {
    const { images } = await generateCase(11, { scenario: 'clean', documentType: 'passport' });
    const blurred = await sharp(images.front).blur(8).jpeg().toBuffer();
    const res = await check(blurred).expect(200);
    expect(res.body.passed).toBe(false);
    expect(res.body.reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'IMAGE_BLURRED',
          hint: { en: expect.any(String), 'zh-CN': expect.stringMatching(/[\u4e00-\u9fff]/) },
        }),
      ]),
    );
  });

  it('fails a very dark photo with IMAGE_TOO_DARK', async () => {
    const { images } = await generateCase(12, { scenario: 'clean', documentType: 'id_card' });
    const dark = await sharp(images.front).linear(0.12, 0).jpeg().toBuffer();
    const res = await check(dark).expect(200);
    expect(res.body.passed).toBe(false);
    expect(res.body.reasons.map((r: { code: string }) => r.code)).toContain('IMAGE_TOO_DARK');
  });

  it('fails an ID card 250 px wide as too small to keep (IMAGE_LOW_RESOLUTION), not one 320 px wide', async () => {
    const { images } = await generateCase(3, { scenario: 'clean', documentType: 'id_card' });
    const at = (width: number) => sharp(images.front).resize({ width }).png().toBuffer();
    const small = await check(await at(250)).expect(200);
    expect(small.body.passed).toBe(false);
    expect(small.body.checks.quality.issues).toContainEqual({
      code: 'IMAGE_LOW_RESOLUTION',
      severity: 'fail',
    });
    expect(small.body.reasons[0]).toMatchObject({
      code: 'IMAGE_LOW_RESOLUTION',
      hint: { en: expect.stringMatching(/closer/), 'zh-CN': expect.stringMatching(/靠近/) },
    });
    const enough = await check(await at(320)).expect(200);
    expect(enough.body.checks.quality.issues).not.toContainEqual({
      code: 'IMAGE_LOW_RESOLUTION',
      severity: 'fail',
    });
  });

  it('stores nothing and refuses what is not an image', async () => {
    await check(Buffer.from('%PDF-1.4\n%%EOF')).expect(415);
    await request(api.url).post('/v1/quality-checks').set(api.auth('client')).expect(400);
    await check(Buffer.from('x'), 'reviewer').expect(403);
    const db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    const { rows } = await db.query(
      'SELECT (SELECT count(*) FROM verification_images)::int AS images, (SELECT count(*) FROM verifications)::int AS v',
    );
    await db.end();
    expect(rows[0]).toEqual({ images: 0, v: 0 });
  });
});
