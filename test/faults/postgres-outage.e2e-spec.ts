import { ThrowawayPostgres, waitFor } from '@idv/testing';
import { expectConsistent } from '../support/consistency';
import { startService, subject, upload, waitForVerdict, type RealService } from '../support/service.harness';

/**
 * PostgreSQL stops (fast shutdown: every connection is closed) while the API and a worker run, then comes back.
 * Meanwhile every /v1 call answers 503 with Retry-After (nothing half-accepted), health says not ready, neither
 * process crashes, and when the database returns the service recovers by itself: an upload accepted just before
 * the outage still gets its one verdict. The server is a throwaway one, never the machine's shared PostgreSQL.
 */
describe('PostgreSQL stopped and restarted under a running service', () => {
  let pg: ThrowawayPostgres;
  let service: RealService;

  beforeAll(async () => {
    pg = await ThrowawayPostgres.start();
    service = await startService('pgoutage', { databaseUrl: pg.url('idv_outage') });
  }, 180_000);

  afterAll(async () => {
    await service?.close();
    await pg?.destroy();
  });

  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${service.url}${path}`, { ...init, headers: { ...service.auth, ...init.headers } });

  it('answers 503 + Retry-After while it is down, does not crash, and recovers when it returns', async () => {
    const s = await subject(service, 4201);
    const before = await upload(service, s);
    expect(before.status).toBe(202);
    await pg.stop('fast');

    const down = await waitFor(
      async () => {
        const res = await call('/v1/verifications');
        return res.status === 503 ? res : undefined;
      },
      10_000,
      'a 503 from the API',
    );
    expect(Number(down.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await down.json()).toEqual({ error: 'service_unavailable', message: expect.any(String) });
    const refusedUpload = await upload(service, s);
    expect(refusedUpload.status).toBe(503);
    expect(refusedUpload.headers.get('retry-after')).toBeTruthy();
    const refusedRegistration = await call('/v1/applicants', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ externalId: 'during-outage' }),
    });
    expect(refusedRegistration.status).toBe(503);
    expect((await fetch(`${service.url}/health/ready`)).status).toBe(503);
    expect((await fetch(`${service.url}/health/live`)).status).toBe(200);

    // Stay down for a few seconds: the worker's queries fail and its job is retried with backoff meanwhile.
    await new Promise((r) => setTimeout(r, 3000));
    expect(service.api.child.exitCode).toBeNull();
    expect(service.workers[0].child.exitCode).toBeNull();

    await pg.up();
    await waitFor(
      async () => ((await fetch(`${service.url}/health/ready`)).ok ? true : undefined),
      20_000,
      'the API to be ready again',
    );
    // The API's background probe notices within a second or so; until then /v1 still answers 503 + Retry-After.
    await waitFor(
      async () => ((await call('/v1/verifications')).status === 200 ? true : undefined),
      10_000,
      '/v1 to answer again',
    );
    const after = await upload(service, s);
    expect(after.status).toBe(202);
    for (const id of [before.body.id as string, after.body.id as string]) {
      const v = await waitForVerdict(service, id, 60_000);
      expect(v.status).toBe('completed');
    }
    expect(service.api.child.exitCode).toBeNull();
    expect(service.workers[0].child.exitCode).toBeNull();
    const report = await expectConsistent(service.databaseUrl);
    // The refused requests wrote nothing: exactly the two accepted uploads exist.
    expect(report.verifications).toBe(2);
  }, 150_000);
});
