import { createServer, type Server } from 'node:http';
import { DEFAULT_TODAY, generateCase, type GeneratedCase } from '@idv/synthetic';
import { createTestDatabase, freePort, runTs, startTs, waitFor, type ServiceProcess } from '@idv/testing';

const CLI = 'apps/cli/src/main.ts';
const LAUNCHER = 'apps/launcher/src/main.ts';

/**
 * Logs never carry personal data. The real service (`npm start`: launcher → API + worker processes) runs a whole
 * journey at LOG_LEVEL=debug — registration, a rejected registration, an upload, the worker's verdict, a correction,
 * a signed webhook — and every line it wrote is searched for the person's values and for the image's bytes.
 */
describe('log hygiene: a full run at debug level leaks no personal data', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let service: ServiceProcess;
  let hooks: Server;
  let url: string;
  let key: string;
  let c: GeneratedCase;
  const received: string[] = [];
  const corrected = { email: 'anna.corrected@example.org', phone: '+46709876543' };
  const contact = { email: 'anna.private@example.com', phone: '+46701112233' };
  let verdict: Record<string, unknown>;

  const call = async (method: string, path: string, body?: unknown, form?: FormData) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${key}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: form ?? (body ? JSON.stringify(body) : undefined),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    db = await createTestDatabase('loghygiene');
    const created = await runTs(CLI, ['keys:create', '--tenant', 'wallet', '--role', 'client'], {
      DATABASE_URL: db.url,
    });
    key = created.stdout.trim().split('\n').pop()!;
    hooks = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        received.push(body);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => hooks.listen(0, '127.0.0.1', r));
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    service = startTs(LAUNCHER, [], {
      PORT: String(port),
      DATABASE_URL: db.url,
      IDV_QUEUE_PREFIX: `idv-test-logs-${process.pid}-${Date.now().toString(36)}`,
      IDV_NOW: `${DEFAULT_TODAY}T12:00:00Z`,
      LOG_LEVEL: 'debug',
      // The webhook receiver below listens on loopback.
      IDV_WEBHOOK_ALLOW_PRIVATE: '1',
    });
    await waitFor(
      async () => ((await fetch(`${url}/health/ready`).catch(() => null))?.ok ? true : undefined),
      60_000,
      'the service to be ready',
    );
    c = await generateCase(4242, { scenario: 'clean', documentType: 'passport' });

    const { port: hookPort } = hooks.address() as { port: number };
    expect((await call('POST', '/v1/webhooks', { url: `http://127.0.0.1:${hookPort}/idv` })).status).toBe(
      201,
    );
    // A registration refused for a typo in the email: the refusal must not log the submitted values either.
    const refused = await call('POST', '/v1/applicants', {
      ...c.case.record,
      externalId: 'x',
      email: 'anna@gmial',
    });
    expect(refused.status).toBe(400);
    const reg = await call('POST', '/v1/applicants', { ...c.case.record, externalId: 'log-1', ...contact });
    expect(reg.status).toBe(201);
    const form = new FormData();
    form.set('applicantId', String(reg.body.id));
    form.set('front', new Blob([new Uint8Array(c.images.front)]), 'front.png');
    const upload = await call('POST', '/v1/verifications', undefined, form);
    expect(upload.status).toBe(202);
    verdict = await waitFor(
      async () => {
        const v = await call('GET', `/v1/verifications/${upload.body.id}`);
        return v.body.status === 'completed' ? v.body : undefined;
      },
      60_000,
      'the verdict',
    );
    expect((await call('PATCH', `/v1/applicants/${reg.body.id}`, corrected)).status).toBe(200);
    await waitFor(
      async () => (received.some((b) => b.includes(String(upload.body.id))) ? true : undefined),
      20_000,
      'the webhook',
    );
    // Let the last log lines (request logs, delivery records) flush before stopping.
    await new Promise((r) => setTimeout(r, 500));
    service.child.kill('SIGTERM');
    await service.exited;
  }, 180_000);

  afterAll(async () => {
    if (service && service.child.exitCode === null) service.child.kill('SIGKILL');
    hooks?.close();
    await db?.drop();
  });

  it('logged the whole journey (so the scan below means something)', () => {
    const out = service.output();
    expect(verdict).toMatchObject({ status: 'completed', verdict: 'accepted' });
    expect(out).toContain('"service":"api"');
    expect(out).toContain('"service":"worker"');
    expect(out).toContain('verification completed');
    expect(out).toMatch(/"method":"PATCH","url":"\/v1\/applicants\/[0-9a-f-]{36}"/);
    expect(out).toMatch(/"method":"POST","url":"\/v1\/applicants"\},"res":\{"statusCode":400/);
  });

  it('no line carries a name, date of birth, document number, phone, email, MRZ line or image bytes', () => {
    const out = service.output();
    const t = c.case.groundTruth;
    const r = c.case.record;
    const yymmdd = t.dateOfBirth.replace(/-/g, '').slice(2);
    const values = new Set<string>([
      r.surname,
      r.givenNames,
      t.mrzSurname,
      t.mrzGivenNames,
      ...`${r.surname} ${r.givenNames}`.split(/\s+/).filter((w) => w.length >= 4),
      r.dateOfBirth,
      t.documentNumber,
      contact.email,
      contact.phone,
      corrected.email,
      corrected.phone,
      'anna@gmial',
      ...t.mrzLines,
      ...((verdict.checks as { mrz: { lines: string[] } }).mrz.lines ?? []),
    ]);
    const image = c.images.front;
    const bytes = [
      image.subarray(0, 48).toString('base64'),
      image.subarray(1024, 1072).toString('base64'),
      image.subarray(0, 24).toString('hex'),
    ];
    const leaks = [...values, ...bytes].filter((v) => v && out.includes(v));
    expect(leaks).toEqual([]);
    // The date of birth as the MRZ writes it (YYMMDD), as a number of its own rather than inside an id or a time.
    expect(out).not.toMatch(new RegExp(`(?<![0-9A-Za-z])${yymmdd}(?![0-9])`));
  });
});
