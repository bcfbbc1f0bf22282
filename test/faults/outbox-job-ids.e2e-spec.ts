import { randomBytes } from 'node:crypto';
import { Test, type TestingModule } from '@nestjs/testing';
import { BullModule } from '@nestjs/bullmq';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Queue, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { dataSourceOptions, enqueue, OUTBOX_POLL_MS, OutboxRelay } from '@idv/persistence';
import { redisOptionsFromUrl, VERIFICATION_QUEUE, WEBHOOK_QUEUE } from '@idv/platform';
import { createTestDatabase, waitFor } from '@idv/testing';

const connection = redisOptionsFromUrl(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');

/** An outbox relay as the API and the worker run it (real PostgreSQL, real BullMQ), driven by hand. */
async function relayOn(databaseUrl: string, prefix: string) {
  const module: TestingModule = await Test.createTestingModule({
    imports: [
      TypeOrmModule.forRoot(dataSourceOptions(databaseUrl)),
      BullModule.forRoot({ connection, prefix }),
      BullModule.registerQueue({ name: VERIFICATION_QUEUE }, { name: WEBHOOK_QUEUE }),
    ],
    providers: [OutboxRelay, { provide: OUTBOX_POLL_MS, useValue: 3_600_000 }],
  }).compile();
  return { module, relay: module.get(OutboxRelay), ds: module.get(DataSource) };
}

/** A queued verification and its analysis job in the outbox, as an accepted upload leaves them. */
async function acceptedUpload(ds: DataSource): Promise<string> {
  return ds.transaction(async (tx) => {
    const [tenant] = await tx.query(`INSERT INTO tenants (name) VALUES ($1) RETURNING id`, [
      `t-${randomBytes(4).toString('hex')}`,
    ]);
    const [applicant] = await tx.query(
      `INSERT INTO applicants (tenant_id, external_id) VALUES ($1, 'a') RETURNING id`,
      [tenant.id],
    );
    const [v] = await tx.query(
      `INSERT INTO verifications (tenant_id, applicant_id) VALUES ($1, $2) RETURNING id`,
      [tenant.id, applicant.id],
    );
    await enqueue(tx, 'verification.analyse', { verificationId: v.id, tenantId: tenant.id });
    return v.id as string;
  });
}

/**
 * Outbox job ids against a Redis that outlives the database: a database recreated, or restored from a backup (its
 * outbox sequence goes back), beside the jobs Redis kept from the rows it had before. Each new row must still reach
 * a worker, and a job Redis says completed while the database says its work is not done must run again, once.
 */
describe('outbox jobs when Redis outlives the database', () => {
  const cleanup: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
  });

  /** A queue prefix of its own for one test, with its verification queue. */
  const redisPrefix = () => {
    const prefix = `idv-test-jobids-${randomBytes(3).toString('hex')}`;
    const queue = new Queue(VERIFICATION_QUEUE, { connection, prefix });
    queue.on('error', () => undefined); // a failing call rejects; the event would only repeat it
    cleanup.push(
      () => queue.close(),
      () => queue.obliterate({ force: true }),
    );
    return { prefix, queue };
  };

  const database = async (label: string, prefix: string, url?: string) => {
    if (!url) {
      const db = await createTestDatabase(label);
      cleanup.push(db.drop);
      url = db.url;
    }
    const r = await relayOn(url, prefix);
    cleanup.push(() => r.module.close());
    return { ...r, url };
  };

  /** Runs a worker of this prefix until the queue is empty; returns the verifications whose jobs it ran. */
  const runQueue = async (queue: Queue, prefix: string) => {
    const seen: string[] = [];
    const worker = new Worker(
      VERIFICATION_QUEUE,
      async (job) => void seen.push((job.data as { verificationId: string }).verificationId),
      { connection, prefix },
    );
    const errors: Error[] = [];
    let closing = false;
    worker.on('error', (err) => void (closing || errors.push(err)));
    // BullMQ (5.81) closing a worker whose connection is still being set up (an empty queue lets this test close it
    // at once) rejects that setup after it took the connection's listeners away: an unhandled "Connection is
    // closed" that failed CI. A worker that takes jobs waits until it is connected anyway.
    await worker.waitUntilReady();
    try {
      await waitFor(
        async () => ((await queue.getJobCounts('wait')).wait === 0 ? true : undefined),
        20_000,
        'the queue to drain',
      );
    } finally {
      closing = true;
      await worker.close();
    }
    expect(errors).toEqual([]);
    expect(await queue.getJobCounts('wait', 'active', 'delayed')).toEqual({ wait: 0, active: 0, delayed: 0 });
    return seen.sort();
  };

  it('gives the rows of a recreated database jobs of their own beside the completed jobs of the old one', async () => {
    const { prefix, queue } = redisPrefix();
    const before = await database('jobids_old', prefix);
    const oldUpload = await acceptedUpload(before.ds);
    expect(await before.relay.drain()).toBe(1);
    expect(await runQueue(queue, prefix)).toEqual([oldUpload]);

    // A new database, cloned from the same template: its outbox sequence starts where the old one's did.
    const after = await database('jobids_new', prefix);
    const newUploads = [await acceptedUpload(after.ds), await acceptedUpload(after.ds)];
    expect(await after.relay.drain()).toBe(2);
    expect(await runQueue(queue, prefix)).toEqual(newUploads.sort());
  }, 60_000);

  it('runs again, exactly once, a job that completed in the lost future of a restored database', async () => {
    const { prefix, queue } = redisPrefix();
    const { ds, relay, url } = await database('jobids_restored', prefix);
    // A second relay on the same database (the API and the worker each run one), reconciling at the same time.
    const other = await database('', prefix, url);
    const id = await acceptedUpload(ds);
    expect(await relay.drain()).toBe(1);
    // The job ran and did its work in a database that was then restored to before it: Redis says completed, the
    // database says queued.
    expect(await runQueue(queue, prefix)).toEqual([id]);
    await ds.query(`UPDATE outbox SET dispatched_at = now() - interval '1 hour'`);

    await Promise.all([relay.reconcile(1000), other.relay.reconcile(1000), relay.reconcile(1000)]);
    expect(await runQueue(queue, prefix)).toEqual([id]);

    // Done this time (the worker recorded its verdict): later passes leave the completed job alone.
    await ds.query(`UPDATE verifications SET status = 'completed', verdict = 'accepted' WHERE id = $1`, [id]);
    await relay.reconcile(1000);
    expect(await runQueue(queue, prefix)).toEqual([]);
  }, 60_000);
});
