import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { ThrowawayPostgres, waitFor } from '@idv/testing';
import { expectConsistent } from '../support/consistency';
import {
  startService,
  subject,
  upload,
  waitForVerdict,
  type RealService,
  type Subject,
} from '../support/service.harness';

const BURST = 4;

/**
 * PostgreSQL restored from a backup (pg_dump, then pg_restore of that file) while Redis keeps every job the service
 * ran after the backup was taken: the database's outbox sequence goes back, and the analyses it lost are
 * "completed" in Redis. The real API and worker processes run on a throwaway server; Redis is never touched.
 *  - uploads accepted after the restore each get one verdict, one completion audit event and one webhook event,
 *    delivered once (their jobs used to take the ids of the completed jobs of the lost uploads, and BullMQ dropped
 *    them as duplicates: queued for ever);
 *  - uploads that were still queued when the backup was taken are queued again after the restore, and their jobs
 *    completed in the lost timeline: the reconciler runs them again, and each gets one verdict.
 */
describe('PostgreSQL restored from a backup while Redis keeps its jobs', () => {
  let pg: ThrowawayPostgres;
  let service: RealService;
  let db: Client | undefined;
  let receiver: Server;
  const delivered: Array<{ id: string; data: { verificationId: string } }> = [];
  const DATABASE = 'idv_restore';

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        delivered.push(JSON.parse(body));
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    pg = await ThrowawayPostgres.start();
    // The API only at first: the first burst stays queued while the backup is taken.
    service = await startService('restore', {
      databaseUrl: pg.url(DATABASE),
      workers: 0,
      env: { IDV_WEBHOOK_ALLOW_PRIVATE: '1' },
    });
  }, 180_000);

  afterAll(async () => {
    await db?.end().catch(() => undefined);
    await service?.close();
    await pg?.destroy();
    await new Promise((r) => receiver.close(r));
  });

  const burst = async (s: Subject) => {
    const ids: string[] = [];
    for (let i = 0; i < BURST; i++) {
      const accepted = await upload(service, s);
      expect(accepted.status).toBe(202);
      ids.push(accepted.body.id as string);
    }
    return ids;
  };
  /** Waits for the verdicts of `ids`; names every one still waiting for its verdict after two minutes. */
  const verdicts = async (ids: string[]) => {
    const settled = await Promise.allSettled(ids.map((id) => waitForVerdict(service, id, 120_000)));
    expect(ids.filter((_, i) => settled[i].status === 'rejected')).toEqual([]);
    return settled.map(
      (r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof waitForVerdict>>>).value,
    );
  };
  const deliveriesFor = (ids: string[]) => delivered.filter((e) => ids.includes(e.data.verificationId));

  it('gives every upload accepted after the restore exactly one verdict, and finishes the restored queued ones', async () => {
    const { port } = receiver.address() as AddressInfo;
    const hook = await fetch(`${service.url}/v1/webhooks`, {
      method: 'POST',
      headers: { ...service.auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: `http://127.0.0.1:${port}/idv`, events: ['verification.completed'] }),
    });
    expect(hook.status).toBe(201);
    const s = await subject(service, 4401);

    const queuedAtBackup = await burst(s);
    db = new Client({ connectionString: service.databaseUrl });
    await db.connect();
    await waitFor(
      async () =>
        (await db!.query(`SELECT 1 FROM outbox WHERE dispatched_at IS NULL`)).rowCount === 0
          ? true
          : undefined,
      10_000,
      'the first burst to reach the queue',
    );
    await db.end();
    db = undefined;
    const backup = await pg.dump(DATABASE);

    // After the backup: the first burst is analysed, a second one is accepted and analysed, all delivered.
    const worker = await service.startWorker();
    const lost = await burst(s);
    await verdicts([...queuedAtBackup, ...lost]);
    await waitFor(
      async () => (deliveriesFor([...queuedAtBackup, ...lost]).length === 2 * BURST ? true : undefined),
      30_000,
      'the webhooks of the first two bursts',
    );

    // The operator stops the service, restores the backup and starts it again; Redis keeps what it had.
    await service.stop(worker);
    await service.stop(service.api);
    await pg.restore(DATABASE, backup);
    await service.restartApi();
    await service.startWorker();

    const afterRestore = await burst(s);
    for (const v of await verdicts([...afterRestore, ...queuedAtBackup])) {
      expect(v.status).toBe('completed');
      expect(v.verdict).toEqual(expect.any(String));
    }
    for (const id of lost) {
      const res = await fetch(`${service.url}/v1/verifications/${id}`, { headers: service.auth });
      expect(res.status).toBe(404);
    }
    // One verdict, one completion audit event and one webhook event per verification that exists.
    const report = await expectConsistent(service.databaseUrl);
    expect(report.verifications).toBe(2 * BURST);

    // The wallet hears of each upload accepted after the restore once.
    await waitFor(
      async () => (deliveriesFor(afterRestore).length >= BURST ? true : undefined),
      30_000,
      'the webhooks of the uploads accepted after the restore',
    );
    await new Promise((r) => setTimeout(r, 2000));
    const heard = deliveriesFor(afterRestore);
    expect(heard.map((e) => e.data.verificationId).sort()).toEqual([...afterRestore].sort());
    expect(new Set(heard.map((e) => e.id)).size).toBe(BURST);
  }, 600_000);
});
