import request from 'supertest';
import sharp from 'sharp';
import { Client } from 'pg';
import { Queue } from 'bullmq';
import { JobName, MAINTENANCE_QUEUE, RETENTION_SCHEDULER_ID, redisOptionsFromUrl } from '@idv/platform';
import { runTs, waitFor } from '@idv/testing';
import { ImageStore } from '@idv/verifications';
import { record, startApi, startWorker, type ApiHarness } from '../support/api.harness';

const CLI = 'apps/cli/src/main.ts';
const MRZ = ['P<SWEERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36SWE7408122F1204159<<<<<<<<<<<<<<02'];

/**
 * Retention: images are purged 30 days after upload (bytes gone, metadata kept), verifications older than 5 years
 * lose their document data; verdicts and the audit trail stay. Run by the worker's scheduled job and by the CLI.
 */
describe('retention (scheduled job and retention:run)', () => {
  let api: ApiHarness;
  let sql: Client;
  let queue: Queue;
  const ids = { old: '', fresh: '', ancient: '' };

  beforeAll(async () => {
    api = await startApi('retention', { IDV_RATE_LIMIT_PER_MINUTE: '10000' });
    sql = new Client({ connectionString: api.databaseUrl });
    await sql.connect();
    const connection = redisOptionsFromUrl(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    queue = new Queue(MAINTENANCE_QUEUE, { connection, prefix: api.prefix });
    const image = await sharp({
      create: { width: 640, height: 400, channels: 3, background: { r: 200, g: 210, b: 220 } },
    })
      .jpeg()
      .toBuffer();
    const applicant = await request(api.url).post('/v1/applicants').set(api.auth('client')).send(record());
    for (const name of Object.keys(ids) as Array<keyof typeof ids>) {
      const res = await request(api.url)
        .post('/v1/verifications')
        .set(api.auth('client'))
        .field('applicantId', applicant.body.id)
        .attach('front', image, 'front.jpg')
        .expect(202);
      ids[name] = res.body.id;
    }
    // Time travel: one upload 31 days old, one verification 6 years old with the document data a verdict carries.
    await sql.query(
      `UPDATE verification_images SET created_at = now() - interval '31 days' WHERE verification_id = $1`,
      [ids.old],
    );
    await sql.query(
      `UPDATE verifications SET created_at = now() - interval '6 years', status = 'completed', verdict = 'accepted',
              document = $2, checks = $3, document_key = 'k1' WHERE id = $1`,
      [
        ids.ancient,
        {
          type: 'passport',
          format: 'TD3',
          issuingCountry: 'SWE',
          surname: 'ERIKSSON',
          givenNames: 'ANNA MARIA',
          documentNumber: 'L898902C3',
          dateOfBirth: '1974-08-12',
          expiryDate: '2012-04-15',
          sex: 'F',
          nationality: 'SWE',
        },
        {
          mrz: { found: true, valid: true, lines: MRZ },
          comparison: { surname: 'match' },
          expiry: { expired: false, expiryDate: '2012-04-15' },
        },
      ],
    );
    await sql.query(
      `UPDATE verification_images SET created_at = now() - interval '6 years' WHERE verification_id = $1`,
      [ids.ancient],
    );
  }, 60_000);

  afterAll(async () => {
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await sql?.end();
    await api?.close();
  });

  const images = async (): Promise<Record<string, { stored: boolean; purged: boolean; bytes: number }>> =>
    Object.fromEntries(
      (
        await sql.query(
          `SELECT verification_id, ciphertext IS NOT NULL AS stored, purged_at IS NOT NULL AS purged, bytes
             FROM verification_images`,
        )
      ).rows.map((r) => [r.verification_id, r]),
    );
  const retentionEvents = async () =>
    (
      await sql.query(
        `SELECT tenant_id, data FROM audit_events WHERE action = 'retention.purged' ORDER BY tenant_id NULLS FIRST, seq`,
      )
    ).rows;
  const cli = (...args: string[]) =>
    runTs(CLI, ['retention:run', ...args], { DATABASE_URL: api.databaseUrl, LOG_LEVEL: 'silent' });

  it('retention:run --dry-run reports what is due and changes nothing', async () => {
    const run = await cli('--dry-run');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [report] = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(report).toMatchObject({ dryRun: true, images: 2, verifications: 1, more: false });
    expect(Object.values(await images()).every((i) => i.stored)).toBe(true);
    expect(await retentionEvents()).toEqual([]);
  }, 60_000);

  it('every worker schedules the same hourly job once, and the job purges what is due', async () => {
    const workers = [await startWorker(), await startWorker()];
    try {
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.map((s) => [s.key, s.every])).toEqual([[RETENTION_SCHEDULER_ID, 3_600_000]]);
      // The scheduler's first job runs at once (then hourly): wait for it rather than adding one.
      const done = await waitFor(
        async () => (await queue.getCompleted()).find((j) => j.name === JobName.Retention),
        30_000,
        'the first scheduled retention job',
      );
      expect(done.returnvalue).toEqual({ runs: 1, images: 2, verifications: 1 });
    } finally {
      for (const w of workers) await w.close();
    }
    const after = await images();
    expect(after[ids.old]).toMatchObject({ stored: false, purged: true });
    expect(after[ids.ancient]).toMatchObject({ stored: false, purged: true });
    expect(after[ids.fresh]).toMatchObject({ stored: true, purged: false });
    expect(after[ids.old].bytes).toBeGreaterThan(0);
  }, 90_000);

  it('keeps verdicts but not the document data of records past the record period', async () => {
    const v = await request(api.url)
      .get(`/v1/verifications/${ids.ancient}`)
      .set(api.auth('client'))
      .expect(200);
    expect(v.body).toMatchObject({
      status: 'completed',
      verdict: 'accepted',
      document: {
        type: 'passport',
        format: 'TD3',
        issuingCountry: 'SWE',
        surname: null,
        documentNumber: null,
      },
      checks: { mrz: { found: true, valid: true, lines: [] }, comparison: { surname: 'match' } },
    });
    const [row] = (
      await sql.query(`SELECT row_to_json(v)::text AS t FROM verifications v WHERE id = $1`, [ids.ancient])
    ).rows;
    for (const value of ['ERIKSSON', 'L898902C3', '1974-08-12', '740812', MRZ[0], 'k1'])
      expect(row.t).not.toContain(value);
  });

  it('serves no purged image, through the ImageStore or the reviewer endpoint', async () => {
    const store = api.app.get(ImageStore);
    const [{ tenant_id }] = (await sql.query(`SELECT tenant_id FROM verifications WHERE id = $1`, [ids.old]))
      .rows;
    expect(await store.get(tenant_id, ids.old, 'front')).toBeNull();
    expect(await store.get(tenant_id, ids.fresh, 'front')).not.toBeNull();
    await request(api.url)
      .get(`/v1/verifications/${ids.old}/images/front`)
      .set(api.auth('reviewer'))
      .expect(404);
    await request(api.url)
      .get(`/v1/verifications/${ids.fresh}/images/front`)
      .set(api.auth('reviewer'))
      .expect(200);
  });

  it('audits each run with counts only (platform and tenant chains), and a second run finds nothing', async () => {
    const [platform, tenant] = await retentionEvents();
    expect(platform).toMatchObject({ tenant_id: null, data: { images: 2, verifications: 1, tenants: 1 } });
    expect(tenant).toMatchObject({ data: { images: 2, verifications: 1 } });
    const run = await cli();
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout.trim())).toMatchObject({ dryRun: false, images: 0, verifications: 0 });
    expect(await retentionEvents()).toHaveLength(3);
    const verify = await request(api.url).get('/v1/audit-events/verify').set(api.auth('auditor')).expect(200);
    expect(verify.body.valid).toBe(true);
    const chain = await request(api.url)
      .get('/v1/audit-events')
      .query({ subjectId: ids.ancient })
      .set(api.auth('auditor'))
      .expect(200);
    expect(chain.body.items.map((e: { action: string }) => e.action)).toEqual(['verification.created']);
  }, 60_000);
});
