import request from 'supertest';
import sharp from 'sharp';
import { Client } from 'pg';
import { record, startApi, type ApiHarness } from '../support/api.harness';

/** A small photo-like JPEG made in code, with EXIF orientation 6 and a GPS-looking comment to be stripped. */
async function photo(width = 800, height = 500): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 190, b: 170 } } })
    .composite([
      {
        input: Buffer.from(
          `<svg width="${width}" height="${height}"><text x="40" y="200" font-size="60">P&lt;UTOERIKSSON</text></svg>`,
        ),
      },
    ])
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6, exif: { IFD0: { ImageDescription: 'GPS 59.33N 18.06E' } } })
    .toBuffer();
}

describe('POST /v1/verifications (uploads)', () => {
  let api: ApiHarness;
  let applicantId: string;
  let db: Client;

  beforeAll(async () => {
    api = await startApi('uploads');
    const res = await request(api.url)
      .post('/v1/applicants')
      .set(api.auth('client'))
      .send(record())
      .expect(201);
    applicantId = res.body.id;
    db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await api.close();
  });

  const upload = (file: Buffer, name = 'front.jpg', key?: string) => {
    const req = request(api.url)
      .post('/v1/verifications')
      .set(api.auth('client'))
      .field('applicantId', applicantId);
    if (key) req.set('Idempotency-Key', key);
    return req.attach('front', file, { filename: name, contentType: 'image/jpeg' });
  };

  it('accepts a photo: 202 queued, image stored encrypted, upright and without metadata, job in the outbox', async () => {
    const res = await upload(await photo());
    if (res.status !== 202) console.log(JSON.stringify(res.body));
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ id: expect.any(String), applicantId, status: 'queued', verdict: null });
    const img = await db.query(
      'SELECT media_type, width, height, ciphertext FROM verification_images WHERE verification_id = $1',
      [res.body.id],
    );
    expect(img.rows).toHaveLength(1);
    expect(img.rows[0]).toMatchObject({ media_type: 'image/jpeg', width: 500, height: 800 });
    expect(img.rows[0].ciphertext.includes(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
    expect(img.rows[0].ciphertext.includes(Buffer.from('GPS 59.33N'))).toBe(false);
    const outbox = await db.query(
      `SELECT payload FROM outbox WHERE topic = 'verification.analyse' AND payload->>'verificationId' = $1`,
      [res.body.id],
    );
    expect(outbox.rows).toHaveLength(1);
    const read = await request(api.url)
      .get(`/v1/verifications/${res.body.id}`)
      .set(api.auth('client'))
      .expect(200);
    expect(read.body.id).toBe(res.body.id);
  });

  it('returns the same verification for the same Idempotency-Key and body, 422 for another body', async () => {
    const file = await photo(640, 400);
    const first = await upload(file, 'a.jpg', 'key-123').expect(202);
    const again = await upload(file, 'a.jpg', 'key-123').expect(202);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const other = await upload(await photo(641, 400), 'a.jpg', 'key-123').expect(422);
    expect(other.body.error).toBe('idempotency_key_reused');
    const { rows } = await db.query(
      'SELECT count(*)::int AS n FROM verifications WHERE idempotency_key = $1',
      ['key-123'],
    );
    expect(rows[0].n).toBe(1);
  });

  it('creates exactly one verification when the same key races', async () => {
    const file = await photo(600, 380);
    const results = await Promise.all(Array.from({ length: 5 }, () => upload(file, 'r.jpg', 'race-key')));
    expect(results.map((r) => r.status)).toEqual([202, 202, 202, 202, 202]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
  });

  it.each([
    [
      'an SVG',
      Buffer.from(
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
      ),
      415,
      'unsupported_media_type',
    ],
    ['a PDF', Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF'), 415, 'unsupported_media_type'],
    [
      'a HEIC header',
      Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(64)]),
      415,
      'unsupported_media_type',
    ],
    ['zero bytes', Buffer.alloc(0), 422, 'image_unreadable'],
    [
      'random bytes',
      Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256)),
      422,
      'image_unreadable',
    ],
  ])('refuses %s', async (_name, file, status, error) => {
    const before = await db.query('SELECT count(*)::int AS n FROM verifications');
    const res = await upload(file as Buffer).expect(status as number);
    expect(res.body.error).toBe(error);
    if (status === 415) expect(res.body.details[0].hint['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    const after = await db.query('SELECT count(*)::int AS n FROM verifications');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('refuses a truncated JPEG as unreadable (422) and a decompression bomb as too large (413)', async () => {
    const jpeg = await photo();
    expect((await upload(jpeg.subarray(0, 300)).expect(422)).body.error).toBe('image_unreadable');
    const bomb = await sharp({
      create: { width: 9000, height: 9000, channels: 3, background: { r: 0, g: 0, b: 0 } },
    })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect((await upload(bomb, 'bomb.png').expect(413)).body.error).toBe('image_too_large');
  });

  it('refuses a file over the size limit with 413', async () => {
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(11 * 1024 * 1024, 1)]);
    const res = await upload(big).expect(413);
    expect(res.body.error).toBe('payload_too_large');
  });

  it('needs the front image and a known applicant of the tenant', async () => {
    await request(api.url)
      .post('/v1/verifications')
      .set(api.auth('client'))
      .field('applicantId', applicantId)
      .expect(400);
    await request(api.url)
      .post('/v1/verifications')
      .set(api.auth('otherClient'))
      .field('applicantId', applicantId)
      .attach('front', await photo(), 'f.jpg')
      .expect(404);
  });
});
