import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { PersistenceModule } from '@idv/persistence';
import { PlatformModule, QueueModule, WEBHOOK_QUEUE } from '@idv/platform';
import {
  WEBHOOK_OPTIONS,
  WebhookDeliverer,
  Webhooks,
  WebhooksModule,
  verifyWebhookSignature,
  type WebhookEventType,
} from '@idv/webhooks';
import { WebhookDeliveryProcessor } from '../../apps/worker/src/webhook-delivery.processor';
import { startApi, type ApiHarness } from '../support/api.harness';

interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
  at: number;
}

/** A wallet backend's receiver: records every POST per path; each path answers as its handler says. */
class Receiver {
  readonly seen = new Map<string, Received[]>();
  readonly handlers = new Map<string, (n: number, res: ServerResponse) => void>();
  private server!: Server;
  base = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const list = this.seen.get(req.url!) ?? [];
        list.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
        this.seen.set(req.url!, list);
        const handle = this.handlers.get(req.url!) ?? ((_n, r) => r.writeHead(200).end());
        handle(list.length, res);
      });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  got(path: string): Received[] {
    return this.seen.get(path) ?? [];
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('webhooks (API → publish → outbox → queue → worker → receiver)', () => {
  let api: ApiHarness;
  let worker: INestApplicationContext;
  let receiver: Receiver;
  let ds: DataSource;
  let queue: Queue;
  let tenantId: string;
  const TIMEOUT_MS = 800;

  beforeAll(async () => {
    api = await startApi('webhooks', { IDV_WEBHOOK_ALLOW_PRIVATE: '1' }); // the receiver listens on loopback
    receiver = new Receiver();
    await receiver.start();
    // The worker's processor, in-process on the harness's database and queue prefix (the harness set the env).
    const moduleRef = await Test.createTestingModule({
      imports: [PlatformModule, QueueModule, PersistenceModule, WebhooksModule],
      providers: [WebhookDeliveryProcessor],
    })
      .overrideProvider(WEBHOOK_OPTIONS)
      .useValue({ timeoutMs: TIMEOUT_MS, allowPrivateTargets: true, allowHttp: true })
      .compile();
    moduleRef.useLogger(false);
    worker = await moduleRef.init();
    ds = api.app.get<DataSource>(getDataSourceToken());
    queue = api.app.get<Queue>(getQueueToken(WEBHOOK_QUEUE));
    [{ id: tenantId }] = await ds.query(`SELECT id FROM tenants WHERE name = $1`, [api.tenants.main]);
  });

  afterAll(async () => {
    await worker?.close();
    await receiver?.stop();
    await queue?.obliterate({ force: true });
    await api?.close();
  });

  const register = async (path: string, events?: string[], key: 'client' | 'otherClient' = 'client') =>
    (
      await request(api.url)
        .post('/v1/webhooks')
        .set(api.auth(key))
        .send({ url: `${receiver.base}${path}`, ...(events ? { events } : {}) })
        .expect(201)
    ).body as { id: string; secret: string; url: string; events: string[]; createdAt: string };

  const publish = (type: WebhookEventType, data: Record<string, unknown>, tenant = tenantId) =>
    ds.transaction((tx) => api.app.get(Webhooks).publish(tx, tenant, type, data));

  const deliveries = async (id: string, query = '') =>
    (await request(api.url).get(`/v1/webhooks/${id}/deliveries${query}`).set(api.auth('client')).expect(200))
      .body as { items: Array<Record<string, unknown>>; nextCursor: string | null };

  it('registers an endpoint and shows the secret once, never in the list nor in clear in the database', async () => {
    const hook = await register('/registered');
    expect(hook).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      url: `${receiver.base}/registered`,
      events: ['verification.completed', 'review.completed', 'applicant.restricted'],
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9_-]{40,}$/),
      createdAt: expect.any(String),
    });
    const list = await request(api.url).get('/v1/webhooks').set(api.auth('client')).expect(200);
    expect(list.body.items).toContainEqual({
      id: hook.id,
      url: hook.url,
      events: hook.events,
      createdAt: hook.createdAt,
    });
    expect(JSON.stringify(list.body)).not.toContain(hook.secret);
    const [row] = await ds.query(`SELECT secret_ciphertext, key_id FROM webhook_endpoints WHERE id = $1`, [
      hook.id,
    ]);
    expect((row.secret_ciphertext as Buffer).includes(Buffer.from(hook.secret))).toBe(false);
    expect(row.key_id).toMatch(/^[0-9a-f]{12}$/);
    const [audit] = await ds.query(
      `SELECT action, data FROM audit_events WHERE subject_id = $1 AND action = 'webhook.registered'`,
      [hook.id],
    );
    expect(audit.data).toEqual({ events: hook.events });
  });

  it.each([
    ['an ftp URL', { url: 'ftp://example.com/hook' }, 'url', 'invalid_url'],
    ['a relative URL', { url: 'not a url' }, 'url', 'invalid_url'],
    ['a URL over 2048 characters', { url: `https://example.com/${'a'.repeat(2050)}` }, 'url', 'max_length'],
    [
      'an unknown event',
      { url: 'https://example.com/hook', events: ['verification.created'] },
      'events',
      'is_in',
    ],
    ['an empty event list', { url: 'https://example.com/hook', events: [] }, 'events', 'array_not_empty'],
    ['a missing URL', {}, 'url', 'required'],
  ])('refuses %s with a field error', async (_label, body, field, code) => {
    const res = await request(api.url).post('/v1/webhooks').set(api.auth('client')).send(body).expect(400);
    expect(res.body).toMatchObject({ error: 'validation_failed', details: [{ field, code }] });
    expect(res.body.details[0].hint).toEqual({ en: expect.any(String), 'zh-CN': expect.any(String) });
  });

  it('lets only clients (and admins) manage webhooks, each in its own tenant', async () => {
    const hook = await register('/tenancy');
    await request(api.url).get('/v1/webhooks').set(api.auth('reviewer')).expect(403);
    await request(api.url).post('/v1/webhooks').set(api.auth('auditor')).send({ url: hook.url }).expect(403);
    await request(api.url).get(`/v1/webhooks/${hook.id}/deliveries`).set(api.auth('admin')).expect(200);
    const other = await request(api.url)
      .get(`/v1/webhooks/${hook.id}/deliveries`)
      .set(api.auth('otherClient'))
      .expect(404);
    expect(other.body.error).toBe('webhook_not_found');
    await request(api.url).get(`/v1/webhooks/${hook.id}/deliveries`).set(api.auth('otherAdmin')).expect(404);
    await request(api.url).delete(`/v1/webhooks/${hook.id}`).set(api.auth('otherClient')).expect(404);
    const listed = await request(api.url).get('/v1/webhooks').set(api.auth('otherClient')).expect(200);
    expect(listed.body.items.map((h: { id: string }) => h.id)).not.toContain(hook.id);
    await request(api.url).get(`/v1/webhooks/not-a-uuid/deliveries`).set(api.auth('client')).expect(404);
  });

  it('delivers a published event, signed, to the subscribed endpoints of the tenant only', async () => {
    const hook = await register('/ok');
    const reviewsOnly = await register('/reviews-only', ['review.completed']);
    const elsewhere = await register('/other-tenant', undefined, 'otherClient');
    const data = {
      verificationId: 'a3c5e7f9-0000-4000-8000-000000000001',
      verdict: 'accepted',
      reasonCodes: [],
    };

    const published = await publish('verification.completed', data);
    expect(published.endpoints).toBeGreaterThanOrEqual(1);
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM outbox WHERE payload->>'eventId' = $1 AND payload->>'endpointId' = ANY($2)`,
      [published.eventId, [hook.id, reviewsOnly.id, elsewhere.id]],
    );
    expect(n).toBe(1);

    const [got] = await until(
      'the delivery',
      async () => receiver.got('/ok').length > 0 && receiver.got('/ok'),
    );
    expect(verifyWebhookSignature(hook.secret, got.headers['idv-signature'] as string, got.raw)).toEqual({
      valid: true,
      timestamp: expect.any(Number),
    });
    expect(
      verifyWebhookSignature(reviewsOnly.secret, got.headers['idv-signature'] as string, got.raw).valid,
    ).toBe(false);
    expect(JSON.parse(got.raw)).toEqual({
      id: published.eventId,
      type: 'verification.completed',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      data,
    });
    expect(got.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'idv-webhooks/1',
      'idv-event-id': published.eventId,
    });

    const log = await until('the delivery row', async () => {
      const page = await deliveries(hook.id);
      return page.items.length > 0 && page;
    });
    expect(log).toEqual({
      items: [
        {
          id: expect.any(String),
          eventId: published.eventId,
          eventType: 'verification.completed',
          attempt: 1,
          statusCode: 200,
          error: null,
          durationMs: expect.any(Number),
          succeeded: true,
          at: expect.any(String),
        },
      ],
      nextCursor: null,
    });
    const audited = await ds.query(
      `SELECT action, data FROM audit_events WHERE subject_id = $1 AND action LIKE 'webhook.%' ORDER BY seq`,
      [hook.id],
    );
    expect(audited.map((a: { action: string }) => a.action)).toEqual([
      'webhook.registered',
      'webhook.delivered',
    ]);
    expect(receiver.got('/reviews-only')).toHaveLength(0);
    expect(receiver.got('/other-tenant')).toHaveLength(0);
  });

  it('retries a failing receiver with the production backoff and the same event id, then stops', async () => {
    const hook = await register('/flaky');
    receiver.handlers.set('/flaky', (n, res) => res.writeHead(n <= 2 ? 500 : 200).end());
    const { eventId } = await publish('review.completed', { verificationId: 'v-1', verdict: 'mismatch' });

    // The relay queued the job with the production policy; instead of waiting 30 s and 60 s, promote the delayed job.
    const delays: number[] = [];
    await until('three attempts', async () => {
      for (const job of await queue.getDelayed()) {
        if (job.data.endpointId !== hook.id) continue;
        expect(job.opts).toMatchObject({ attempts: 13, backoff: { type: 'exponential', delay: 30_000 } });
        delays.push(job.delay);
        await job.promote();
      }
      return receiver.got('/flaky').length >= 3;
    });
    expect(delays).toEqual([30_000, 60_000]);

    const attempts = receiver.got('/flaky');
    const bodies = attempts.map((a) => a.raw);
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0]).id).toBe(eventId);
    for (const a of attempts) {
      expect(a.headers['idv-event-id']).toBe(eventId);
      expect(verifyWebhookSignature(hook.secret, a.headers['idv-signature'] as string, a.raw).valid).toBe(
        true,
      );
    }

    const log = await until('three delivery rows', async () => {
      const page = await deliveries(hook.id);
      return page.items.length === 3 && page;
    });
    expect(log.items.map((d) => [d.attempt, d.statusCode, d.error, d.succeeded])).toEqual([
      [3, 200, null, true],
      [2, 500, 'http_500', false],
      [1, 500, 'http_500', false],
    ]);

    // Paged newest first with a cursor, no overlap.
    const first = await deliveries(hook.id, '?limit=2');
    const second = await deliveries(hook.id, `?limit=2&cursor=${first.nextCursor}`);
    expect([...first.items, ...second.items].map((d) => d.attempt)).toEqual([3, 2, 1]);
    expect(second.nextCursor).toBeNull();
    await request(api.url)
      .get(`/v1/webhooks/${hook.id}/deliveries?cursor=bogus`)
      .set(api.auth('client'))
      .expect(400);

    // No duplicate after success: the job completed, and a re-run (a worker crash after sending) sends nothing.
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.got('/flaky')).toHaveLength(3);
    expect(await worker.get(WebhookDeliverer).deliver(eventId, hook.id, 4)).toEqual({
      sent: false,
      reason: 'already_delivered',
    });
    expect(receiver.got('/flaky')).toHaveLength(3);
  });

  it('counts a receiver that never answers as a failed attempt after the timeout', async () => {
    const hook = await register('/hang');
    receiver.handlers.set('/hang', () => undefined);
    const { eventId } = await publish('applicant.restricted', {
      applicantId: 'a-1',
      reasonCodes: ['TOO_MANY_ATTEMPTS'],
    });
    const log = await until('the failed attempt', async () => {
      const page = await deliveries(hook.id);
      return page.items.length > 0 && page;
    });
    expect(log.items[0]).toMatchObject({
      eventId,
      attempt: 1,
      statusCode: null,
      error: 'timeout',
      succeeded: false,
    });
    expect(log.items[0].durationMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 10);
    expect(log.items[0].durationMs).toBeLessThan(TIMEOUT_MS + 2000);
    const failed = await ds.query(
      `SELECT data FROM audit_events WHERE subject_id = $1 AND action = 'webhook.failed'`,
      [hook.id],
    );
    expect(failed[0].data).toMatchObject({ eventId, attempt: 1, error: 'timeout' });
    const delayed = await until('the retry to be scheduled', async () => {
      const jobs = (await queue.getDelayed()).filter((j) => j.data.endpointId === hook.id);
      return jobs.length > 0 && jobs;
    });
    await Promise.all(delayed.map((j) => j.remove()));
  });

  it('stops sending to a removed endpoint: nothing is queued, and queued jobs complete without sending', async () => {
    const hook = await register('/removed');
    const { eventId } = await publish('verification.completed', {
      verificationId: 'v-2',
      verdict: 'accepted',
    });
    await request(api.url).delete(`/v1/webhooks/${hook.id}`).set(api.auth('client')).expect(204);
    await request(api.url).delete(`/v1/webhooks/${hook.id}`).set(api.auth('client')).expect(204);
    const listed = await request(api.url).get('/v1/webhooks').set(api.auth('client')).expect(200);
    expect(listed.body.items.map((h: { id: string }) => h.id)).not.toContain(hook.id);

    const again = await publish('verification.completed', { verificationId: 'v-3', verdict: 'accepted' });
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM outbox WHERE payload->>'eventId' = $1 AND payload->>'endpointId' = $2`,
      [again.eventId, hook.id],
    );
    expect(n).toBe(0);
    // The job queued before the removal may already have run; a fresh run of it must not send.
    const before = receiver.got('/removed').length;
    expect(await worker.get(WebhookDeliverer).deliver(eventId, hook.id, 1)).toEqual({
      sent: false,
      reason: 'endpoint_disabled',
    });
    expect(receiver.got('/removed')).toHaveLength(before);
    // Its delivery log stays readable.
    await request(api.url).get(`/v1/webhooks/${hook.id}/deliveries`).set(api.auth('client')).expect(200);
  });

  it('refuses personal data and unknown types in published events', async () => {
    await expect(
      publish('verification.completed', { verdict: 'accepted', surname: 'ERIKSSON' }),
    ).rejects.toMatchObject({
      code: 'webhook_personal_data',
    });
    await expect(
      publish('verification.completed', { result: { documentNumber: 'L898902C3' } }),
    ).rejects.toMatchObject({ code: 'webhook_personal_data' });
    await expect(publish('verification.created' as WebhookEventType, {})).rejects.toMatchObject({
      code: 'unknown_event_type',
    });
  });
});
