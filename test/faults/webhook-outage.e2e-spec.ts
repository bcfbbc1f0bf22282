import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Queue } from 'bullmq';
import { JobName, WEBHOOK_QUEUE } from '@idv/platform';
import { waitFor } from '@idv/testing';
import { verifyWebhookSignature } from '@idv/webhooks';
import { expectConsistent } from '../support/consistency';
import { startService, subject, upload, waitForVerdict, type RealService } from '../support/service.harness';

const FAILURES = 3;

/**
 * The wallet's webhook receiver is down for a while (answers 500). The worker keeps retrying with the production
 * backoff — the test promotes each delayed retry instead of waiting 30 s, 60 s, 120 s — and the event arrives
 * once the receiver is back: same event id and bytes every time, and never again after it was accepted.
 */
describe('a webhook receiver that fails for a while', () => {
  let service: RealService;
  let queue: Queue;
  let receiver: Server;
  const received: Array<{ status: number; headers: IncomingHttpHeaders; body: string }> = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        const status = received.length < FAILURES ? 500 : 200;
        received.push({ status, headers: req.headers, body });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    service = await startService('webhookoutage', { env: { IDV_WEBHOOK_ALLOW_PRIVATE: '1' } });
    queue = service.queue(WEBHOOK_QUEUE);
  }, 180_000);

  afterAll(async () => {
    await queue?.close();
    await service?.close();
    await new Promise((r) => receiver.close(r));
  });

  it('delivers the event later, with the same id, exactly once after success', async () => {
    const { port } = receiver.address() as AddressInfo;
    const registered = await fetch(`${service.url}/v1/webhooks`, {
      method: 'POST',
      headers: { ...service.auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: `http://127.0.0.1:${port}/idv`, events: ['verification.completed'] }),
    });
    expect(registered.status).toBe(201);
    const hook = (await registered.json()) as { id: string; secret: string };

    const accepted = await upload(service, await subject(service, 4301));
    expect(accepted.status).toBe(202);
    await waitForVerdict(service, accepted.body.id as string);

    await waitFor(
      async () => {
        for (const job of await queue.getDelayed()) await job.promote();
        return received.some((r) => r.status === 200) ? true : undefined;
      },
      60_000,
      'the delivery to succeed',
    );
    expect(received.map((r) => r.status)).toEqual([500, 500, 500, 200]);
    const ids = new Set(received.map((r) => r.headers['idv-event-id']));
    expect(ids.size).toBe(1);
    expect(new Set(received.map((r) => r.body)).size).toBe(1);
    const event = JSON.parse(received[0].body) as { id: string; type: string; data: Record<string, unknown> };
    expect(event).toMatchObject({
      id: [...ids][0],
      type: 'verification.completed',
      data: { verificationId: accepted.body.id },
    });
    for (const r of received) {
      expect(verifyWebhookSignature(hook.secret, r.headers['idv-signature'] as string, r.body).valid).toBe(
        true,
      );
    }

    // Nothing more: no retry left, and a re-run of the same delivery (a crash after sending) sends nothing.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await queue.getDelayed()).toHaveLength(0);
    const [job] = await queue.getCompleted();
    const rerun = await queue.add(JobName.DeliverWebhook, job.data, { jobId: `rerun-${job.id}` });
    await waitFor(
      async () => ((await rerun.getState()) === 'completed' ? true : undefined),
      20_000,
      'the re-run',
    );
    expect((await queue.getJob(rerun.id!))?.returnvalue).toEqual({
      sent: false,
      reason: 'already_delivered',
    });
    expect(received).toHaveLength(FAILURES + 1);

    const deliveries = await fetch(`${service.url}/v1/webhooks/${hook.id}/deliveries`, {
      headers: service.auth,
    });
    const log = (await deliveries.json()) as { items: Array<{ attempt: number; succeeded: boolean }> };
    expect(log.items.map((d) => [d.attempt, d.succeeded])).toEqual([
      [4, true],
      [3, false],
      [2, false],
      [1, false],
    ]);
    await expectConsistent(service.databaseUrl);
  }, 120_000);
});
