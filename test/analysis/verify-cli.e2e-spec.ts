import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCardCase, generateCase, type CaseSetManifest, type GeneratedCardCase } from '@idv/synthetic';
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

  it('compares a record with no given names with the MRZ: empty given-names field a match, given names a mismatch', async () => {
    // A passport of a person with a surname only: its MRZ name field is HUBER<<<<… with no given names.
    const single = await generateCase(1, { scenario: 'clean', documentType: 'passport', singleName: true });
    expect(single.case.record.givenNames).toBe('');
    expect(single.case.groundTruth.mrzGivenNames).toBe('');
    const singleFront = join(dir, 'single-front.png');
    const singleRecord = join(dir, 'single-record.json');
    writeFileSync(singleFront, single.images.front);
    writeFileSync(singleRecord, JSON.stringify(single.case.record));
    const emptyGiven = join(dir, 'empty-given.json');
    writeFileSync(
      emptyGiven,
      JSON.stringify({ ...JSON.parse(readFileSync(record, 'utf8')), givenNames: '' }),
    );

    const matched = await verify(['--front', singleFront, '--record', singleRecord, '--today', '2026-11-01']);
    expect(matched.code).toBe(0);
    const same = JSON.parse(matched.stdout) as Record<string, unknown>;
    expect(same).toMatchObject({ verdict: 'accepted', reasons: [] });
    expect(same).toHaveProperty('checks.comparison.givenNames', 'match');

    // The same kind of record against a passport that prints given names.
    const differs = await verify(['--front', front, '--record', emptyGiven, '--today', '2026-11-01']);
    expect(differs.code).toBe(0);
    const other = JSON.parse(differs.stdout) as {
      verdict: string;
      reasons: Array<{ code: string; field: string }>;
    };
    expect(other.verdict).toBe('mismatch');
    expect(other.reasons).toEqual([expect.objectContaining({ code: 'FIELD_MISMATCH', field: 'givenNames' })]);
    expect(other).toHaveProperty('checks.comparison.givenNames', 'mismatch');
  }, 180_000);

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
  }, 180_000);
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

    it('verifies the identity cards `samples --cards` writes beside the documents, each as its documentType', async () => {
      const cardSet = join(dir, 'card-set');
      const made = await runTs('apps/cli/src/main.ts', [
        'samples',
        '--out',
        cardSet,
        '--count',
        '0',
        '--seed',
        '23',
        '--cards',
        '2',
        '--kind',
        'hk_identity_card',
      ]);
      expect(made.code).toBe(0);
      const cards = (JSON.parse(readFileSync(join(cardSet, 'cases.json'), 'utf8')) as CaseSetManifest).cards!;
      expect(cards).toHaveLength(2);
      const res = await verify(['--cases', join(cardSet, 'cases.json')]);
      expect(res.code).toBe(0);
      const lines = res.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown> & { document: { type: string | null } });
      expect(lines.map((l) => l.id)).toEqual(cards.map((c) => c.id));
      for (const [i, c] of cards.entries())
        expect(lines[i]).toMatchObject({ expectedVerdict: c.expectedVerdict, status: 'completed' });
      // Read as the HKID card it was declared to be (an HKID card read without its type would be unsupported).
      expect(lines.filter((l) => l.document.type === 'hk_identity_card').length).toBeGreaterThan(0);
      expect(res.stderr).toContain('2 cases in ');
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

/**
 * The same command with the Chinese and Hong Kong cards, read from their printed fields. The seeds are cards
 * the reader reads right today (checked against the generator's ground truth with the analyser).
 */
describe('npm run cli -- verify with Chinese and Hong Kong identity cards', () => {
  const dir = mkdtempSync(join(tmpdir(), 'idv-verify-cards-'));
  const noServices = { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', REDIS_URL: 'redis://127.0.0.1:1' };
  let resident: GeneratedCardCase;
  let hkid: GeneratedCardCase;

  /**
   * Runs `verify` on the case's record and the given sides (written to files), declaring the case's document
   * type. Two card sides through Han OCR take seconds each on a busy machine: minutes for the child, not one.
   */
  async function verifyCard(g: GeneratedCardCase, sides: ('front' | 'back')[]) {
    const record = join(dir, `${g.case.id}-record.json`);
    writeFileSync(record, JSON.stringify(g.case.record));
    const args = [
      'verify',
      '--record',
      record,
      '--document-type',
      g.case.documentType,
      '--today',
      g.case.today,
    ];
    for (const side of sides) {
      const file = join(dir, `${g.case.id}-${side}.png`);
      writeFileSync(file, g.images[side]!);
      args.push(`--${side}`, file);
    }
    const res = await runTs('apps/cli/src/main.ts', args, noServices, 300_000);
    expect({ code: res.code, stderr: res.stderr }).toEqual({ code: 0, stderr: expect.any(String) });
    return JSON.parse(res.stdout) as Record<string, unknown> & { verdict: string; reasons: unknown[] };
  }

  beforeAll(async () => {
    resident = await generateCardCase(23, { kind: 'cn_resident_id', scenario: 'clean' });
    hkid = await generateCardCase(57, { kind: 'hk_identity_card', scenario: 'clean' });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts both sides of a Resident ID card that match the record, with the card’s fields and number checks', async () => {
    const truth = resident.case.groundTruth;
    const body = await verifyCard(resident, ['front', 'back']);
    expect(body).toMatchObject({
      verdict: 'accepted',
      reasons: [],
      document: {
        type: 'cn_resident_id',
        format: 'CN_RESIDENT_ID',
        documentNumber: truth.fields.documentNumber!.value,
        fullName: truth.fields.fullName!.value,
        dateOfBirth: truth.fields.dateOfBirth!.value,
        validFrom: truth.validFrom,
        expiryDate: truth.expiryDate,
      },
      checks: {
        idNumber: { valid: true, dateOfBirthConsistent: true, sexConsistent: true, regionKnown: true },
        comparison: { fullName: 'match', dateOfBirth: 'match' },
        mrz: { found: false },
      },
    });
  }, 600_000);

  it('calls the portrait side alone unreadable, naming the missing emblem side in both languages', async () => {
    const body = await verifyCard(resident, ['front']);
    expect(body.verdict).toBe('unreadable');
    expect(body.reasons).toEqual([
      {
        code: 'DOCUMENT_SIDE_MISSING',
        field: 'back',
        message: expect.any(String),
        hint: {
          en: 'Please also upload a photo of the national emblem side (国徽面) of your ID card.',
          'zh-CN': '请同时上传身份证国徽面的照片。',
        },
      },
    ]);
  }, 600_000);

  it('accepts an HKID card with its English and Chinese names, and without an expiry', async () => {
    const truth = hkid.case.groundTruth;
    const body = await verifyCard(hkid, ['front']);
    expect(body).toMatchObject({
      verdict: 'accepted',
      document: {
        type: 'hk_identity_card',
        format: 'HKID',
        documentNumber: truth.fields.documentNumber!.value,
        fullName: truth.fields.fullName!.value,
        chineseName: truth.fields.chineseName!.value,
        dateOfBirth: truth.fields.dateOfBirth!.value,
        permanent: truth.permanent,
        expiryDate: null,
      },
      checks: { idNumber: { valid: true } },
    });
  }, 600_000);
});
