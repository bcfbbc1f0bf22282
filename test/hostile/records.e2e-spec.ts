import { Client } from 'pg';
import { nameProblem } from '@idv/applicants';
import { sampleProcess } from '@idv/testing';
import { startService, type RealService } from '../support/service.harness';
import { rawRequest, rowCounts, type RawResponse } from './raw-http';

const MB = 1024 * 1024;

/** Fragments that would do harm if anything concatenated them into SQL or HTML. */
const FRAGMENTS = [
  `'; DROP TABLE applicants; --`,
  `" OR "1"="1`,
  `O'Brien`,
  `1); DELETE FROM verifications WHERE (1=1`,
  `<script>alert("x")</script>`,
  `<img src=x onerror=alert(1)>`,
  `{{7*7}}\${7*7}`,
  `Robert'); SELECT pg_sleep(5); --`,
];

const VALID = {
  surname: 'ERIKSSON',
  givenNames: 'ANNA MARIA',
  dateOfBirth: '1974-08-12',
  nationality: 'SWE',
  sex: 'F',
  documentNumber: 'L898902C3',
  phone: '+46701234567',
  email: 'anna@example.com',
};

/**
 * Hostile JSON against POST /v1/applicants on the real API process: deeply nested and huge bodies, control and
 * bidirectional characters, very long names, SQL and script fragments in every field. Each is a clear 4xx or is
 * stored verbatim and returned as a JSON string; nothing is executed and nothing refused is written.
 */
describe('hostile registration records', () => {
  let service: RealService;
  let db: Client;
  let serial = 0;

  beforeAll(async () => {
    service = await startService('hostilerec', { workers: 0 });
    db = new Client({ connectionString: service.databaseUrl });
    await db.connect();
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await service?.close();
  });

  const post = (body: Buffer | string, type = 'application/json') =>
    rawRequest(service.url, '/v1/applicants', {
      headers: { ...service.auth, 'Content-Type': type },
      body: Buffer.from(body),
    });
  const register = (fields: Record<string, unknown>) =>
    post(JSON.stringify({ externalId: `hostile-${++serial}`, ...VALID, ...fields }));

  const expectRefusal = async (res: RawResponse, status?: number) => {
    if (status) expect(res.status).toBe(status);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = JSON.parse(res.text) as { error: string; message: string };
    expect(body.error).toMatch(/^[a-z0-9_]+$/);
  };

  it('refuses 100,000 levels of nesting and a 5 MB body, and stays up', async () => {
    const before = await rowCounts(db);
    const pid = service.api.child.pid!;
    const depth = 100_000;
    const cases: Array<[string, string, number]> = [
      ['100k nested arrays', '['.repeat(depth) + ']'.repeat(depth), 400],
      [
        '40k nested objects in a field',
        `{"externalId":"deep","surname":${'{"a":'.repeat(40_000)}1${'}'.repeat(40_000)}}`,
        400,
      ],
      ['65 levels of arrays in a field', `{"externalId":${'['.repeat(65)}${']'.repeat(65)}}`, 400],
      ['100k nested objects (over the size limit)', '{"a":'.repeat(depth) + '1' + '}'.repeat(depth), 413],
      ['5 MB of JSON', JSON.stringify({ ...VALID, externalId: 'huge', padding: 'x'.repeat(5 * MB) }), 413],
      ['an unterminated string', '{"externalId":"abc', 400],
      ['a lone surrogate', '{"externalId":"a","surname":"\\ud800"}', 400],
    ];
    for (const [name, body, status] of cases) {
      const res = await post(body);
      expect({ case: name, status: res.status }).toEqual({ case: name, status });
      await expectRefusal(res);
    }
    const res = await post('externalId=x&surname=y', 'text/plain');
    expect([400, 415]).toContain(res.status);
    await expectRefusal(res);
    expect(await rowCounts(db)).toEqual(before);
    expect((await fetch(`${service.url}/health/live`)).status).toBe(200);
    expect(sampleProcess(pid)!.rss / MB).toBeLessThan(600);
  });

  it('judges control characters, bidirectional overrides and 10 KB names by the name rules', async () => {
    const names = [
      'ANNA\u0000MARIA',
      'ANNA\u0007',
      'ANNA\u001bMARIA',
      '\u202eANNA',
      'ANNA\u2066MARIA\u2069',
      'ANNA\u200bMARIA',
      'A'.repeat(10 * 1024),
      'ÅSA-BRITT',
      'ZHANG WEI 张伟',
    ];
    for (const name of names) {
      const before = await rowCounts(db);
      const res = await register({ surname: name });
      const problem = nameProblem(name);
      const shown = JSON.stringify(name.slice(0, 20));
      if (problem) {
        expect({ name: shown, status: res.status }).toEqual({ name: shown, status: 400 });
        const details = (JSON.parse(res.text) as { details: Array<{ field: string; code: string }> }).details;
        expect(details).toContainEqual(expect.objectContaining({ field: 'surname', code: problem }));
        expect(await rowCounts(db)).toEqual(before);
      } else {
        expect({ name: shown, status: res.status }).toEqual({ name: shown, status: 201 });
      }
    }
  });

  it('stores SQL and script fragments verbatim (or refuses them by the rules), never runs them', async () => {
    const fields = ['externalId', ...Object.keys(VALID)];
    for (const fragment of FRAGMENTS) {
      for (const field of fields) {
        const started = Date.now();
        const res = await register({ [field]: fragment });
        const label = { field, fragment };
        expect(Date.now() - started).toBeLessThan(4000); // pg_sleep(5) never ran
        if (res.status !== 201) {
          expect({ ...label, status: res.status }).toEqual({ ...label, status: 400 });
          await expectRefusal(res);
          const details = (JSON.parse(res.text) as { details: Array<{ field: string }> }).details;
          expect({ ...label, fields: details.map((d) => d.field) }).toEqual({ ...label, fields: [field] });
          continue;
        }
        // Names pass or fail by the same rules whatever they spell.
        if (field === 'surname' || field === 'givenNames')
          expect({ ...label, problem: nameProblem(fragment) }).toEqual({ ...label, problem: null });
        const created = JSON.parse(res.text) as { id: string };
        const read = await rawRequest(service.url, `/v1/applicants/${created.id}`, {
          method: 'GET',
          headers: service.auth,
        });
        expect(read.status).toBe(200);
        expect(read.headers['content-type']).toMatch(/^application\/json/);
        expect(read.headers['x-content-type-options']).toBe('nosniff');
        const value = (JSON.parse(read.text) as Record<string, unknown>)[field];
        expect({ ...label, value }).toEqual({ ...label, value: fragment });
      }
    }
    // The tables the fragments name are all still there, with the rows they had.
    const { rows } = await db.query(
      `SELECT to_regclass('applicants') AS a, to_regclass('verifications') AS v,
        (SELECT count(*)::int FROM applicants WHERE external_id LIKE '%''%' OR surname LIKE '%''%') AS quoted`,
    );
    expect(rows[0]).toEqual({ a: 'applicants', v: 'verifications', quoted: expect.any(Number) });
    expect(rows[0].quoted).toBeGreaterThan(0);
  }, 60_000);

  it('names with SQL pass or fail the name rules the same way as any name', async () => {
    for (const name of [`O'BRIEN`, `D'ARTAGNAN-SMITH`, `'; DROP TABLE applicants; --`, `SELECT`, `NULL`]) {
      const res = await register({ surname: name, givenNames: name });
      const expected = nameProblem(name) ? 400 : 201;
      expect({ name, status: res.status }).toEqual({ name, status: expected });
    }
  });
});
