import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { waitFor } from '@idv/testing';
import { expectConsistent } from '../support/consistency';
import {
  startService,
  subject,
  upload,
  waitForVerdict,
  type RealService,
  type Subject,
} from '../support/service.harness';

/**
 * SIGTERM (a deploy, a scale-down) while the service is busy. A worker finishes the jobs it holds before it exits
 * (or they return to the queue); the API finishes the requests it is answering. Nothing accepted is lost, and
 * nothing refused is half-written. Images go to files (`IDV_IMAGE_DIR`), as compose runs the service.
 */
describe('SIGTERM while work is in progress', () => {
  let service: RealService;
  let db: Client;
  let s: Subject;
  let images: string;

  beforeAll(async () => {
    images = await mkdtemp(join(tmpdir(), 'idv-gracefulstop-'));
    service = await startService('gracefulstop', {
      env: { IDV_WORKER_CONCURRENCY: '2', IDV_IMAGE_DIR: images },
    });
    db = new Client({ connectionString: service.databaseUrl });
    await db.connect();
    s = await subject(service, 4401);
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await service?.close();
    await rm(images, { recursive: true, force: true });
  });

  const statuses = async (ids: string[]) =>
    Object.fromEntries(
      (await db.query(`SELECT id, status FROM verifications WHERE id = ANY($1)`, [ids])).rows.map(
        (r: { id: string; status: string }) => [r.id, r.status],
      ),
    );

  it('a worker stopped mid-job finishes what it holds, exits 0, and the rest is done by the next one', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await upload(service, s);
      expect(r.status).toBe(202);
      ids.push(r.body.id as string);
    }
    const inFlight = await waitFor(
      async () => {
        const now = await statuses(ids);
        const processing = ids.filter((id) => now[id] === 'processing');
        return processing.length > 0 ? processing : undefined;
      },
      30_000,
      'a job in progress',
    );
    const exit = await service.stop(service.workers[0], 'SIGTERM');
    expect(exit).toEqual({ code: 0, signal: null });
    // What it held when told to stop is finished (or, had it run out of time, back in the queue — never lost).
    const atExit = await statuses(ids);
    for (const id of inFlight) expect(['completed', 'queued', 'processing']).toContain(atExit[id]);
    expect(inFlight.filter((id) => atExit[id] === 'completed').length).toBeGreaterThan(0);

    await service.startWorker();
    for (const id of ids) expect((await waitForVerdict(service, id)).status).toBe('completed');
    const attempts = await db.query(`SELECT attempts FROM verifications WHERE id = ANY($1)`, [ids]);
    expect(attempts.rows.every((r: { attempts: number }) => r.attempts === 1)).toBe(true);
    await expectConsistent(service.databaseUrl);
  }, 120_000);

  it('the API stopped during a burst of uploads answers what it took, and every 202 gets its verdict', async () => {
    const results: Array<{ status: number; id?: string } | { error: string }> = [];
    const burst = Promise.all(
      Array.from({ length: 3 }, async () => {
        for (let i = 0; i < 8; i++) {
          try {
            const r = await upload(service, s);
            results.push({ status: r.status, id: r.body.id as string | undefined });
          } catch (err) {
            results.push({ error: String((err as Error).cause ?? err) });
          }
        }
      }),
    );
    await waitFor(async () => (results.length >= 3 ? true : undefined), 30_000, 'the first uploads');
    const exit = await service.stop(service.api, 'SIGTERM');
    expect(exit).toEqual({ code: 0, signal: null });
    await burst;

    // Every answer is a 202 or a connection the stopping API closed or refused (EPIPE: closed while the client was
    // still sending the body); no 500, no hung request.
    const accepted = results.flatMap((r) => ('status' in r && r.status === 202 ? [r.id!] : []));
    for (const r of results) {
      if ('status' in r) expect(r.status).toBe(202);
      else expect(r.error).toMatch(/ECONNREFUSED|ECONNRESET|EPIPE|other side closed|SocketError/);
    }
    expect(accepted.length).toBeGreaterThanOrEqual(3);

    await service.restartApi();
    for (const id of accepted) expect((await waitForVerdict(service, id)).status).toBe('completed');
    // Nothing half-written: the verifications are exactly the 5 of the first case and the accepted ones.
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM verifications`);
    expect(rows[0].n).toBe(5 + accepted.length);
    // And every stored image is in the file its row names, none left in the database.
    const stored = await db.query(`SELECT file_path, ciphertext IS NULL AS in_file FROM verification_images`);
    expect(stored.rows.length).toBeGreaterThanOrEqual(rows[0].n);
    for (const r of stored.rows as Array<{ file_path: string; in_file: boolean }>) {
      expect(r.in_file).toBe(true);
      expect(existsSync(join(images, r.file_path))).toBe(true);
    }
    await expectConsistent(service.databaseUrl);
  }, 120_000);
});
