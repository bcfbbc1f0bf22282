import type { Queue } from 'bullmq';
import { Client } from 'pg';
import { outboxJobId } from '@idv/persistence';
import { VERIFICATION_QUEUE } from '@idv/platform';
import { expectConsistent } from '../support/consistency';
import { startService, subject, upload, waitForVerdict, type RealService } from '../support/service.harness';

const LOCK_MS = 3000;
const STALL_CHECK_MS = 1000;

/**
 * A worker process dies (SIGKILL: no cleanup, no goodbye to Redis) while it analyses a document. Its lock on the
 * job is no longer renewed; once it expires, the next stall check of a live worker puts the job back and it is
 * analysed again — and recorded once.
 */
describe('a worker killed with SIGKILL in the middle of a job', () => {
  let service: RealService;
  let db: Client;
  let queue: Queue;

  beforeAll(async () => {
    service = await startService('workercrash', {
      env: {
        IDV_LOCK_DURATION_MS: String(LOCK_MS),
        IDV_STALLED_INTERVAL_MS: String(STALL_CHECK_MS),
        IDV_WORKER_CONCURRENCY: '1',
      },
    });
    db = new Client({ connectionString: service.databaseUrl });
    await db.connect();
    queue = service.queue(VERIFICATION_QUEUE);
  }, 180_000);

  afterAll(async () => {
    await queue?.close();
    await db?.end();
    await service?.close();
  });

  const statusOf = async (id: string) =>
    (await db.query(`SELECT status, attempts FROM verifications WHERE id = $1`, [id])).rows[0] as {
      status: string;
      attempts: number;
    };

  it('retries the job after the lock expires, on another worker, and completes it once', async () => {
    const s = await subject(service, 4101);
    const accepted = await upload(service, s);
    expect(accepted.status).toBe(202);
    const id = accepted.body.id as string;

    // Catch the job mid-analysis (OCR takes a second or more), then kill the process holding it.
    const deadline = Date.now() + 30_000;
    while ((await statusOf(id)).status !== 'processing') {
      if (Date.now() > deadline) throw new Error(`never saw ${id} processing`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const victim = service.workers[0];
    expect(await service.stop(victim, 'SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    expect(await statusOf(id)).toEqual({ status: 'processing', attempts: 1 });

    await service.startWorker();
    const verdict = await waitForVerdict(service, id, 60_000);
    expect(verdict.status).toBe('completed');
    expect(verdict.verdict).toEqual(expect.any(String));
    expect((await statusOf(id)).attempts).toBe(2);

    const [outbox] = (
      await db.query(
        `SELECT job_key FROM outbox WHERE topic = 'verification.analyse' AND payload->>'verificationId' = $1`,
        [id],
      )
    ).rows;
    const job = await queue.getJob(outboxJobId(outbox));
    expect(job).toBeDefined();
    expect(await job!.getState()).toBe('completed');
    // The retry came from stall detection (the lock expired), not from a failure and its backoff.
    expect(job!.stalledCounter).toBe(1);
    expect(job!.attemptsMade).toBe(1);

    const audit = await db.query(
      `SELECT action, count(*)::int AS n FROM audit_events WHERE subject_id = $1 GROUP BY action ORDER BY action`,
      [id],
    );
    expect(audit.rows).toEqual([
      { action: 'verification.completed', n: 1 },
      { action: 'verification.created', n: 1 },
      { action: 'verification.started', n: 1 },
    ]);
    await expectConsistent(service.databaseUrl);
  }, 120_000);
});
