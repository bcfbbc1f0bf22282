import { Client } from 'pg';
import { sampleProcess } from '@idv/testing';
import { startService, subject, waitForVerdict, type RealService } from '../support/service.harness';
import { hostileFiles, type HostileFile } from './hostile.corpus';
import { multipart, rawRequest, rowCounts, type RawResponse } from './raw-http';

const MB = 1024 * 1024;

/**
 * Hostile uploads against the real API process: every broken, lying or oversized file gets a clear 4xx (or, when
 * the bytes are a picture after all, 202 and an `unreadable` verdict); a refused request writes nothing; the API
 * never buffers a 50 MB body, stays up, and its memory comes back down.
 */
describe('hostile uploads', () => {
  let service: RealService;
  let db: Client;
  let applicantId: string;
  let baselineRss: number;
  let corpus: HostileFile[];

  beforeAll(async () => {
    [service, corpus] = await Promise.all([startService('hostileup'), hostileFiles()]);
    db = new Client({ connectionString: service.databaseUrl });
    await db.connect();
    applicantId = (await subject(service, 4501)).applicantId;
    // Warm the decoder once, so the baseline is a process that has already served an upload.
    const warm = await send([{ name: 'applicantId', data: applicantId }, filePart(photo())]);
    expect(warm.status).toBe(202);
    baselineRss = sampleProcess(service.api.child.pid!)!.rss;
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await service?.close();
  });

  /** A harmless-looking photo of the corpus (a JPEG that decodes), for the cases about everything but the file. */
  const photo = () => corpus.find((f) => f.name.startsWith('JPEG with a 60 KB'))!;
  const BOUNDARY = 'hostile-boundary-7d1f';
  const send = (
    parts: Parameters<typeof multipart>[1],
    headers: Record<string, string> = {},
  ): Promise<RawResponse> =>
    rawRequest(service.url, '/v1/verifications', {
      headers: {
        ...service.auth,
        'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`,
        ...headers,
      },
      body: multipart(BOUNDARY, parts),
    });
  const filePart = (f: HostileFile) => ({
    name: 'front',
    data: f.bytes,
    filename: f.filename,
    contentType: f.contentType,
  });

  /** A refusal in the contract's shape that does not echo the input back. */
  const expectRefusal = (res: RawResponse, status?: number) => {
    if (status) expect(res.status).toBe(status);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = JSON.parse(res.text) as { error: string; message: string };
    expect(body.error).toMatch(/^[a-z0-9_]+$/);
    expect(body.message).toEqual(expect.any(String));
    expect(res.text).not.toMatch(/<script|DROP TABLE|etc\/passwd/i);
  };

  it('answers each file of the generated corpus as it deserves, writing nothing when it refuses', async () => {
    const accepted: Array<{ name: string; id: string }> = [];
    for (const f of corpus) {
      const before = await rowCounts(db);
      const res = await send([{ name: 'applicantId', data: applicantId }, filePart(f)]);
      if (f.expect === 'decodes' || (f.expect === '4xx-or-unreadable' && res.status === 202)) {
        expect({ file: f.name, status: res.status }).toEqual({ file: f.name, status: 202 });
        accepted.push({ name: f.name, id: (JSON.parse(res.text) as { id: string }).id });
        continue;
      }
      expect({ file: f.name, status: res.status }).toEqual({
        file: f.name,
        status: typeof f.expect === 'number' ? f.expect : expect.any(Number),
      });
      expectRefusal(res);
      expect({ file: f.name, rows: await rowCounts(db) }).toEqual({ file: f.name, rows: before });
    }
    for (const a of accepted) {
      const v = await waitForVerdict(service, a.id, 60_000);
      expect({ file: a.name, verdict: v.verdict }).toEqual({ file: a.name, verdict: 'unreadable' });
    }
  }, 120_000);

  it('cuts a 50 MB body off with 413 without buffering it', async () => {
    const before = await rowCounts(db);
    const head = Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="applicantId"\r\n\r\n${applicantId}\r\n` +
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="front"; filename="big.jpg"\r\n` +
        `Content-Type: image/jpeg\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
    const chunk = Buffer.alloc(256 * 1024, 0xaa);
    const chunks = 200; // 50 MB
    function* body() {
      yield head;
      for (let i = 0; i < chunks; i++) yield chunk;
      yield tail;
    }
    const pid = service.api.child.pid!;
    const start = sampleProcess(pid)!.rss;
    let peak = start;
    const sampler = setInterval(() => (peak = Math.max(peak, sampleProcess(pid)?.rss ?? 0)), 5);
    const res = await rawRequest(service.url, '/v1/verifications', {
      headers: {
        ...service.auth,
        'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`,
        'Content-Length': head.length + chunk.length * chunks + tail.length,
      },
      body: body(),
    }).finally(() => clearInterval(sampler));
    expectRefusal(res, 413);
    // The upload limit is 10 MB: what the API held of the 50 MB stays well under the body's size.
    expect((peak - start) / MB).toBeLessThan(40);
    expect(await rowCounts(db)).toEqual(before);
  }, 60_000);

  it('refuses malformed multipart bodies with a clear 400', async () => {
    const before = await rowCounts(db);
    const jpeg = photo().bytes;
    const good = multipart(BOUNDARY, [
      { name: 'applicantId', data: applicantId },
      { name: 'front', data: jpeg, filename: 'f.jpg', contentType: 'image/jpeg' },
    ]);
    const cases: Array<[string, Record<string, string>, Buffer]> = [
      ['a boundary the body does not use', { 'Content-Type': 'multipart/form-data; boundary=other' }, good],
      ['no boundary at all', { 'Content-Type': 'multipart/form-data' }, good],
      [
        'a body cut off mid-file',
        { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` },
        good.subarray(0, good.length - 2000),
      ],
      [
        'a part without headers',
        { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` },
        Buffer.from(`--${BOUNDARY}\r\n\r\ngarbage\r\n--${BOUNDARY}--\r\n`),
      ],
      [
        'three files where two are allowed',
        { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` },
        multipart(BOUNDARY, [
          { name: 'applicantId', data: applicantId },
          ...['front', 'back', 'front'].map((name) => ({ name, data: jpeg, filename: 'f.jpg' })),
        ]),
      ],
    ];
    for (const [name, headers, body] of cases) {
      const res = await rawRequest(service.url, '/v1/verifications', {
        headers: { ...service.auth, ...headers },
        body,
      });
      expect({ case: name, status: res.status >= 400 && res.status < 500 }).toEqual({
        case: name,
        status: true,
      });
      expectRefusal(res);
    }
    expect(await rowCounts(db)).toEqual(before);
  });

  it('refuses bodies of the wrong content type', async () => {
    const before = await rowCounts(db);
    const jpeg = photo().bytes;
    const cases: Array<[string, string, Buffer, number]> = [
      ['raw JPEG bytes declared as JSON', 'application/json', jpeg, 400],
      ['raw JPEG bytes declared as a JPEG', 'image/jpeg', jpeg, 400],
      ['JSON instead of a form', 'application/json', Buffer.from(JSON.stringify({ applicantId })), 400],
      [
        'a URL-encoded form without a file',
        'application/x-www-form-urlencoded',
        Buffer.from(`applicantId=${applicantId}`),
        400,
      ],
      [
        'JSON in Latin-1',
        'application/json; charset=latin1',
        Buffer.from('{"applicantId":"\xe9"}', 'latin1'),
        415,
      ],
    ];
    for (const [name, type, body, status] of cases) {
      const res = await rawRequest(service.url, '/v1/verifications', {
        headers: { ...service.auth, 'Content-Type': type },
        body,
      });
      expect({ case: name, status: res.status }).toEqual({ case: name, status });
      expectRefusal(res);
    }
    expect(await rowCounts(db)).toEqual(before);
  });

  it('refuses SQL and script fragments in the upload fields, or stores them as plain text', async () => {
    const jpeg = photo();
    const before = await rowCounts(db);
    for (const [field, value] of [
      ['applicantId', `' OR '1'='1`],
      ['applicantId', `00000000-0000-0000-0000-000000000000'; DROP TABLE verifications; --`],
      ['documentType', `<script>alert(1)</script>`],
      ['documentType', `passport' OR 1=1 --`],
    ]) {
      const parts = [
        { name: 'applicantId', data: applicantId },
        { name: 'documentType', data: 'passport' },
        filePart(jpeg),
      ];
      const res = await send(parts.map((p) => (p.name === field ? { ...p, data: value } : p)));
      expect({ field, value, status: res.status }).toEqual({ field, value, status: expect.any(Number) });
      expectRefusal(res);
      expect([400, 404]).toContain(res.status);
    }
    const spaced = await send([{ name: 'applicantId', data: applicantId }, filePart(jpeg)], {
      'Idempotency-Key': `x'; DROP TABLE verifications; --`,
    });
    expectRefusal(spaced, 400);
    expect(await rowCounts(db)).toEqual(before);
    // A key of visible ASCII is allowed as it is: stored and matched as a value, never run.
    const key = `'OR'1'='1';--<script>`;
    const first = await send([{ name: 'applicantId', data: applicantId }, filePart(jpeg)], {
      'Idempotency-Key': key,
    });
    const again = await send([{ name: 'applicantId', data: applicantId }, filePart(jpeg)], {
      'Idempotency-Key': key,
    });
    expect([first.status, again.status]).toEqual([202, 202]);
    expect(JSON.parse(again.text).id).toBe(JSON.parse(first.text).id);
    const stored = await db.query(`SELECT idempotency_key FROM verifications WHERE id = $1`, [
      JSON.parse(first.text).id,
    ]);
    expect(stored.rows[0].idempotency_key).toBe(key);
    const list = await rawRequest(
      service.url,
      `/v1/verifications?cursor=${encodeURIComponent("' OR 1=1 --")}`,
      {
        method: 'GET',
        headers: service.auth,
      },
    );
    expectRefusal(list, 400);
  });

  it('is still up afterwards, and its memory came back down', async () => {
    expect((await fetch(`${service.url}/health/live`)).status).toBe(200);
    expect((await fetch(`${service.url}/health/ready`)).status).toBe(200);
    expect(service.api.child.exitCode).toBeNull();
    expect(service.workers[0].child.exitCode).toBeNull();
    // Give the allocator a moment to hand back what the 50 MB and the decoders took.
    await new Promise((r) => setTimeout(r, 1500));
    const rss = sampleProcess(service.api.child.pid!)!.rss;
    expect((rss - baselineRss) / MB).toBeLessThan(150);
  });
});
