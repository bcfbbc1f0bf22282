import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCitizenNumber, parseHkidNumber } from '@idv/id-numbers';
import { computeCheckDigit } from '@idv/mrz';
import { REPO_ROOT, runTs } from '@idv/testing';

const digest = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(join(dir, f)))
          .digest('hex'),
      ]),
  );

/** Rendering phone photos takes seconds a case; the default minute is too short on a loaded machine. */
const CLI_TIMEOUT_MS = 240_000;

describe('npm run cli -- samples', () => {
  const dirs: string[] = [];
  const fresh = () => {
    const d = mkdtempSync(join(tmpdir(), 'idv-samples-'));
    dirs.push(d);
    return d;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('writes images and cases.json, byte-identical for the same seed and different for another', async () => {
    const [a, b, c] = [fresh(), fresh(), fresh()];
    for (const [dir, seed] of [
      [a, '42'],
      [b, '42'],
      [c, '43'],
    ] as const) {
      const res = await runTs('apps/cli/src/main.ts', [
        'samples',
        '--out',
        dir,
        '--count',
        '8',
        '--seed',
        seed,
      ]);
      expect(res.code).toBe(0);
      expect(res.stdout).toMatch(/Wrote 8 cases/);
    }
    expect(digest(a)).toEqual(digest(b));
    expect(digest(a)).not.toEqual(digest(c));
    const manifest = JSON.parse(readFileSync(join(a, 'cases.json'), 'utf8'));
    expect(manifest.cases).toHaveLength(8);
    // The primary set is the default.
    expect(manifest.styleSet).toBeUndefined();
    expect(manifest.cases.every((k: { styleSet?: string }) => k.styleSet === undefined)).toBe(true);
    for (const k of manifest.cases) {
      expect(readdirSync(a)).toContain(k.files.front);
      expect(k.record).toMatchObject({
        surname: expect.any(String),
        dateOfBirth: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      });
      // Every MRZ the generator prints verifies, except the deliberately tampered ones.
      const lines: string[] = k.groundTruth.mrzLines;
      if (lines.length && k.scenario !== 'tampered') {
        const td3 = lines.length === 2 && lines[1].length === 44 && lines[0].startsWith('P');
        if (td3) expect(computeCheckDigit(lines[1].slice(0, 9))).toBe(lines[1][9]);
      }
    }
  }, 600_000);

  // Rendering CJK cards takes seconds each on a busy machine: the child gets minutes, not runTs's one.
  const samples = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    runTs('apps/cli/src/main.ts', ['samples', ...args], env, 300_000);

  it('writes identity cards beside the MRZ documents, byte-identical for the same seed', async () => {
    const [a, b, c] = [fresh(), fresh(), fresh()];
    for (const [dir, seed] of [
      [a, '42'],
      [b, '42'],
      [c, '43'],
    ] as const) {
      const res = await samples(['--out', dir, '--count', '1', '--seed', seed, '--cards', '5']);
      expect(res.code).toBe(0);
      expect(res.stdout).toMatch(/Wrote 1 cases and 5 identity cards/);
    }
    expect(digest(a)).toEqual(digest(b));
    expect(digest(a)).not.toEqual(digest(c));
    const manifest = JSON.parse(readFileSync(join(a, 'cases.json'), 'utf8'));
    // Adding cards leaves the MRZ case as a set without cards has it.
    expect(manifest.cases).toHaveLength(1);
    expect(manifest.cardSet).toEqual({
      count: 5,
      kinds: ['cn_resident_id', 'cn_residence_permit', 'hk_identity_card'],
      styleSet: 'primary',
    });
    expect(manifest.cards).toHaveLength(5);
    for (const k of manifest.cards) {
      // What an upload needs, keyed as the MRZ cases are: a front file (a lone emblem side goes as the front).
      expect(k).toMatchObject({
        id: expect.stringMatching(/^card-\d{4}$/),
        documentType: k.kind === 'hk_identity_card' ? 'hk_identity_card' : 'cn_resident_id',
        expectedVerdict: expect.any(String),
        today: manifest.today,
        record: { dateOfBirth: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
      });
      expect(k.record.fullName ?? `${k.record.surname}${k.record.givenNames}`).toBeTruthy();
      for (const file of Object.values(k.files) as string[]) expect(readdirSync(a)).toContain(file);
      expect(readdirSync(a)).toContain(k.files.front);
      // Every printed number the generator calls valid passes its own check, and no broken one does.
      const printed = k.groundTruth.fields.documentNumber.value;
      const valid =
        k.kind === 'hk_identity_card'
          ? parseHkidNumber(printed)?.checkDigitValid
          : parseCitizenNumber(printed)?.checkCharacterValid;
      expect({ id: k.id, valid: !!valid }).toEqual({ id: k.id, valid: k.groundTruth.numberValid });
    }
  }, 600_000);

  it('writes only the asked-for kind in the asked-for style set', async () => {
    const dir = fresh();
    const res = await samples([
      '--out',
      dir,
      '--count',
      '0',
      '--seed',
      '5',
      '--cards',
      '3',
      '--kind',
      'hk_identity_card',
      '--set',
      'holdout',
    ]);
    expect(res.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8'));
    expect(manifest.cases).toEqual([]);
    expect(manifest.cards.map((k: { kind: string; groundTruth: { styleSet: string } }) => k.kind)).toEqual([
      'hk_identity_card',
      'hk_identity_card',
      'hk_identity_card',
    ]);
    for (const k of manifest.cards) expect(k.groundTruth.styleSet).toBe('holdout');
  }, 300_000);

  it('refuses to draw cards without their fonts, naming the packages in one line', async () => {
    // A fontconfig that knows no font: librsvg would fall back silently, so the generator must refuse.
    const dir = fresh();
    const conf = join(dir, 'fonts.conf');
    writeFileSync(conf, '<?xml version="1.0"?>\n<fontconfig></fontconfig>\n');
    const res = await samples(['--out', join(dir, 'out'), '--count', '0', '--cards', '1'], {
      FONTCONFIG_FILE: conf,
    });
    expect(res.code).toBe(1);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(
      /^font "WenQuanYi Micro Hei".* not installed: apt-get install .*fonts-noto-cjk/,
    );
  }, 300_000);

  /**
   * A fontconfig configuration of this machine's fonts without any installed OCR-B (as on a machine without
   * fonts-ocr-b), plus `extra` lines.
   */
  const fontconfigWithoutOcrB = (extra = '') => {
    const dir = fresh();
    const file = join(dir, 'fonts.conf');
    writeFileSync(
      file,
      [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
        '<fontconfig>',
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
        '  <selectfont><rejectfont><glob>/usr/share/fonts/*ocr*</glob><glob>/usr/local/share/fonts/*ocr*</glob></rejectfont></selectfont>',
        `  <cachedir>${join(dir, 'cache')}</cachedir>`,
        extra,
        '</fontconfig>',
      ].join('\n'),
    );
    return file;
  };

  it('prints the MRZ in OCR-B on a machine without an OCR-B font, from the copy the repository carries', async () => {
    // The run: `samples --count 6 --seed 99` silently fell back to DejaVu Sans without fonts-ocr-b.
    const [carried, pointed] = [fresh(), fresh()];
    const bare = fontconfigWithoutOcrB();
    const withRepoFont = fontconfigWithoutOcrB(`  <dir>${join(REPO_ROOT, 'libs/synthetic/fonts')}</dir>`);
    for (const [dir, config] of [
      [carried, bare],
      [pointed, withRepoFont],
    ] as const) {
      const res = await runTs(
        'apps/cli/src/main.ts',
        ['samples', '--out', dir, '--count', '2', '--seed', '99'],
        { FONTCONFIG_FILE: config },
        CLI_TIMEOUT_MS,
      );
      expect({ code: res.code, stderr: res.stderr }).toEqual({ code: 0, stderr: '' });
    }
    // Byte for byte what fontconfig pointed at the repository's OCR-B draws: not a fallback face.
    expect(digest(carried)).toEqual(digest(pointed));
  }, 600_000);

  it('--set holdout writes the second set: the same bytes for the same seed, other cases than the primary set', async () => {
    const [a, b, primary] = [fresh(), fresh(), fresh()];
    for (const [dir, set] of [
      [a, 'holdout'],
      [b, 'holdout'],
      [primary, 'primary'],
    ] as const) {
      const res = await runTs(
        'apps/cli/src/main.ts',
        ['samples', '--out', dir, '--count', '3', '--seed', '5', '--set', set],
        {},
        CLI_TIMEOUT_MS,
      );
      expect(res.code).toBe(0);
      expect(res.stdout).toMatch(/Wrote 3 cases/);
    }
    expect(digest(a)).toEqual(digest(b));
    const manifest = JSON.parse(readFileSync(join(a, 'cases.json'), 'utf8'));
    const other = JSON.parse(readFileSync(join(primary, 'cases.json'), 'utf8'));
    expect(manifest.styleSet).toBe('holdout');
    expect(other.styleSet).toBeUndefined();
    for (const [i, k] of manifest.cases.entries()) {
      expect(k.styleSet).toBe('holdout');
      expect(k.groundTruth.surname).not.toBe(other.cases[i].groundTruth.surname);
      // Names with diacritics in every field.
      if (k.format !== 'none') expect(k.groundTruth.surname).toMatch(/[^A-Z '-]/);
    }
  }, 300_000);

  it('--mrz-font prints every MRZ in that face, and a face it does not know is a usage error', async () => {
    const dir = fresh();
    const res = await runTs(
      'apps/cli/src/main.ts',
      ['samples', '--out', dir, '--count', '2', '--mrz-font', 'DejaVu Sans Mono'],
      {},
      CLI_TIMEOUT_MS,
    );
    expect(res.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8'));
    for (const k of manifest.cases) if (k.format !== 'none') expect(k.mrzFont).toBe('DejaVu Sans Mono');
    const bad = await runTs(
      'apps/cli/src/main.ts',
      ['samples', '--out', fresh(), '--mrz-font', 'Comic Sans MS'],
      {},
      CLI_TIMEOUT_MS,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toMatch(/^--mrz-font must be one of "OCR B", .*not "Comic Sans MS"$/);
  }, 300_000);

  it('refuses an unknown set with a usage line and exit code 2', async () => {
    const res = await runTs(
      'apps/cli/src/main.ts',
      ['samples', '--out', fresh(), '--set', 'other'],
      {},
      CLI_TIMEOUT_MS,
    );
    expect(res.code).toBe(2);
    expect(res.stderr.trim()).toBe('--set must be primary or holdout, not "other"');
  }, 300_000);

  it('refuses a bad count with a usage line and exit code 2', async () => {
    const res = await runTs('apps/cli/src/main.ts', ['samples', '--out', fresh(), '--count', 'many']);
    expect(res.code).toBe(2);
    expect(res.stderr.trim()).toBe('--count must be a whole number, not "many"');
  });

  it('refuses an unknown card kind or style set with a usage line and exit code 2', async () => {
    const kind = await samples(['--out', fresh(), '--cards', '2', '--kind', 'drivers_license']);
    expect(kind.code).toBe(2);
    expect(kind.stderr.trim()).toBe(
      '--kind must be all or one or more of cn_resident_id, cn_residence_permit, hk_identity_card, not "drivers_license"',
    );
    const set = await samples(['--out', fresh(), '--cards', '2', '--set', 'other']);
    expect(set.code).toBe(2);
    expect(set.stderr.trim()).toBe('--set must be primary or holdout, not "other"');
  }, 300_000);
});
