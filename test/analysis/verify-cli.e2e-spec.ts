import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCase, type CaseSetManifest } from '@idv/synthetic';
import { runTs } from '@idv/testing';

/** `npm run cli -- verify`: in-process, no PostgreSQL/Redis (pointed at nothing to prove it), verdict JSON on stdout. */
describe('npm run cli -- verify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'idv-verify-'));
  const noServices = { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', REDIS_URL: 'redis://127.0.0.1:1' };
  const verify = (args: string[], env: Record<string, string> = {}) =>
    runTs('apps/cli/src/main.ts', ['verify', ...args], { ...noServices, ...env }, 240_000);
  let front: string;
  let record: string;
  let wholeName: string;

  beforeAll(async () => {
    const { case: c, images } = await generateCase(1, { scenario: 'clean', documentType: 'passport' });
    front = join(dir, 'front.png');
    record = join(dir, 'record.json');
    writeFileSync(front, images.front);
    writeFileSync(record, JSON.stringify(c.record));
    // The same person registered as Chinese wallets ask: the whole name in one field, and the document's type.
    const { surname, givenNames, ...rest } = c.record as unknown as Record<string, string>;
    wholeName = join(dir, 'whole-name.json');
    writeFileSync(
      wholeName,
      JSON.stringify({ ...rest, fullName: `${givenNames} ${surname}`, documentType: 'passport' }),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the verdict body of GET /v1/verifications/:id without ids and timestamps', async () => {
    const res = await verify(['--front', front, '--record', record, '--today', '2026-11-01']);
    expect(res.code).toBe(0);
    const body = JSON.parse(res.stdout) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'completed', verdict: 'accepted', reasons: [], review: null });
    expect(body).toHaveProperty('document.format', 'TD3');
    expect(body).toHaveProperty('checks.mrz.valid', true);
    expect(body).toHaveProperty('checks.comparison.surname', 'match');
    expect(body).not.toHaveProperty('id');
    expect(body).not.toHaveProperty('createdAt');
  });

  it('takes a record with the whole name and the document type, and compares the whole name', async () => {
    const res = await verify(['--front', front, '--record', wholeName, '--today', '2026-11-01']);
    expect(res.code).toBe(0);
    const body = JSON.parse(res.stdout) as Record<string, unknown>;
    expect(body).toMatchObject({ verdict: 'accepted' });
    expect(body).toHaveProperty('checks.comparison.fullName', 'match');
    expect(body).not.toHaveProperty('checks.comparison.surname');
  });

  it('says in one line what is wrong with the input, and exits non-zero', async () => {
    const pdf = join(dir, 'scan.pdf');
    writeFileSync(pdf, '%PDF-1.7\n%%EOF\n');
    const badRecord = join(dir, 'bad.json');
    writeFileSync(
      badRecord,
      JSON.stringify({
        externalId: 'x',
        surname: 'ERIKSSON',
        givenNames: 'ANNA',
        dateOfBirth: '2990-01-01',
        nationality: 'SWE',
      }),
    );
    const badNumber = join(dir, 'bad-number.json');
    writeFileSync(
      badNumber,
      JSON.stringify({
        externalId: 'y',
        fullName: '王小明',
        dateOfBirth: '1990-03-07',
        nationality: 'CHN',
        documentType: 'cn_resident_id',
        documentNumber: '110105199003071230',
      }),
    );
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "surname": ');
    const cases: [string[], RegExp][] = [
      [['--front', join(dir, 'missing.png'), '--record', record], /Cannot read --front .*no such file/],
      [
        ['--front', pdf, '--record', record],
        /Not a usable image: front: The file is not a JPEG, PNG, WebP or TIFF image/,
      ],
      [['--front', front, '--record', broken], /is not valid JSON/],
      [['--front', front, '--record', badRecord], /not a valid registration record: dateOfBirth: /],
      [
        ['--front', front, '--record', badNumber],
        /not a valid registration record: documentNumber: .*check character/,
      ],
    ];
    for (const [args, message] of cases) {
      const res = await verify(args);
      expect({ args, code: res.code, stdout: res.stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(res.stderr.trim().split('\n')).toHaveLength(1);
      expect(res.stderr).toMatch(message);
    }
  });
  it('refuses a document smaller than IDV_MIN_DOCUMENT_PIXELS, and names a bad value of the setting', async () => {
    const strict = await verify(['--front', front, '--record', record, '--today', '2026-11-01'], {
      IDV_MIN_DOCUMENT_PIXELS: '4000',
    });
    expect(strict.code).toBe(0);
    const body = JSON.parse(strict.stdout) as {
      verdict: string;
      reasons: { code: string }[];
      engineVersion: string;
    };
    expect(body.verdict).toBe('unreadable');
    expect(body.reasons.map((r) => r.code)).toEqual(['IMAGE_LOW_RESOLUTION']);
    expect(body.engineVersion).toContain('+min-document-4000px');
    const bad = await verify(['--front', front, '--record', record], { IDV_MIN_DOCUMENT_PIXELS: 'tiny' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim()).toMatch(/^Invalid configuration: IDV_MIN_DOCUMENT_PIXELS="tiny": /);
  });

  describe('--cases: a case set through one warm engine', () => {
    const set = join(dir, 'set');
    let manifest: CaseSetManifest;

    beforeAll(async () => {
      const res = await runTs('apps/cli/src/main.ts', [
        'samples',
        '--out',
        set,
        '--count',
        '8',
        '--seed',
        '7',
      ]);
      expect(res.code).toBe(0);
      manifest = JSON.parse(readFileSync(join(set, 'cases.json'), 'utf8')) as CaseSetManifest;
    }, 240_000);

    it('prints one verdict line per case and a summary of expected against got; clean cases get theirs', async () => {
      const res = await verify(['--cases', join(set, 'cases.json')]);
      expect(res.code).toBe(0);
      const lines = res.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines.map((l) => l.id)).toEqual(manifest.cases.map((c) => c.id));
      for (const [i, c] of manifest.cases.entries()) {
        expect(lines[i]).toMatchObject({ expectedVerdict: c.expectedVerdict, status: 'completed' });
        expect(lines[i]).toHaveProperty('checks.quality');
      }
      const clean = manifest.cases.filter((c) => c.scenario === 'clean');
      expect(clean.length).toBeGreaterThan(0);
      for (const c of clean) {
        const line = lines.find((l) => l.id === c.id)!;
        expect({ id: c.id, verdict: line.verdict }).toEqual({ id: c.id, verdict: c.expectedVerdict });
      }
      const agreeing = lines.filter((l) => l.verdict === l.expectedVerdict).length;
      expect(res.stderr).toContain(`8 cases in `);
      expect(res.stderr).toContain(`: ${agreeing} of 8 verdicts as expected`);
      for (const verdict of new Set(manifest.cases.map((c) => c.expectedVerdict)))
        expect(res.stderr).toMatch(
          new RegExp(
            `expected ${verdict} +${manifest.cases.filter((c) => c.expectedVerdict === verdict).length}: `,
          ),
        );
    }, 240_000);

    it('verifies the other cases when one cannot be, says why on its line, and exits 1', async () => {
      const clean = manifest.cases.find((c) => c.scenario === 'clean')!;
      const broken: CaseSetManifest = {
        ...manifest,
        cases: [
          { ...clean, id: 'missing-image', files: { front: 'nowhere.png' } },
          {
            ...clean,
            id: 'bad-record',
            record: { ...clean.record, dateOfBirth: '2990-01-01' },
          },
          clean,
        ],
      };
      const file = join(set, 'broken.json');
      writeFileSync(file, JSON.stringify(broken));
      const res = await verify(['--cases', file]);
      expect(res.code).toBe(1);
      const lines = res.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines[0]).toEqual({
        id: 'missing-image',
        error: expect.stringMatching(/Cannot read front .*no such file/),
      });
      expect(lines[1]).toEqual({
        id: 'bad-record',
        error: expect.stringMatching(/its record is not a valid registration record: dateOfBirth: /),
      });
      expect(lines[2]).toMatchObject({
        id: clean.id,
        verdict: clean.expectedVerdict,
      });
      expect(res.stderr).toContain('2 could not be verified');
      const notAList = join(set, 'not-a-list.json');
      writeFileSync(notAList, '{"cases": 3}');
      const usage = await verify(['--cases', notAList]);
      expect([usage.code, usage.stdout]).toEqual([2, '']);
      expect(usage.stderr.trim()).toMatch(/has no "cases" list/);
    }, 240_000);
  });
});
