import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import sharp from 'sharp';
import { Client } from 'pg';
import { DEFAULT_TODAY, generateCase } from '@idv/synthetic';
import { Retention } from '@idv/verifications';
import { record, startApi, startWorker, verdictOf, type ApiHarness } from '../support/api.harness';

/**
 * `IDV_IMAGE_DIR`: images' ciphertext in files, metadata in PostgreSQL. The same promises as in the database:
 * sealed to their row, analysed by the worker, served to reviewers, gone on erasure and after retention.
 */
describe('images stored as files (IDV_IMAGE_DIR)', () => {
  let api: ApiHarness;
  let sql: Client;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'idv-images-'));
    api = await startApi('image_files', {
      IDV_IMAGE_DIR: join(dir, 'images'),
      IDV_NOW: `${DEFAULT_TODAY}T12:00:00Z`,
      IDV_RATE_LIMIT_PER_MINUTE: '10000',
    });
    sql = new Client({ connectionString: api.databaseUrl });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await api?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const applicant = async (record: Record<string, unknown>) =>
    (await request(api.url).post('/v1/applicants').set(api.auth('client')).send(record).expect(201)).body
      .id as string;
  const upload = async (applicantId: string, front: Buffer, back?: Buffer) => {
    const req = request(api.url)
      .post('/v1/verifications')
      .set(api.auth('client'))
      .field('applicantId', applicantId)
      .attach('front', front, 'front.jpg');
    if (back) req.attach('back', back, 'back.jpg');
    return (await req.expect(202)).body.id as string;
  };
  const rows = async (verificationId: string) =>
    (
      await sql.query(
        `SELECT side, ciphertext, file_path, purged_at FROM verification_images
          WHERE verification_id = $1 ORDER BY side DESC`,
        [verificationId],
      )
    ).rows as Array<{
      side: string;
      ciphertext: Buffer | null;
      file_path: string | null;
      purged_at: Date | null;
    }>;
  const exists = (name: string) =>
    stat(join(dir, 'images', name)).then(
      () => true,
      () => false,
    );

  it('writes each side to its own sealed file, owner-only, and keeps no bytes in the row', async () => {
    const jpeg = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#c8beaa' } })
      .jpeg()
      .withMetadata({ exif: { IFD0: { ImageDescription: 'GPS 59.33N 18.06E' } } })
      .toBuffer();
    const id = await upload(await applicant(record({ externalId: 'files-1' })), jpeg, jpeg);
    const stored = await rows(id);
    expect(stored.map((r) => r.side)).toEqual(['front', 'back']);
    const today = new Date().toISOString().slice(0, 10);
    for (const row of stored) {
      expect(row.ciphertext).toBeNull();
      expect(row.file_path).toMatch(new RegExp(`^${today}/${id}\\.${row.side}\\.[0-9a-f]{12}$`));
      const path = join(dir, 'images', row.file_path!);
      const bytes = await readFile(path);
      expect(bytes.includes(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
      expect(bytes.includes(Buffer.from('GPS 59.33N'))).toBe(false);
      expect((await stat(path)).mode & 0o777).toBe(0o600);
    }
    const served = await request(api.url)
      .get(`/v1/verifications/${id}/images/front`)
      .set(api.auth('reviewer'))
      .expect(200);
    expect(await sharp(served.body as Buffer).metadata()).toMatchObject({ width: 600, height: 400 });
  });

  it('answers 503 with Retry-After and keeps nothing when the image directory cannot be written', async () => {
    const jpeg = await sharp({ create: { width: 500, height: 300, channels: 3, background: '#a0a0a0' } })
      .jpeg()
      .toBuffer();
    const person = await applicant(record({ externalId: 'files-full' }));
    const count = async () =>
      (
        await sql.query(
          `SELECT (SELECT count(*) FROM verifications)::int AS v, (SELECT count(*) FROM verification_images)::int AS i,
                  (SELECT count(*) FROM outbox)::int AS o`,
        )
      ).rows[0];
    const before = await count();
    // Stands in for a full disk or a lost mount (root ignores permissions): a file where today's folder goes.
    const day = join(dir, 'images', new Date().toISOString().slice(0, 10));
    await rename(day, `${day}.aside`).catch(() => undefined);
    await writeFile(day, 'not a folder');
    try {
      const res = await request(api.url)
        .post('/v1/verifications')
        .set(api.auth('client'))
        .field('applicantId', person)
        .attach('front', jpeg, 'front.jpg');
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
      expect(res.body).toMatchObject({ error: 'image_storage_unavailable' });
      expect(await count()).toEqual(before);
    } finally {
      await rm(day, { force: true });
      await rename(`${day}.aside`, day).catch(() => undefined);
    }
    await upload(person, jpeg);
    expect((await count()).v).toBe(before.v + 1);
  });

  it('refuses to serve a file moved to another row: the ciphertext is bound to its own', async () => {
    const gray = await sharp({ create: { width: 500, height: 300, channels: 3, background: '#808080' } })
      .jpeg()
      .toBuffer();
    const person = await applicant(record({ externalId: 'files-2' }));
    const [a, b] = [await upload(person, gray), await upload(person, gray)];
    const [fileA, fileB] = [(await rows(a))[0].file_path!, (await rows(b))[0].file_path!];
    await writeFile(join(dir, 'images', fileB), await readFile(join(dir, 'images', fileA)));
    const res = await request(api.url).get(`/v1/verifications/${b}/images/front`).set(api.auth('reviewer'));
    expect(res.status).toBeGreaterThanOrEqual(500);
    expect(res.headers['content-type']).toMatch(/json/);
    await request(api.url).get(`/v1/verifications/${a}/images/front`).set(api.auth('reviewer')).expect(200);
  });

  it('is read by the worker: a genuine document gets its verdict from the files', async () => {
    const c = await generateCase(303, { scenario: 'clean', documentType: 'passport' });
    const id = await upload(await applicant({ ...c.case.record, externalId: 'files-3' }), c.images.front);
    const worker = await startWorker();
    try {
      expect(await verdictOf(api, id)).toMatchObject({ status: 'completed', verdict: 'accepted' });
    } finally {
      await worker.close();
    }
  }, 60_000);

  it('deletes the files of an erased applicant, keeping the rows as purged metadata', async () => {
    const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#aabbcc' } })
      .png()
      .toBuffer();
    const person = await applicant(record({ externalId: 'files-4' }));
    const ids = [await upload(person, png, png), await upload(person, png)];
    const names = (await Promise.all(ids.map(rows))).flat().map((r) => r.file_path!);
    expect(names).toHaveLength(3);
    for (const name of names) expect(await exists(name)).toBe(true);
    await request(api.url).delete(`/v1/applicants/${person}`).set(api.auth('admin')).expect(200);
    for (const name of names) expect(await exists(name)).toBe(false);
    for (const row of (await Promise.all(ids.map(rows))).flat()) expect(row.purged_at).toBeInstanceOf(Date);
    await request(api.url)
      .get(`/v1/verifications/${ids[0]}/images/front`)
      .set(api.auth('reviewer'))
      .expect(404);
  });

  it('purges files due under retention and sweeps old day folders no stored image is left in', async () => {
    const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#ccbbaa' } })
      .png()
      .toBuffer();
    const person = await applicant(record({ externalId: 'files-5' }));
    const [old, fresh, kept] = [
      await upload(person, png),
      await upload(person, png),
      await upload(person, png),
    ];
    const [oldFile, freshFile] = [(await rows(old))[0].file_path!, (await rows(fresh))[0].file_path!];
    // An image uploaded 40 days ago, still stored; its day folder must survive the sweep.
    const keptDay = new Date(Date.parse(`${DEFAULT_TODAY}T12:00:00Z`) - 40 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const keptFile = (await rows(kept))[0].file_path!.replace(/^[^/]+/, keptDay);
    await mkdir(join(dir, 'images', keptDay));
    await writeFile(
      join(dir, 'images', keptFile),
      await readFile(join(dir, 'images', (await rows(kept))[0].file_path!)),
    );
    await sql.query(`UPDATE verification_images SET file_path = $2 WHERE verification_id = $1`, [
      kept,
      keptFile,
    ]);
    // What a rolled-back upload or a crash mid-write leaves: files no row names, in an old day's folder.
    const orphanDay = '2020-01-02';
    await mkdir(join(dir, 'images', orphanDay));
    await writeFile(join(dir, 'images', orphanDay, `${old}.front.0123456789ab`), 'sealed bytes');
    await writeFile(join(dir, 'images', orphanDay, `${old}.back.0123456789ab.tmp`), 'half');
    await sql.query(
      `UPDATE verification_images SET created_at = $2::timestamptz - interval '31 days' WHERE verification_id = $1`,
      [old, `${DEFAULT_TODAY}T12:00:00Z`],
    );

    const reports = await api.app.get(Retention).runAll();
    expect(reports.reduce((n, r) => n + r.images, 0)).toBeGreaterThanOrEqual(1);
    expect(await exists(oldFile)).toBe(false);
    expect((await rows(old))[0].purged_at).toBeInstanceOf(Date);
    expect(await exists(freshFile)).toBe(true);
    const days = await readdir(join(dir, 'images'));
    expect(days).not.toContain(orphanDay);
    expect(days).toContain(keptDay);
    await request(api.url)
      .get(`/v1/verifications/${kept}/images/front`)
      .set(api.auth('reviewer'))
      .expect(200);
  });
});
